// @vitest-environment jsdom
import type { RunListItem } from '@contracts/reviews.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const item = (overrides: Partial<RunListItem> = {}): RunListItem => ({
  id: 'run-1',
  trialId: 't1',
  trialTitle: 'Klarsprog i breve',
  assistant: 'letter',
  status: 'DRAFT',
  guardDecision: 'masked',
  fourEyes: true,
  createdAt: '2026-11-27T10:00:00.000Z',
  requester: { id: 'u-emp', name: 'Mette Medarbejder' },
  awaiting: 'second_approval',
  experienceLogged: false,
  experienceDue: false,
  ...overrides,
});

const NOTHING_WAITS = { experienceDue: 0, waitingForColleague: 0, waitingForYou: 0 };

describe('"Mine kørsler"', () => {
  it('shows my runs, and a leader switches to those awaiting a second approval; each row links to the run', async () => {
    fakeApi(makeUser('LEADER'));
    // Answers by the query string, which the shared fake ignores.
    const inner = globalThis.fetch;
    const asked: string[] = [];
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      if (!url.startsWith('/api/runs?')) return inner(input, init);
      asked.push(url);
      const runs = url.includes('awaiting=second_approval')
        ? [item({ id: 'run-2', trialTitle: 'Referater af teammøder', assistant: 'minutes', requester: { id: 'u-x', name: 'Anden' } })]
        : [item({ awaiting: null, status: 'APPROVED', fourEyes: false })];
      return Promise.resolve(
        new Response(JSON.stringify({ runs, summary: NOTHING_WAITS, nextCursor: null }), { status: 200, headers: { 'Content-Type': 'application/json' } }),
      );
    });
    renderApp('/koersler');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mine kørsler' })).toBeTruthy();
    const mine = await screen.findByTestId('runs-table');
    expect(within(mine).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Assistent', 'Prøvehandling', 'Status', 'Næste skridt', 'Dato']);
    expect(within(mine).getAllByRole('cell').slice(0, 2).map((c) => c.textContent)).toEqual(['Klarsprog i breve', 'Godkendt']);
    expect(asked[0]).toContain('mine=true');

    fireEvent.click(screen.getByRole('button', { name: 'Afventer anden godkendelse' }));

    await waitFor(() => expect(screen.getByTestId('runs-table').textContent).toContain('Referater af teammøder'));
    expect(asked.at(-1)).toContain('awaiting=second_approval');
    expect(screen.getByTestId('runs-view-heading').textContent).toBe('Afventer anden godkendelse');
    expect(screen.getByTestId('runs-table').textContent).toContain('Venter på anden godkendelse');
    const link = within(screen.getByTestId('runs-table')).getByRole('link', { name: /^Referat/ });
    expect(link.getAttribute('href')).toBe('/koersler/run-2');
  });

  it('says at the top what waits, and marks each run that misses its experience log or waits for a second approval', async () => {
    fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/runs': {
        status: 200,
        body: {
          runs: [
            item({ id: 'run-1', status: 'APPROVED', awaiting: null, experienceDue: true }),
            item({ id: 'run-2', trialTitle: 'Partshøringer', experienceDue: true }),
            item({ id: 'run-3', trialTitle: 'Afgørelser', status: 'APPROVED', awaiting: null, fourEyes: false, experienceLogged: true }),
          ],
          summary: { experienceDue: 2, waitingForColleague: 1, waitingForYou: 0 },
          nextCursor: null,
        },
      },
    });
    renderApp('/koersler');

    const summary = await screen.findByTestId('runs-summary');
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '2 af dine kørsler mangler erfaringslog.',
      '1 af dine kørsler venter på anden godkendelse fra en kollega.',
    ]);
    const rows = within(screen.getByTestId('runs-table')).getAllByRole('row').slice(1);
    const waitsFor = rows.map((row) => within(row).getAllByRole('cell')[2]!.textContent);
    expect(waitsFor).toEqual(['Mangler erfaringslog', 'Venter på anden godkendelse Mangler erfaringslog', '']);
    // A phone stacks each row with its column names (DKFDS responsive headers) instead of scrolling sideways.
    expect(screen.getByTestId('runs-table').className).toContain('table--responsive-headers');
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.getAttribute('data-title'))).toEqual(['Prøvehandling', 'Status', 'Næste skridt', 'Dato']);
  });

  it('employees do not get the second-approval view', async () => {
    fakeApi(makeUser('EMPLOYEE'), { 'GET /api/runs': { status: 200, body: { runs: [], summary: NOTHING_WAITS, nextCursor: null } } });
    renderApp('/koersler');
    expect(await screen.findByText('Du har ikke lavet nogen kørsler endnu.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Afventer anden godkendelse' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Afventer gennemgang' })).toBeTruthy();
  });
});

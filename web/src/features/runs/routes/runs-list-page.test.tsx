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
  ...overrides,
});

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
      return Promise.resolve(new Response(JSON.stringify({ runs, nextCursor: null }), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    });
    renderApp('/koersler');

    expect(await screen.findByRole('heading', { level: 1, name: 'Mine kørsler' })).toBeTruthy();
    const mine = await screen.findByTestId('runs-table');
    expect(within(mine).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Assistent', 'Prøvehandling', 'Status', 'Dato']);
    expect(within(mine).getAllByRole('cell').slice(1, 3).map((c) => c.textContent)).toEqual(['Klarsprog i breve', 'Godkendt']);
    expect(asked[0]).toContain('mine=true');

    fireEvent.click(screen.getByRole('button', { name: 'Afventer anden godkendelse' }));

    await waitFor(() => expect(screen.getByTestId('runs-table').textContent).toContain('Referater af teammøder'));
    expect(asked.at(-1)).toContain('awaiting=second_approval');
    expect(screen.getByTestId('runs-view-heading').textContent).toBe('Afventer anden godkendelse');
    expect(screen.getByTestId('runs-table').textContent).toContain('Venter på anden godkender');
    const link = within(screen.getByTestId('runs-table')).getByRole('link', { name: /^Referat/ });
    expect(link.getAttribute('href')).toBe('/koersler/run-2');
  });

  it('employees do not get the second-approval view', async () => {
    fakeApi(makeUser('EMPLOYEE'), { 'GET /api/runs': { status: 200, body: { runs: [], nextCursor: null } } });
    renderApp('/koersler');
    expect(await screen.findByText('Du har ikke lavet nogen kørsler endnu.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Afventer anden godkendelse' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Afventer gennemgang' })).toBeTruthy();
  });
});

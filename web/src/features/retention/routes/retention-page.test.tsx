// @vitest-environment jsdom
import type { RetentionOverview } from '@contracts/retention.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const OVERVIEW: RetentionOverview = {
  due: {
    runs: 2,
    documents: 1,
    items: [
      { kind: 'run', id: 'r1', trialId: 't1', trialTitle: 'Klarsprog i breve', policyId: 'borgerbreve-maskering', policyTitle: 'Breve til borgere med pseudonymisering', retainUntil: '2026-11-20T10:00:00.000Z' },
      { kind: 'run', id: 'r2', trialId: 't1', trialTitle: 'Klarsprog i breve', policyId: 'borgerbreve-maskering', policyTitle: 'Breve til borgere med pseudonymisering', retainUntil: '2026-11-21T10:00:00.000Z' },
      { kind: 'document', id: 'd1', trialId: 't2', trialTitle: 'Spørg vejledningerne', policyId: 'standard', policyTitle: 'Standard', retainUntil: '2026-11-22T10:00:00.000Z' },
    ],
  },
  upcoming: { runs: 0, documents: 0, items: [] },
  sweeps: [
    {
      id: 's1', trigger: 'scheduled', startedAt: '2026-11-26T02:00:00.000Z', finishedAt: '2026-11-26T02:00:01.000Z',
      runsPurged: 5, documentsPurged: 0, errorCode: null, startedById: null,
    },
  ],
  purgedTotals: { runs: 5, documents: 0 },
  nextScheduledAt: '2026-11-28T02:00:00.000Z',
};

describe('the retention page', () => {
  it('lists what is due for erasure, and "Slet forfaldent indhold nu" asks first, then runs a sweep and reports the counts', async () => {
    let overview = OVERVIEW;
    const fake = fakeApi(makeUser('DIGITAL_UNIT'), {
      'GET /api/retention': () => ({ status: 200, body: overview }),
      'POST /api/retention/sweeps': () => {
        overview = { ...OVERVIEW, due: { runs: 0, documents: 0, items: [] }, purgedTotals: { runs: 7, documents: 1 } };
        return {
          status: 201,
          body: {
            sweep: {
              id: 's2', trigger: 'manual', startedAt: '2026-11-27T10:00:00.000Z', finishedAt: '2026-11-27T10:00:01.000Z',
              runsPurged: 2, documentsPurged: 1, errorCode: null, startedById: 'u-dig',
            },
          },
        };
      },
    });
    renderApp('/opbevaring');

    expect(await screen.findByRole('heading', { level: 1, name: 'Opbevaring og sletning' })).toBeTruthy();
    const due = await screen.findByTestId('retention-due');
    expect(within(due).getByTestId('retention-due-counts').textContent).toBe('2 kørsler og 1 dokument.');
    const rows = within(due).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['Kørsel', 'Kørsel', 'Dokument']);
    expect(rows[2]!.textContent).toContain('Spørg vejledningerne');
    // The policy by its title, as everywhere else in the app.
    expect(rows[0]!.textContent).toContain('Breve til borgere med pseudonymisering');
    expect(rows[0]!.textContent).not.toContain('borgerbreve-maskering');
    expect(screen.getByText('Intet indhold skal slettes den næste uge.')).toBeTruthy();
    expect(within(screen.getByTestId('retention-sweeps')).getAllByRole('cell').map((c) => c.textContent)).toContain('Planlagt');

    fireEvent.click(screen.getByRole('button', { name: 'Slet forfaldent indhold nu' }));
    const confirm = screen.getByTestId('retention-confirm');
    expect(confirm.textContent).toContain('Det kan ikke fortrydes');
    expect(fake.calls('POST', '/api/retention/sweeps')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, slet nu' }));

    const status = screen.getByTestId('retention-status');
    expect(status.getAttribute('role')).toBe('status');
    await waitFor(() => expect(status.textContent).toBe('Sletningen er gennemført: 2 kørsler og 1 dokument er slettet.'));
    expect(fake.calls('POST', '/api/retention/sweeps')).toHaveLength(1);
    await waitFor(() => expect(screen.getByText('Intet indhold er forfaldent til sletning.')).toBeTruthy());
    expect(screen.getByTestId('retention-totals').textContent).toBe('Slettet i alt: 7 kørsler og 1 dokument.');
  });

  it('is not offered to employees: no menu item, and the address says no access', async () => {
    const fake = fakeApi(makeUser('EMPLOYEE'), {});
    renderApp('/opbevaring');
    expect(await screen.findByText(/ikke adgang/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Opbevaring og sletning' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Kørsler' })).toBeTruthy();
    expect(fake.calls('GET', '/api/retention')).toHaveLength(0);
  });
});

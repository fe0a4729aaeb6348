// @vitest-environment jsdom
import type { JobQueueResponse } from '@contracts/jobs.js';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const now = Date.now();
const ago = (s: number) => new Date(now - s * 1000).toISOString();
const QUEUE: JobQueueResponse = {
  summary: { queued: 1, running: 1, failedLastDay: 2, deadLastDay: 1, oldestQueuedSeconds: 150 },
  jobs: [
    { id: 'j1', type: 'TRANSCRIPTION', status: 'QUEUED', attempts: 0, errorCode: null, createdAt: ago(150), startedAt: null, finishedAt: null, workerId: null, leaseUntil: null },
    {
      id: 'j2', type: 'INDEXING', status: 'RUNNING', attempts: 1, errorCode: null, createdAt: ago(30), startedAt: ago(20), finishedAt: null,
      workerId: 'app-2-4711-ab12', leaseUntil: new Date(now + 40_000).toISOString(),
    },
    { id: 'j3', type: 'MINUTES', status: 'FAILED', attempts: 3, errorCode: 'LEASE_EXPIRED', createdAt: ago(7_500), startedAt: ago(7_400), finishedAt: ago(7_000), workerId: null, leaseUntil: null },
  ],
};

describe('Baggrundsjob', () => {
  it('shows the digital unit the queue: counts, the longest wait, each job by kind and status, the instance holding a running one', async () => {
    fakeApi(makeUser('DIGITAL_UNIT'), { 'GET /api/jobs': { status: 200, body: QUEUE } });
    renderApp('/baggrundsjob');

    expect(await screen.findByRole('heading', { level: 1, name: 'Baggrundsjob' })).toBeTruthy();
    const summary = await screen.findByTestId('jobs-summary');
    expect(summary.textContent).toContain('Venter i kø1');
    expect(summary.textContent).toContain('Længst ventendefor 2 minutter siden');
    expect(summary.textContent).toContain('Heraf afbrudt, fordi serveren stoppede ved hvert forsøg1');
    const rows = within(screen.getByTestId('jobs-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['Udskrift af lydoptagelse', 'Indeksering af dokument', 'Referat']);
    expect(rows[0]!.textContent).toContain('I kø');
    expect(rows[1]!.textContent).toContain('På app-2-4711-ab12 til');
    expect(rows[2]!.textContent).toContain('Fejlet (serveren stoppede)');
    expect(rows[2]!.textContent).toContain('for 2 t 5 min. siden');
  });

  it('is the digital unit\'s only: an employee has no menu item and the address says no access', async () => {
    fakeApi(makeUser('EMPLOYEE'));
    renderApp('/baggrundsjob');
    expect(await screen.findByText(/ikke adgang/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Baggrundsjob' })).toBeNull();
  });
});

// @vitest-environment jsdom
import type { ComplianceDocument, ComplianceList } from '@contracts/compliance.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const HASH = (c: string) => c.repeat(64);
const doc = (over: Partial<ComplianceDocument>): ComplianceDocument => ({
  kind: 'ropa',
  title: 'Fortegnelse over behandlingsaktiviteter (GDPR art. 30)',
  factsHash: HASH('a'),
  sections: [
    { heading: 'Behandlingens formål', source: 'system', paragraphs: ['Gøre breve lettere at læse.'], items: [] },
    { heading: 'Behandlingsgrundlag', source: 'person', paragraphs: ['Skriv hjemlen i GDPR art. 6.'], items: [] },
  ],
  approval: null,
  outdated: false,
  changes: [],
  ...over,
});
const LIST = (canApprove: boolean): ComplianceList => ({
  organisation: 'Rødovre Kommune',
  trial: { id: 't1', title: 'Klarsprog i breve', possiblyHighRisk: false },
  canApprove,
  documents: [
    doc({ approval: { approvedBy: { name: 'Dina Databeskyttelse' }, approvedAt: '2026-12-01T09:00:00.000Z', current: true } }),
    doc({
      kind: 'dpia',
      title: 'Konsekvensanalyse',
      factsHash: HASH('b'),
      approval: { approvedBy: { name: 'Dina Databeskyttelse' }, approvedAt: '2026-11-20T09:00:00.000Z', current: false },
      outdated: true,
      changes: ['Formål', 'Regler for personoplysninger'],
    }),
  ],
});

describe('the trial’s documentation (compliance drafts)', () => {
  it('when a leader opens it, then each draft shows its sections marked by who writes them and whether this version is signed off', async () => {
    fakeApi(makeUser('LEADER'), { 'GET /api/trials/t1/compliance': { status: 200, body: LIST(false) } });
    renderApp('/proevehandlinger/t1/dokumentation');
    await screen.findByRole('heading', { level: 1, name: 'Dokumentation: Klarsprog i breve' });
    expect(screen.getByTestId('compliance-summary').textContent).toBe('1 af 2 udkast er godkendt af databeskyttelsesrådgiveren i den nuværende version.');
    const ropa = within(screen.getByTestId('document-ropa'));
    expect(ropa.getByRole('heading', { name: /Behandlingsgrundlag \(skrives af en person\)/ })).toBeTruthy();
    expect(ropa.getByRole('heading', { name: /Behandlingens formål \(fra arbejdsbænken\)/ })).toBeTruthy();
    expect(screen.getByTestId('status-ropa').getAttribute('data-status')).toBe('approved');
    expect(screen.getByTestId('status-dpia').textContent).toContain('Ændret siden: Formål, Regler for personoplysninger.');
    expect(screen.queryByRole('button', { name: /Godkend denne version/ })).toBeNull();
  });

  it('when the adviser signs off the outdated draft, then the version on screen is sent; a changed draft is refused with the server’s words', async () => {
    const api = fakeApi(makeUser('LEADER', { dataProtectionAdviser: true }), {
      'GET /api/trials/t1/compliance': { status: 200, body: LIST(true) },
      'POST /api/trials/t1/compliance/dpia/approval': {
        status: 409,
        body: errorBody('COMPLIANCE_DRAFT_CHANGED', 'Udkastet er ændret, siden du åbnede det. Læs den nye version, og godkend den igen.'),
      },
    });
    renderApp('/proevehandlinger/t1/dokumentation');
    const dpia = within(await screen.findByTestId('document-dpia'));
    // The current ropa version is signed off already: only the outdated draft offers a sign-off.
    expect(within(screen.getByTestId('document-ropa')).queryByRole('button', { name: /Godkend/ })).toBeNull();
    fireEvent.click(dpia.getByRole('button', { name: /Godkend denne version/ }));
    await waitFor(() => expect(api.calls('POST', '/api/trials/t1/compliance/dpia/approval')).toHaveLength(1));
    expect(api.calls('POST', '/api/trials/t1/compliance/dpia/approval')[0]?.body).toEqual({ factsHash: HASH('b') });
    expect(await dpia.findByText('Udkastet er ændret, siden du åbnede det. Læs den nye version, og godkend den igen.')).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { LETTERS, SENSITIVE, summaryOf } from '../test-fixtures';

setupWebTests();

const LIST = { status: 200, body: { policies: [summaryOf(LETTERS), summaryOf(SENSITIVE)] } };

describe('the list of data-use policies', () => {
  it('when an employee opens "Datapolitikker", then both statuses show, the awaiting one with the approval it lacks', async () => {
    const api = fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/policies': LIST,
      'GET /api/policies/foelsom-sagsbehandling-lokal': { status: 200, body: { policy: SENSITIVE } },
    });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Hovedmenu' });

    fireEvent.click(within(nav).getByRole('link', { name: 'Datapolitikker' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Datapolitikker' })).toBeTruthy();
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Datapolitikker – AI-prøvehandlinger – Rødovre Kommune'));
    const table = await screen.findByTestId('policies-table');
    const rows = within(table).getAllByTestId('policy-row');
    expect(rows.map((r) => r.getAttribute('data-policy-id'))).toEqual([LETTERS.id, SENSITIVE.id]);

    const [approved, awaiting] = rows as [HTMLElement, HTMLElement];
    expect(within(approved).getByRole('link', { name: 'Breve til borgere med pseudonymisering' }).getAttribute('href')).toBe(
      '/datapolitikker/borgerbreve-maskering',
    );
    expect(within(approved).getByText(LETTERS.explanation.da)).toBeTruthy();
    expect(within(approved).getByText('Godkendt')).toBeTruthy();
    expect(within(approved).queryByTestId('missing-approvals')).toBeNull();
    expect(within(approved).getByText('Brev til borger')).toBeTruthy();
    expect(within(approved).getByText('Azure OpenAI')).toBeTruthy();

    expect(within(awaiting).getByText('Afventer godkendelse')).toBeTruthy();
    expect((await within(awaiting).findByTestId('missing-approvals')).textContent).toBe(
      'Mangler godkendelse fra Databeskyttelsesrådgiver (DPO).',
    );
    expect(within(awaiting).getByText('Lokal eller egen sprogmodel')).toBeTruthy();
    // Only the policy awaiting approval needs its details fetched.
    expect(api.calls('GET', '/api/policies/borgerbreve-maskering')).toHaveLength(0);
  });

  it('when the list cannot be loaded, then the server’s Danish message is shown', async () => {
    fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 500, body: errorBody('INTERNAL', 'Der opstod en uventet fejl. Prøv igen om lidt.') },
    });
    renderApp('/datapolitikker');

    expect(await screen.findByText('Der opstod en uventet fejl. Prøv igen om lidt.', {}, { timeout: 5000 })).toBeTruthy();
  });
});

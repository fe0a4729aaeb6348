// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { LETTERS, SENSITIVE } from '../test-fixtures';

setupWebTests();

const policyRoute = (p: typeof LETTERS) => ({ [`GET /api/policies/${p.id}`]: { status: 200, body: { policy: p } } });

function actionOf(table: HTMLElement, dataClass: string): string {
  const row = table.querySelector(`tr[data-class="${dataClass}"]`);
  if (!row) throw new Error(`no row for ${dataClass}`);
  return within(row as HTMLElement).getByTestId('action').textContent ?? '';
}

describe('a data-use policy in plain Danish', () => {
  it('a rule that depends on where the text goes shows both actions, and a single four-eyes class reads without "mindst én"', async () => {
    const split = {
      ...LETTERS,
      dataClasses: { ...LETTERS.dataClasses, HEALTH: { local: 'allow' as const, external: 'mask' as const } },
      humanReview: { required: true, secondApprover: { whenPresent: ['HEALTH' as const] } },
    };
    fakeApi(makeUser('EMPLOYEE'), policyRoute(split));
    renderApp('/datapolitikker/borgerbreve-maskering');

    const table = await screen.findByTestId('data-classes-table');
    const row = table.querySelector('tr[data-class="HEALTH"]') as HTMLElement;
    expect(row.dataset.action).toBe('local:allow external:mask');
    expect(within(row).getByTestId('action-local').textContent).toBe('Lokalt: Tilladt');
    expect(within(row).getByTestId('action-external').textContent).toBe('Ekstern sprogmodel: Erstattes med pladsholder');
    expect(screen.getByTestId('action-legend').textContent).toContain('Alle andre sprogmodeller er eksterne.');
    expect(within(screen.getByTestId('policy-oversight')).getByRole('row', { name: /^Fire øjne/ }).querySelector('td')!.textContent).toBe(
      'Når teksten indeholder helbred',
    );
  });

  it('shows title, version, the three plain-language sections and what happens to each data class', async () => {
    fakeApi(makeUser('EMPLOYEE'), policyRoute(LETTERS));
    renderApp('/datapolitikker/borgerbreve-maskering');

    expect(await screen.findByRole('heading', { level: 1, name: 'Breve til borgere med pseudonymisering' })).toBeTruthy();
    // The title is set in an effect, which can run a moment after the heading is in the page.
    await waitFor(() => expect(document.title).toBe('Breve til borgere med pseudonymisering – AI-prøvehandlinger – Rødovre Kommune'));
    // The version is named as people name it, by the day it was approved; the content hash means nothing to them.
    expect(screen.getByTestId('policy-meta').textContent).toContain('Versionen godkendt 6. okt. 2026');
    expect(document.body.textContent).not.toContain('a1b2c3d4e5f6');
    expect(within(screen.getByTestId('policy-meta')).getByText('Godkendt')).toBeTruthy();
    expect(screen.getByText(LETTERS.explanation.da)).toBeTruthy();

    const may = screen.getByRole('region', { name: 'Det må du' });
    expect(within(may).getAllByRole('listitem').map((li) => li.textContent)).toEqual(LETTERS.plain.may.map((r) => r.da));
    const mayNot = screen.getByRole('region', { name: 'Det må du ikke' });
    expect(within(mayNot).getByText('Du må ikke bruge tekster med helbredsoplysninger.')).toBeTruthy();
    const must = screen.getByRole('region', { name: 'Det skal du' });
    expect(within(must).getByText('Du skal læse, rette og godkende hvert udkast, før det bruges.')).toBeTruthy();

    const table = screen.getByTestId('data-classes-table');
    expect(within(table).getAllByRole('row')).toHaveLength(15); // header + 14 data classes
    expect(actionOf(table, 'CPR')).toBe('Erstattes med pladsholder');
    expect(actionOf(table, 'HEALTH')).toBe('Afvises');
    expect(actionOf(table, 'POSTCODE_CITY')).toBe('Tilladt med advarsel');
    expect(actionOf(table, 'CVR')).toBe('Tilladt');
    expect(within(table).getByRole('rowheader', { name: 'CPR-nummer' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: /^Strafbare forhold/ })).toBeTruthy();

    const oversight = screen.getByTestId('policy-oversight');
    // Was "CPR-nummer og kontonummer": any one of them asks for a second approver, and the sentence says so.
    expect(within(oversight).getByRole('row', { name: /^Fire øjne/ }).querySelector('td')!.textContent).toBe(
      'Når teksten indeholder mindst én af disse: CPR-nummer eller kontonummer',
    );
    const storage = screen.getByTestId('policy-storage');
    expect(storage.textContent).toContain('Din tekst og udkastet slettes efter 30 dage');
    expect(storage.textContent).toContain('20.000 tegn ad gangen');
    expect(storage.textContent).toContain('50 om dagen');
    expect(screen.getByTestId('disclosure-label').textContent).toBe(LETTERS.disclosureLabel.da);

    const approvals = screen.getByTestId('policy-approvals');
    expect(within(approvals).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([
      'Jura',
      'IT-sikkerhed',
      'Databeskyttelsesrådgiver (DPO)',
    ]);
    expect(within(approvals).getByText('1. okt. 2026')).toBeTruthy();
    expect(screen.queryByTestId('awaiting-approval')).toBeNull();
  });

  it('when approvals are missing, then a warning says from whom and that only trials in draft may use it', async () => {
    fakeApi(makeUser('LEADER'), policyRoute(SENSITIVE));
    renderApp('/datapolitikker/foelsom-sagsbehandling-lokal');

    await screen.findByRole('heading', { level: 1, name: 'Følsom sagsbehandling – kun lokal model' });
    expect(screen.getByTestId('awaiting-approval').textContent).toContain(
      'Afventer godkendelse fra Databeskyttelsesrådgiver (DPO): kan kun bruges af prøvehandlinger i kladde',
    );
    expect(within(screen.getByTestId('policy-meta')).getByText('Afventer godkendelse')).toBeTruthy();
    const missing = screen.getByTestId('policy-approvals').querySelector('tr[data-missing="true"]') as HTMLElement;
    expect(within(missing).getByRole('rowheader').textContent).toBe('Databeskyttelsesrådgiver (DPO)');
    expect(within(missing).getByText('Afventer godkendelse')).toBeTruthy();
    expect(screen.getByTestId('policy-oversight').textContent).toContain('Ja, altid');
    expect(screen.getByTestId('policy-use').textContent).toContain('Lokal eller egen sprogmodel: llama3.1:8b og mistral-nemo');
  });

  it('when the person switches to English, then the plain-language rules and words follow', async () => {
    fakeApi(makeUser('EMPLOYEE'), policyRoute(LETTERS));
    renderApp('/datapolitikker/borgerbreve-maskering');
    await screen.findByRole('heading', { level: 1, name: 'Breve til borgere med pseudonymisering' });

    fireEvent.click(screen.getByRole('button', { name: 'Change language to English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Letters to citizens with pseudonymisation' })).toBeTruthy();
    const mayNot = screen.getByRole('region', { name: 'You may not' });
    expect(within(mayNot).getByText('You may not use texts containing health information.')).toBeTruthy();
    expect(actionOf(screen.getByTestId('data-classes-table'), 'HEALTH')).toBe('Refused');
    expect(screen.getByRole('heading', { level: 2, name: 'Try the text before you send it' })).toBeTruthy();
  });

  it('when the policy does not exist, then the page says so and links back to the list', async () => {
    fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/policies/findes-ikke': {
        status: 404,
        body: errorBody('NOT_FOUND', 'Datapolitikken findes ikke, eller du har ikke adgang til den.'),
      },
    });
    renderApp('/datapolitikker/findes-ikke');

    expect(await screen.findByRole('heading', { level: 1, name: 'Datapolitikken findes ikke' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Tilbage til datapolitikkerne' }).getAttribute('href')).toBe('/datapolitikker');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

// A CPR number with a real date and a valid modulus 11, and a name the guard knows from its gazetteer.
const CPR = '070761-4005';
const MASKED_TEXT = `Kære Jens Hansen\n\nVi har modtaget din ansøgning. Dit CPR-nummer ${CPR} er registreret.\n\nMed venlig hilsen\nBorgerservice`;
const HEALTH_TEXT = `Jens Hansen (CPR ${CPR}) har diabetes og har brug for hjælp i hjemmet.`;

const env = useBrowserAndServer();

async function signInAsEmployee(page: Page): Promise<void> {
  await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
  await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
}

async function preview(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Din tekst' }).fill(text);
  await page.getByRole('button', { name: 'Vis hvad der sendes' }).click();
  await page.getByTestId('preview-decision').waitFor();
}

describe('data-use policies in the browser', () => {
  it('an employee finds the policies in the menu, with their status and the approval still missing', async () => {
    const { page, problems } = await env.openPage();
    await signInAsEmployee(page);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Datapolitikker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datapolitikker' }).waitFor();
    const table = page.getByTestId('policies-table');
    await table.waitFor();
    const letters = table.locator('[data-policy-id="borgerbreve-maskering"]');
    expect(await letters.getByText('Godkendt', { exact: true }).count()).toBe(1);
    const sensitive = table.locator('[data-policy-id="foelsom-sagsbehandling-lokal"]');
    await sensitive.getByTestId('missing-approvals').waitFor();
    expect(await sensitive.getByTestId('missing-approvals').textContent()).toBe(
      'Mangler godkendelse fra Databeskyttelsesrådgiver (DPO).',
    );
    await page.screenshot({ path: '/tmp/e2e-policies.png', fullPage: true });
    expectNoProblems(problems);
  });

  // Was: the letter policy refused health information. It now masks it for external models and lets the offline
  // engine (this server's provider) read it; a policy that still refuses it is public information only.
  it('the policy page reads in plain Danish, and the preview masks a CPR number, keeps health information for the offline engine, and the public policy refuses it', async () => {
    const { page, problems } = await env.openPage();
    await signInAsEmployee(page);
    await page.goto(`${env.server.baseUrl}/datapolitikker/borgerbreve-maskering`);

    await page.getByRole('heading', { level: 1, name: 'Breve til borgere med pseudonymisering' }).waitFor();
    for (const name of ['Det må du', 'Det må du ikke', 'Det skal du']) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
    const classes = page.getByTestId('data-classes-table');
    expect(await classes.locator('tr[data-class="CPR"] [data-testid="action"]').textContent()).toBe('Erstattes med pladsholder');
    expect(await classes.locator('tr[data-class="HEALTH"] [data-testid="action-local"]').textContent()).toBe('Lokalt: Tilladt');
    expect(await classes.locator('tr[data-class="HEALTH"] [data-testid="action-external"]').textContent()).toBe(
      'Ekstern sprogmodel: Erstattes med pladsholder',
    );
    expect(await page.getByTestId('policy-oversight').textContent()).toContain('Når teksten indeholder mindst én af disse: CPR-nummer, kontonummer');
    expect(await page.getByTestId('policy-approvals').getByRole('rowheader').allTextContents()).toEqual([
      'Jura',
      'IT-sikkerhed',
      'Databeskyttelsesrådgiver (DPO)',
    ]);
    expect(await page.getByTestId('preview-not-saved').textContent()).toContain('Teksten gemmes ikke.');
    await page.screenshot({ path: '/tmp/e2e-policy.png', fullPage: true });

    await preview(page, MASKED_TEXT);
    const decision = page.getByTestId('preview-decision');
    expect(await decision.getByRole('heading').textContent()).toBe('Teksten kan sendes med pladsholdere');
    const marked = await page.getByTestId('preview-highlighted').locator('mark .highlight-text').allTextContents();
    expect(marked).toContain(CPR);
    const sent = (await page.getByTestId('preview-sent-text').textContent()) ?? '';
    expect(sent).not.toContain(CPR);
    expect(sent).toContain('Vi har modtaget din ansøgning.');
    await page.getByTestId('policy-preview').screenshot({ path: '/tmp/e2e-policy-preview-masked.png' });

    await preview(page, HEALTH_TEXT);
    await page.locator('[data-testid="preview-result"][data-decision="masked"]').waitFor();
    const local = (await page.getByTestId('preview-sent-text').textContent()) ?? '';
    expect(local).toContain('diabetes');
    expect(local).not.toContain(CPR);

    await page.goto(`${env.server.baseUrl}/datapolitikker/offentlig-information`);
    await page.getByRole('heading', { level: 1, name: 'Kun offentlig information' }).waitFor();
    await preview(page, HEALTH_TEXT);
    await page.locator('[data-testid="preview-result"][data-decision="blocked"]').waitFor();
    expect(await decision.getByRole('heading').textContent()).toBe('Teksten kan ikke sendes');
    expect(await decision.textContent()).toContain('helbredsoplysninger');
    expect(await page.getByRole('heading', { name: 'Det her modtager sprogmodellen' }).count()).toBe(0);
    await page.getByTestId('policy-preview').screenshot({ path: '/tmp/e2e-policy-preview-blocked.png' });
    expectNoProblems(problems);
  });
});

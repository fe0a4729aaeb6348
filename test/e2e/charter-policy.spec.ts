/**
 * The charter and its policy agree, in a real browser against the real server: a leader who picks a policy
 * that does not allow the assistant they chose is told at once, in Danish, which assistant does not fit, and
 * cannot save the charter until it is removed. The policies are the shipped ones: "Breve til borgere med
 * pseudonymisering" allows the letter assistant only.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const TITLE = 'Referater af afdelingsmøder';
const NOT_ALLOWED =
  'Datapolitikken »Breve til borgere med pseudonymisering« tillader ikke assistenten »Referater«. Fjern assistenten, eller vælg en anden datapolitik.';

const env = useBrowserAndServer();

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const assistantBoxes = (page: Page) => page.getByRole('group', { name: /^Assistenter/ }).getByRole('checkbox');

describe('the charter and its policy in the browser', () => {
  it('a leader who picks a policy that does not allow the chosen assistant is told so in Danish and cannot save the charter until it is removed', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Prøvehandlinger' }).click();
    await page.getByRole('link', { name: 'Opret prøvehandling' }).click();
    await page.getByLabel('Titel').fill(TITLE);
    await page.getByLabel('Formål').fill('Referater skal være klar samme dag som mødet.');
    const today = new Date();
    await page.getByLabel('Startdato').fill(isoDay(today));
    await page.getByLabel('Slutdato').fill(isoDay(new Date(today.getTime() + 60 * 86_400_000)));

    await page.getByLabel('Referater', { exact: true }).check();
    await page.getByLabel('Datapolitik').selectOption('borgerbreve-maskering');

    // Said at once, and the choice is kept, marked, for the leader to remove.
    const notice = page.getByTestId('charter-assistants-notice');
    await notice.getByText(NOT_ALLOWED).waitFor();
    const minutes = page.getByLabel('Referater (tillades ikke af datapolitikken)');
    expect(await minutes.isChecked()).toBe(true);

    await page.getByRole('button', { name: 'Opret prøvehandling' }).click();
    const summary = page.getByTestId('charter-errors');
    await summary.getByRole('link', { name: NOT_ALLOWED }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/proevehandlinger/ny');
    await page.screenshot({ path: '/tmp/e2e-charter-policy.png', fullPage: true });

    // Removing it leaves only what the policy allows on offer; then the charter is saved.
    // Unchecked, it is no longer on offer at all (so click, not uncheck: the box is gone afterwards).
    await minutes.click();
    await minutes.waitFor({ state: 'detached' });
    expect(await assistantBoxes(page).evaluateAll((boxes) => boxes.map((b) => b.id))).toEqual(['charter-assistants-letter']);
    expect(await notice.textContent()).toBe('');
    await page.getByLabel('Breve til borgere (klarsprog)').check();
    await page.getByRole('button', { name: 'Opret prøvehandling' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    expectNoProblems(problems);
  });
});

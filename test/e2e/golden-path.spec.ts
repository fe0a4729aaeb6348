/**
 * The Rødovre method end to end in a real browser, against the real server with a language model behind an
 * OpenAI-compatible API (the fake provider on 127.0.0.1, which records every request):
 * a leader creates a trial under a masking policy, adds a participant and starts it; the employee reads and
 * acknowledges the briefing, runs the letter assistant on a letter with a CPR number and a name, sees them
 * masked in the preview, edits and approves the draft; as the policy wants four eyes where a CPR number was
 * present, the leader approves as the second person; the employee copies the approved text and logs the
 * experience; the digital unit finds every step in the audit trail; and the provider never received the CPR
 * number or the name.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { type FakeProvider, startFakeProvider } from '../fake-provider.js';
import { expectCheckboxBesideItsLabel, expectNoProblems, signIn, useBrowserAndServer } from './browser.js';
import { CPR, LETTER, NAME } from './letter.js';

const TITLE = 'Klarsprog i afgørelser om boligstøtte';
const EDITED_LINE = 'Har du spørgsmål, så ring til Borgerservice på 36 37 38 39.';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake?.stop();
});

const env = useBrowserAndServer({
  env: () => ({ AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_MAX_RETRIES: '0' }),
});

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe('the golden path of a trial', () => {
  it('leader sets up and starts a masked letter trial; the employee is briefed, runs, edits and approves, and logs the experience; all audited; nothing personal reached the model', async () => {
    // 1. The leader creates the trial, adds the demo employee and starts it.
    const leader = await env.openPage();
    await signIn(leader.page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await menu(leader.page).getByRole('link', { name: 'Prøvehandlinger' }).click();
    await leader.page.getByRole('link', { name: 'Opret prøvehandling' }).click();
    await leader.page.getByLabel('Titel').fill(TITLE);
    await leader.page.getByLabel('Formål').fill('Afgørelser om boligstøtte skal kunne forstås af alle borgere.');
    await leader.page.getByLabel('Hypotese').fill('Breve skrevet med assistenten har lavere LIX og tager kortere tid.');
    await leader.page.getByLabel('Breve til borgere (klarsprog)').check();
    await leader.page.getByLabel('Datapolitik').selectOption('borgerbreve-maskering');
    const today = new Date();
    await leader.page.getByLabel('Startdato').fill(isoDay(today));
    await leader.page.getByLabel('Slutdato').fill(isoDay(new Date(today.getTime() + 60 * 86_400_000)));
    await leader.page
      .getByLabel('Introduktion til deltagerne')
      .fill('Assistenten foreslår et udkast i klarsprog. Den kan tage fejl: læs altid udkastet igennem, og ret det, før det sendes.');
    await leader.page.getByRole('button', { name: 'Opret prøvehandling' }).click();
    await leader.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    await leader.page.getByRole('button', { name: 'Vælg deltagere' }).click();
    await leader.page.getByLabel(new RegExp(`^${DEMO_USERS.EMPLOYEE.name}`)).check();
    await leader.page.getByRole('button', { name: 'Gem deltagere' }).click();
    await leader.page.getByText(/Deltagerne er gemt/).waitFor();
    await leader.page.getByRole('button', { name: 'Sæt prøvehandlingen i gang' }).click();
    await leader.page.getByText('Prøvehandlingen har nu status: Aktiv.').waitFor();
    await leader.page.screenshot({ path: '/tmp/e2e-golden-leader.png', fullPage: true });
    expectNoProblems(leader.problems);

    // 2. The employee reads and acknowledges the briefing.
    const employee = await env.openPage();
    const page = employee.page;
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await menu(page).getByRole('link', { name: 'Prøvehandlinger' }).click();
    const row = page.getByTestId('trials-table').getByRole('row').filter({ hasText: TITLE });
    await row.getByRole('link', { name: /Læs introduktionen først/ }).click();
    await page.getByText('Assistenten foreslår et udkast i klarsprog.').waitFor();
    await expectCheckboxBesideItsLabel(page, 'briefing-understood');
    await page.getByLabel('Jeg har læst og forstået introduktionen').check();
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();

    // 3. The letter with a CPR number and a name: masked in the preview, restored in the draft.
    await menu(page).getByRole('link', { name: 'Prøvehandlinger' }).click();
    await row.getByRole('link', { name: /^Brug assistent/ }).click();
    await page.getByRole('textbox', { name: 'Brevet, du vil have skrevet i klarsprog' }).fill(LETTER);
    await page.getByRole('button', { name: 'Se hvad der sendes' }).click();
    const sent = (await page.getByTestId('preview-sent-text').textContent()) ?? '';
    expect(sent).not.toContain(CPR);
    expect(sent).not.toContain(NAME);
    expect(sent).toMatch(/\[CPR_1\]/);
    expect(sent).toMatch(/\[NAVN_1\]/);
    await page.getByRole('button', { name: 'Lav udkast' }).click();
    await page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();
    expect(await page.getByTestId('run-draft').getByRole('heading', { level: 2 }).textContent()).toBe('UDKAST – genereret med AI');
    expect(await page.getByTestId('run-draft-text').textContent()).toContain(NAME);
    // No copy button while it is a draft.
    expect(await page.getByRole('button', { name: 'Kopiér tekst' }).count()).toBe(0);

    // 4. Edit and approve: the edit is kept with its size. The policy wants four eyes when a CPR number is in the
    //    letter, so the draft now waits for a second person, and still cannot be copied.
    await page.getByRole('button', { name: 'Ret og godkend' }).click();
    const edit = page.getByLabel('Ret teksten');
    await edit.fill(`${(await edit.inputValue()).trim()}\n\n${EDITED_LINE}`);
    await page.getByRole('button', { name: 'Godkend den rettede tekst' }).click();
    await page.getByText(/Ændringens størrelse: \d+ tegn tilføjet eller slettet\./).waitFor();
    await page.getByText('Afventer godkendelse fra en anden person').waitFor();
    expect(await page.getByRole('button', { name: 'Kopiér tekst' }).count()).toBe(0);

    // 5. The leader approves as the second person.
    await leader.page.reload();
    await menu(leader.page).getByRole('link', { name: 'Kørsler' }).click();
    await leader.page.getByRole('button', { name: 'Afventer anden godkendelse' }).click();
    const waiting = leader.page.getByRole('row').filter({ hasText: TITLE });
    await waiting.getByRole('link').first().click();
    await leader.page.getByText(EDITED_LINE).first().waitFor();
    await leader.page.getByRole('button', { name: 'Godkend', exact: true }).click();
    await leader.page.getByText('Udkastet er godkendt').first().waitFor();
    expectNoProblems(leader.problems);

    // 6. Back with the employee: the approved text can be copied now.
    await menu(page).getByRole('link', { name: 'Kørsler' }).click();
    await page.getByRole('row').filter({ hasText: TITLE }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Den godkendte tekst' }).waitFor();
    await page.getByRole('button', { name: 'Kopiér tekst' }).waitFor();
    await page.getByText(EDITED_LINE).first().waitFor();
    // Copying is the export the audit trail records (step 8); reading the text was not.
    await page.getByRole('button', { name: 'Kopiér tekst' }).click();
    await page.getByTestId('final-copy-status').getByText(/kopier/).waitFor();

    // 7. The experience log.
    const usefulness = page.getByRole('group', { name: 'Hvor brugbart var udkastet?' });
    await usefulness.getByLabel('4 – brugbart').check();
    await page.getByLabel('Hvor mange minutter sparede du (negativt tal, hvis det tog længere tid)?').fill('12');
    await page.getByRole('group', { name: 'Hvilke fejl så du i udkastet?' }).getByLabel('Forkert tone').check();
    await page.getByRole('group', { name: 'Vil du bruge assistenten igen til en lignende opgave?' }).getByLabel('Ja').check();
    await page.getByLabel('Andre refleksioner (valgfrit)').fill('Godt udgangspunkt, men tonen var for formel i slutningen.');
    await page.getByRole('button', { name: 'Gem erfaringslog' }).click();
    await page.getByText('Tak. Din erfaringslog er gemt.').waitFor();
    await page.screenshot({ path: '/tmp/e2e-golden-employee.png', fullPage: true });
    expectNoProblems(employee.problems);

    // 8. The digital unit sees each step in the audit trail.
    const digital = await env.openPage();
    await signIn(digital.page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await menu(digital.page).getByRole('link', { name: 'Revisionsspor' }).click();
    const audit = digital.page.getByRole('table');
    for (const step of [
      'Oprettede prøvehandling',
      'Ændrede deltagere',
      'Skiftede status',
      'Bekræftede introduktionen',
      'Lavede et udkast med AI',
      'Gennemgik udkastet',
      'Kopierede den godkendte tekst',
      'Skrev erfaringslog',
    ]) {
      await audit.getByText(step, { exact: true }).first().waitFor();
    }
    const auditText = (await audit.textContent()) ?? '';
    expect(auditText).not.toContain(CPR);
    expect(auditText).not.toContain(NAME);
    await digital.page.screenshot({ path: '/tmp/e2e-golden-audit.png', fullPage: true });
    expectNoProblems(digital.problems);

    // 9. What the model received: placeholders, never the CPR number or the name.
    const chats = fake.received.filter((r) => r.path.endsWith('/chat/completions'));
    expect(chats.length).toBeGreaterThan(0);
    for (const r of fake.received) {
      expect(r.raw).not.toContain(CPR);
      expect(r.raw).not.toContain(NAME);
    }
    expect(chats.some((r) => r.raw.includes('[CPR_1]'))).toBe(true);
  });
});

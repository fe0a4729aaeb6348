import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';
import { CPR, LETTER, NAME, openLetterAssistant } from './letter.js';


const env = useBrowserAndServer();

describe('using the letter assistant in a trial', () => {
  it('the demo employee pastes a letter with a CPR number and a name, sees them masked, and gets a draft with the name restored, LIX and the checklist', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Prøvehandlinger' }).click();

    const row = page.getByTestId('trials-table').getByRole('row').filter({ hasText: 'Klarsprog i breve til borgere' });
    // AI literacy first: the briefing is read and acknowledged before the assistant can be used.
    await row.getByRole('link', { name: /Læs introduktionen først/ }).click();
    await page.getByLabel('Jeg har læst og forstået introduktionen').check();
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Prøvehandlinger' }).click();
    await row.getByRole('link', { name: /^Brug assistent/ }).waitFor();
    await page.screenshot({ path: '/tmp/e2e-run-trials.png', fullPage: true });
    await row.getByRole('link', { name: /^Brug assistent/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Brev til borger' }).waitFor();
    await page.waitForURL(/\/proevehandlinger\/[^/]+\/assistent\/letter$/);
    await page.getByTestId('run-policy').getByText('Breve til borgere med pseudonymisering').waitFor();

    await page.getByRole('textbox', { name: 'Brevet, du vil have skrevet i klarsprog' }).fill(LETTER);
    await page.getByRole('button', { name: 'Se hvad der sendes' }).click();
    const sent = page.getByTestId('preview-sent-text');
    await sent.waitFor();
    const sentText = (await sent.textContent()) ?? '';
    expect(sentText).not.toContain(CPR);
    expect(sentText).not.toContain(NAME);
    expect(sentText).toMatch(/\[CPR_1\]/);
    expect(sentText).toMatch(/\[NAVN_1\]/);
    const marked = await page.getByTestId('preview-highlighted').locator('mark .highlight-text').allTextContents();
    expect(marked).toEqual(expect.arrayContaining([CPR, NAME]));
    await page.screenshot({ path: '/tmp/e2e-run-preview.png', fullPage: true });

    await page.getByRole('button', { name: 'Lav udkast' }).click();
    await page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();
    const draft = page.getByTestId('run-draft');
    expect(await draft.getByRole('heading', { level: 2 }).textContent()).toBe('UDKAST – genereret med AI');
    const draftText = (await page.getByTestId('run-draft-text').textContent()) ?? '';
    expect(draftText).toContain(NAME);
    expect(draftText).not.toMatch(/\[(NAVN|CPR)_\d+\]/);
    expect(await page.getByTestId('run-offline').textContent()).toBe('Offline regelmotor – ikke en sprogmodel');
    expect(await page.getByTestId('run-approval-note').textContent()).toBe('Udkastet skal godkendes, før det bruges.');
    expect(await page.getByTestId('run-disclosure').textContent()).toMatch(/AI/);
    await page.screenshot({ path: '/tmp/e2e-run-draft.png', fullPage: true });

    // The letter assistant's details: LIX before and after, and the checklist with words as well as symbols.
    await page.getByTestId('lix').waitFor();
    expect(Number((await page.getByTestId('lix-before').textContent())?.replace(',', '.'))).toBeGreaterThan(0);
    const items = await page.getByTestId('checklist').getByRole('listitem').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/^[✓✗](Med|Mangler): /);
    expect(items.some((i) => i.includes('Klagevejledning'))).toBe(true);
    await draft.screenshot({ path: '/tmp/e2e-run-details.png' });

    expect(problems.externalRequests).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
  });
});

const EDITED_LINE = 'Har du spørgsmål, så ring til Borgerservice på 36 37 38 39.';
const REASON = 'Tonen passer ikke til borgeren';
const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** The run's audit events as the digital unit reads them (action and role; never content). */
async function auditOf(page: Page, baseUrl: string, runId: string): Promise<string[]> {
  const res = await page.request.get(`${baseUrl}/api/audit?resourceType=run&resourceId=${encodeURIComponent(runId)}&limit=200`);
  expect(res.status()).toBe(200);
  const { events } = (await res.json()) as { events: { action: string; actorRole: string | null }[] };
  return events.map((e) => `${e.action}:${e.actorRole}`).reverse();
}

describe('four eyes on a letter with a CPR number', () => {
  it('the edit is what waits and what the leader approves; the employee logs the experience while waiting; a stale second tab gets the 409; opening writes no export, copying does; the list fits a phone', async () => {
    const baseUrl = env.server.baseUrl;
    // 1. The employee edits and approves; the policy wants a second approver.
    const employee = await env.openPage();
    await signIn(employee.page, baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await openLetterAssistant(employee.page);
    await employee.page.getByRole('textbox', { name: 'Brevet, du vil have skrevet i klarsprog' }).fill(LETTER);
    await employee.page.getByRole('button', { name: 'Lav udkast' }).click();
    await employee.page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();
    await employee.page.getByRole('button', { name: 'Ret og godkend' }).click();
    const edit = employee.page.getByLabel('Ret teksten');
    await edit.fill(`${(await edit.inputValue()).trim()}\n\n${EDITED_LINE}`);
    await employee.page.getByRole('button', { name: 'Godkend den rettede tekst' }).click();

    const pending = employee.page.getByTestId('review-pending');
    await pending.getByRole('heading', { name: 'Rettet tekst, der venter på anden godkendelse' }).waitFor();
    expect(await pending.getByTestId('review-pending-text').textContent()).toContain(EDITED_LINE);
    expect(await pending.getByTestId('review-changes').textContent()).toContain(`Tilføjet: ${EDITED_LINE}`);
    expect(await employee.page.getByTestId('experience-waiting-note').textContent()).toContain('Du kan skrive erfaringsloggen nu');
    await employee.page.getByTestId('experience-form').waitFor();
    expect(await employee.page.getByRole('button', { name: 'Kopiér tekst' }).count()).toBe(0);
    await employee.page.screenshot({ path: '/tmp/e2e-runs-four-eyes-waiting.png', fullPage: true });

    // 2. The leader finds it counted and marked in "Kørsler", and opens it in two tabs.
    const leader = await env.openPage();
    await signIn(leader.page, baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await menu(leader.page).getByRole('link', { name: 'Kørsler' }).click();
    await leader.page.getByTestId('runs-summary').getByText(/udkast venter på din godkendelse som anden godkender/).click();
    await leader.page.getByTestId('runs-view-heading').getByText('Afventer anden godkendelse').waitFor();
    const newest = leader.page.getByTestId('runs-table').getByRole('row').nth(1);
    expect(await newest.getByTestId('run-next-step').textContent()).toContain('Venter på anden godkendelse');
    await newest.getByRole('link').first().click();
    await leader.page.waitForURL(/\/koersler\/[^/?]+$/);
    const runUrl = leader.page.url();
    const runId = decodeURIComponent(runUrl.split('/').pop()!);
    const tabB = await leader.page.context().newPage();
    await tabB.goto(runUrl);

    const shown = leader.page.getByTestId('review-pending');
    await shown.getByTestId('review-pending-by').getByText(`${DEMO_USERS.EMPLOYEE.name} har rettet AI-udkastet`).waitFor();
    expect(await shown.getByTestId('review-pending-text').textContent()).toContain(EDITED_LINE);
    await leader.page.getByRole('button', { name: 'Godkend', exact: true }).click();
    await leader.page.getByTestId('review-approved').waitFor();
    await leader.page.getByTestId('final-text-body').getByText(EDITED_LINE).waitFor();

    // 3. The second tab still shows the draft waiting: its rejection is refused, said so, and the page shows the truth.
    await tabB.getByRole('button', { name: 'Afvis', exact: true }).click();
    await tabB.getByLabel('Hvorfor afviser du udkastet?').fill(REASON);
    await tabB.getByRole('button', { name: 'Afvis udkastet' }).click();
    await tabB.getByTestId('review-error').getByText(/Udkastet er allerede godkendt eller afvist/).waitFor();
    await tabB.getByTestId('run-detail-status').getByText('Godkendt', { exact: true }).waitFor();
    expect(await tabB.getByTestId('review-unsaved').textContent()).toContain(REASON);
    await tabB.getByTestId('final-text-body').getByText(EDITED_LINE).waitFor();
    await tabB.screenshot({ path: '/tmp/e2e-runs-two-tabs.png', fullPage: true });
    expectNoProblems(leader.problems);

    // 4. Opening the approved run, again and again, is not an export; copying it is one.
    await employee.page.goto(`${baseUrl}/koersler/${encodeURIComponent(runId)}`);
    await employee.page.getByTestId('final-text-body').getByText(EDITED_LINE).waitFor();
    await employee.page.reload();
    await employee.page.getByTestId('final-text-body').getByText(EDITED_LINE).waitFor();
    const digital = await env.openPage();
    await signIn(digital.page, baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await menu(digital.page).getByRole('link', { name: 'Revisionsspor' }).waitFor();
    const opened = await auditOf(digital.page, baseUrl, runId);
    expect(opened.filter((e) => e.startsWith('run.exported'))).toEqual([]);
    // The leader's two tabs, the approval and the refused rejection are one look at someone else's run.
    expect(opened.filter((e) => e.startsWith('run.viewed'))).toEqual(['run.viewed:LEADER']);

    await employee.page.getByRole('button', { name: 'Kopiér tekst' }).click();
    await employee.page.getByTestId('final-copy-status').getByText(/kopier/).waitFor();
    expect((await auditOf(digital.page, baseUrl, runId)).filter((e) => e.startsWith('run.exported'))).toEqual(['run.exported:EMPLOYEE']);
    expectNoProblems(digital.problems);

    // 5. On a phone the list says the log is missing, and nothing scrolls sideways.
    const phone = employee;
    await phone.page.setViewportSize({ width: 390, height: 844 });
    await phone.page.goto(`${baseUrl}/koersler`);
    const table = phone.page.getByTestId('runs-table');
    await table.waitFor();
    await phone.page.getByTestId('runs-summary').getByText(/af dine kørsler mangler erfaringslog/).waitFor();
    expect(await table.getByTestId('run-next-step').first().textContent()).toContain('Mangler erfaringslog');
    const region = phone.page.getByRole('region', { name: 'Mine kørsler', exact: true });
    const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.page).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: '/tmp/e2e-runs-phone.png', fullPage: true });
    expectNoProblems(phone.problems);
  });
});

import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { signIn, useBrowserAndServer } from './browser.js';
import { CPR, LETTER, NAME } from './letter.js';


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

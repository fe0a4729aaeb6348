/**
 * Unsaved work in a real browser: a letter pasted into the letter assistant is not lost to the back button or a
 * reload by mistake, and a run that was made from it does not ask again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';
import { LETTER, openLetterAssistant } from './letter.js';

const env = useBrowserAndServer();
const letterBox = (page: Page) => page.getByRole('textbox', { name: 'Brevet, du vil have skrevet i klarsprog' });

describe('unsaved changes on the assistant page', () => {
  it('when a letter is pasted and the employee presses back, then the page asks; "Bliv på siden" keeps the letter, "Forlad siden" leaves', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await openLetterAssistant(page);
    const assistantUrl = page.url();
    await letterBox(page).fill(LETTER);

    await page.goBack();
    const dialog = page.getByRole('dialog', { name: 'Ændringerne er ikke gemt' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Du har ændringer, der ikke er gemt. Vil du forlade siden?');
    // The keyboard can answer: focus is in the dialog, Tab moves between its two buttons and stays there.
    // Staying is the main button, first in the row.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bliv på siden');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Forlad siden');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bliv på siden');
    await page.screenshot({ path: '/tmp/e2e-unsaved-back.png' });
    await dialog.getByRole('button', { name: 'Bliv på siden' }).click();

    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toBe(assistantUrl);
    expect(await letterBox(page).inputValue()).toBe(LETTER);

    // Reloading asks too, in the browser's own words; saying no keeps the letter.
    const asked = new Promise<string>((resolve) => page.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
    await page.reload({ timeout: 5_000 }).catch(() => undefined);
    expect(await asked).toBe('beforeunload');
    expect(await letterBox(page).inputValue()).toBe(LETTER);

    await page.goBack();
    await dialog.getByRole('button', { name: 'Forlad siden' }).click();
    await page.waitForURL(/\/proevehandlinger$/);
    expectNoProblems(problems);
  });

  it('when a draft has been made from the letter, then going back does not ask', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await openLetterAssistant(page);
    await letterBox(page).fill(LETTER);
    await page.getByRole('button', { name: 'Lav udkast' }).click();
    await page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();

    await page.goBack();
    await page.waitForURL(/\/proevehandlinger$/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expectNoProblems(problems);
  });
});

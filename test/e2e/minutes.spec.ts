import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();

const TRIAL = 'Referater af teammøder i Borgerservice';
/** A short team meeting as a person would paste it: the date in the header, then "Name: words" per turn. */
const TRANSCRIPT = [
  'Teammøde i Borgerservice, tirsdag den 9. marts 2027',
  '',
  'Hanne Vestergaard: Godmorgen. Første punkt er åbningstiderne i påsken.',
  'Omar Khalil: Jeg foreslår, at vi holder lukket skærtorsdag og åbner igen tirsdag.',
  'Hanne Vestergaard: Det gør vi. Vi holder lukket skærtorsdag.',
  'Hanne Vestergaard: Omar, kan du sætte et opslag på hjemmesiden senest fredag?',
  'Omar Khalil: Ja, det tager jeg.',
  'Lene Brandt: Jeg sender vagtplanen for april rundt inden næste møde.',
  'Hanne Vestergaard: Godt. Så slutter vi der.',
].join('\n');

describe('the minutes assistant in the browser', () => {
  it('the demo employee turns a transcript into minutes with headings, a table of tasks and the words each rests on, approves them and downloads them as Word', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    const menu = page.getByRole('navigation', { name: 'Hovedmenu' });
    await menu.getByRole('link', { name: 'Prøvehandlinger' }).click();
    const row = page.getByTestId('trials-table').getByRole('row').filter({ hasText: TRIAL });
    await row.getByRole('link', { name: /Læs introduktionen først/ }).click();
    await page.getByLabel('Jeg har læst og forstået introduktionen').check();
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();
    await menu.getByRole('link', { name: 'Prøvehandlinger' }).click();
    await row.getByRole('link', { name: /^Brug assistent/ }).click();
    await page.waitForURL(/\/assistent\/minutes$/);

    await page.getByRole('textbox', { name: 'Udskriften af mødet' }).fill(TRANSCRIPT);
    await page.getByLabel('Mødetype').selectOption({ label: 'Teammøde' });
    await page.getByRole('button', { name: 'Lav udkast' }).click();
    await page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();

    // Rendered minutes, not Markdown: headings and a table, and no Markdown signs left in the text.
    const minutes = page.getByTestId('run-draft').getByTestId('minutes-text');
    await minutes.waitFor();
    const headings = await minutes.getByRole('heading').allTextContents();
    expect(headings.length).toBeGreaterThan(2);
    expect(headings.join('|')).toMatch(/Beslutninger/);
    const shown = (await minutes.textContent()) ?? '';
    expect(shown).not.toMatch(/^#|\|\s*---|\*\*/m);
    expect(shown).toContain('lukket skærtorsdag');

    // The task Hanne asked Omar to do is his, with the due date as said in the meeting.
    const task = minutes.getByRole('row').filter({ hasText: /opslag på hjemmesiden/i });
    expect(await task.count()).toBe(1);
    expect(await task.getByRole('cell').allTextContents()).toEqual([
      'Omar Khalil',
      expect.stringMatching(/^Sætte et opslag på hjemmesiden/),
      expect.stringMatching(/fredag/),
    ]);

    // A reference after a decision or a task opens the very words of the transcript it rests on.
    const ref = minutes.getByTestId('minutes-ref').first();
    await ref.click();
    expect(await ref.getAttribute('aria-expanded')).toBe('true');
    const words = (await minutes.getByTestId('minutes-ref-text').first().textContent()) ?? '';
    expect(words).toMatch(/Linje \d+/);
    expect(TRANSCRIPT).toContain(/”(.+?)”/.exec(words)![1]!);
    await page.screenshot({ path: '/tmp/e2e-minutes-draft.png', fullPage: true });

    // Approve as it is, then download: a Word file named by kind and day.
    await page.getByRole('button', { name: 'Godkend', exact: true }).click();
    await page.getByRole('heading', { name: 'Den godkendte tekst' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Hent som Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^referat-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expectNoProblems(problems);
  });
});

import type { Page } from 'playwright-core';

/** The letter the browser tests paste: a CPR number with a real date and a valid modulus 11, and a name the guard knows. */
export const CPR = '070761-4005';
export const NAME = 'Jens Hansen';
export const LETTER = [
  `Kære ${NAME}`,
  '',
  `Vi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nummer ${CPR}, og det bemærkes i den forbindelse, at der i henhold til gældende regler skal foretages en vurdering af din samlede økonomiske situation, førend en afgørelse kan træffes.`,
  '',
  'Såfremt du har spørgsmål, bedes du kontakte Borgerservice.',
  '',
  'Med venlig hilsen',
  'Borgerservice',
].join('\n');

/** The demo organisation's active letter trial, which the browser tests use the letter assistant in. */
export const LETTER_TRIAL = 'Klarsprog i breve til borgere';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

/** From the trials list to the letter assistant of LETTER_TRIAL, reading the briefing first when it is not read yet. */
export async function openLetterAssistant(page: Page): Promise<void> {
  await menu(page).getByRole('link', { name: 'Prøvehandlinger' }).click();
  const row = page.getByTestId('trials-table').getByRole('row').filter({ hasText: LETTER_TRIAL });
  const briefing = row.getByRole('link', { name: /Læs introduktionen først/ });
  const use = row.getByRole('link', { name: /^Brug assistent/ });
  await briefing.or(use).first().waitFor();
  if (await briefing.count()) {
    await briefing.click();
    await page.getByLabel('Jeg har læst og forstået introduktionen').check();
    await page.getByRole('button', { name: 'Bekræft' }).click();
    await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();
    await menu(page).getByRole('link', { name: 'Prøvehandlinger' }).click();
  }
  await use.click();
  await page.getByRole('heading', { level: 1, name: 'Brev til borger' }).waitFor();
  await page.waitForURL(/\/proevehandlinger\/[^/]+\/assistent\/letter$/);
}

import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();

describe('the knowledge base in the browser', () => {
  it('the demo leader uploads a Markdown file to the documents trial and sees it become ready', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    await page.goto(`${env.server.baseUrl}/proevehandlinger`);
    await page.getByRole('link', { name: 'Svar på personalespørgsmål fra interne retningslinjer', exact: true }).click();

    const base = page.getByTestId('knowledge-base');
    await base.getByRole('heading', { level: 2, name: 'Vidensbase' }).waitFor();
    await base.getByTestId('documents-table').waitFor();
    await page.getByLabel('Vælg en fil').setInputFiles({
      name: 'cykelordning.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('# Cykelordning\n\nMedarbejdere kan leje en cykel gennem lønnen. Kontakt HR for en aftale.\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload dokumentet' }).click();

    await base.getByRole('status').getByText('cykelordning.md er klar. Assistenten kan nu søge i det.').waitFor({ timeout: 30_000 });
    const row = base.getByRole('row').filter({ hasText: 'cykelordning.md' });
    expect(await row.getByText('Klar', { exact: true }).count()).toBe(1);

    // A file the server cannot read: its Danish message is shown at the form.
    await page.getByLabel('Vælg en fil').setInputFiles({ name: 'billede.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await page.getByRole('button', { name: 'Upload dokumentet' }).click();
    await page.getByTestId('document-upload-errors').getByText(/Brug en PDF/).first().waitFor();
    expectNoProblems(problems);
  });
});

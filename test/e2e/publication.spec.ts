/**
 * Publishing in the public AI register, in a real browser: the checkbox is drawn beside its label, and neither
 * publishing nor a decision goes out before the leader has answered a question that says what becomes public.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PublicRegister } from '../../server/src/contracts/insights.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectCheckboxBesideItsLabel, expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();
const TRIAL = 'Klarsprog i breve til borgere';

async function openInsights(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Prøvehandlinger' }).click();
  await page.getByTestId('trials-table').getByRole('row').filter({ hasText: TRIAL }).getByRole('link').first().click();
  await page.waitForURL(/\/proevehandlinger\/[^/]+$/);
  await page.goto(`${page.url()}/indsigt`);
  await page.getByTestId('publication').waitFor();
}

const registerTitles = async () =>
  PublicRegister.parse(await (await fetch(`${env.server.baseUrl}/api/public/register`)).json()).trials.map((t) => t.title);

describe('publishing in the AI register', () => {
  it('the checkbox sits beside its label; clicking the label asks what becomes public, "Fortryd" sends nothing, "Offentliggør" publishes', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await openInsights(page);

    const box = page.getByRole('checkbox', { name: 'Offentliggør i AI-registret' });
    await expectCheckboxBesideItsLabel(page, 'publication-toggle');
    await page.getByTestId('publication').screenshot({ path: '/tmp/e2e-publication-checkbox.png' });

    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/publication')) posts.push(r.url());
    });
    await page.locator('label[for="publication-toggle"]').click();
    const dialog = page.getByRole('dialog', { name: `Offentliggør »${TRIAL}« i AI-registret?` });
    await dialog.waitFor();
    expect(await dialog.getByTestId('publication-fields').getByRole('listitem').count()).toBe(9);
    expect(await dialog.textContent()).toContain('Det vises ikke: grundlaget for beslutningen');
    await page.screenshot({ path: '/tmp/e2e-publication-question.png' });
    expect(await box.isChecked()).toBe(false);

    await dialog.getByRole('button', { name: 'Fortryd' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await box.isChecked()).toBe(false);
    expect(posts).toEqual([]);
    expect(await registerTitles()).not.toContain(TRIAL);

    await box.click();
    await dialog.getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByTestId('publication-status').getByText('Prøvehandlingen er nu offentliggjort i AI-registret.').waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(posts).toHaveLength(1);
    expect(await registerTitles()).toContain(TRIAL);
    expectNoProblems(problems);
  });

  it('a double-clicked decision is asked about first, says it becomes the public decision, and is recorded once', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await openInsights(page);
    // The trial was published by the test before.
    expect(await page.getByRole('checkbox', { name: 'Offentliggør i AI-registret' }).isChecked()).toBe(true);
    const listed = () => page.getByTestId('decisions-list').getByRole('listitem').count().catch(() => 0);
    const before = await listed();

    await page.getByLabel(/^Stop/).check();
    await page.getByRole('textbox', { name: 'Begrundelse' }).fill('Bare en test af formularen.');
    await page.getByRole('button', { name: 'Registrér beslutning' }).dblclick();
    const dialog = page.getByRole('dialog', { name: 'Registrér beslutningen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Beslutningen bliver straks den, alle kan se dér');
    await page.screenshot({ path: '/tmp/e2e-decision-question.png' });
    expect(await listed()).toBe(before);

    await dialog.getByRole('button', { name: 'Registrér beslutning' }).dblclick();
    await page.getByTestId('decision-status').getByText('Beslutningen er registreret.').waitFor();
    await expect.poll(listed).toBe(before + 1);
    // Still one a moment later: no second request was on its way.
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByTestId('decisions-list').waitFor();
    expect(await listed()).toBe(before + 1);
    expectNoProblems(problems);
  });
});

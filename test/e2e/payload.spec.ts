import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

/** The budget of issue 15: JavaScript transferred, compressed, until the employee's first signed-in page is shown. */
const FIRST_PAGE_JS_BUDGET = 170 * 1024;

const env = useBrowserAndServer();

interface Script {
  url: string;
  encoding: string | undefined;
  transferred: number;
}

describe('what the first page costs to download', () => {
  it('the demo employee signs in and the front page needs at most 170 KB of compressed JavaScript, no charts and no source maps', async () => {
    const { page, problems } = await env.openPage();
    const requested: string[] = [];
    const scripts: Promise<Script>[] = [];
    page.on('request', (req) => requested.push(req.url()));
    page.on('response', (res: Response) => {
      if (res.request().resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          await res.finished();
          // The body as it came over the wire, i.e. after compression (Content-Length is absent when streamed).
          const { responseBodySize } = await res.request().sizes();
          return { url: res.url(), encoding: res.headers()['content-encoding'], transferred: responseBodySize };
        })(),
      );
    });

    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await page.getByTestId('home-employee').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Mine prøvehandlinger' }).waitFor();
    await page.waitForLoadState('networkidle');

    const loaded = await Promise.all(scripts);
    const total = loaded.reduce((sum, s) => sum + s.transferred, 0);
    console.log(
      `JavaScript for the employee's first page: ${(total / 1024).toFixed(1)} KB transferred in ${loaded.length} files ` +
        `(${loaded.map((s) => `${new URL(s.url).pathname.replace('/assets/', '')} ${(s.transferred / 1024).toFixed(1)} KB ${s.encoding ?? 'identity'}`).join(', ')})`,
    );
    expect(loaded.length).toBeGreaterThan(0);
    for (const s of loaded) {
      expect(s.transferred, s.url).toBeGreaterThan(0);
      // Files under 1 KB are not worth compressing.
      if (s.transferred >= 1024) expect(s.encoding, s.url).toBe('br');
    }
    expect(total).toBeLessThanOrEqual(FIRST_PAGE_JS_BUDGET);
    // The charts library is only for the insights pages.
    expect(loaded.map((s) => s.url).filter((u) => /\/assets\/charts-/.test(u))).toEqual([]);
    expect(requested.filter((u) => /\.map($|\?)/.test(u))).toEqual([]);
    expectNoProblems(problems);

    // Nor are source maps there to be fetched by hand.
    const script = loaded[0]!.url;
    expect((await page.request.get(`${script}.map`)).status()).toBe(404);
    const sourceMapHeaders = await Promise.all(loaded.map(async (s) => (await page.request.head(s.url)).headers()['sourcemap']));
    expect(sourceMapHeaders.filter(Boolean)).toEqual([]);
  });

  it('the insights board, when opened, loads the charts chunk then, once', async () => {
    const { page, problems } = await env.openPage();
    const chartScripts: string[] = [];
    page.on('response', (res) => {
      if (/\/assets\/charts-[^/]+\.js$/.test(res.url())) chartScripts.push(res.url());
    });
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(chartScripts).toEqual([]);

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indsigt' }).click();
    await page.waitForURL(/\/indsigt$/);
    // The board's own heading: until its code has arrived, the previous page stays on screen.
    await page.getByRole('heading', { level: 1, name: 'Indsigt på tværs af prøvehandlinger' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(chartScripts).toHaveLength(1);
    expectNoProblems(problems);
  });

  it('English is loaded when it is chosen, and a reload in English shows English at once', async () => {
    const { page, problems } = await env.openPage();
    const englishScripts: string[] = [];
    page.on('response', (res) => {
      if (/\/assets\/en-[^/]+\.js$/.test(res.url())) englishScripts.push(res.url());
    });
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mine prøvehandlinger' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(englishScripts).toEqual([]);

    await page.getByTestId('language-switch').first().click();
    await page.getByRole('heading', { level: 1, name: 'My trials' }).waitFor();
    expect(englishScripts).toHaveLength(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'My trials' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Mine prøvehandlinger' }).count()).toBe(0);
    // Back to Danish for the account, so the demo employee is as the other tests expect.
    await page.getByTestId('language-switch').first().click();
    await page.getByRole('heading', { level: 1, name: 'Mine prøvehandlinger' }).waitFor();
    expectNoProblems(problems);
  });
});

import fs from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type RunningServer, startServer } from './server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What went wrong in the browser during a test: uncaught errors, failed assets, attempts to reach other hosts. */
export interface Problems {
  pageErrors: string[];
  failedAssets: string[];
  externalRequests: string[];
}

export interface BrowserEnv {
  /** The real server this spec file started (own port, fresh database). */
  readonly server: RunningServer;
  /** A fresh browser context and page; closed after the test. */
  openPage(viewport?: { width: number; height: number }): Promise<{ page: Page; problems: Problems }>;
}

/**
 * Registers the hooks of a browser spec file: the real server and Debian's Chromium for the file, a fresh
 * context per test. `env` is read when the server starts, after the spec's own earlier beforeAll hooks. Without Chromium the run fails naming the package to install; it never skips.
 */
export function useBrowserAndServer(
  opts: {
    /** Settings of the server, given its own address. */
    env?: (baseUrl: string) => Record<string, string>;
    /** Other origins the pages may load from (a test identity provider); everything else is refused. */
    allowOrigins?: () => string[];
  } = {},
): BrowserEnv {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium was not found at ${CHROMIUM}. Install the Debian package "chromium" (apt-get install chromium) ` +
          'or set CHROMIUM_PATH to a Chromium binary.',
      );
    }
    server = await startServer({ env: (baseUrl) => opts.env?.(baseUrl) ?? {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('the server is not started yet (use it inside a test)');
      return server;
    },
    async openPage(viewport = { width: 1280, height: 900 }) {
      if (!browser || !server) throw new Error('the browser is not started yet (use it inside a test)');
      const baseUrl = server.baseUrl;
      context = await browser.newContext({ viewport, locale: 'da-DK' });
      const problems: Problems = { pageErrors: [], failedAssets: [], externalRequests: [] };
      // The workbench must work without any other host: such requests are recorded and refused.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl) || url.startsWith('data:') || (opts.allowOrigins?.() ?? []).some((o) => url.startsWith(`${o}/`))) return route.continue();
        problems.externalRequests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.pageErrors.push(e.message));
      page.on('response', (res) => {
        if (!res.url().includes('/api/') && res.status() >= 400) problems.failedAssets.push(`${res.status()} ${res.url()}`);
      });
      return { page, problems };
    },
  };
}

export function expectNoProblems(problems: Problems): void {
  expect(problems.externalRequests, 'requests to other hosts').toEqual([]);
  expect(problems.failedAssets, 'assets that failed to load').toEqual([]);
  expect(problems.pageErrors, 'uncaught errors in the page').toEqual([]);
}

/** Signs in through the sign-in page the app redirects to. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/log-ind$/);
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/**
 * A DKFDS checkbox is drawn beside its label: the (transparent) input covers the square the design system
 * draws, so it must lie at the start of the label, on its line. Outside `.form-group-checkbox` it lands at the
 * corner of the page, and clicking "the box" clicks something else.
 */
export async function expectCheckboxBesideItsLabel(page: Page, id: string): Promise<void> {
  const box = page.locator(`input[type="checkbox"]#${id}`);
  const label = page.locator(`label[for="${id}"]`);
  await label.scrollIntoViewIfNeeded();
  const b = await box.boundingBox();
  const l = await label.boundingBox();
  expect(b && l, `the checkbox ${id} and its label are drawn`).toBeTruthy();
  expect(Math.abs(b!.x - l!.x), `the checkbox ${id} starts where its label starts`).toBeLessThan(4);
  expect(b!.y).toBeGreaterThanOrEqual(l!.y - 4);
  expect(b!.y + b!.height).toBeLessThanOrEqual(l!.y + l!.height + 4);
}

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../server/src/contracts/auth.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const HOME_HEADING: Record<Role, string> = {
  EMPLOYEE: 'Mine prøvehandlinger',
  LEADER: 'Min afdelings prøvehandlinger',
  DIGITAL_UNIT: 'Overblik på tværs af afdelinger',
};
const ROLE_LABEL: Record<Role, string> = { EMPLOYEE: 'Medarbejder', LEADER: 'Leder', DIGITAL_UNIT: 'Digital Udvikling' };
const SCREENSHOT: Record<Role, string> = {
  EMPLOYEE: '/tmp/e2e-employee.png',
  LEADER: '/tmp/e2e-leader.png',
  DIGITAL_UNIT: '/tmp/e2e-digital-unit.png',
};

const env = useBrowserAndServer();

/** Waits for the page's one h1 to read `expected`; on timeout the assertion shows what it read instead. */
async function expectH1(page: Page, expected: string): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name: expected, exact: true }).waitFor({ timeout: 10_000 });
  } catch {
    // fall through to the assertion below for a readable failure
  }
  const headings = await page.getByRole('heading', { level: 1 }).allTextContents();
  expect(headings.map((h) => h.trim())).toEqual([expected]);
}

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((s) => s.trim());
}

/** The page really is styled by DKFDS: its font loaded from this origin and its header and button colours. */
async function expectDkfdsLook(page: Page): Promise<void> {
  const look = await page.evaluate(async () => {
    await document.fonts.ready;
    const header = document.querySelector('.header .solution-info');
    const skip = document.querySelector('a.skipnav');
    let plexLoaded = false;
    document.fonts.forEach((f) => {
      if (f.family.includes('IBM Plex Sans') && f.status === 'loaded') plexLoaded = true;
    });
    return {
      bodyFont: getComputedStyle(document.body).fontFamily,
      plexLoaded,
      headerBorder: header ? getComputedStyle(header).borderTopStyle : null,
      skipLinkTop: skip ? getComputedStyle(skip).top : null,
    };
  });
  expect(look.bodyFont).toContain('IBM Plex Sans');
  expect(look.plexLoaded, 'IBM Plex Sans was loaded').toBe(true);
  expect(look.headerBorder).toBe('solid');
  // DKFDS hides the skip link above the page until it gets focus.
  expect(look.skipLinkTop).toBe('-42px');
}

describe('signing in', () => {
  it('when the password is wrong, then the sign-in page shows the server’s Danish error and stays put', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, 'ikke-den-rigtige-kode');

    const summary = page.getByTestId('login-error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Forkert e-mail eller adgangskode. Prøv igen.');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    expect(await page.title()).toBe('Log ind – AI-prøvehandlinger – Rødovre Kommune');
    await page.screenshot({ path: '/tmp/e2e-login-error.png', fullPage: true });
    expectNoProblems(problems);
  });
});

describe('keyboard', () => {
  it('the first Tab reaches the skip link, which leads into the main content', async () => {
    const { page, problems } = await env.openPage();
    await page.goto(`${env.server.baseUrl}/log-ind`);
    await page.getByLabel('E-mailadresse').waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-email');
    expectNoProblems(problems);
  });
});

describe.each([['EMPLOYEE'], ['LEADER']] as const)('as %s', (role) => {
  it('sees the role’s front page and only the menu items for everyone; /brugere says no access', async () => {
    const { page, problems } = await env.openPage();
    const demo = DEMO_USERS[role];
    await signIn(page, env.server.baseUrl, demo.email, DEMO_PASSWORD);

    await expectH1(page, HOME_HEADING[role]);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await navLinks(page)).toEqual(['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker']);
    const user = page.getByTestId('header-user');
    expect(await user.textContent()).toContain(demo.name);
    expect(await page.getByTestId('header-user-info').textContent()).toContain(ROLE_LABEL[role]);
    if (role === 'EMPLOYEE') await page.getByTestId('ai-literacy-note').waitFor();
    await page.getByTestId('trials-table').or(page.getByTestId('trials-empty')).waitFor();
    await expectDkfdsLook(page);
    await page.screenshot({ path: SCREENSHOT[role], fullPage: true });

    for (const path of ['/brugere', '/revisionsspor']) {
      await page.goto(`${env.server.baseUrl}${path}`);
      await expectH1(page, 'Du har ikke adgang til denne side');
      expect(await navLinks(page)).toEqual(['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker']);
    }
    expectNoProblems(problems);
  });
});

describe('as DIGITAL_UNIT', () => {
  it('sees the overview, the users with the three demo people, and an intact audit trail', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);

    await expectH1(page, HOME_HEADING.DIGITAL_UNIT);
    expect(await navLinks(page)).toEqual(['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker', 'Indsigt', 'Brugere', 'Revisionsspor', 'Opbevaring og sletning', 'Baggrundsjob']);
    await page.getByTestId('status-counts').waitFor();
    await expectDkfdsLook(page);
    await page.screenshot({ path: SCREENSHOT.DIGITAL_UNIT, fullPage: true });

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Brugere' }).click();
    await expectH1(page, 'Brugere');
    const table = page.getByTestId('users-table');
    await table.waitFor();
    const emails = await table.getByTestId('user-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-email')));
    expect(emails).toEqual(expect.arrayContaining(Object.values(DEMO_USERS).map((u) => u.email)));
    await page.screenshot({ path: '/tmp/e2e-digital-unit-users.png', fullPage: true });

    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Revisionsspor' }).click();
    await expectH1(page, 'Revisionsspor');
    await page.getByTestId('audit-table').waitFor();
    await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
    const result = page.getByTestId('verify-result');
    await result.getByText(/Revisionssporet er intakt/).waitFor();
    expect(await result.textContent()).toMatch(/Revisionssporet er intakt \(\d+ hændelser? kontrolleret\)/);
    await page.screenshot({ path: '/tmp/e2e-digital-unit-audit.png', fullPage: true });
    expectNoProblems(problems);
  });
});

describe('on a phone', () => {
  it('the menu opens as a DKFDS drawer with the role’s items, the person and sign-out, and Escape closes it', async () => {
    const { page, problems } = await env.openPage({ width: 390, height: 844 });
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await expectH1(page, HOME_HEADING.EMPLOYEE);

    const menuButton = page.getByRole('button', { name: 'Menu' });
    await menuButton.click();
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await drawer.waitFor();
    expect(
      (await drawer.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').allTextContents()).map((s) =>
        s.trim(),
      ),
    ).toEqual(['Forside', 'Prøvehandlinger', 'Kørsler', 'Datapolitikker']);
    expect(await drawer.textContent()).toContain(DEMO_USERS.EMPLOYEE.name);
    await drawer.getByRole('button', { name: 'Log ud' }).waitFor();
    await page.waitForTimeout(400); // DKFDS slides the drawer in over 0.3 s
    await page.screenshot({ path: '/tmp/e2e-mobile-menu.png' });

    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    expect(await menuButton.evaluate((el) => el === document.activeElement)).toBe(true);
    expectNoProblems(problems);
  });
});

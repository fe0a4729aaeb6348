import type { Role } from '../../server/src/contracts/auth.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIdp, IDP_PASSWORD, type TestIdp } from '../support/oidc-idp.js';
import { expectNoProblems, useBrowserAndServer } from './browser.js';

/**
 * Signing in through the organisation's identity provider in a real browser: the workbench's sign-in page, the
 * provider's own login page (the certified oidc-provider on loopback), and back, for each role.
 */
let idp: TestIdp;
beforeAll(async () => {
  idp = await startTestIdp();
  idp.accounts.set('mette', { email: 'mette.sso@kommune.test', name: 'Mette Arbejdskonto', groups: ['ai-medarbejdere'], department: 'BORGERSERVICE' });
  idp.accounts.set('lars', { email: 'lars.sso@kommune.test', name: 'Lars Arbejdskonto', groups: ['ai-medarbejdere', 'ai-ledere'], department: 'BORGERSERVICE' });
  idp.accounts.set('dorte', { email: 'dorte.sso@kommune.test', name: 'Dorte Arbejdskonto', groups: ['ai-digital'], department: 'DIGITAL' });
  idp.accounts.set('udenfor', { email: 'udenfor@kommune.test', name: 'Uden Adgang', groups: ['alle-ansatte'], department: 'BORGERSERVICE' });
});
afterAll(async () => {
  await idp?.stop();
});

const env = useBrowserAndServer({ env: (baseUrl) => idp.env(baseUrl, { PASSWORD_LOGIN: 'false' }), allowOrigins: () => [idp.issuer] });

const HOME_HEADING: Record<Role, string> = {
  EMPLOYEE: 'Mine prøvehandlinger',
  LEADER: 'Min afdelings prøvehandlinger',
  DIGITAL_UNIT: 'Overblik på tværs af afdelinger',
};

describe('signing in with the work account', () => {
  for (const [login, role, name] of [
    ['mette', 'EMPLOYEE', 'Mette Arbejdskonto'],
    ['lars', 'LEADER', 'Lars Arbejdskonto'],
    ['dorte', 'DIGITAL_UNIT', 'Dorte Arbejdskonto'],
  ] as const) {
    it(`${role}: the button leads through the provider's login page to the home page of the role, with no password here`, async () => {
      const { page, problems } = await env.openPage();
      await page.goto(`${env.server.baseUrl}/log-ind`);
      // Password sign-in is off: the button is the way in, the form is folded away as emergency access.
      await page.getByRole('link', { name: 'Log ind med din arbejdskonto' }).click();
      await page.waitForURL(`${idp.issuer}/**`);
      await page.getByRole('heading', { name: 'Testorganisationens log ind' }).waitFor();
      await page.getByLabel('Brugernavn').fill(login);
      await page.getByLabel('Adgangskode').fill(IDP_PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();

      await page.getByRole('heading', { level: 1, name: HOME_HEADING[role], exact: true }).waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).origin).toBe(env.server.baseUrl);
      expect(await page.getByTestId('header-user').textContent()).toContain(name);
      // Nothing to change: the password belongs to the work account.
      expect(await page.getByTestId('change-password-link').count()).toBe(0);
      if (role === 'EMPLOYEE') await page.screenshot({ path: '/tmp/e2e-oidc-home.png', fullPage: true });

      // Signing out here offers signing out at the provider too.
      await page.getByTestId('logout').click();
      await page.getByText('Du er nu logget ud.').waitFor();
      expect(await page.getByRole('link', { name: 'Log også ud af din arbejdskonto' }).getAttribute('href')).toBe('/api/auth/oidc/logout');
      expectNoProblems(problems);
    });
  }

  it('someone in none of the mapped groups gets a Danish page that says why, and no session', async () => {
    const { page } = await env.openPage();
    await page.goto(`${env.server.baseUrl}/log-ind`);
    await page.getByRole('link', { name: 'Log ind med din arbejdskonto' }).click();
    await page.getByLabel('Brugernavn').fill('udenfor');
    await page.getByLabel('Adgangskode').fill(IDP_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log ind lykkedes ikke' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Din arbejdskonto giver ikke adgang til arbejdsbænken');
    await page.screenshot({ path: '/tmp/e2e-oidc-refused.png', fullPage: true });
    await page.getByRole('link', { name: 'Tilbage til log ind' }).click();
    await page.getByRole('link', { name: 'Log ind med din arbejdskonto' }).waitFor();
  });
});

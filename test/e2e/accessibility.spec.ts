/**
 * WCAG 2.1 A and AA in a real browser: axe-core runs on every page each role reaches (and signed out), in the
 * states a person meets them in, at desktop (1280 px) and phone (390 px) width. A serious or critical violation
 * fails the test, listed with its page, rule, impact and element.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';
import { LETTER } from './letter.js';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING: ImpactValue[] = ['serious', 'critical'];
/** Each test walks through many pages, each with a full axe run; on a shared machine that takes a while. */
const WALK_TIMEOUT_MS = 240_000;

const LETTER_TRIAL = 'Klarsprog i breve til borgere';
const MINUTES_TRIAL = 'Referater af teammøder i Borgerservice';
const DOCUMENTS_TRIAL = 'Svar på personalespørgsmål fra interne retningslinjer';
const DRAFT_TRIAL = 'Referater af styregruppemøder';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const env = useBrowserAndServer();

/** One serious or critical finding: where, which rule, and the element axe points at. */
type Finding = string;

/** Runs axe on the page as it is now and returns its serious and critical findings, labelled with `state`. */
async function audit(page: Page, state: string): Promise<Finding[]> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Evaluated through the debugging protocol, so the page's own Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    WCAG_21_AA,
  );
  return results.violations
    .filter((v) => v.impact && BLOCKING.includes(v.impact))
    .flatMap((v) => v.nodes.map((n) => `${state}: ${v.id} (${v.impact}) at ${n.target.join(' ')} – ${v.help}`));
}

/** Goes to `path` and audits it. */
async function visit(page: Page, path: string, state: string): Promise<Finding[]> {
  await page.goto(`${env.server.baseUrl}${path}`);
  return audit(page, state);
}

const trialRow = (page: Page, title: string) =>
  page.getByTestId('trials-table').getByRole('row').filter({ hasText: title });

/** Opens the trials list and follows the trial's title link; returns the trial's path. */
async function openTrial(page: Page, title: string): Promise<string> {
  await page.goto(`${env.server.baseUrl}/proevehandlinger`);
  await trialRow(page, title).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return new URL(page.url()).pathname;
}

/** The page does not scroll sideways, nor does any region in it, and `target` lies inside the viewport's width. */
async function expectInReachWithoutSideways(page: Page, target: Locator, width: number): Promise<void> {
  const overflowing = await page.evaluate(() =>
    [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>('main *'))]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .filter((el) => el === document.documentElement || ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`),
  );
  expect(overflowing, 'elements that scroll sideways').toEqual([]);
  const box = await target.boundingBox();
  expect(box, 'the link is drawn').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

describe.each(VIEWPORTS)('at $name width ($width px)', (viewport) => {
  const open = () => env.openPage({ width: viewport.width, height: viewport.height });
  const at = (state: string) => `${state} @${viewport.width}`;

  it('signed out: the sign-in page, its error state and the public AI register have no serious or critical violations', async () => {
    const { page, problems } = await open();
    const findings: Finding[] = [];
    findings.push(...(await visit(page, '/log-ind', at('sign-in'))));
    await page.getByLabel('E-mailadresse').fill(DEMO_USERS.EMPLOYEE.email);
    await page.getByLabel('Adgangskode').fill('ikke-den-rigtige-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByTestId('login-error-summary').waitFor();
    findings.push(...(await audit(page, at('sign-in with error'))));
    findings.push(...(await visit(page, '/ai-register', at('public register'))));
    expect(findings).toEqual([]);
    expectNoProblems(problems);
  }, WALK_TIMEOUT_MS);

  it('employee: home, trials, a trial, the briefing, each assistant, a draft and its review, the runs and a run have no serious or critical violations', async () => {
    const { page, problems } = await open();
    const findings: Finding[] = [];
    await signIn(page, env.server.baseUrl, DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mine prøvehandlinger' }).waitFor();
    findings.push(...(await audit(page, at('employee home'))));
    findings.push(...(await visit(page, '/proevehandlinger', at('employee trials'))));

    const letterTrial = await openTrial(page, LETTER_TRIAL);
    findings.push(...(await audit(page, at('employee trial page'))));
    findings.push(...(await visit(page, `${letterTrial}/introduktion`, at('briefing'))));
    const acknowledge = page.getByLabel('Jeg har læst og forstået introduktionen');
    if (await acknowledge.count()) {
      await acknowledge.check();
      await page.getByRole('button', { name: 'Bekræft' }).click();
      await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();
      findings.push(...(await audit(page, at('briefing acknowledged'))));
    }
    for (const title of [MINUTES_TRIAL, DOCUMENTS_TRIAL]) {
      const path = await openTrial(page, title);
      await page.goto(`${env.server.baseUrl}${path}/introduktion`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      const box = page.getByLabel('Jeg har læst og forstået introduktionen');
      if (await box.count()) {
        await box.check();
        await page.getByRole('button', { name: 'Bekræft' }).click();
        await page.getByText('Tak. Du har bekræftet introduktionen og kan nu bruge assistenterne.').waitFor();
      }
    }

    await page.goto(`${env.server.baseUrl}/proevehandlinger`);
    const use = trialRow(page, LETTER_TRIAL).getByRole('link', { name: /^Brug assistent/ });
    await use.waitFor();
    findings.push(...(await audit(page, at('employee trials, briefings read'))));
    await expectInReachWithoutSideways(page, use, viewport.width);

    findings.push(...(await visit(page, `${(await openTrial(page, MINUTES_TRIAL))}/assistent/minutes`, at('minutes assistant'))));
    findings.push(...(await visit(page, `${(await openTrial(page, DOCUMENTS_TRIAL))}/assistent/documents`, at('documents assistant'))));
    findings.push(...(await visit(page, `${letterTrial}/assistent/letter`, at('letter assistant'))));
    await page.getByRole('textbox', { name: 'Brevet, du vil have skrevet i klarsprog' }).fill(LETTER);
    await page.getByRole('button', { name: 'Se hvad der sendes' }).click();
    await page.getByTestId('preview-sent-text').waitFor();
    findings.push(...(await audit(page, at('letter preview'))));
    await page.getByRole('button', { name: 'Lav udkast' }).click();
    await page.getByTestId('run-status').getByText('Udkastet er færdigt').waitFor();
    findings.push(...(await audit(page, at('letter draft (offline engine)'))));
    await page.getByRole('button', { name: 'Ret og godkend' }).click();
    await page.getByLabel('Ret teksten').waitFor();
    findings.push(...(await audit(page, at('editing the draft'))));
    await page.getByRole('button', { name: 'Godkend den rettede tekst' }).click();
    await page.getByText('Afventer godkendelse fra en anden person').first().waitFor();
    findings.push(...(await audit(page, at('approved, waiting for a second person'))));

    await page.goto(`${env.server.baseUrl}/koersler`);
    findings.push(...(await audit(page, at('runs list'))));
    await page.getByRole('row').filter({ hasText: LETTER_TRIAL }).getByRole('link').first().click();
    await page.waitForURL(/\/koersler\/[^/]+$/);
    findings.push(...(await audit(page, at('run page'))));

    expect(findings).toEqual([]);
    expectNoProblems(problems);
  }, WALK_TIMEOUT_MS);

  it('leader: trials, charter forms, participants, briefing, knowledge base and insights have no serious or critical violations', async () => {
    const { page, problems } = await open();
    const findings: Finding[] = [];
    await signIn(page, env.server.baseUrl, DEMO_USERS.LEADER.email, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Min afdelings prøvehandlinger' }).waitFor();
    findings.push(...(await audit(page, at('leader home'))));
    findings.push(...(await visit(page, '/proevehandlinger', at('leader trials'))));
    findings.push(...(await visit(page, '/proevehandlinger/ny', at('new charter form'))));

    const draft = await openTrial(page, DRAFT_TRIAL);
    findings.push(...(await audit(page, at('leader draft trial page'))));
    await page.getByRole('button', { name: 'Vælg deltagere' }).click();
    await page.getByTestId('participant-picker').waitFor();
    findings.push(...(await audit(page, at('participant picker'))));
    findings.push(...(await visit(page, `${draft}/rediger`, at('charter form'))));

    const active = await openTrial(page, LETTER_TRIAL);
    findings.push(...(await audit(page, at('leader active trial page, briefing not read'))));
    findings.push(...(await visit(page, `${active}/introduktion`, at('leader briefing'))));
    await openTrial(page, DOCUMENTS_TRIAL);
    findings.push(...(await audit(page, at('leader documents trial with knowledge base'))));
    findings.push(...(await visit(page, `${active}/indsigt`, at('trial insights'))));
    await page.locator('label[for="publication-toggle"]').click();
    await page.getByRole('dialog').waitFor();
    findings.push(...(await audit(page, at('publication question'))));
    await page.getByRole('dialog').getByRole('button', { name: 'Fortryd' }).click();

    expect(findings).toEqual([]);
    expectNoProblems(problems);
  }, WALK_TIMEOUT_MS);

  it('digital unit: overview, users, policies, audit trail, retention, background jobs and the board have no serious or critical violations', async () => {
    const { page, problems } = await open();
    const findings: Finding[] = [];
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Overblik på tværs af afdelinger' }).waitFor();
    await page.getByTestId('status-counts').waitFor();
    findings.push(...(await audit(page, at('overview'))));
    findings.push(...(await visit(page, '/brugere', at('users'))));
    findings.push(...(await visit(page, '/datapolitikker', at('policies'))));
    await page.getByRole('main').getByRole('link').filter({ hasText: /\S/ }).first().click();
    await page.waitForURL(/\/datapolitikker\/[^/]+$/);
    findings.push(...(await audit(page, at('policy page'))));
    findings.push(...(await visit(page, '/revisionsspor', at('audit trail'))));
    await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
    await page.getByTestId('verify-result').getByText(/Revisionssporet er intakt/).waitFor();
    findings.push(...(await audit(page, at('audit trail verified'))));
    findings.push(...(await visit(page, '/opbevaring', at('retention'))));
    findings.push(...(await visit(page, '/baggrundsjob', at('background jobs'))));
    findings.push(...(await visit(page, '/indsigt', at('board'))));
    if (viewport.name === 'phone') {
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('dialog', { name: 'Menu' }).waitFor();
      await page.waitForTimeout(400); // DKFDS slides the drawer in over 0.3 s
      findings.push(...(await audit(page, at('menu drawer'))));
    }

    expect(findings).toEqual([]);
    expectNoProblems(problems);
  }, WALK_TIMEOUT_MS);
});

/**
 * The review board on a fresh demo, in a real browser: the demo organisation's finished letter trial shows real
 * figures from the first start, each equal to what the plan of the history (demo.history.plan.ts) gives when
 * worked out by hand here, in Danish number formatting, and nothing about it is suppressed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { draftOf } from '../../server/src/modules/demo/demo.history.js';
import { demoHistoryPlan } from '../../server/src/modules/demo/demo.history.plan.js';
import { FINISHED_TRIAL } from '../../server/src/modules/demo/demo.history.texts.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();

// The figures by hand: the server rounds to two decimals, the board shows one, in Danish.
const round2 = (x: number) => Math.round(x * 100) / 100;
const da = (x: number) => new Intl.NumberFormat('da-DK').format(Math.round(x * 10) / 10);
const minutes = (x: number) => `${da(x)} ${x === 1 ? 'minut' : 'minutter'}`;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return round2(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

const runs = demoHistoryPlan().runs.filter((r) => r.trial === 'finished');
const logs = runs.flatMap((r) => (r.log ? [r.log] : []));
const outcome = (o: string) => runs.filter((r) => r.outcome === o).length;
const FIGURES = {
  runs: runs.length,
  people: new Set(runs.map((r) => r.requester)).size,
  invited: demoHistoryPlan().trials.finished.participants.length,
  asIs: outcome('APPROVED_AS_IS'),
  edited: outcome('EDITED'),
  rejected: outcome('REJECTED'),
  minutesTotal: logs.reduce((s, l) => s + l.minutesSaved, 0),
  minutesMedian: median(logs.map((l) => l.minutesSaved)),
  usefulness: round2(logs.reduce((s, l) => s + l.usefulness, 0) / logs.length),
  wouldUseAgain: Math.round((logs.filter((l) => l.wouldUseAgain).length / logs.length) * 100),
  masked: runs.filter((r) => draftOf(r).guardDecision === 'masked').length,
};

const menu = (page: Page) => page.getByRole('navigation', { name: 'Hovedmenu' });

describe('the board of a fresh demo', () => {
  it('the digital unit sees the finished letter trial’s figures on the board and on its own page, as the plan has them, and none is suppressed', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await menu(page).getByRole('link', { name: 'Indsigt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indsigt på tværs af prøvehandlinger' }).waitFor();

    const row = page.getByTestId('board-trials').locator('tbody tr').filter({ hasText: FINISHED_TRIAL.title });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
    // unit, runs, people, approved as is / edited / rejected, minutes total / median, usefulness, would use again, blocked / masked, decision
    expect(cells.slice(0, 6)).toEqual([
      'Borgerservice',
      da(FIGURES.runs),
      da(FIGURES.people),
      `${FIGURES.asIs} / ${FIGURES.edited} / ${FIGURES.rejected}`,
      `${da(FIGURES.minutesTotal)} / ${da(FIGURES.minutesMedian)}`,
      da(FIGURES.usefulness),
    ]);
    expect(cells[6]).toMatch(new RegExp(`^${FIGURES.wouldUseAgain}\\s%$`));
    expect(cells.slice(7)).toEqual([`0 / ${FIGURES.masked}`, 'Justér']);
    expect(await row.textContent()).not.toMatch(/Vises ikke|Færre end 3 personer/);
    // The figures the plan was built to have: 80 runs by 13 people, 27 / 34 / 19.
    expect(FIGURES).toMatchObject({ runs: 80, people: 13, asIs: 27, edited: 34, rejected: 19 });
    await page.screenshot({ path: '/tmp/e2e-demo-board.png', fullPage: true });

    await row.getByRole('link', { name: FINISHED_TRIAL.title }).click();
    await page.getByRole('heading', { level: 1, name: `Indsigt: ${FINISHED_TRIAL.title}` }).waitFor();
    for (const m of ['runs-per-person', 'outcomes', 'edit-size', 'minutes', 'usefulness', 'failure-types', 'would-use-again', 'guard', 'providers', 'reflections']) {
      expect(await page.getByTestId(`measure-${m}`).getAttribute('data-status'), m).toBe('ok');
    }
    expect(await page.getByTestId('participation-invited').textContent()).toBe(da(FIGURES.invited));
    expect(await page.getByTestId('participation-active').textContent()).toMatch(
      new RegExp(`^${FIGURES.people} \\(${Math.round((FIGURES.people / FIGURES.invited) * 100)}\\s%\\)$`),
    );
    expect(await page.getByTestId('outcomes-table').getByRole('row', { name: /Godkendt uændret/ }).textContent()).toContain(`Godkendt uændret${FIGURES.asIs}`);
    expect(await page.getByTestId('minutes-total').textContent()).toBe(
      `Sparet i alt: ${minutes(FIGURES.minutesTotal)}. Median pr. kørsel: ${minutes(FIGURES.minutesMedian)}.`,
    );
    await page.getByTestId('decisions-list').getByRole('heading', { name: 'Justér' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Færre end 3 personer');
    await page.screenshot({ path: '/tmp/e2e-demo-trial-insights.png', fullPage: true });
    expectNoProblems(problems);
    await page.context().close();

    // The decision is public: a visitor who is not signed in finds it in the AI register.
    const visitor = await env.openPage();
    await visitor.page.goto(`${env.server.baseUrl}/ai-register`);
    const entry = visitor.page.getByTestId('register-entry').filter({ hasText: FINISHED_TRIAL.title });
    await entry.waitFor();
    expect(await entry.getByTestId('register-decision').textContent()).toContain('Justér');
    expectNoProblems(visitor.problems);
  });
});

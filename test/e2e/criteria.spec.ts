/**
 * Success criteria on a fresh demo, in a real browser: the digital unit adds two measurable criteria to the
 * running minutes trial's charter, the demo history fills them, and the trial's overview and its printed
 * learning report show each with the estimate, the 95 % interval and the verdict. The share is worked out by hand
 * here from the plan of the history (Wilson's formula written out again); the median's bootstrap interval is
 * checked to hold the estimate and to agree with its verdict.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { demoHistoryPlan } from '../../server/src/modules/demo/demo.history.plan.js';
import { RUNNING_TRIAL } from '../../server/src/modules/demo/demo.history.texts.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();

const da = (x: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 2 }).format(x);
const round2 = (x: number) => Math.round(x * 100) / 100;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const runs = demoHistoryPlan().runs.filter((r) => r.trial === 'running');
const decided = runs.filter((r) => ['APPROVED_AS_IS', 'EDITED', 'REJECTED'].includes(r.outcome));
const rejected = decided.filter((r) => r.outcome === 'REJECTED').length;
const minutesLogged = runs.flatMap((r) => (r.log ? [r.log.minutesSaved] : []));
// Wilson, z = 1.96: centre (p + z²/2n) / (1 + z²/n), half z·√(p(1-p)/n + z²/4n²) / (1 + z²/n).
const z = 1.959963984540054;
const n = decided.length;
const p = rejected / n;
const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
const REJECTED = { estimate: round2((100 * rejected) / n), low: round2(100 * (centre - half)), high: round2(100 * (centre + half)) };
const REJECTED_VERDICT = REJECTED.high <= 30 ? 'Opfyldt' : REJECTED.low > 30 ? 'Ikke opfyldt' : 'Kan ikke afgøres endnu';

describe('success criteria on a fresh demo', () => {
  it('when the digital unit adds two criteria to the running trial, then the overview and the printed report show estimates, intervals and verdicts', async () => {
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
    const list = (await (await page.request.get(`${env.server.baseUrl}/api/trials`)).json()) as { trials: { id: string; title: string }[] };
    const trialId = list.trials.find((t) => t.title === RUNNING_TRIAL.title)!.id;

    await page.goto(`${env.server.baseUrl}/proevehandlinger/${trialId}/rediger`);
    await page.getByRole('heading', { level: 1, name: `Ret rammen for ${RUNNING_TRIAL.title}` }).waitFor();
    const add = page.getByRole('button', { name: 'Tilføj målbart kriterium' });
    await add.click();
    await add.click();
    const first = page.getByTestId('charter-criterion-0');
    await first.getByLabel('Mål').selectOption('minutesSavedMedian');
    await first.getByLabel('Grænse (minutter)').fill('10');
    const second = page.getByTestId('charter-criterion-1');
    await second.getByLabel('Mål').selectOption('rejectedShare');
    await second.getByLabel('Skal være').selectOption('atMost');
    await second.getByLabel('Grænse (%)').fill('30');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Ændringerne er gemt.').waitFor();

    await page.goto(`${env.server.baseUrl}/proevehandlinger/${trialId}/indsigt`);
    const table = page.getByTestId('criteria-table');
    await table.waitFor();
    const minutesRow = table.locator('tr[data-testid^="criterion-"]').nth(0);
    const rejectedRow = table.locator('tr[data-testid^="criterion-"]').nth(1);
    expect(await minutesRow.getAttribute('data-status')).toBe('ok');
    expect(await rejectedRow.getAttribute('data-status')).toBe('ok');

    expect(await rejectedRow.locator('th').textContent()).toBe('Andel afviste udkast: højst 30 %');
    const rejectedCells = (await rejectedRow.locator('td').allTextContents()).map((s) => s.trim());
    expect(rejectedCells[0]).toContain(`${da(REJECTED.estimate)} %`);
    expect(rejectedCells[0]).toContain(`${n} svar`);
    expect(rejectedCells[1]).toBe(`${da(REJECTED.low)} % – ${da(REJECTED.high)} %`);
    expect(rejectedCells[2]).toBe(REJECTED_VERDICT);

    expect(await minutesRow.locator('th').textContent()).toBe('Median sparede minutter pr. kørsel: mindst 10 minutter');
    const minutesCells = (await minutesRow.locator('td').allTextContents()).map((s) => s.trim());
    expect(minutesCells[0]).toContain(`${da(median(minutesLogged))} minutter`);
    const [low, high] = minutesCells[1]!.split(' – ').map((s) => Number(s.replace(' minutter', '').replace(',', '.')));
    expect(low!).toBeLessThanOrEqual(median(minutesLogged));
    expect(high!).toBeGreaterThanOrEqual(median(minutesLogged));
    expect(minutesCells[2]).toBe(low! >= 10 ? 'Opfyldt' : high! < 10 ? 'Ikke opfyldt' : 'Kan ikke afgøres endnu');
    await page.screenshot({ path: '/tmp/e2e-criteria.png', fullPage: true });
    expectNoProblems(problems);

    await page.goto(`${env.server.baseUrl}/api/trials/${trialId}/report`);
    const section = page.locator('h2', { hasText: 'Succeskriterier' }).locator('xpath=following-sibling::table[1]');
    const reportRows = (await section.locator('tbody tr').allTextContents()).map((s) => s.replace(/\s+/g, ' '));
    expect(reportRows).toHaveLength(2);
    expect(reportRows[1]).toContain('Andel afviste udkast: højst 30 %');
    expect(reportRows[1]).toContain(`${da(REJECTED.low)} % – ${da(REJECTED.high)} %`);
    expect(reportRows[1]).toContain(REJECTED_VERDICT);
    expect(reportRows[0]).toContain(minutesCells[2]);
    await page.context().close();
  });
});

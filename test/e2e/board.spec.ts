import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/modules/demo/demo.constants.js';
import { expectNoProblems, signIn, useBrowserAndServer } from './browser.js';

const env = useBrowserAndServer();

const TRIAL_TITLE = 'Klarsprog i breve til borgere';
// No CPR number or bank account: one approver is enough, so each person finishes their own run.
const LETTER = [
  'Kære borger',
  '',
  'Vi har modtaget din ansøgning om boligstøtte. Det bemærkes i den forbindelse, at der i henhold til gældende regler skal foretages en vurdering af din samlede økonomiske situation, førend en afgørelse kan træffes.',
  '',
  'Med venlig hilsen',
  'Borgerservice',
].join('\n');

/** A signed-in person talking to the API like the web app does: cookies and the CSRF header. */
class ApiClient {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  private remember(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, expected = [200, 201]): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    this.remember(res);
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  static async signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    client.csrf = (await client.request<{ csrfToken: string }>('GET', '/api/auth/csrf')).csrfToken;
    await client.request('POST', '/api/auth/login', { email, password });
    // The token may be rotated at sign-in: take the one the server set now.
    client.csrf = (await client.request<{ csrfToken: string }>('GET', '/api/auth/csrf')).csrfToken;
    return client;
  }
}

/** What each of the four people reports after approving their draft. */
const EXPERIENCES = [
  { usefulness: 4, minutesSaved: 10, wouldUseAgain: true },
  { usefulness: 5, minutesSaved: 20, wouldUseAgain: true },
  { usefulness: 3, minutesSaved: 5, wouldUseAgain: false },
  { usefulness: 4, minutesSaved: 15, wouldUseAgain: true },
];

/**
 * Four people take part in the letter trial, so no measure is suppressed: the demo employee and leader plus two
 * colleagues the digital unit creates. Each acknowledges the briefing, runs the letter assistant with the offline
 * engine, approves the draft as it is, logs the experience and writes a reflection.
 */
async function seed(baseUrl: string): Promise<{ trialId: string }> {
  const digital = await ApiClient.signIn(baseUrl, DEMO_USERS.DIGITAL_UNIT.email);
  const { trials } = await digital.request<{ trials: { id: string; title: string }[] }>('GET', '/api/trials');
  const trial = trials.find((t) => t.title === TRIAL_TITLE);
  if (!trial) throw new Error(`the demo trial "${TRIAL_TITLE}" is missing`);
  const { units } = await digital.request<{ units: { id: string; code: string }[] }>('GET', '/api/units');
  const unitId = units.find((u) => u.code === 'BORGERSERVICE')?.id ?? '';

  const colleagues = [
    { email: 'anna.andersen@demo.rodovre.dk', name: 'Anna Andersen' },
    { email: 'bo.bertelsen@demo.rodovre.dk', name: 'Bo Bertelsen' },
  ];
  const newIds: string[] = [];
  for (const c of colleagues) {
    const { user } = await digital.request<{ user: { id: string } }>('POST', '/api/users', {
      ...c,
      role: 'EMPLOYEE',
      unitId,
      password: DEMO_PASSWORD,
    });
    newIds.push(user.id);
  }
  const detail = await digital.request<{ trial: { participants: { userId: string }[] } }>('GET', `/api/trials/${trial.id}`);
  await digital.request('PUT', `/api/trials/${trial.id}/participants`, {
    userIds: [...detail.trial.participants.map((p) => p.userId), ...newIds],
  });

  const people = [DEMO_USERS.EMPLOYEE.email, DEMO_USERS.LEADER.email, ...colleagues.map((c) => c.email)];
  for (const [i, email] of people.entries()) {
    const person = await ApiClient.signIn(baseUrl, email);
    const { briefing } = await person.request<{ briefing: { briefingRevision: number } }>('GET', `/api/trials/${trial.id}/briefing`);
    await person.request('POST', `/api/trials/${trial.id}/briefing/acknowledge`, { briefingRevision: briefing.briefingRevision });
    const { run } = await person.request<{ run: { id: string; status: string } }>('POST', '/api/runs', {
      trialId: trial.id,
      assistant: 'letter',
      input: LETTER,
    });
    expect(run.status).toBe('DRAFT');
    await person.request('POST', `/api/runs/${run.id}/reviews`, { decision: 'APPROVE' });
    await person.request('POST', `/api/runs/${run.id}/experience`, { ...EXPERIENCES[i], failureTypes: i === 2 ? ['MISSING_INFORMATION'] : [] });
    await person.request('POST', `/api/trials/${trial.id}/reflections`, { text: `Refleksion nummer ${i + 1} om brevene.` });
  }
  return { trialId: trial.id };
}

/** Splits Danish-Excel CSV (`;`, CRLF, quoted fields) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('the review board', () => {
  it('the digital unit filters the board, opens the trial, records a decision, downloads the CSV and publishes the trial', async () => {
    const { trialId } = await seed(env.server.baseUrl);
    const { page, problems } = await env.openPage();
    await signIn(page, env.server.baseUrl, DEMO_USERS.DIGITAL_UNIT.email, DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Indsigt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indsigt på tværs af prøvehandlinger' }).waitFor();

    // Filter by the letter assistant: only the letter trials are left, this one with its four people's figures
    // (the other is the finished letter trial of the demo's history).
    await page.getByTestId('board-filters').getByLabel('Assistent').selectOption('letter');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/\/indsigt\?assistant=letter$/);
    const rows = page.getByTestId('board-trials').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const row = rows.filter({ has: page.getByRole('link', { name: TRIAL_TITLE, exact: true }) });
    expect(await row.getByRole('link').textContent()).toBe(TRIAL_TITLE);
    const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
    // runs 4, people 4, 4 approved as is / 0 edited / 0 rejected, minutes 10+20+5+15 = 50 with median (10+15)/2 = 12,5,
    // usefulness (4+5+3+4)/4 = 4, would use again 3 of 4 = 75 %.
    expect(cells.slice(1, 6)).toEqual(['4', '4', '4 / 0 / 0', '50 / 12,5', '4']);
    expect(cells[6]).toMatch(/^75\s%$/);
    await page.getByTestId('chart-assistants').locator('svg').first().waitFor();
    await page.screenshot({ path: '/tmp/e2e-board.png', fullPage: true });

    // A filter that matches nothing says so in words.
    await page.getByLabel('Fra og med').fill('2020-01-01');
    await page.getByLabel('Til og med').fill('2020-01-31');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.getByTestId('board-empty').getByText('Ingen prøvehandlinger matcher filtrene.').waitFor();
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();

    await page.getByTestId('board-trials').getByRole('link', { name: TRIAL_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: `Indsigt: ${TRIAL_TITLE}` }).waitFor();
    expect(await page.getByTestId('measure-outcomes').getAttribute('data-status')).toBe('ok');
    expect(await page.getByTestId('outcomes-table').getByRole('row', { name: /Godkendt uændret/ }).textContent()).toMatch(/Godkendt uændret4/);
    expect(await page.getByTestId('minutes-total').textContent()).toBe('Sparet i alt: 50 minutter. Median pr. kørsel: 12,5 minutter.');
    await page.getByTestId('chart-usefulness').getByRole('button', { name: 'Vis som tabel' }).click();
    expect(await page.getByTestId('chart-usefulness-table').getByRole('row', { name: /^4 – brugbart/ }).textContent()).toMatch(/2$/);
    expect(await page.getByTestId('measure-reflections').getAttribute('data-status')).toBe('ok');

    // The learning report carries the reflection ticked for it, and no other.
    await page.getByLabel(/Refleksion nummer 2 om brevene\./).check();
    const reportHref = (await page.getByTestId('report-link').getAttribute('href')) ?? '';
    expect(reportHref).toMatch(/\/report\?reflection=/);
    const report = await page.request.get(`${env.server.baseUrl}${reportHref}`);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toMatch(/^text\/html/);
    const html = await report.text();
    expect(html).toContain('Refleksion nummer 2 om brevene.');
    expect(html).not.toContain('Refleksion nummer 3 om brevene.');

    // The decision.
    await page.getByLabel(/^Justér/).check();
    await page.getByRole('textbox', { name: 'Begrundelse' }).fill('Klagevejledningen skal altid med i skabelonen.');
    await page.getByRole('textbox', { name: 'Grundlag' }).fill('Fire deltagere, 50 minutter sparet.');
    await page.getByRole('button', { name: 'Registrér beslutning' }).click();
    await page.getByRole('dialog', { name: 'Registrér beslutningen?' }).getByRole('button', { name: 'Registrér beslutning' }).click();
    await page.getByTestId('decision-status').getByText('Beslutningen er registreret.').waitFor();
    await page.getByTestId('decisions-list').getByRole('heading', { name: 'Justér' }).waitFor();
    await page.screenshot({ path: '/tmp/e2e-trial-insights.png', fullPage: true });

    // The CSV: one row per run, participants as P1..P4, no text from the runs. A button: each download is a
    // POST that the audit trail records as trial.exported.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Hent CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).not.toContain('boligstøtte');
    const [header = [], ...data] = parseCsv(text.slice(1));
    const col = (name: string) => {
      const i = header.indexOf(name);
      expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
      return data.map((r) => r[i]);
    };
    expect(data).toHaveLength(4);
    expect(col('Deltager').sort()).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(col('Assistent')).toEqual(['letter', 'letter', 'letter', 'letter']);
    expect(col('Udfald')).toEqual(Array(4).fill('Godkendt uden rettelser'));
    expect(col('Sparede minutter').map(Number).sort((a, b) => a - b)).toEqual([5, 10, 15, 20]);
    expect(col('Brugbarhed (1-5)').map(Number).sort()).toEqual([3, 4, 4, 5]);
    expect(col('Vil bruge igen').sort()).toEqual(['ja', 'ja', 'ja', 'nej']);

    // Publishing puts the trial in the public register, which a signed-out visitor can read.
    await page.getByRole('checkbox', { name: 'Offentliggør i AI-registret' }).click();
    await page.getByRole('dialog', { name: /^Offentliggør .* i AI-registret\?$/ }).getByRole('button', { name: 'Offentliggør' }).click();
    await page.getByTestId('publication-status').getByText('Prøvehandlingen er nu offentliggjort i AI-registret.').waitFor();
    expectNoProblems(problems);
    await page.context().close();

    const visitor = await env.openPage();
    await visitor.page.goto(`${env.server.baseUrl}/ai-register`);
    const entry = visitor.page.getByTestId('register-entry').filter({ hasText: TRIAL_TITLE });
    await entry.waitFor();
    expect(visitor.page.url()).toBe(`${env.server.baseUrl}/ai-register`);
    expect(await entry.getByTestId('register-decision').textContent()).toContain('Justér');
    await visitor.page.screenshot({ path: '/tmp/e2e-ai-register.png', fullPage: true });
    expectNoProblems(visitor.problems);
    expect(trialId).toBeTruthy();
  });
});

// @vitest-environment jsdom
import { EMPTY_REASONS, SUPPRESSED_REASON, type TrialInsights } from '@contracts/insights.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { attachmentName } from '../../../lib/download';
import { makeTrialDetail } from '../../../test/fixtures';
import { empty, makeInsights, suppressed } from '../test-fixtures';

setupWebTests();

function routes(insights: TrialInsights | (() => TrialInsights), extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  return {
    'GET /api/trials/t1/insights': () => ({ status: 200, body: { insights: typeof insights === 'function' ? insights() : insights } }),
    'GET /api/trials/t1': { status: 200, body: { trial: makeTrialDetail({ status: 'ACTIVE', canAdminister: true }) } },
    ...extra,
  };
}

const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
let clickSpy: { mockRestore(): void } | undefined;
afterEach(() => {
  clickSpy?.mockRestore();
  clickSpy = undefined;
  URL.createObjectURL = objectUrls.create;
  URL.revokeObjectURL = objectUrls.revoke;
});

/** Stands in for the browser's download: records the links the page clicks (jsdom cannot navigate). */
function captureDownloads(): { name: string; href: string }[] {
  const clicked: { name: string; href: string }[] = [];
  URL.createObjectURL = () => 'blob:test-file';
  URL.revokeObjectURL = () => undefined;
  clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.getAttribute('href') ?? '' });
  });
  return clicked;
}

describe('the trial overview (indsigt)', () => {
  it('when every measure rests on 3 or more people, then the leader sees the figures, the charts as tables and the exports', async () => {
    fakeApi(makeUser('LEADER'), routes(makeInsights()));
    renderApp('/proevehandlinger/t1/indsigt');

    expect(await screen.findByRole('heading', { level: 1, name: 'Indsigt: Klarsprog i breve' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Kommer alle med?' })).toBeTruthy();
    expect(screen.getByTestId('participation-invited').textContent).toBe('5');
    // Intl puts a no-break space before the per cent sign.
    expect(screen.getByTestId('participation-active').textContent).toMatch(/^4 \(80\s%\)$/);
    expect(screen.getByTestId('measure-runs-per-person').textContent).toContain('Kørsler pr. person: median 2, færrest 1, flest 4.');

    const outcomes = within(screen.getByTestId('outcomes-table'));
    expect(outcomes.getByRole('rowheader', { name: 'Godkendt uændret' }).closest('tr')?.textContent).toContain('4');
    expect(outcomes.getByRole('rowheader', { name: 'Rettet og godkendt' }).closest('tr')?.textContent).toContain('3');
    expect(screen.getByTestId('measure-outcomes').textContent).toContain('Bygger på 4 personer.');
    expect(screen.getByTestId('measure-edit-size').textContent).toContain('Median 40 tegn, gennemsnit 52,3 tegn, højst 120 tegn.');
    expect(screen.getByTestId('minutes-total').textContent).toBe('Sparet i alt: 75 minutter. Median pr. kørsel: 10 minutter.');
    expect(screen.getByTestId('measure-would-use-again').textContent).toMatch(/Ja: 6, nej: 1 \(86\s% ja\)\./);
    expect(within(screen.getByTestId('guard-masked')).getByRole('rowheader', { name: 'CPR-nummer' })).toBeTruthy();
    expect(screen.getByTestId('providers-table').textContent).toContain('regelmotor');

    // The chart says in words what it shows, and the same data is one click away as a table.
    const chart = screen.getByTestId('chart-runs-over-time');
    expect(within(chart).getByRole('img').getAttribute('aria-label')).toMatch(/^9 kørsler fordelt på 2 uger/);
    fireEvent.click(within(chart).getByRole('button', { name: 'Vis som tabel' }));
    const weeks = within(screen.getByTestId('chart-runs-over-time-table'));
    expect(weeks.getByRole('rowheader', { name: 'Uge 03' }).closest('tr')?.textContent).toBe('Uge 036');
    expect(within(screen.getByTestId('chart-failure-types')).getByTestId('chart-failure-types-summary').textContent).toBe(
      'Oftest set: Sproglige fejl (3 gange).',
    );

    // Downloads are buttons (a POST each, recorded in the audit trail), not links a prefetch could follow.
    expect(screen.getByRole('button', { name: 'Hent CSV' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hent JSON' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Hent CSV' })).toBeNull();
    expect(screen.getByTestId('exports').textContent).toContain('Hver fil, du henter, registreres i revisionssporet.');
    // Before the download: the files withhold what the board withholds, and say how it reads in them.
    expect(screen.getByTestId('exports').textContent).toContain('felter, der bygger på færre end 3 personer, står som »skjult (færre end 3 personer)«');

    // The learning report carries the reflections the leader ticks.
    const report = screen.getByTestId('report-link');
    expect(report.getAttribute('href')).toBe('/api/trials/t1/report');
    expect(report.getAttribute('target')).toBe('_blank');
    fireEvent.click(screen.getByLabelText(/Klagevejledningen mangler tit\./));
    fireEvent.click(screen.getByLabelText(/Udkastene sparer tid/));
    expect(report.getAttribute('href')).toBe('/api/trials/t1/report?reflection=r2&reflection=r1');
  });

  it('when groups are small or there is nothing to count, then the page says so in words instead of showing numbers', async () => {
    const insights = makeInsights({
      participation: { invited: 2, briefed: 2, active: 2, shareActive: 1, runsPerPerson: suppressed(2) },
      outcomes: suppressed(2),
      editSize: empty(EMPTY_REASONS.noEdits),
      minutesSaved: empty(EMPTY_REASONS.noExperiences),
      usefulness: empty(EMPTY_REASONS.noExperiences),
      failureTypes: empty(EMPTY_REASONS.noExperiences),
      wouldUseAgain: empty(EMPTY_REASONS.noExperiences),
      guard: suppressed(2),
      providers: suppressed(2),
      reflections: suppressed(1),
      baseline: suppressed(2),
    });
    fakeApi(makeUser('DIGITAL_UNIT'), routes(insights));
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByRole('heading', { level: 1, name: 'Indsigt: Klarsprog i breve' });

    // Participation counts are not per-person breakdowns and are always shown.
    expect(screen.getByTestId('participation-invited').textContent).toBe('2');
    for (const id of ['measure-runs-per-person', 'measure-outcomes', 'measure-guard', 'measure-providers', 'measure-reflections', 'measure-baseline']) {
      const el = screen.getByTestId(id);
      expect(el.getAttribute('data-status'), id).toBe('suppressed');
      expect(el.textContent, id).toBe(SUPPRESSED_REASON);
    }
    expect(screen.getByTestId('measure-edit-size').textContent).toBe('Ingen udkast er rettet endnu.');
    for (const id of ['measure-minutes', 'measure-usefulness', 'measure-failure-types', 'measure-would-use-again']) {
      expect(screen.getByTestId(id).textContent, id).toBe('Ingen erfaringslogs endnu.');
    }
    expect(screen.queryByTestId('outcomes-table')).toBeNull();
    expect(screen.queryByTestId('chart-usefulness')).toBeNull();
    expect(screen.queryByText(/Bygger på/)).toBeNull();
  });

  it('when the charter has criteria, then each shows its estimate, interval and verdict, or why it has none', async () => {
    const insights = makeInsights({
      criteria: [
        {
          criterion: { id: 'again', measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 },
          result: { status: 'ok', people: 4, value: { estimate: 66.67, low: 30, high: 90.32, method: 'wilson', n: 6, verdict: 'undecided' } },
        },
        {
          criterion: { id: 'minutes', measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 5 },
          result: { status: 'ok', people: 4, value: { estimate: 12.5, low: 7.5, high: 20, method: 'bootstrap', n: 40, verdict: 'met' } },
        },
        { criterion: { id: 'edits', measure: 'editSizeMedian', comparator: 'atMost', threshold: 200 }, result: suppressed(2) },
      ],
    });
    fakeApi(makeUser('LEADER'), routes(insights));
    renderApp('/proevehandlinger/t1/indsigt');
    const table = await screen.findByTestId('criteria-table');

    const again = within(table).getByTestId('criterion-again');
    expect(within(again).getByRole('rowheader').textContent).toBe('Andel svar "vil bruge den igen": mindst 70 %');
    expect(again.textContent).toContain('66,67 %');
    expect(again.textContent).toContain('6 svar, 4 personer');
    expect(again.textContent).toContain('30 % – 90,32 %');
    expect(again.textContent).toContain('Kan ikke afgøres endnu');
    const minutes = within(table).getByTestId('criterion-minutes');
    expect(minutes.textContent).toContain('12,5 minutter');
    expect(minutes.textContent).toContain('7,5 minutter – 20 minutter');
    expect(minutes.textContent).toContain('Opfyldt');
    const edits = within(table).getByTestId('criterion-edits');
    expect(edits.textContent).toContain(SUPPRESSED_REASON);
    expect(edits.textContent).not.toMatch(/Opfyldt|Ikke opfyldt/);
  });

  it('when a decision was recorded with criteria, then the list shows each with its verdict as it stood', async () => {
    const insights = makeInsights({
      decisions: [
        {
          id: 'd1',
          outcome: 'ADOPT',
          rationale: 'Vi indfører.',
          evidence: '',
          criteria: [
            { criterion: { id: 'r', measure: 'rejectedShare', comparator: 'atMost', threshold: 60 }, estimate: 16.67, low: 3.01, high: 56.35, verdict: 'met', reason: null },
            { criterion: { id: 'm', measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 10 }, estimate: null, low: null, high: null, verdict: null, reason: SUPPRESSED_REASON },
          ],
          decidedBy: { name: 'Lars Leder' },
          createdAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    });
    fakeApi(makeUser('LEADER'), routes(insights));
    renderApp('/proevehandlinger/t1/indsigt');
    const list = await screen.findByTestId('decision-criteria');
    expect(list.textContent).toContain('Andel afviste udkast: højst 60 %: 16,67 % (3,01 % – 56,35 %), Opfyldt');
    expect(list.textContent).toContain(`Median sparede minutter pr. kørsel: mindst 10 minutter: ${SUPPRESSED_REASON}`);
  });

  it('when 3 or more people gave a no-AI baseline, then the overview compares it with the minutes saved', async () => {
    fakeApi(makeUser('LEADER'), routes(makeInsights()));
    renderApp('/proevehandlinger/t1/indsigt');
    expect((await screen.findByTestId('baseline-value')).textContent).toBe(
      'Uden assistenten tager én opgave i midten 40 minutter. Assistenten sparer i midten 10 minutter pr. kørsel, svarende til 25\u00a0% af tiden.',
    );
  });

  it('when the charter has no criteria, then the section says how to add them', async () => {
    fakeApi(makeUser('LEADER'), routes(makeInsights()));
    renderApp('/proevehandlinger/t1/indsigt');
    expect((await screen.findByTestId('criteria-none')).textContent).toContain('Rammen har ingen målbare succeskriterier.');
  });

  it('when the period has no runs, then the page says "Ingen kørsler i perioden." and sends the period to the server', async () => {
    const api = fakeApi(
      makeUser('LEADER'),
      routes(
        makeInsights({
          period: { from: '2026-06-01', to: '2026-06-30' },
          runsOverTime: [],
          emptyReason: EMPTY_REASONS.noRuns,
          outcomes: empty(EMPTY_REASONS.noRuns),
        }),
        { 'POST /api/trials/t1/export.csv': { status: 200, body: 'Kørsel;Deltager' } },
      ),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByRole('heading', { level: 1, name: 'Indsigt: Klarsprog i breve' });

    fireEvent.change(screen.getByLabelText('Fra og med'), { target: { value: '2026-06-01' } });
    fireEvent.change(screen.getByLabelText('Til og med'), { target: { value: '2026-06-30' } });
    fireEvent.click(within(screen.getByTestId('period-filter')).getByRole('button', { name: 'Vis' }));

    await waitFor(() => expect(api.requests.some((r) => r.path === '/api/trials/t1/insights' && r.method === 'GET')).toBe(true));
    const fetchMock = globalThis.fetch as unknown as { mock: { calls: [string][] } };
    await waitFor(() =>
      expect(fetchMock.mock.calls.map((c) => c[0])).toContain('/api/trials/t1/insights?from=2026-06-01&to=2026-06-30'),
    );
    expect((await screen.findByTestId('insights-empty')).textContent).toBe('Ingen kørsler i perioden.');
    expect(screen.getByTestId('runs-over-time-empty').textContent).toBe('Ingen kørsler i perioden.');
    const downloads = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Hent CSV' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(fetchMock.mock.calls.map((c) => c[0])).toContain('/api/trials/t1/export.csv?from=2026-06-01&to=2026-06-30');
    expect(api.calls('POST', '/api/trials/t1/export.csv')).toHaveLength(1);
    expect(screen.getByTestId('measure-outcomes').textContent).toBe('Ingen kørsler i perioden.');
  });

  it('when the leader clicks "Hent JSON", then one POST is made and its answer is handed to the browser as a file; a refusal is shown', async () => {
    let refuse = false;
    const api = fakeApi(
      makeUser('LEADER'),
      routes(makeInsights(), {
        'POST /api/trials/t1/export.json': () =>
          refuse ? { status: 503, body: errorBody('DATABASE_UNAVAILABLE', 'Databasen kan ikke gemme lige nu. Prøv igen om lidt.') } : { status: 200, body: { rows: [] } },
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    const downloads = captureDownloads();

    fireEvent.click(await screen.findByRole('button', { name: 'Hent JSON' }));

    await waitFor(() => expect(downloads).toEqual([{ name: 'proevehandling.json', href: 'blob:test-file' }]));
    expect(api.calls('POST', '/api/trials/t1/export.json')).toHaveLength(1);
    expect(api.calls('GET', '/api/trials/t1/export.json')).toHaveLength(0);

    refuse = true;
    fireEvent.click(screen.getByRole('button', { name: 'Hent JSON' }));
    expect((await screen.findByTestId('export-error')).textContent).toContain('Databasen kan ikke gemme lige nu.');
    expect(downloads).toHaveLength(1);
  });

  it("names the file as the server's Content-Disposition does", () => {
    expect(attachmentName(`attachment; filename="proevehandling-a-2026.csv"; filename*=UTF-8''pr%C3%B8vehandling-%C3%A6.csv`, 'x.csv')).toBe('prøvehandling-æ.csv');
    expect(attachmentName('attachment; filename="proevehandling-a.csv"', 'x.csv')).toBe('proevehandling-a.csv');
    expect(attachmentName(null, 'x.csv')).toBe('x.csv');
  });

  it('when the decision form is sent without a choice and a rationale, then an error summary names both and nothing is sent', async () => {
    const api = fakeApi(makeUser('LEADER'), routes(makeInsights()));
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByTestId('decision-form');
    expect(screen.getByTestId('decisions-none').textContent).toBe('Der er ikke truffet nogen beslutning endnu.');

    fireEvent.change(screen.getByLabelText('Begrundelse', { exact: false }), { target: { value: 'For kort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrér beslutning' }));

    const summary = await screen.findByTestId('decision-errors');
    expect(within(summary).getByRole('link', { name: 'Vælg Indfør, Justér eller Stop.' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Begrund beslutningen (mindst 10 tegn).' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(screen.getByRole('textbox', { name: 'Begrundelse' }).getAttribute('aria-invalid')).toBe('true');
    expect(api.calls('POST', '/api/trials/t1/decisions')).toHaveLength(0);
  });

  it('when the leader records "Justér" with a rationale, then it is sent, confirmed and listed', async () => {
    let decided = false;
    const decision = {
      id: 'd1',
      outcome: 'ADJUST' as const,
      rationale: 'Klagevejledningen skal med i skabelonen.',
      evidence: '4 af 9 breve manglede klagevejledning.',
      criteria: [],
      decidedBy: { name: 'Lars Leder' },
      createdAt: '2026-02-01T10:00:00.000Z',
    };
    const api = fakeApi(
      makeUser('LEADER'),
      routes(() => makeInsights({ decisions: decided ? [decision] : [] }), {
        'POST /api/trials/t1/decisions': () => {
          decided = true;
          return { status: 201, body: { decision } };
        },
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByTestId('decision-form');

    fireEvent.click(screen.getByLabelText(/^Justér/));
    fireEvent.change(screen.getByRole('textbox', { name: 'Begrundelse' }), { target: { value: decision.rationale } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Grundlag' }), { target: { value: decision.evidence } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrér beslutning' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrér beslutningen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrér beslutning' }));

    expect((await screen.findByTestId('decision-status')).textContent).toContain('Beslutningen er registreret.');
    expect(api.calls('POST', '/api/trials/t1/decisions')[0]?.body).toEqual({
      outcome: 'ADJUST',
      rationale: decision.rationale,
      evidence: decision.evidence,
    });
    const list = await screen.findByTestId('decisions-list');
    expect(within(list).getByRole('heading', { name: 'Justér' })).toBeTruthy();
    expect(list.textContent).toContain('Lars Leder');
    expect(list.textContent).toContain('4 af 9 breve manglede klagevejledning.');
  });

  it("when the server refuses the decision, then its Danish message is shown", async () => {
    fakeApi(
      makeUser('LEADER'),
      routes(makeInsights(), {
        'POST /api/trials/t1/decisions': {
          status: 409,
          body: errorBody('TRIAL_NOT_STARTED', 'Prøvehandlingen er ikke sat i gang. Sæt den i gang, før der træffes en beslutning.'),
        },
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByTestId('decision-form');
    fireEvent.click(screen.getByLabelText(/^Stop/));
    fireEvent.change(screen.getByRole('textbox', { name: 'Begrundelse' }), { target: { value: 'Assistenten sparer ikke tid.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrér beslutning' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Registrér beslutning' }));
    expect((await screen.findByText(/Sæt den i gang, før der træffes en beslutning\./)).textContent).toBeTruthy();
  });

  it('when a test decision is double-clicked on a published trial, then the question says it becomes the public decision, and one decision is sent', async () => {
    const api = fakeApi(
      makeUser('LEADER'),
      routes(makeInsights(), {
        'GET /api/trials/t1': { status: 200, body: { trial: makeTrialDetail({ status: 'ACTIVE', canAdminister: true, published: true }) } },
        'POST /api/trials/t1/decisions': (req) => ({
          status: 201,
          body: { decision: { id: 'd1', ...(req.body as object), decidedBy: { name: 'Lars Leder' }, createdAt: '2026-02-01T10:00:00.000Z' } },
        }),
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByRole('checkbox', { name: 'Offentliggør i AI-registret', checked: true });
    fireEvent.click(screen.getByLabelText(/^Stop/));
    fireEvent.change(screen.getByRole('textbox', { name: 'Begrundelse' }), { target: { value: 'Bare en test af formularen.' } });
    const submit = screen.getByRole('button', { name: 'Registrér beslutning' });
    fireEvent.click(submit);
    fireEvent.click(submit);

    // Nothing is recorded before the question is answered, and the question says what is recorded and that it goes public.
    const dialog = await screen.findByRole('dialog', { name: 'Registrér beslutningen?' });
    expect(api.calls('POST', '/api/trials/t1/decisions')).toHaveLength(0);
    expect(dialog.textContent).toContain('Stop – assistenten bruges ikke mere');
    expect(dialog.textContent).toContain('Bare en test af formularen.');
    expect(dialog.textContent).toContain('Intet grundlag angivet.');
    expect(dialog.textContent).toContain('Prøvehandlingen er offentliggjort i AI-registret. Beslutningen bliver straks den, alle kan se dér');
    expect(dialog.textContent).toContain('kan ikke rettes eller slettes bagefter');
    // Focus starts on the question, not on a button a stray Enter or click could press.
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Registrér beslutningen?' }));

    const confirm = within(dialog).getByRole('button', { name: 'Registrér beslutning' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Gemmer …' }).hasAttribute('disabled')).toBe(true);
    expect((await screen.findByTestId('decision-status')).textContent).toContain('Beslutningen er registreret.');
    expect(api.calls('POST', '/api/trials/t1/decisions')).toHaveLength(1);
  });

  it('when the leader presses "Fortryd" in the decision question, then nothing is sent and the form keeps what was written', async () => {
    const api = fakeApi(makeUser('LEADER'), routes(makeInsights()));
    renderApp('/proevehandlinger/t1/indsigt');
    await screen.findByRole('checkbox', { name: 'Offentliggør i AI-registret', checked: false });
    fireEvent.click(screen.getByLabelText(/^Indfør/));
    fireEvent.change(screen.getByRole('textbox', { name: 'Begrundelse' }), { target: { value: 'Brevene er blevet klarere.' } });
    // A click focuses the button in a browser; jsdom's synthetic click does not.
    screen.getByRole('button', { name: 'Registrér beslutning' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Registrér beslutning' }));
    const dialog = await screen.findByRole('dialog', { name: 'Registrér beslutningen?' });
    expect(dialog.textContent).toContain('Prøvehandlingen er ikke offentliggjort i AI-registret nu.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fortryd' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('POST', '/api/trials/t1/decisions')).toHaveLength(0);
    expect((screen.getByRole('textbox', { name: 'Begrundelse' }) as HTMLTextAreaElement).value).toBe('Brevene er blevet klarere.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Registrér beslutning' }));
  });

  it('when the leader clicks the label "Offentliggør i AI-registret", then a question lists what becomes public and nothing is sent before "Offentliggør"', async () => {
    let published = false;
    const api = fakeApi(
      makeUser('LEADER'),
      routes(makeInsights(), {
        'GET /api/trials/t1': () => ({
          status: 200,
          body: {
            trial: makeTrialDetail({
              status: 'ACTIVE',
              canAdminister: true,
              published,
              latestDecision: {
                id: 'd1',
                outcome: 'ADJUST',
                rationale: 'Skabelonen skal rettes.',
                evidence: 'Tal fra loggen.',
                criteria: [],
                decidedBy: { name: 'Lars Leder' },
                createdAt: '2026-02-01T10:00:00.000Z',
              },
            }),
          },
        }),
        'POST /api/trials/t1/publication': (req) => {
          published = (req.body as { published: boolean }).published;
          return { status: 200, body: { published } };
        },
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    const toggle = await screen.findByRole('checkbox', { name: 'Offentliggør i AI-registret' });
    expect(toggle.getAttribute('aria-describedby')).toBe('publication-explanation');
    // The DKFDS wrapper that places the drawn box beside its label.
    expect(toggle.parentElement?.className).toBe('form-group-checkbox');

    fireEvent.click(screen.getByText('Offentliggør i AI-registret', { selector: 'label' }));
    const dialog = await screen.findByRole('dialog', { name: 'Offentliggør »Klarsprog i breve« i AI-registret?' });
    expect(api.calls('POST', '/api/trials/t1/publication')).toHaveLength(0);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(within(within(dialog).getByTestId('publication-fields')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'titlen',
      'formålet',
      'afdelingen',
      'hvilke assistenter der bruges',
      'perioden (start og slut)',
      'status (aktiv, sat på pause eller afsluttet)',
      'datapolitikkens titel, og hvad medarbejderne må, ikke må og skal, i klart sprog',
      'hvordan mennesker fører tilsyn med assistenten',
      'den seneste beslutning: udfaldet, begrundelsen og datoen',
    ]);
    expect(dialog.textContent).toContain('Den seneste beslutning er lige nu »Justér« fra');
    expect(dialog.textContent).toContain('Det vises ikke: grundlaget for beslutningen, hvem der har truffet den');

    // Escape answers no.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.calls('POST', '/api/trials/t1/publication')).toHaveLength(0);

    fireEvent.click(toggle);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Offentliggør' }));
    expect((await screen.findByTestId('publication-status')).textContent).toContain('Prøvehandlingen er nu offentliggjort i AI-registret.');
    expect(api.calls('POST', '/api/trials/t1/publication').map((r) => r.body)).toEqual([{ published: true }]);
    expect((screen.getByRole('checkbox', { name: 'Offentliggør i AI-registret' }) as HTMLInputElement).checked).toBe(true);
  });

  it('when the leader unticks a published trial, then "Fjern fra AI-registret" is asked first, and "Fortryd" keeps it published', async () => {
    const api = fakeApi(
      makeUser('LEADER'),
      routes(makeInsights(), {
        'GET /api/trials/t1': { status: 200, body: { trial: makeTrialDetail({ status: 'ACTIVE', canAdminister: true, published: true }) } },
        'POST /api/trials/t1/publication': { status: 200, body: { published: false } },
      }),
    );
    renderApp('/proevehandlinger/t1/indsigt');
    const toggle = (await screen.findByRole('checkbox', { name: 'Offentliggør i AI-registret', checked: true })) as HTMLInputElement;
    fireEvent.click(toggle);
    let dialog = await screen.findByRole('dialog', { name: 'Fjern »Klarsprog i breve« fra AI-registret?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fortryd' }));
    expect(toggle.checked).toBe(true);
    expect(api.calls('POST', '/api/trials/t1/publication')).toHaveLength(0);

    fireEvent.click(toggle);
    dialog = await screen.findByRole('dialog', { name: 'Fjern »Klarsprog i breve« fra AI-registret?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fjern fra AI-registret' }));
    expect((await screen.findByTestId('publication-status')).textContent).toContain('Prøvehandlingen er fjernet fra AI-registret.');
    expect(api.calls('POST', '/api/trials/t1/publication').map((r) => r.body)).toEqual([{ published: false }]);
  });

  it('when an employee opens the overview, then the server refusal is shown and no figures', async () => {
    fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/trials/t1/insights': { status: 403, body: errorBody('FORBIDDEN', 'Du har ikke adgang til indsigten i denne prøvehandling.') },
    });
    renderApp('/proevehandlinger/t1/indsigt');
    expect(await screen.findByText('Du har ikke adgang til indsigten i denne prøvehandling.')).toBeTruthy();
    expect(screen.queryByTestId('section-participation')).toBeNull();
  });
});

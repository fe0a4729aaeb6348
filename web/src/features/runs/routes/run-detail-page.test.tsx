// @vitest-environment jsdom
import type { ExperienceState } from '@contracts/experiences.js';
import type { ReviewView, RunReviewState } from '@contracts/reviews.js';
import type { RunView } from '@contracts/runs.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeRun } from '../../../test/fixtures';
import { CSRF_TOKEN, errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';

setupWebTests();

const DRAFT = 'Kære borger. Vi har modtaget din ansøgning.';
const LABEL = { da: 'Brevet er omskrevet med hjælp fra AI', en: 'The letter was rewritten with the help of AI' };
const PAGE = '/koersler/run-1';

const openState = (overrides: Partial<RunReviewState> = {}): RunReviewState => ({
  fourEyes: false,
  reviews: [],
  awaiting: 'review',
  canReview: true,
  pendingText: null,
  experienceLogged: false,
  ...overrides,
});

/** The requester's own draft, open for review. */
const run = (overrides: Partial<RunView> = {}): RunView =>
  makeRun({ requesterId: 'u-emp', output: DRAFT, disclosureLabel: LABEL, review: openState(), ...overrides });

const reviewView = (overrides: Partial<ReviewView> = {}): ReviewView => ({
  id: 'rev-1',
  step: 1,
  decision: 'APPROVE',
  reviewer: { id: 'u-emp', name: 'Mette Medarbejder' },
  reason: null,
  editSize: 0,
  editDiff: null,
  createdAt: '2026-11-27T10:05:00.000Z',
  ...overrides,
});

const decided = (review: ReviewView, status: 'APPROVED' | 'REJECTED' | 'DRAFT', state: Partial<RunReviewState> = {}) => ({
  status: 201,
  body: { review, status, state: openState({ reviews: [review], awaiting: status === 'DRAFT' ? 'second_approval' : null, canReview: false, ...state }) },
});

const FINAL = (text: string) => ({
  status: 200,
  body: { final: { runId: 'run-1', text, disclosureLabel: LABEL, approvedAt: '2026-11-27T10:05:00.000Z', policyId: 'borgerbreve-maskering', policyVersion: 'v1' } },
});

const NO_LOG: ExperienceState = { experience: null, questions: [{ id: 'q1', text: 'Hvad ville du ændre i assistenten?' }] };

/** The fake server with GET /api/runs/run-1 answering `current()`; a decision changes what it answers next. */
function api(initial: RunView, routes: Record<string, FakeRoute> = {}, role: 'EMPLOYEE' | 'LEADER' = 'EMPLOYEE') {
  let current = initial;
  const fake = fakeApi(makeUser(role), {
    'GET /api/runs/run-1': () => ({ status: 200, body: { run: current } }),
    'GET /api/runs/run-1/experience': { status: 200, body: NO_LOG },
    'GET /api/runs': { status: 200, body: { runs: [], nextCursor: null } },
    ...routes,
  });
  return { ...fake, set: (next: RunView) => void (current = next) };
}

describe('reviewing a draft', () => {
  it('names the policy the run went through by its title and says whether that version is still the current one', async () => {
    api(run({ policyVersion: '3f9a1c2b7d0e', policyCurrent: false }));
    renderApp(PAGE);

    const link = await screen.findByRole('link', { name: 'Breve til borgere med pseudonymisering (en tidligere version)' });
    expect(link.getAttribute('href')).toBe('/datapolitikker/borgerbreve-maskering');
    expect(document.body.textContent).not.toContain('3f9a1c2b7d0e');
  });

  it('"Godkend" approves as is, then shows the final text with the label and a copy button, which copies text and label', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const review = reviewView();
    const fake = api(run(), {
      'POST /api/runs/run-1/reviews': () => {
        fake.set(run({ status: 'APPROVED', review: openState({ reviews: [review], awaiting: null, canReview: false }) }));
        return decided(review, 'APPROVED');
      },
      'GET /api/runs/run-1/final': FINAL(DRAFT),
      'POST /api/runs/run-1/final/export': FINAL(DRAFT),
    });
    renderApp(PAGE);

    expect(await screen.findByRole('heading', { level: 2, name: 'UDKAST – genereret med AI' })).toBeTruthy();
    expect(screen.getByTestId('run-disclosure').textContent).toContain(LABEL.da);
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();
    expect(fake.calls('GET', '/api/runs/run-1/final')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Godkend' }));

    expect(await screen.findByRole('heading', { name: 'Den godkendte tekst' })).toBeTruthy();
    expect(fake.calls('POST', '/api/runs/run-1/reviews')[0]!.body).toEqual({ decision: 'APPROVE', step: 1 });
    expect(screen.getByTestId('final-text-body').textContent).toBe(DRAFT);
    expect(screen.getByTestId('final-disclosure').textContent).toContain(LABEL.da);
    expect(screen.queryByRole('heading', { name: 'UDKAST – genereret med AI' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Kopiér tekst' }));

    await waitFor(() => expect(screen.getByTestId('final-copy-status').textContent).toBe('Teksten og mærkningen er kopieret.'));
    expect(writeText).toHaveBeenCalledWith(`${DRAFT}\n\n${LABEL.da}`);
    // Showing the text was a read; the copy was the one explicit export request.
    expect(fake.calls('POST', '/api/runs/run-1/final/export')).toHaveLength(1);
    expect(fake.calls('POST', '/api/runs/run-1/final/export')[0]!.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it('when the export cannot be recorded, then nothing is copied and the error says why', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const approved = run({ status: 'APPROVED', review: openState({ reviews: [reviewView()], awaiting: null, canReview: false }) });
    const fake = api(approved, {
      'GET /api/runs/run-1/final': FINAL(DRAFT),
      'POST /api/runs/run-1/final/export': { status: 503, body: errorBody('DATABASE_UNAVAILABLE', 'Databasen kan ikke gemme lige nu. Prøv igen om lidt.') },
    });
    renderApp(PAGE);

    fireEvent.click(await screen.findByRole('button', { name: 'Kopiér tekst' }));

    expect((await screen.findByTestId('final-copy-error')).textContent).toContain('Databasen kan ikke gemme lige nu.');
    expect(fake.calls('POST', '/api/runs/run-1/final/export')).toHaveLength(1);
    expect(writeText).not.toHaveBeenCalled();
    expect(screen.getByTestId('final-copy-status').textContent).toBe('');
  });

  it('"Hent som Word" makes one POST and hands the document to the browser as a file; a refusal is shown', async () => {
    const clicked: string[] = [];
    const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = () => 'blob:test-file';
    URL.revokeObjectURL = () => undefined;
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    try {
      let refuse = false;
      const approved = run({ status: 'APPROVED', review: openState({ reviews: [reviewView()], awaiting: null, canReview: false }) });
      const fake = api(approved, {
        'GET /api/runs/run-1/final': FINAL(DRAFT),
        'POST /api/runs/run-1/final/export.docx': () =>
          refuse ? { status: 409, body: errorBody('CONTENT_PURGED', 'Indholdet er slettet efter datapolitikkens opbevaringsperiode.') } : { status: 200, body: 'PK' },
      });
      renderApp(PAGE);

      fireEvent.click(await screen.findByRole('button', { name: 'Hent som Word' }));

      await waitFor(() => expect(clicked).toEqual(['godkendt-tekst.docx']));
      const calls = fake.calls('POST', '/api/runs/run-1/final/export.docx');
      expect(calls).toHaveLength(1);
      expect(calls[0]!.headers.get('x-csrf-token')).toBe(CSRF_TOKEN);
      expect(calls[0]!.headers.get('accept')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      // Downloading is not copying: the copy's export is not made.
      expect(fake.calls('POST', '/api/runs/run-1/final/export')).toHaveLength(0);
      expect((await screen.findByTestId('final-copy-status')).textContent).toBe('Word-dokumentet er hentet.');

      refuse = true;
      fireEvent.click(screen.getByRole('button', { name: 'Hent som Word' }));
      expect((await screen.findByTestId('final-download-error')).textContent).toContain('Indholdet er slettet');
      expect(clicked).toHaveLength(1);
    } finally {
      click.mockRestore();
      URL.createObjectURL = objectUrls.create;
      URL.revokeObjectURL = objectUrls.revoke;
    }
  });

  it('"Ret og godkend" sends the edited text and shows the size of the change afterwards', async () => {
    const edited = 'Kære borger. Vi har fået din ansøgning.';
    const review = reviewView({ decision: 'EDIT_AND_APPROVE', editSize: 12 });
    const fake = api(run(), {
      'POST /api/runs/run-1/reviews': () => {
        fake.set(run({ status: 'APPROVED', review: openState({ reviews: [review], awaiting: null, canReview: false }) }));
        return decided(review, 'APPROVED');
      },
      'GET /api/runs/run-1/final': FINAL(edited),
    });
    renderApp(PAGE);

    fireEvent.click(await screen.findByRole('button', { name: 'Ret og godkend' }));
    const field = screen.getByLabelText('Ret teksten') as HTMLTextAreaElement;
    expect(field.value).toBe(DRAFT);
    fireEvent.change(field, { target: { value: edited } });
    fireEvent.click(screen.getByRole('button', { name: 'Godkend den rettede tekst' }));

    expect(await screen.findByTestId('review-edit-size')).toBeTruthy();
    expect(screen.getByTestId('review-edit-size').textContent).toBe('Ændringens størrelse: 12 tegn tilføjet eller slettet.');
    expect(fake.calls('POST', '/api/runs/run-1/reviews')[0]!.body).toEqual({ decision: 'EDIT_AND_APPROVE', finalText: edited, step: 1 });
    expect((await screen.findByTestId('final-text-body')).textContent).toBe(edited);
  });

  it('"Afvis" without a reason shows the error summary and sends nothing; with a reason the draft is rejected', async () => {
    const review = reviewView({ decision: 'REJECT', reason: 'Forkert lovhenvisning' });
    const fake = api(run(), {
      'POST /api/runs/run-1/reviews': () => {
        fake.set(run({ status: 'REJECTED', review: openState({ reviews: [review], awaiting: null, canReview: false }) }));
        return decided(review, 'REJECTED');
      },
    });
    renderApp(PAGE);

    fireEvent.click(await screen.findByRole('button', { name: 'Afvis' }));
    fireEvent.click(screen.getByRole('button', { name: 'Afvis udkastet' }));

    const summary = await screen.findByTestId('review-errors');
    expect(within(summary).getByRole('link', { name: 'Skriv kort, hvorfor udkastet afvises (mindst 3 tegn).' })).toBeTruthy();
    expect(screen.getByLabelText('Hvorfor afviser du udkastet?').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls('POST', '/api/runs/run-1/reviews')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Hvorfor afviser du udkastet?'), { target: { value: 'Forkert lovhenvisning' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afvis udkastet' }));

    expect(await screen.findByText('Udkastet er afvist og må ikke bruges')).toBeTruthy();
    expect(fake.calls('POST', '/api/runs/run-1/reviews')[0]!.body).toEqual({ decision: 'REJECT', reason: 'Forkert lovhenvisning', step: 1 });
    expect(screen.getByTestId('review-reason-shown').textContent).toBe('Begrundelse: Forkert lovhenvisning');
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();
  });

  it('with four eyes, the first approval leaves the run waiting for another person, says why, and offers no copy button', async () => {
    const review = reviewView();
    const fake = api(run({ review: openState({ fourEyes: true }) }), {
      'POST /api/runs/run-1/reviews': () => {
        fake.set(run({ review: openState({ fourEyes: true, reviews: [review], awaiting: 'second_approval', canReview: false, pendingText: DRAFT }) }));
        return decided(review, 'DRAFT', { fourEyes: true, pendingText: DRAFT });
      },
    });
    renderApp(PAGE);

    expect((await screen.findByTestId('review-four-eyes-note')).textContent).toContain('to godkendere (fire øjne)');
    fireEvent.click(screen.getByRole('button', { name: 'Godkend' }));

    const waiting = await screen.findByTestId('review-awaiting-second');
    expect(within(waiting).getByRole('heading', { name: 'Afventer godkendelse fra en anden person' })).toBeTruthy();
    expect(waiting.textContent).toContain('hverken har bedt om udkastet eller godkendt det første gang');
    expect(screen.queryByRole('button', { name: 'Godkend' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();
    expect(fake.calls('GET', '/api/runs/run-1/final')).toHaveLength(0);
  });

  it('when the requester tries to approve as second person, then the server’s FOUR_EYES_REQUIRED message is shown', async () => {
    api(
      run({ review: openState({ fourEyes: true, reviews: [reviewView()], awaiting: 'second_approval', canReview: true, pendingText: DRAFT }) }),
      { 'POST /api/runs/run-1/reviews': { status: 403, body: errorBody('FOUR_EYES_REQUIRED', 'En anden person skal godkende udkastet.') } },
      'LEADER',
    );
    renderApp(PAGE);

    expect((await screen.findByTestId('review-pending-text')).textContent).toBe(DRAFT);
    fireEvent.click(screen.getByRole('button', { name: 'Godkend' }));

    expect(await within(screen.getByTestId('review-error')).findByText('En anden person skal godkende udkastet.')).toBeTruthy();
  });
});

describe('four eyes: the text that waits for the second approval', () => {
  const ADDED = 'Svar os senest 14 dage efter, du har fået brevet.';
  const EDITED = `${DRAFT}\n${ADDED}`;
  const DIFF = ['--- udkast', '+++ endelig', '@@ -1 +1,2 @@', ` ${DRAFT}`, `+${ADDED}`].join('\n');
  const firstEdit = reviewView({ decision: 'EDIT_AND_APPROVE', editSize: ADDED.length + 1, editDiff: DIFF });
  const waiting = (overrides: Partial<RunReviewState> = {}) =>
    openState({ fourEyes: true, reviews: [firstEdit], awaiting: 'second_approval', canReview: false, pendingText: EDITED, ...overrides });

  it('after "Ret og godkend", the page shows the edited text that waits for the second approval, as the person’s edit with the change', async () => {
    const fake = api(run({ review: openState({ fourEyes: true }) }), {
      'POST /api/runs/run-1/reviews': () => {
        fake.set(run({ review: waiting() }));
        return decided(firstEdit, 'DRAFT', { fourEyes: true, pendingText: EDITED });
      },
    });
    renderApp(PAGE);

    fireEvent.click(await screen.findByRole('button', { name: 'Ret og godkend' }));
    fireEvent.change(screen.getByLabelText('Ret teksten'), { target: { value: EDITED } });
    fireEvent.click(screen.getByRole('button', { name: 'Godkend den rettede tekst' }));

    const pending = await screen.findByTestId('review-pending');
    expect(within(pending).getByRole('heading', { name: 'Rettet tekst, der venter på anden godkendelse' })).toBeTruthy();
    expect(within(pending).getByTestId('review-pending-text').textContent).toBe(EDITED);
    expect(within(pending).getByTestId('review-pending-by').textContent).toContain('Mette Medarbejder har rettet AI-udkastet og godkendt det første gang');
    expect(within(pending).getByTestId('review-changes').textContent).toContain(`Tilføjet: ${ADDED}`);
    expect(fake.calls('POST', '/api/runs/run-1/reviews')[0]!.body).toEqual({ decision: 'EDIT_AND_APPROVE', finalText: EDITED, step: 1 });
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();
  });

  it('the second approver sees the first approver’s edit, named and with the change, and approves that text as the second step', async () => {
    const second = reviewView({ id: 'rev-2', step: 2, reviewer: { id: 'u-lead', name: 'Lars Leder' } });
    const fake = api(
      run({ review: waiting({ canReview: true }) }),
      {
        'POST /api/runs/run-1/reviews': () => {
          fake.set(run({ status: 'APPROVED', review: openState({ fourEyes: true, reviews: [firstEdit, second], awaiting: null, canReview: false }) }));
          return { status: 201, body: { review: second, status: 'APPROVED', state: openState({ fourEyes: true, reviews: [firstEdit, second], awaiting: null, canReview: false }) } };
        },
        'GET /api/runs/run-1/final': FINAL(EDITED),
      },
      'LEADER',
    );
    renderApp(PAGE);

    const pending = await screen.findByTestId('review-pending');
    expect(within(pending).getByRole('heading', { name: 'Rettet tekst, der venter på anden godkendelse' })).toBeTruthy();
    expect(within(pending).getByTestId('review-pending-by').textContent).toContain('Mette Medarbejder har rettet AI-udkastet');
    expect(within(pending).getByTestId('review-pending-text').textContent).toBe(EDITED);
    expect(within(pending).getByTestId('review-changes').textContent).toContain(`Tilføjet: ${ADDED}`);

    fireEvent.click(screen.getByRole('button', { name: 'Ret og godkend' }));
    expect((screen.getByLabelText('Ret teksten') as HTMLTextAreaElement).value).toBe(EDITED);
    fireEvent.click(screen.getByRole('button', { name: 'Annuller' }));
    fireEvent.click(screen.getByRole('button', { name: 'Godkend' }));

    expect((await screen.findByTestId('final-text-body')).textContent).toBe(EDITED);
    expect(fake.calls('POST', '/api/runs/run-1/reviews')[0]!.body).toEqual({ decision: 'APPROVE', step: 2 });
  });

  it('while the run waits for a colleague, the requester is told what happens next and can write the experience log already', async () => {
    api(run({ review: waiting() }));
    renderApp(PAGE);

    const note = await screen.findByTestId('review-awaiting-second');
    expect(note.textContent).toContain('Når en kollega har godkendt teksten, kan du kopiere den her på siden');
    expect(screen.getByTestId('experience-waiting-note').textContent).toContain('Du kan skrive erfaringsloggen nu');
    expect(await screen.findByTestId('experience-form')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();
  });
});

describe('two tabs', () => {
  it('when the draft was approved in another tab, a rejection here shows the server’s 409 in Danish, keeps the reason, and the page shows that it is approved', async () => {
    const approval = reviewView();
    const fake = api(run(), {
      'POST /api/runs/run-1/reviews': {
        status: 409,
        body: errorBody('RUN_ALREADY_DECIDED', 'Udkastet er allerede godkendt eller afvist. Genindlæs siden for at se afgørelsen.'),
      },
      'GET /api/runs/run-1/final': FINAL(DRAFT),
    });
    renderApp(PAGE);
    fireEvent.click(await screen.findByRole('button', { name: 'Afvis' }));
    // Meanwhile, in the other tab, the same draft is approved.
    fake.set(run({ status: 'APPROVED', review: openState({ reviews: [approval], awaiting: null, canReview: false }) }));
    fireEvent.change(screen.getByLabelText('Hvorfor afviser du udkastet?'), { target: { value: 'Forkert lovhenvisning' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afvis udkastet' }));

    await waitFor(() => expect(screen.getByTestId('run-detail-status').textContent).toBe('Godkendt'));
    expect(screen.getByTestId('review-error').textContent).toContain('Udkastet er allerede godkendt eller afvist.');
    const unsaved = screen.getByTestId('review-unsaved');
    expect(unsaved.textContent).toContain('Din afvisning er ikke gemt');
    expect(unsaved.textContent).toContain('Forkert lovhenvisning');
    expect(screen.getByTestId('review-approved')).toBeTruthy();
    expect(screen.getByTestId('review-decisions').textContent).toContain('Godkendt');
    expect(screen.queryByRole('button', { name: 'Afvis' })).toBeNull();
    expect((await screen.findByTestId('final-text-body')).textContent).toBe(DRAFT);
  });
});

describe('the audit trail of the approved text', () => {
  it('opening an approved run shows the text without an export request; only the copy button makes one', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(async () => undefined) } });
    const fake = api(run({ status: 'APPROVED', review: openState({ reviews: [reviewView()], awaiting: null, canReview: false }) }), {
      'GET /api/runs/run-1/final': FINAL(DRAFT),
      'POST /api/runs/run-1/final/export': FINAL(DRAFT),
    });
    renderApp(PAGE);

    expect((await screen.findByTestId('final-text-body')).textContent).toBe(DRAFT);
    expect(fake.requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Kopiér tekst' }));

    await waitFor(() => expect(screen.getByTestId('final-copy-status').textContent).toBe('Teksten og mærkningen er kopieret.'));
    expect(fake.requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual(['/api/runs/run-1/final/export']);
  });
});

describe('the experience log', () => {
  const approved = () =>
    run({ status: 'APPROVED', review: openState({ reviews: [reviewView()], awaiting: null, canReview: false }) });

  it('validates the required answers, then sends the log and shows it read-only with a success message', async () => {
    const fake = api(approved(), {
      'GET /api/runs/run-1/final': FINAL(DRAFT),
      'POST /api/runs/run-1/experience': (req) => ({
        status: 201,
        body: { experience: { id: 'x1', runId: 'run-1', userId: 'u-emp', reflection: null, createdAt: '2026-11-27T11:00:00.000Z', ...(req.body as object) } },
      }),
    });
    renderApp(PAGE);

    const form = await screen.findByTestId('experience-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Gem erfaringslog' }));

    const summary = await screen.findByTestId('experience-errors');
    expect(within(summary).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Vælg, hvor brugbart udkastet var, fra 1 til 5.',
      'Skriv, hvor mange minutter du sparede. Skriv 0, hvis du ikke sparede tid.',
      'Vælg, om du vil bruge assistenten igen.',
    ]);
    expect(fake.calls('POST', '/api/runs/run-1/experience')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('4 – brugbart'));
    const minutes = screen.getByLabelText('Hvor mange minutter sparede du (negativt tal, hvis det tog længere tid)?');
    expect(minutes.getAttribute('aria-describedby')).toContain('experience-minutesSaved-hint');
    fireEvent.change(minutes, { target: { value: '-5' } });
    fireEvent.click(screen.getByLabelText('Forkert tone'));
    fireEvent.click(screen.getByLabelText('Ja'));
    fireEvent.change(screen.getByLabelText('Hvad ville du ændre i assistenten?'), { target: { value: 'Kortere sætninger' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem erfaringslog' }));

    expect(await screen.findByText('Tak. Din erfaringslog er gemt.')).toBeTruthy();
    expect(fake.calls('POST', '/api/runs/run-1/experience')[0]!.body).toEqual({
      usefulness: 4,
      minutesSaved: -5,
      failureTypes: ['WRONG_TONE'],
      wouldUseAgain: true,
      answers: { q1: 'Kortere sætninger' },
    });
    const summaryView = screen.getByTestId('experience-summary');
    expect(summaryView.textContent).toContain('-5 minutter');
    expect(summaryView.textContent).toContain('Forkert tone');
    expect(summaryView.textContent).toContain('Kortere sætninger');
    expect(screen.queryByTestId('experience-form')).toBeNull();
  });

  it('when an answer the log asked for is given, then only that error leaves the summary and its field', async () => {
    api(approved(), { 'GET /api/runs/run-1/final': FINAL(DRAFT) });
    renderApp(PAGE);
    const form = await screen.findByTestId('experience-form');
    fireEvent.click(within(form).getByRole('button', { name: 'Gem erfaringslog' }));
    await screen.findByTestId('experience-errors');

    fireEvent.click(screen.getByLabelText('4 – brugbart'));
    fireEvent.change(screen.getByLabelText('Hvor mange minutter sparede du (negativt tal, hvis det tog længere tid)?'), { target: { value: '10' } });

    expect(within(screen.getByTestId('experience-errors')).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Vælg, om du vil bruge assistenten igen.',
    ]);
    fireEvent.click(screen.getByLabelText('Ja'));
    expect(screen.queryByTestId('experience-errors')).toBeNull();
  });

  it('when the rejection gets its reason, then the error goes before the next click', async () => {
    api(run());
    renderApp(PAGE);
    fireEvent.click(await screen.findByRole('button', { name: 'Afvis' }));
    fireEvent.click(screen.getByRole('button', { name: 'Afvis udkastet' }));
    await screen.findByTestId('review-errors');

    const reason = screen.getByLabelText('Hvorfor afviser du udkastet?');
    fireEvent.change(reason, { target: { value: 'Forkert lovhenvisning' } });

    expect(screen.queryByTestId('review-errors')).toBeNull();
    expect(reason.getAttribute('aria-invalid')).toBeNull();
  });

  it('a log written earlier is shown read-only', async () => {
    api(approved(), {
      'GET /api/runs/run-1/final': FINAL(DRAFT),
      'GET /api/runs/run-1/experience': {
        status: 200,
        body: {
          questions: [],
          experience: {
            id: 'x1', runId: 'run-1', userId: 'u-emp', usefulness: 2, minutesSaved: 10, failureTypes: [], wouldUseAgain: false,
            reflection: 'For lang', answers: {}, createdAt: '2026-11-27T11:00:00.000Z',
          },
        },
      },
    });
    renderApp(PAGE);
    const log = await screen.findByTestId('experience-summary');
    expect(log.textContent).toContain('2 – lidt brugbart');
    expect(log.textContent).toContain('Nej');
    expect(screen.queryByTestId('experience-form')).toBeNull();
  });
});

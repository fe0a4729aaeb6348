// @vitest-environment jsdom
import type { PolicyDetail, PreviewResponse } from '@contracts/policies.js';
import type { RunView } from '@contracts/runs.js';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makePolicy, makeRun } from '../../../test/fixtures';
import { CSRF_TOKEN, errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests, TRIALS } from '../../../test/harness';

setupWebTests();

const POLICY: PolicyDetail = makePolicy({
  version: 'v1',
  explanation: { da: 'Navne erstattes med pladsholdere.', en: 'Names are replaced by placeholders.' },
  providers: [{ provider: 'offline', models: ['*'] }],
  dataClasses: { ...makePolicy().dataClasses, POSTCODE_CITY: 'mask' },
  humanReview: { required: true, secondApprover: { whenPresent: ['CPR'] } },
  disclosureLabel: { da: 'Brevet er omskrevet med hjælp fra AI', en: 'The letter was rewritten with the help of AI' },
  approvals: [],
  plain: { may: [], mayNot: [], must: [] },
});

const TRIAL = { ...TRIALS.trials[0]!, id: 't1', policyId: POLICY.id, isParticipant: true };
const MINE = {
  trials: [
    TRIAL,
    { ...TRIALS.trials[0]!, id: 't3', title: 'Andres forsøg', policyId: POLICY.id, isParticipant: false },
    { ...TRIALS.trials[1]!, isParticipant: true },
  ],
};
const PAGE = `/proevehandlinger/t1/assistent/letter`;
const NAME = 'Jens Hansen';
const LETTER = `Kære ${NAME}\nDit CPR-nr. 070761-1006 er registreret.`;

/** The letter drafted from LETTER, with its LIX and checklist. */
function run(overrides: Partial<RunView> = {}): RunView {
  return makeRun({
    output: `Kære ${NAME}. Vi har dit CPR-nummer.`,
    details: {
      lixBefore: 48.2,
      lixAfter: 31.4,
      checklist: [
        { item: 'complaint', present: false },
        { item: 'contact', present: true, evidence: 'Ring til os' },
      ],
    },
    disclosureLabel: POLICY.disclosureLabel,
    policyId: POLICY.id,
    counts: [{ type: 'PERSON', count: 1 }],
    usage: { promptTokens: 0, completionTokens: 0 },
    ...overrides,
  });
}

/** A streamed answer the test feeds event by event. */
function controllableStream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const enc = new TextEncoder();
  return {
    response: new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    send: (event: string, data: unknown) => controller.enqueue(enc.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    comment: () => controller.enqueue(enc.encode(': heartbeat\n\n')),
    close: () => controller.close(),
  };
}

/** The fake API, with POST /api/runs/stream answered by `stream` (a streamed Response) or a JSON route. */
function api(stream?: () => Response | Promise<Response>, routes: Record<string, FakeRoute> = {}) {
  const fake = fakeApi(makeUser('EMPLOYEE'), {
    'GET /api/trials': { status: 200, body: MINE },
    [`GET /api/policies/${POLICY.id}`]: { status: 200, body: { policy: POLICY } },
    ...routes,
  });
  const inner = globalThis.fetch;
  const streamCalls: RequestInit[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    if (String(input) === '/api/runs/stream' && stream) {
      streamCalls.push(init);
      return stream();
    }
    return inner(input, init);
  });
  return { ...fake, streamCalls };
}

async function typeLetter(text = LETTER) {
  const field = await screen.findByLabelText('Brevet, du vil have skrevet i klarsprog');
  fireEvent.change(field, { target: { value: text } });
}

describe('the trials list', () => {
  it('offers "Brug assistent" only for active trials the person takes part in, and it opens the assistant', async () => {
    api();
    const { router } = renderApp('/proevehandlinger');
    const table = await screen.findByTestId('trials-table');
    const links = within(table).getAllByRole('link', { name: /^Brug assistent/ });
    expect(links).toHaveLength(1);
    expect(links[0]!.closest('tr')?.textContent).toContain(TRIAL.title);

    fireEvent.click(links[0]!);

    expect(await screen.findByRole('heading', { level: 1, name: 'Brev til borger' })).toBeTruthy();
    expect(router.state.location.pathname).toBe(PAGE);
    expect(screen.getByText(/om til klart og enkelt sprog og tjekker/)).toBeTruthy();
    const policyLine = await screen.findByTestId('run-policy');
    await waitFor(() => expect(policyLine.textContent).toContain('Breve til borgere med pseudonymisering'));
    expect(within(policyLine).getByRole('link', { name: 'Læs datapolitikken' }).getAttribute('href')).toBe(`/datapolitikker/${POLICY.id}`);
  });

  it('when the person does not take part in the trial, then the page says so and offers no form', async () => {
    api();
    renderApp('/proevehandlinger/t3/assistent/letter');
    expect(await screen.findByText('Du kan ikke bruge assistenten her')).toBeTruthy();
    expect(screen.queryByTestId('run-form')).toBeNull();
  });
});

describe('making a draft', () => {
  it('streams the draft into the marked region, announces it, and shows LIX and the checklist with symbols and words', async () => {
    const s = controllableStream();
    const fake = api(() => s.response);
    renderApp(PAGE);
    await typeLetter();

    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));

    const status = screen.getByTestId('run-status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toBe('Udkastet skrives …'));
    s.send('token', { text: `Kære ${NAME}. ` });
    s.comment();
    await waitFor(() => expect(screen.getByTestId('run-draft-text').textContent).toBe(`Kære ${NAME}. `));
    expect(screen.getByRole('heading', { level: 2, name: 'UDKAST – genereret med AI' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
    s.send('token', { text: 'Vi har dit CPR-nummer.' });
    s.send('done', { run: run() });
    s.close();

    await waitFor(() => expect(status.textContent).toBe('Udkastet er færdigt'));
    expect(screen.getByTestId('run-draft-text').textContent).toBe(`Kære ${NAME}. Vi har dit CPR-nummer.`);
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(screen.getByTestId('run-disclosure').textContent).toContain('Brevet er omskrevet med hjælp fra AI');
    expect(screen.getByTestId('run-offline').textContent).toBe('Offline regelmotor – ikke en sprogmodel');
    expect(screen.getByTestId('run-approval-note').textContent).toBe('Udkastet skal godkendes, før det bruges.');
    expect(screen.queryByRole('button', { name: /kopi/i })).toBeNull();
    expect(screen.getByTestId('lix-before').textContent).toBe('48');
    expect(screen.getByTestId('lix-after').textContent).toBe('31');
    const items = within(screen.getByTestId('checklist')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['✗Mangler: Klagevejledning', '✓Med: Hvem borgeren kan kontakte“Ring til os”']);

    const sent = fake.streamCalls[0]!;
    expect(JSON.parse(sent.body as string)).toEqual({ trialId: 't1', assistant: 'letter', input: LETTER });
    expect(new Headers(sent.headers).get('x-csrf-token')).toBe(CSRF_TOKEN);
  });

  it('when the person presses Stop, then the request is aborted and the page says the draft is not finished', async () => {
    const s = controllableStream();
    const fake = api(() => s.response);
    renderApp(PAGE);
    await typeLetter();
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    s.send('token', { text: 'Kære ' });
    await waitFor(() => expect(screen.getByTestId('run-draft-text').textContent).toBe('Kære '));
    const signal = fake.streamCalls[0]!.signal;

    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));

    expect(signal?.aborted).toBe(true);
    s.send('token', { text: 'Jens' });
    s.close();
    await waitFor(() => expect(screen.getByTestId('run-status').textContent).toBe('Du stoppede udkastet. Det er ikke færdigt.'));
    expect(screen.queryByTestId('run-disclosure')).toBeNull();
  });

  it('when the policy refuses the text, then the Danish reasons are shown and no draft region appears', async () => {
    const reasons = [
      { code: 'DATA_CLASS_BLOCKED', dataClass: 'HEALTH', da: 'Teksten indeholder helbredsoplysninger. Fjern dem, og prøv igen.', en: 'Health data.' },
    ];
    api(undefined, {
      'POST /api/runs/stream': {
        status: 422,
        body: errorBody('POLICY_VIOLATION', 'Teksten kan ikke sendes.', { runId: 'r0', reasons, counts: [{ type: 'HEALTH', count: 1 }] }),
      },
    });
    renderApp(PAGE);
    await typeLetter('Jens har diabetes.');

    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));

    const error = await within(screen.getByTestId('run-error')).findByRole('heading', { name: 'Teksten kan ikke sendes' });
    expect(error).toBeTruthy();
    expect(within(screen.getByTestId('run-blocked-reasons')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([reasons[0]!.da]);
    expect(screen.queryByTestId('run-draft')).toBeNull();
    expect(screen.getByTestId('run-status').textContent).toBe('Der blev ikke lavet et udkast.');
  });

  it('when the briefing changed while the page was open, then the page asks for the new briefing instead of the assistant', async () => {
    let briefed = true;
    api(undefined, {
      'GET /api/trials': () => ({ status: 200, body: { trials: MINE.trials.map((t) => (t.id === 't1' ? { ...t, briefingRequired: !briefed } : t)) } }),
      'POST /api/runs/stream': () => {
        briefed = false;
        return { status: 409, body: errorBody('BRIEFING_REQUIRED', 'Du skal læse og bekræfte introduktionen til prøvehandlingen, før du bruger assistenten.') };
      },
    });
    renderApp(PAGE);
    await typeLetter();
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    const link = await screen.findByRole('link', { name: 'Læs introduktionen' });
    expect(link.getAttribute('href')).toBe('/proevehandlinger/t1/introduktion');
    expect(screen.queryByLabelText('Brevet, du vil have skrevet i klarsprog')).toBeNull();
  });

  it('when the model fails during the stream, then the error event’s message is shown', async () => {
    const s = controllableStream();
    api(() => s.response);
    renderApp(PAGE);
    await typeLetter();
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    s.send('token', { text: 'Kære ' });
    s.send('error', errorBody('PROVIDER_FAILED', 'Sprogmodellen svarede med en fejl. Prøv igen om lidt.', { runId: 'r1', kind: 'server_error' }));
    s.close();

    expect(await within(screen.getByTestId('run-error')).findByText('Sprogmodellen svarede med en fejl. Prøv igen om lidt.')).toBeTruthy();
  });

  it('when the text is empty, then nothing is sent and the field says what to do', async () => {
    const fake = api(() => controllableStream().response);
    renderApp(PAGE);
    await screen.findByTestId('run-form');
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    expect((await screen.findAllByText('Indsæt brevet, der skal skrives om.')).length).toBeGreaterThan(0);
    expect(fake.streamCalls).toHaveLength(0);
  });

  it('when the empty text gets its letter, then the error goes from the field and the summary before the next click', async () => {
    api(() => controllableStream().response);
    renderApp(PAGE);
    await screen.findByTestId('run-form');
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    expect((await screen.findAllByText('Indsæt brevet, der skal skrives om.')).length).toBeGreaterThan(0);

    const field = screen.getByRole('textbox', { name: /brev/i });
    fireEvent.change(field, { target: { value: 'Kære borger. Vi har modtaget din ansøgning.' } });

    expect(screen.queryByText('Indsæt brevet, der skal skrives om.')).toBeNull();
    expect(screen.queryByTestId('run-errors')).toBeNull();
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('"Se hvad der sendes" and files', () => {
  it('shows the policy’s preview of the same text with the masked values', async () => {
    const result: PreviewResponse = {
      policyId: POLICY.id,
      policyVersion: 'v1',
    policyTitle: 'Breve til borgere med pseudonymisering',
    policyCurrent: true,
      decision: 'masked',
      reasons: [],
      counts: [{ type: 'PERSON', count: 1, action: 'mask' }],
      findings: [{ type: 'PERSON', start: 5, end: 5 + NAME.length, action: 'mask' }],
      maskedText: LETTER.replace(NAME, '[NAVN_1]'),
    } as PreviewResponse;
    const fake = api(undefined, { [`POST /api/policies/${POLICY.id}/preview`]: { status: 200, body: result } });
    renderApp(PAGE);
    await typeLetter();

    fireEvent.click(screen.getByRole('button', { name: 'Se hvad der sendes' }));

    const sent = await screen.findByTestId('preview-sent-text');
    expect(sent.textContent).toContain('[NAVN_1]');
    expect(sent.textContent).not.toContain(NAME);
    expect(screen.getByTestId('preview-highlighted').querySelector('mark')?.textContent).toContain(NAME);
    expect(fake.calls('POST', `/api/policies/${POLICY.id}/preview`)[0]!.body).toEqual({ text: LETTER, assistant: 'letter' });
  });

  it('when reading files is not available yet, then the person is told to paste the text instead', async () => {
    api();
    renderApp(PAGE);
    const input = await screen.findByTestId('run-file-input');
    fireEvent.change(input, { target: { files: [new File(['hej'], 'brev.txt', { type: 'text/plain' })] } });
    expect(await screen.findByText(/Kopiér teksten ind i feltet i stedet/)).toBeTruthy();
  });
});

describe('details of the other assistants', () => {
  const minutesTrial = { ...TRIAL, id: 't5', assistants: ['minutes', 'documents'] };
  const setup = (details: Record<string, unknown>, assistant: 'minutes' | 'documents') => {
    const s = controllableStream();
    fakeApi(makeUser('EMPLOYEE'), {
      'GET /api/trials': { status: 200, body: { trials: [minutesTrial] } },
      [`GET /api/policies/${POLICY.id}`]: { status: 200, body: { policy: POLICY } },
    });
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => (String(input) === '/api/runs/stream' ? s.response : inner(input, init)));
    renderApp(`/proevehandlinger/t5/assistent/${assistant}`);
    return async () => {
      fireEvent.change(await screen.findByRole('textbox'), { target: { value: 'Tekst' } });
      fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
      s.send('done', { run: run({ assistant, details, provider: 'openai-compatible', model: 'gpt-x' }) });
      s.close();
      await screen.findByText('Udkastet er færdigt');
    };
  };

  it('minutes: summary, attendees, decisions and an action items table with owner, task and due date', async () => {
    await setup(
      { summary: 'Kort møde.', attendees: ['Anna', 'Bo'], decisions: ['Vi indfører'], actionItems: [{ owner: 'Anna', task: 'Skriv notat', due: '2026-12-01' }] },
      'minutes',
    )();
    const table = screen.getByTestId('action-items');
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Ansvarlig', 'Opgave', 'Frist']);
    expect(within(table).getAllByRole('cell').map((td) => td.textContent)).toEqual(['Anna', 'Skriv notat', '2026-12-01']);
    expect(screen.getByText('Kort møde.')).toBeTruthy();
    expect(screen.getByText('Vi indfører')).toBeTruthy();
    expect(screen.getByTestId('run-model').textContent).toContain('gpt-x');
  });

  it('documents: the citations, or the plain message when the knowledge base has no answer', async () => {
    await setup({ answered: true, citations: [{ n: 1, documentId: 'd1', filename: 'regler.pdf', heading: 'Frister', quote: 'Fristen er 4 uger.', startChar: 120, endChar: 138, score: 0.82 }] }, 'documents')();
    const cites = screen.getByTestId('citations');
    expect(cites.textContent).toContain('regler.pdf');
    expect(cites.textContent).toContain('Frister');
    expect(cites.textContent).toContain('Fristen er 4 uger.');
  });

  it('documents: not answered', async () => {
    await setup({ answered: false, citations: [] }, 'documents')();
    expect(screen.getByTestId('not-answered').textContent).toMatch(/indeholder ikke et svar/);
  });
});

describe('after the draft', () => {
  it('offers the review right under the draft, and once approved the final text with "Kopiér tekst" and the experience log', async () => {
    const s = controllableStream();
    const approval = {
      id: 'rev-1', step: 1, decision: 'APPROVE' as const, reviewer: { id: 'u-emp', name: 'Mette Medarbejder' },
      reason: null, editSize: 0, editDiff: null, createdAt: '2026-11-27T10:05:00.000Z',
    };
    const open = { fourEyes: false, reviews: [], awaiting: 'review' as const, canReview: true, pendingText: null, experienceLogged: false };
    api(() => s.response, {
      'POST /api/runs/run-1/reviews': {
        status: 201,
        body: { review: approval, status: 'APPROVED', state: { ...open, reviews: [approval], awaiting: null, canReview: false } },
      },
      'GET /api/runs/run-1/final': {
        status: 200,
        body: { final: { runId: 'run-1', text: 'Kære borger.', disclosureLabel: POLICY.disclosureLabel, approvedAt: approval.createdAt, policyId: POLICY.id, policyVersion: 'v1' } },
      },
      'GET /api/runs/run-1/experience': { status: 200, body: { experience: null, questions: [] } },
    });
    renderApp(PAGE);
    await typeLetter();
    fireEvent.click(screen.getByRole('button', { name: 'Lav udkast' }));
    s.send('done', { run: run({ output: 'Kære borger.', review: open }) });
    s.close();

    const panel = await screen.findByTestId('review-panel');
    expect(within(panel).getAllByRole('button').map((b) => b.textContent)).toEqual(['Godkend', 'Ret og godkend', 'Afvis']);
    expect(screen.queryByRole('button', { name: 'Kopiér tekst' })).toBeNull();

    fireEvent.click(within(panel).getByRole('button', { name: 'Godkend' }));

    expect(await screen.findByRole('button', { name: 'Kopiér tekst' })).toBeTruthy();
    expect(screen.getByTestId('final-disclosure').textContent).toContain('Brevet er omskrevet med hjælp fra AI');
    expect(await screen.findByTestId('experience-form')).toBeTruthy();
  });
});

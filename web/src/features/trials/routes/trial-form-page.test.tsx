// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { makeTrialDetail } from '../../../test/fixtures';
import { POLICIES } from '../test-fixtures';

setupWebTests();

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the charter form', () => {
  it('when the end date lies before the start date, then the error summary says so and nothing is sent', async () => {
    const api = fakeApi(makeUser('LEADER'), { 'GET /api/policies': { status: 200, body: POLICIES } });
    renderApp('/proevehandlinger/ny');

    await screen.findByRole('heading', { level: 1, name: 'Opret prøvehandling' });
    await screen.findByRole('option', { name: 'Standard (godkendt)' });
    expect(screen.getByRole('option', { name: 'Følsom sagsbehandling (afventer godkendelse)' })).toBeTruthy();
    type('Titel', 'Klarsprog i breve');
    type(/^Formål/, 'Borgerbreve i klarsprog');
    fireEvent.click(screen.getByLabelText('Breve til borgere (klarsprog)'));
    fireEvent.change(screen.getByLabelText(/^Datapolitik/), { target: { value: 'standard' } });
    type('Startdato', '2026-03-01');
    type('Slutdato', '2026-02-01');
    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));

    const summary = await screen.findByTestId('charter-errors');
    expect(within(summary).getByRole('link', { name: 'Slutdatoen skal ligge efter startdatoen.' }).getAttribute('href')).toBe(
      '#charter-endsAt',
    );
    expect(screen.getByLabelText('Slutdato').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls('POST', '/api/trials')).toHaveLength(0);
  });

  it('when required fields are empty, then each is listed in the error summary', async () => {
    fakeApi(makeUser('LEADER'), { 'GET /api/policies': { status: 200, body: POLICIES } });
    renderApp('/proevehandlinger/ny');
    await screen.findByRole('heading', { level: 1, name: 'Opret prøvehandling' });

    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));

    const summary = await screen.findByTestId('charter-errors');
    const messages = within(summary).getAllByRole('listitem').map((li) => li.textContent);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Skriv en titel på mellem 3 og 200 tegn.',
        'Beskriv formålet med prøvehandlingen.',
        'Vælg mindst én assistent.',
        'Vælg en datapolitik.',
        'Vælg en startdato.',
        'Vælg en slutdato.',
      ]),
    );
  });

  it('when a field listed in the error summary is filled in, then its error leaves the field and the summary, the others stay', async () => {
    fakeApi(makeUser('LEADER'), { 'GET /api/policies': { status: 200, body: POLICIES } });
    renderApp('/proevehandlinger/ny');
    await screen.findByRole('heading', { level: 1, name: 'Opret prøvehandling' });
    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));
    await screen.findByTestId('charter-errors');

    const title = screen.getByRole('textbox', { name: /Titel/ });
    fireEvent.change(title, { target: { value: 'Klarsprog i breve' } });

    expect(title.getAttribute('aria-invalid')).toBeNull();
    const messages = within(screen.getByTestId('charter-errors')).getAllByRole('listitem').map((li) => li.textContent);
    expect(messages).not.toContain('Skriv en titel på mellem 3 og 200 tegn.');
    expect(messages).toContain('Beskriv formålet med prøvehandlingen.');
    expect(screen.queryByText('Skriv en titel på mellem 3 og 200 tegn.')).toBeNull();
  });

  it('creates the trial with the leader’s own questions and goes to its page', async () => {
    const created = makeTrialDetail({ id: 't9', title: 'Referater', canAdminister: true });
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'POST /api/trials': { status: 201, body: { trial: created } },
      'GET /api/trials/t9': { status: 200, body: { trial: created } },
      'GET /api/trials/t9/revisions': { status: 200, body: { revisions: [] } },
      'GET /api/trials/t9/reflections': { status: 200, body: { reflections: [] } },
    });
    renderApp('/proevehandlinger/ny');
    await screen.findByRole('option', { name: 'Standard (godkendt)' });
    type('Titel', 'Referater');
    type(/^Formål/, 'Referater af teammøder');
    fireEvent.click(screen.getByLabelText('Referater'));
    fireEvent.change(screen.getByLabelText(/^Datapolitik/), { target: { value: 'standard' } });
    type('Startdato', '2026-03-01');
    type('Slutdato', '2026-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Tilføj spørgsmål' }));
    type('Spørgsmål 1', 'Hvor lang tid tog rettelserne?');
    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));

    expect(await screen.findByText(/Prøvehandlingen er oprettet som kladde/)).toBeTruthy();
    const body = api.calls('POST', '/api/trials')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ title: 'Referater', assistants: ['minutes'], policyId: 'standard', startsAt: '2026-03-01' });
    expect(body).not.toHaveProperty('unitId');
    expect((body.questions as { text: string }[]).map((q) => q.text)).toEqual(['Hvor lang tid tog rettelserne?']);
  });

  it('when the change loosens the charter, then the server’s message is shown and "Ja, udvid rammen" resends with confirmLoosening', async () => {
    const trial = makeTrialDetail({ status: 'ACTIVE', canAdminister: true, runCount: 4 });
    let patches = 0;
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'GET /api/trials/t1': { status: 200, body: { trial } },
      'GET /api/trials/t1/revisions': { status: 200, body: { revisions: [] } },
      'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
      'PATCH /api/trials/t1': (req) => {
        patches += 1;
        if (!(req.body as { confirmLoosening?: boolean }).confirmLoosening) {
          return {
            status: 409,
            body: errorBody(
              'CHARTER_LOOSENING_NEEDS_CONFIRMATION',
              'Ændringen udvider rammen for en prøvehandling, der allerede er brugt. Bekræft, at du vil udvide den.',
              { loosened: [{ code: 'ASSISTANT_ADDED', da: 'Der er tilføjet en assistent: Referater.' }] },
            ),
          };
        }
        return { status: 200, body: { trial: { ...trial, assistants: ['letter', 'minutes'], version: 4 } } };
      },
    });
    renderApp('/proevehandlinger/t1/rediger');

    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Klarsprog i breve');
    fireEvent.click(screen.getByLabelText('Referater'));
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));

    const warning = await screen.findByTestId('charter-loosening');
    expect(warning.textContent).toContain('Ændringen udvider rammen for en prøvehandling, der allerede er brugt.');
    expect(warning.textContent).toContain('Der er tilføjet en assistent: Referater.');
    expect(api.calls('PATCH', '/api/trials/t1')[0]?.body).toEqual({ expectedVersion: 3, assistants: ['letter', 'minutes'] });

    fireEvent.click(within(warning).getByRole('button', { name: 'Ja, udvid rammen' }));

    expect(await screen.findByText('Ændringerne er gemt.')).toBeTruthy();
    expect(patches).toBe(2);
    expect(api.calls('PATCH', '/api/trials/t1')[1]?.body).toEqual({
      expectedVersion: 3,
      assistants: ['letter', 'minutes'],
      confirmLoosening: true,
    });
  });

  it('when the leader adds measurable criteria, then a threshold that is not a number is refused in place and the saved change carries numbers', async () => {
    const saved = makeTrialDetail({ canAdminister: true, version: 2 });
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'GET /api/trials/t1': { status: 200, body: { trial: makeTrialDetail({ canAdminister: true }) } },
      'PATCH /api/trials/t1': { status: 200, body: { trial: saved } },
      'GET /api/trials/t1/revisions': { status: 200, body: { revisions: [] } },
      'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
    });
    renderApp('/proevehandlinger/t1/rediger');
    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    await screen.findByRole('option', { name: 'Standard (godkendt)' });

    fireEvent.click(screen.getByRole('button', { name: 'Tilføj målbart kriterium' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tilføj målbart kriterium' }));
    const second = within(screen.getByTestId('charter-criterion-1'));
    fireEvent.change(second.getByLabelText('Mål'), { target: { value: 'minutesSavedMedian' } });
    fireEvent.change(screen.getByLabelText('Grænse (%)'), { target: { value: '70' } });
    fireEvent.change(second.getByLabelText('Grænse (minutter)'), { target: { value: 'ti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));

    const summary = await screen.findByTestId('charter-errors');
    const link = within(summary).getByRole('link', { name: /Angiv grænsen som et tal/ });
    expect(link.getAttribute('href')).toBe('#charter-criterion-1-threshold');
    expect(second.getByLabelText('Grænse (minutter)').getAttribute('aria-invalid')).toBe('true');
    expect(api.calls('PATCH', '/api/trials/t1')).toHaveLength(0);

    fireEvent.change(second.getByLabelText('Grænse (minutter)'), { target: { value: '7,5' } });
    fireEvent.click(screen.getByLabelText('Prøvehandlingen kan være højrisiko efter AI-forordningen'));
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    expect(await screen.findByText(/ændringerne er gemt/i)).toBeTruthy();
    const body = api.calls('PATCH', '/api/trials/t1')[0]?.body as { criteria: unknown[]; expectedVersion: number };
    expect(body.expectedVersion).toBe(makeTrialDetail().version);
    expect(body).toMatchObject({ possiblyHighRisk: true });
    expect(body.criteria).toEqual([
      expect.objectContaining({ measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 }),
      expect.objectContaining({ measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 7.5 }),
    ]);
  });

  it('when someone else changed the charter, then the person is told and can load the latest version', async () => {
    let version = 3;
    fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'GET /api/trials/t1': () => ({ status: 200, body: { trial: makeTrialDetail({ canAdminister: true, version }) } }),
      'PATCH /api/trials/t1': () => {
        version = 4;
        return {
          status: 409,
          body: errorBody('VERSION_CONFLICT', 'En anden har ændret prøvehandlingen, mens du rettede den. Hent den nyeste version, og prøv igen.'),
        };
      },
    });
    renderApp('/proevehandlinger/t1/rediger');
    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    type('Titel', 'Klarsprog i alle breve');
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));

    const conflict = await screen.findByTestId('charter-conflict');
    expect(conflict.textContent).toContain('En anden har ændret prøvehandlingen');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Hent den nyeste version' }));

    expect(await screen.findByText(/Du retter version 4\./)).toBeTruthy();
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Klarsprog i breve');
  });
});

describe('the charter form and the chosen policy', () => {
  const NOT_ALLOWED = 'Datapolitikken »Følsom sagsbehandling« tillader ikke assistenten »Referater«. Fjern assistenten, eller vælg en anden datapolitik.';

  async function newCharter() {
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'POST /api/trials': { status: 201, body: { trial: makeTrialDetail({ id: 't9', canAdminister: true }) } },
      'GET /api/trials/t9': { status: 200, body: { trial: makeTrialDetail({ id: 't9', canAdminister: true }) } },
      'GET /api/trials/t9/revisions': { status: 200, body: { revisions: [] } },
      'GET /api/trials/t9/reflections': { status: 200, body: { reflections: [] } },
    });
    renderApp('/proevehandlinger/ny');
    await screen.findByRole('option', { name: 'Standard (godkendt)' });
    type('Titel', 'Referater af teammøder');
    type(/^Formål/, 'Kortere tid på referater');
    type('Startdato', '2026-03-01');
    type('Slutdato', '2026-05-01');
    return api;
  }

  it('when a policy is chosen, then only the assistants it allows are offered', async () => {
    await newCharter();
    expect(screen.getAllByRole('checkbox').map((c) => c.id).filter((id) => id.startsWith('charter-assistants-'))).toEqual(['charter-assistants-letter', 'charter-assistants-minutes', 'charter-assistants-documents']);
    fireEvent.change(screen.getByLabelText(/^Datapolitik/), { target: { value: 'foelsom' } });
    expect(screen.getAllByRole('checkbox').map((c) => c.id).filter((id) => id.startsWith('charter-assistants-'))).toEqual(['charter-assistants-letter']);
    expect(screen.queryByTestId('charter-assistants-notice')?.textContent).toBe('');
  });

  it('when the policy is changed to one that does not allow a chosen assistant, then the form says so, keeps the choice marked and saves nothing until it is removed', async () => {
    const api = await newCharter();
    fireEvent.click(screen.getByLabelText('Referater'));
    fireEvent.change(screen.getByLabelText(/^Datapolitik/), { target: { value: 'foelsom' } });

    const notice = screen.getByTestId('charter-assistants-notice');
    expect(notice.textContent).toContain('Rammen passer ikke til datapolitikken');
    expect(notice.textContent).toContain(NOT_ALLOWED);
    const minutes = screen.getByLabelText(/^Referater/) as HTMLInputElement;
    expect(minutes.checked).toBe(true);
    expect(minutes.labels?.[0]?.textContent).toBe('Referater (tillades ikke af datapolitikken)');

    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));
    const summary = await screen.findByTestId('charter-errors');
    expect(within(summary).getByRole('link', { name: NOT_ALLOWED }).getAttribute('href')).toBe('#charter-assistants-minutes');
    expect(api.calls('POST', '/api/trials')).toHaveLength(0);

    fireEvent.click(minutes);
    expect(screen.getAllByRole('checkbox').map((c) => c.id).filter((id) => id.startsWith('charter-assistants-'))).toEqual(['charter-assistants-letter']);
    expect(screen.getByTestId('charter-assistants-notice').textContent).toBe('');
    fireEvent.click(screen.getByLabelText('Breve til borgere (klarsprog)'));
    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));
    expect(await screen.findByText(/Prøvehandlingen er oprettet som kladde/)).toBeTruthy();
    expect(api.calls('POST', '/api/trials')[0]?.body).toMatchObject({ assistants: ['letter'], policyId: 'foelsom' });
  });

  it('when the server refuses the charter with ASSISTANT_NOT_ALLOWED_BY_POLICY, then its message is shown at the assistants', async () => {
    const message = 'Datapolitikken »Standard« tillader ikke »Referatassistenten«. Fjern assistenten, eller vælg en anden datapolitik.';
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'POST /api/trials': {
        status: 422,
        body: errorBody('ASSISTANT_NOT_ALLOWED_BY_POLICY', message, { policyId: 'standard', assistants: ['minutes'] }),
      },
    });
    renderApp('/proevehandlinger/ny');
    await screen.findByRole('option', { name: 'Standard (godkendt)' });
    type('Titel', 'Referater af teammøder');
    type(/^Formål/, 'Kortere tid på referater');
    fireEvent.click(screen.getByLabelText('Referater'));
    fireEvent.change(screen.getByLabelText(/^Datapolitik/), { target: { value: 'standard' } });
    type('Startdato', '2026-03-01');
    type('Slutdato', '2026-05-01');
    fireEvent.click(screen.getByRole('button', { name: 'Opret prøvehandling' }));

    const summary = await screen.findByTestId('charter-errors');
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(document.getElementById('charter-assistants-error')?.textContent).toBe(message);
    expect(api.calls('POST', '/api/trials')).toHaveLength(1);
  });

  it('when an existing charter has an assistant its policy no longer allows, then editing shows it and saves only once it is removed', async () => {
    const trial = makeTrialDetail({
      canAdminister: true,
      assistants: ['letter', 'minutes'],
      policy: { id: 'foelsom', title: 'Følsom sagsbehandling', version: 'v2', currentVersion: 'v2', approved: false, approvedOn: null, assistantsNotAllowed: ['minutes'] },
    });
    const api = fakeApi(makeUser('LEADER'), {
      'GET /api/policies': { status: 200, body: POLICIES },
      'GET /api/trials/t1': { status: 200, body: { trial } },
      'GET /api/trials/t1/revisions': { status: 200, body: { revisions: [] } },
      'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
      'PATCH /api/trials/t1': { status: 200, body: { trial: { ...trial, assistants: ['letter'], version: 4 } } },
    });
    renderApp('/proevehandlinger/t1/rediger');
    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    await screen.findByRole('option', { name: 'Følsom sagsbehandling (afventer godkendelse)' });
    expect(screen.getByTestId('charter-assistants-notice').textContent).toContain(NOT_ALLOWED);

    type('Titel', 'Klarsprog i alle breve');
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    await screen.findByTestId('charter-errors');
    expect(api.calls('PATCH', '/api/trials/t1')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText(/^Referater/));
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));
    expect(await screen.findByText('Ændringerne er gemt.')).toBeTruthy();
    expect(api.calls('PATCH', '/api/trials/t1')[0]?.body).toEqual({ expectedVersion: 3, title: 'Klarsprog i alle breve', assistants: ['letter'] });
  });
});

describe('the charter form and unsaved changes', () => {
  const editRoutes = (trial = makeTrialDetail({ status: 'ACTIVE', canAdminister: true })) => ({
    'GET /api/policies': { status: 200, body: POLICIES },
    'GET /api/trials/t1': { status: 200, body: { trial } },
    'GET /api/trials/t1/revisions': { status: 200, body: { revisions: [] } },
    'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
  });

  it('when the leader has typed a new charter and clicks "Annullér", then a question asks, and "Bliv på siden" keeps what was typed', async () => {
    fakeApi(makeUser('LEADER'), { 'GET /api/policies': { status: 200, body: POLICIES } });
    const { router } = renderApp('/proevehandlinger/ny');
    await screen.findByRole('option', { name: 'Standard (godkendt)' });
    type('Titel', 'Klarsprog i breve');
    type(/^Formål/, 'Borgerbreve i klarsprog');
    fireEvent.click(screen.getByRole('link', { name: 'Annullér' }));

    const dialog = await screen.findByRole('dialog', { name: 'Ændringerne er ikke gemt' });
    expect(dialog.textContent).toContain('Du har ændringer, der ikke er gemt. Vil du forlade siden?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bliv på siden' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/proevehandlinger/ny');
    expect((screen.getByLabelText('Titel') as HTMLInputElement).value).toBe('Klarsprog i breve');
    expect((screen.getByLabelText(/^Formål/) as HTMLTextAreaElement).value).toBe('Borgerbreve i klarsprog');

    fireEvent.click(screen.getByRole('link', { name: 'Annullér' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Forlad siden' }));
    await screen.findByRole('heading', { level: 1, name: 'Prøvehandlinger' });
    expect(router.state.location.pathname).toBe('/proevehandlinger');
  });

  it('when a charter is opened for editing and nothing is changed, then leaving asks nothing', async () => {
    fakeApi(makeUser('LEADER'), editRoutes());
    const { router } = renderApp('/proevehandlinger/t1/rediger');
    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    // Typing and then undoing it is no change either.
    type('Titel', 'Klarsprog i alle breve');
    type('Titel', 'Klarsprog i breve');
    fireEvent.click(screen.getByRole('navigation', { name: 'Hovedmenu' }).querySelector('a[href="/proevehandlinger"]')!);
    await screen.findByRole('heading', { level: 1, name: 'Prøvehandlinger' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/proevehandlinger');
  });

  it('when a changed charter is saved, then the page goes on to the trial without asking', async () => {
    const trial = makeTrialDetail({ status: 'ACTIVE', canAdminister: true });
    fakeApi(makeUser('LEADER'), {
      ...editRoutes(trial),
      'PATCH /api/trials/t1': { status: 200, body: { trial: { ...trial, title: 'Klarsprog i alle breve', version: 4 } } },
    });
    const { router } = renderApp('/proevehandlinger/t1/rediger');
    await screen.findByRole('heading', { level: 1, name: 'Ret rammen for Klarsprog i breve' });
    type('Titel', 'Klarsprog i alle breve');
    fireEvent.click(screen.getByRole('button', { name: 'Gem ændringer' }));

    expect(await screen.findByText('Ændringerne er gemt.')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(router.state.location.pathname).toBe('/proevehandlinger/t1');
  });
});

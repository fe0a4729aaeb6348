// @vitest-environment jsdom
import type { TrialDetail } from '@contracts/trials.js';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorBody, type FakeRoute, fakeApi, makeUser, renderApp, setupWebTests } from '../../../test/harness';
import { makeTrialDetail } from '../../../test/fixtures';

setupWebTests();

const PARTICIPANTS: TrialDetail['participants'] = [
  {
    userId: 'u-emp',
    name: 'Mette Medarbejder',
    email: 'medarbejder@demo.rodovre.dk',
    invitedAt: '2026-01-01T08:00:00.000Z',
    briefedAt: '2026-01-06T09:30:00.000Z',
    briefedCurrent: true,
  },
  {
    userId: 'u-2',
    name: 'Peter Pedersen',
    email: 'peter@demo.rodovre.dk',
    invitedAt: '2026-01-01T08:00:00.000Z',
    briefedAt: null,
    briefedCurrent: false,
  },
];

function trialRoutes(trial: TrialDetail, extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> {
  return {
    'GET /api/trials/t1': { status: 200, body: { trial } },
    'GET /api/trials/t1/revisions': {
      status: 200,
      body: {
        revisions: [{ version: 2, charter: {}, changedById: 'u-lead', changedByName: 'Lars Leder', createdAt: '2026-01-02T10:00:00.000Z' }],
      },
    },
    'GET /api/trials/t1/reflections': { status: 200, body: { reflections: [] } },
    ...extra,
  };
}

describe('the trial page', () => {
  it('shows a leader the charter, the allowed transitions, who has read the briefing and the versions', async () => {
    const trial = makeTrialDetail({ canAdminister: true, participants: PARTICIPANTS, allowedTransitions: ['ACTIVE'] });
    fakeApi(makeUser('LEADER'), trialRoutes(trial));
    renderApp('/proevehandlinger/t1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Klarsprog i breve' })).toBeTruthy();
    const charter = screen.getByTestId('trial-charter');
    expect(charter.textContent).toContain('Brevene bliver lettere at læse.');
    expect(within(charter).getByRole('link', { name: 'Standard' }).getAttribute('href')).toBe('/datapolitikker/standard');
    expect(screen.getByTestId('trial-version').textContent).toBe('3');
    expect(screen.getByRole('button', { name: 'Sæt prøvehandlingen i gang' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ret rammen' }).getAttribute('href')).toBe('/proevehandlinger/t1/rediger');

    const table = screen.getByTestId('participants-table');
    const mette = table.querySelector('tr[data-user="u-emp"]') as HTMLElement;
    expect(mette.textContent).toContain('Bekræftet');
    const peter = table.querySelector('tr[data-user="u-2"]') as HTMLElement;
    expect(peter.textContent).toContain('Ikke bekræftet');
    expect(await screen.findByText('Lars Leder')).toBeTruthy();
  });

  it('shows a leader the way to the documentation and how many drafts are signed off in their current version', async () => {
    const trial = makeTrialDetail({ canAdminister: true });
    const draft = (kind: 'ropa' | 'dpia', current: boolean | null) => ({
      kind,
      title: kind,
      factsHash: 'a'.repeat(64),
      sections: [],
      approval: current === null ? null : { approvedBy: { name: 'Dina' }, approvedAt: '2026-12-01T09:00:00.000Z', current },
      outdated: current === false,
      changes: current === false ? ['Formål'] : [],
    });
    fakeApi(
      makeUser('LEADER'),
      trialRoutes(trial, {
        'GET /api/trials/t1/compliance': {
          status: 200,
          body: { organisation: 'Rødovre Kommune', trial: { id: 't1', title: trial.title, possiblyHighRisk: false }, canApprove: false, documents: [draft('ropa', true), draft('dpia', false)] },
        },
      }),
    );
    renderApp('/proevehandlinger/t1');
    expect((await screen.findByTestId('compliance-link')).getAttribute('href')).toBe('/proevehandlinger/t1/dokumentation');
    expect((await screen.findByTestId('compliance-status')).textContent).toBe('1 af 2 udkast godkendt i den nuværende version');
  });

  it('lets a participant say how long a task takes without the assistant, refusing what is not whole minutes', async () => {
    const trial = makeTrialDetail({ status: 'ACTIVE', isParticipant: true, myBriefing: { acknowledged: true, briefedAt: '2026-01-06T09:30:00.000Z' } });
    const api = fakeApi(
      makeUser('EMPLOYEE'),
      trialRoutes(trial, {
        'GET /api/trials/t1/baseline': { status: 200, body: { baselines: [] } },
        'PUT /api/trials/t1/baseline': { status: 200, body: { baseline: { assistant: 'letter', minutes: 35, updatedAt: '2026-12-01T10:00:00.000Z' } } },
      }),
    );
    renderApp('/proevehandlinger/t1');
    const form = within(await screen.findByTestId('baseline-letter'));
    fireEvent.change(form.getByRole('textbox'), { target: { value: 'en halv time' } });
    fireEvent.click(form.getByRole('button', { name: 'Gem' }));
    expect(await form.findByText('Skriv et helt antal minutter mellem 1 og 1.440.')).toBeTruthy();
    expect(api.calls('PUT', '/api/trials/t1/baseline')).toHaveLength(0);
    fireEvent.change(form.getByRole('textbox'), { target: { value: '35' } });
    fireEvent.click(form.getByRole('button', { name: 'Gem' }));
    expect(await form.findByText('Gemt.')).toBeTruthy();
    expect(api.calls('PUT', '/api/trials/t1/baseline')[0]?.body).toEqual({ assistant: 'letter', minutes: 35 });
  });

  it('lets a leader add a colleague from the directory as a participant', async () => {
    const trial = makeTrialDetail({ canAdminister: true, participants: PARTICIPANTS, allowedTransitions: ['ACTIVE'] });
    const api = fakeApi(
      makeUser('LEADER'),
      trialRoutes(trial, {
        'GET /api/users/directory': {
          status: 200,
          body: {
            people: [
              { id: 'u-emp', name: 'Mette Medarbejder', email: 'medarbejder@demo.rodovre.dk', role: 'EMPLOYEE', unit: { id: 'b', name: 'Borgerservice', code: 'B' } },
              { id: 'u-new', name: 'Nina Ny', email: 'nina@demo.rodovre.dk', role: 'EMPLOYEE', unit: { id: 'b', name: 'Borgerservice', code: 'B' } },
            ],
          },
        },
        'PUT /api/trials/t1/participants': { status: 200, body: { trial } },
      }),
    );
    renderApp('/proevehandlinger/t1');
    fireEvent.click(await screen.findByRole('button', { name: 'Vælg deltagere' }));
    fireEvent.click(await screen.findByLabelText('Nina Ny (Borgerservice)'));
    fireEvent.click(screen.getByRole('button', { name: 'Gem deltagere' }));
    await screen.findByText(/Deltagerne er gemt/);
    const put = api.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ userIds: ['u-emp', 'u-2', 'u-new'] });
  });

  it('shows an employee no transitions, no participants and no edit link', async () => {
    const trial = makeTrialDetail({
      status: 'ACTIVE',
      isParticipant: true,
      myBriefing: { acknowledged: true, briefedAt: '2026-01-06T09:30:00.000Z' },
    });
    fakeApi(makeUser('EMPLOYEE'), trialRoutes(trial));
    renderApp('/proevehandlinger/t1');

    await screen.findByRole('heading', { level: 1, name: 'Klarsprog i breve' });
    expect(screen.queryByTestId('trial-actions')).toBeNull();
    expect(screen.queryByRole('button', { name: /Sæt|Afslut|Genoptag/ })).toBeNull();
    expect(screen.queryByTestId('participants')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Ret rammen' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Brug Brev til borger' }).getAttribute('href')).toBe(
      '/proevehandlinger/t1/assistent/letter',
    );
    expect(screen.getByRole('textbox', { name: /Din refleksion/ })).toBeTruthy();
  });

  it('when the participant has not read the briefing, then the page asks for that instead of offering the assistants', async () => {
    const trial = makeTrialDetail({ status: 'ACTIVE', isParticipant: true, myBriefing: { acknowledged: false, briefedAt: null } });
    fakeApi(makeUser('EMPLOYEE'), trialRoutes(trial));
    renderApp('/proevehandlinger/t1');

    const cta = await screen.findByTestId('briefing-required');
    expect(within(cta).getByRole('link', { name: 'Læs introduktionen' }).getAttribute('href')).toBe('/proevehandlinger/t1/introduktion');
    expect(screen.queryByRole('link', { name: 'Brug Brev til borger' })).toBeNull();
  });

  it('when a leader closes the trial, then it asks first; when the server refuses, then the reasons are listed', async () => {
    const trial = makeTrialDetail({ status: 'ACTIVE', canAdminister: true, allowedTransitions: ['PAUSED', 'CLOSED'] });
    const api = fakeApi(
      makeUser('LEADER'),
      trialRoutes(trial, {
        'POST /api/trials/t1/status': {
          status: 409,
          body: errorBody('TRIAL_NOT_READY', 'Prøvehandlingen kan ikke skifte status endnu.', {
            reasons: [{ code: 'REVIEWS_PENDING', da: 'Der er 2 udkast, som ikke er gennemgået.' }],
          }),
        },
      }),
    );
    renderApp('/proevehandlinger/t1');

    fireEvent.click(await screen.findByRole('button', { name: 'Afslut prøvehandlingen' }));
    expect(api.calls('POST', '/api/trials/t1/status')).toHaveLength(0);
    const confirm = screen.getByTestId('confirm-close');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Ja, afslut prøvehandlingen' }));

    const summary = await screen.findByTestId('transition-errors');
    expect(summary.textContent).toContain('Prøvehandlingen kan ikke skifte status endnu:');
    expect(summary.textContent).toContain('Der er 2 udkast, som ikke er gennemgået.');
    expect(api.calls('POST', '/api/trials/t1/status')[0]?.body).toEqual({ status: 'CLOSED' });
  });

  it('when a trial without participants is started, then each missing thing is said once, under one lead', async () => {
    const trial = makeTrialDetail({ status: 'DRAFT', canAdminister: true, allowedTransitions: ['ACTIVE'] });
    const reasons = [
      { code: 'NO_PARTICIPANTS', da: 'Tilføj mindst én deltager.' },
      { code: 'NO_BRIEFING', da: 'Skriv en introduktion, som deltagerne skal læse og bekræfte, før de bruger assistenten.' },
    ];
    fakeApi(
      makeUser('LEADER'),
      trialRoutes(trial, {
        'POST /api/trials/t1/status': {
          status: 409,
          body: errorBody('TRIAL_NOT_READY', `Prøvehandlingen kan ikke sættes i gang endnu: ${reasons.map((r) => r.da).join(' ')}`, { reasons }),
        },
      }),
    );
    renderApp('/proevehandlinger/t1');

    fireEvent.click(await screen.findByRole('button', { name: 'Sæt prøvehandlingen i gang' }));

    const summary = await screen.findByTestId('transition-errors');
    const text = summary.textContent ?? '';
    expect(text.split('Tilføj mindst én deltager.')).toHaveLength(2);
    expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual(reasons.map((r) => r.da));
    expect(text).toContain('Prøvehandlingen kan ikke sættes i gang endnu. Det mangler:');
  });

  it('names the policy by its title and the version by the day it was approved, never by id or hash', async () => {
    const trial = makeTrialDetail({
      status: 'ACTIVE',
      policy: { id: 'borgerbreve-maskering', title: 'Breve til borgere', version: '3f9a1c2b7d0e', currentVersion: '3f9a1c2b7d0e', approved: true, approvedOn: '2026-10-06', assistantsNotAllowed: [] },
    });
    fakeApi(makeUser('LEADER'), trialRoutes(trial));
    renderApp('/proevehandlinger/t1');

    const policy = await screen.findByTestId('trial-policy');
    expect(policy.textContent).toBe('Breve til borgere (versionen godkendt 6. okt. 2026)');
    expect(document.body.textContent).not.toContain('3f9a1c2b7d0e');
  });

  it('when the policy changed, then an administrator can confirm the new version', async () => {
    const trial = makeTrialDetail({
      canAdminister: true,
      policy: { id: 'standard', title: 'Standard', version: 'v1', currentVersion: 'v2', approved: true, approvedOn: '2026-10-06', assistantsNotAllowed: [] },
    });
    const api = fakeApi(
      makeUser('DIGITAL_UNIT'),
      trialRoutes(trial, {
        'POST /api/trials/t1/policy/confirm': {
          status: 200,
          body: { trial: { ...trial, policy: { ...trial.policy, version: 'v2' } } },
        },
      }),
    );
    renderApp('/proevehandlinger/t1');

    const changed = await screen.findByTestId('policy-changed');
    expect(changed.textContent).toContain('Prøvehandlingen bruger en tidligere version af datapolitikken. Den nuværende version er godkendt 6. okt. 2026.');
    expect(changed.textContent).not.toMatch(/\bv[12]\b/);
    fireEvent.click(within(changed).getByRole('button', { name: 'Bekræft den nye version af datapolitikken' }));
    expect(await screen.findByText('Den nye version af datapolitikken er bekræftet.')).toBeTruthy();
    expect(api.calls('POST', '/api/trials/t1/policy/confirm')).toHaveLength(1);
  });

  it('when the new policy version no longer allows an assistant of the charter, then it is named and the way on is to edit the charter, not to confirm', async () => {
    const trial = makeTrialDetail({
      canAdminister: true,
      status: 'ACTIVE',
      assistants: ['letter', 'minutes'],
      policy: { id: 'standard', title: 'Standard', version: 'v1', currentVersion: 'v2', approved: true, approvedOn: '2026-10-06', assistantsNotAllowed: ['minutes'] },
    });
    const api = fakeApi(makeUser('LEADER'), trialRoutes(trial));
    renderApp('/proevehandlinger/t1');

    const changed = await screen.findByTestId('policy-changed');
    expect(within(changed).getByTestId('policy-drops-assistants').textContent).toBe(
      'Den nye version tillader ikke assistenten »Referater«. Ret rammen, og fjern assistenten, før du bekræfter den nye version.',
    );
    expect(within(changed).queryByRole('button', { name: 'Bekræft den nye version af datapolitikken' })).toBeNull();
    expect(within(changed).getByRole('link', { name: 'Ret rammen' }).getAttribute('href')).toBe('/proevehandlinger/t1/rediger');
    expect(api.calls('POST', '/api/trials/t1/policy/confirm')).toHaveLength(0);
  });

  it('shows the latest decision to participants, and the way to the insights to administrators only', async () => {
    const latestDecision = {
      id: 'd1',
      outcome: 'ADOPT' as const,
      rationale: 'Brevene blev lettere at læse.',
      evidence: '',
      criteria: [],
      decidedBy: { name: 'Lars Leder' },
      createdAt: '2026-04-02T10:00:00.000Z',
    };
    fakeApi(makeUser('EMPLOYEE'), trialRoutes(makeTrialDetail({ status: 'CLOSED', isParticipant: true, latestDecision })));
    const { unmount } = renderApp('/proevehandlinger/t1');
    const decision = await screen.findByTestId('trial-decision');
    expect(within(decision).getByRole('heading', { level: 2, name: 'Seneste beslutning' })).toBeTruthy();
    expect(decision.textContent).toContain('Indfør');
    expect(decision.textContent).toContain('Brevene blev lettere at læse.');
    expect(within(decision).queryByRole('link')).toBeNull();
    unmount();

    fakeApi(makeUser('LEADER'), trialRoutes(makeTrialDetail({ status: 'ACTIVE', canAdminister: true })));
    renderApp('/proevehandlinger/t1');
    const none = await screen.findByTestId('trial-decision');
    expect(none.textContent).toContain('Der er ikke truffet nogen beslutning endnu.');
    expect(within(none).getByRole('link', { name: 'Se indsigt og beslut' }).getAttribute('href')).toBe('/proevehandlinger/t1/indsigt');
  });
});

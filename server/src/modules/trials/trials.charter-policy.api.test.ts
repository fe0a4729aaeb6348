import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantId } from '../../contracts/policies.js';
import { ErrorBody } from '../../contracts/errors.js';
import { AssistantNotAllowedDetails, TrialNotReadyDetails, TrialResponse, type TrialDetail } from '../../contracts/trials.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';

// The charter and its policy agree: a trial never enables an assistant that its policy does not allow.
// borgerbreve-maskering allows the letter assistant only; interne-referater the minutes and document assistants.

const NOW = new Date('2026-11-27T10:00:00Z');

let t: TestApp;
let unitId: string;
let lead: { id: string; email: string };
let member: { id: string; email: string };
let leadC: Client;
let memberC: Client;

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  unitId = (await createUnit(t.deps)).id;
  lead = await createUser(t.deps, { role: 'LEADER', unitId });
  member = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leadC = await signedIn(t, lead);
  memberC = await signedIn(t, member);
});
afterAll(() => t.close());

const CHARTER = {
  title: 'Klarsprog i ydelsesbreve',
  purpose: 'Vi vil se, om brevassistenten gør vores breve lettere at læse.',
  briefing: 'Assistenten laver udkast. Du læser, retter og godkender altid selv.',
  assistants: ['letter'],
  policyId: 'borgerbreve-maskering',
  startsAt: '2026-11-01',
  endsAt: '2027-01-31',
};

const errorOf = (res: { body: unknown }) => ErrorBody.parse(res.body).error;
const detail = (res: { body: unknown }) => TrialResponse.parse(res.body).trial;

const LETTERS_ONLY =
  'Datapolitikken »Breve til borgere med pseudonymisering« tillader ikke »Referatassistenten«. Fjern assistenten, eller vælg en anden datapolitik.';

async function draft(overrides: Record<string, unknown> = {}): Promise<TrialDetail> {
  return detail(await leadC.post('/api/trials', { ...CHARTER, ...overrides }).expect(201));
}

describe('creating a charter with an assistant its policy does not allow', () => {
  it('when the policy allows only letters and the minutes assistant is chosen, then 422 ASSISTANT_NOT_ALLOWED_BY_POLICY names it in Danish and nothing is created', async () => {
    const before = await t.deps.db.trial.count();
    const res = await leadC.post('/api/trials', { ...CHARTER, assistants: ['letter', 'minutes'] }).expect(422);
    expect(errorOf(res)).toMatchObject({ code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY', message: LETTERS_ONLY });
    expect(AssistantNotAllowedDetails.parse(errorOf(res).details)).toEqual({ policyId: 'borgerbreve-maskering', assistants: ['minutes'] });
    expect(await t.deps.db.trial.count()).toBe(before);
  });

  it('when two assistants are not allowed, then the message names both', async () => {
    const res = await leadC.post('/api/trials', { ...CHARTER, policyId: 'interne-referater', assistants: ['letter', 'minutes'] }).expect(422);
    expect(errorOf(res).message).toBe(
      'Datapolitikken »Interne mødereferater« tillader ikke »Brevassistenten (klarsprog)«. Fjern assistenten, eller vælg en anden datapolitik.',
    );
    const both = await leadC.post('/api/trials', { ...CHARTER, assistants: ['minutes', 'documents'] }).expect(422);
    expect(errorOf(both).message).toBe(
      'Datapolitikken »Breve til borgere med pseudonymisering« tillader ikke »Referatassistenten« og »Dokumentassistenten (spørg dine dokumenter)«. Fjern assistenterne, eller vælg en anden datapolitik.',
    );
  });

  it('when every assistant is allowed, then the charter is created', async () => {
    const d = await draft();
    expect(d.assistants).toEqual(['letter']);
    expect(d.policy.assistantsNotAllowed).toEqual([]);
  });
});

describe('editing a charter so that it and its policy disagree', () => {
  it('when an assistant the policy does not allow is added, then 422 and the charter stays at its version', async () => {
    const d = await draft();
    const res = await leadC.patch(`/api/trials/${d.id}`, { assistants: ['letter', 'minutes'], expectedVersion: d.version }).expect(422);
    expect(errorOf(res)).toMatchObject({ code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY', message: LETTERS_ONLY });
    const row = await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.version, row.assistants]).toEqual([d.version, '["letter"]']);
  });

  it('when the policy is changed to one that does not allow the chosen assistant, then 422; changing both together is saved', async () => {
    const d = await draft();
    const res = await leadC.patch(`/api/trials/${d.id}`, { policyId: 'interne-referater', expectedVersion: d.version }).expect(422);
    expect(errorOf(res)).toMatchObject({ code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY' });
    expect(AssistantNotAllowedDetails.parse(errorOf(res).details)).toEqual({ policyId: 'interne-referater', assistants: ['letter'] });
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } })).policyId).toBe('borgerbreve-maskering');

    const ok = detail(
      await leadC.patch(`/api/trials/${d.id}`, { policyId: 'interne-referater', assistants: ['minutes'], expectedVersion: d.version }).expect(200),
    );
    expect([ok.policy.id, ok.assistants]).toEqual(['interne-referater', ['minutes']]);
  });
});

describe('starting a trial whose charter and policy disagree', () => {
  /** A trial stored before charters were checked against their policy: the minutes assistant under a letters-only policy. */
  async function stored(status: 'DRAFT' | 'PAUSED') {
    const row = await createTrial(t.deps, {
      unitId,
      createdById: lead.id,
      policyId: 'borgerbreve-maskering',
      status,
      assistants: ['letter', 'minutes'],
      participants: [member.id],
    });
    await t.deps.db.trial.update({ where: { id: row.id }, data: { briefing: CHARTER.briefing } });
    return row.id;
  }

  for (const status of ['DRAFT', 'PAUSED'] as const) {
    it(`when a ${status} trial is set to ACTIVE, then 409 TRIAL_NOT_READY names the assistant and the status stays`, async () => {
      const id = await stored(status);
      const res = await leadC.post(`/api/trials/${id}/status`, { status: 'ACTIVE' }).expect(409);
      const error = errorOf(res);
      expect(error.code).toBe('TRIAL_NOT_READY');
      expect(TrialNotReadyDetails.parse(error.details).reasons).toEqual([{ code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY', da: LETTERS_ONLY }]);
      expect(error.message).toContain(LETTERS_ONLY);
      expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id } })).status).toBe(status);

      const seen = detail(await leadC.get(`/api/trials/${id}`).expect(200));
      expect(seen.policy.assistantsNotAllowed).toEqual(['minutes']);
      const version = seen.version;
      await leadC.patch(`/api/trials/${id}`, { assistants: ['letter'], expectedVersion: version }).expect(200);
      expect(detail(await leadC.post(`/api/trials/${id}/status`, { status: 'ACTIVE' }).expect(200)).status).toBe('ACTIVE');
    });
  }
});

describe('a policy file that changes so that an active trial’s assistant is no longer allowed', () => {
  const POLICY = 'skiftende-politik';
  const run = (trialId: string, assistant: AssistantId = 'letter') =>
    memberC.post('/api/runs', { trialId, assistant, input: 'Et helt almindeligt brev om åbningstider.' });

  /** The policy as deployed: a copy of offentlig-information under its own id, allowing `assistants`. */
  function deploy(version: string, assistants: AssistantId[]) {
    const base = t.deps.policies.get('offentlig-information')!;
    t.deps.policies.set(POLICY, { ...base, version, policy: { ...base.policy, id: POLICY, assistants } });
  }

  it('when the new version drops an assistant, then runs wait, the trial shows what no longer fits, confirming is refused until the assistant is removed', async () => {
    deploy('v1', ['letter', 'minutes', 'documents']);
    const d = await draft({ policyId: POLICY, assistants: ['letter', 'minutes'] });
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
    const started = detail(await leadC.post(`/api/trials/${d.id}/status`, { status: 'ACTIVE' }).expect(200));
    await memberC.post(`/api/trials/${d.id}/briefing/acknowledge`, { briefingRevision: started.briefingRevision }).expect(200);

    deploy('v2', ['letter', 'documents']);
    expect(errorOf(await run(d.id).expect(409)).code).toBe('POLICY_CHANGED');
    const seen = detail(await leadC.get(`/api/trials/${d.id}`).expect(200));
    expect(seen.policy).toMatchObject({ version: 'v1', currentVersion: 'v2', assistantsNotAllowed: ['minutes'] });

    const refused = await leadC.post(`/api/trials/${d.id}/policy/confirm`).expect(422);
    expect(errorOf(refused)).toMatchObject({
      code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY',
      message:
        'Den nye version af datapolitikken »Kun offentlig information« tillader ikke »Referatassistenten«. Ret rammen, og fjern assistenten, før du bekræfter den nye version.',
    });
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } })).policyVersion).toBe('v1');
    // Any other edit is refused too, so the charter cannot be saved while it disagrees with its policy.
    expect(errorOf(await leadC.patch(`/api/trials/${d.id}`, { title: 'Nyt navn', expectedVersion: seen.version }).expect(422)).code).toBe(
      'ASSISTANT_NOT_ALLOWED_BY_POLICY',
    );

    const fixed = detail(await leadC.patch(`/api/trials/${d.id}`, { assistants: ['letter'], expectedVersion: seen.version }).expect(200));
    expect(fixed.policy.assistantsNotAllowed).toEqual([]);
    const confirmed = detail(await leadC.post(`/api/trials/${d.id}/policy/confirm`).expect(200));
    expect(confirmed.policy.version).toBe('v2');
    await memberC.post(`/api/trials/${d.id}/briefing/acknowledge`, { briefingRevision: confirmed.briefingRevision }).expect(200);
    await run(d.id).expect(201);
  });
});

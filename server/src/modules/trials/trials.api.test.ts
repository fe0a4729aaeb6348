import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import { RunResponse } from '../../contracts/runs.js';
import {
  BriefingResponse,
  CharterLooseningDetails,
  TrialList,
  TrialNotReadyDetails,
  TrialResponse,
  TrialRevisionList,
  type TrialDetail,
} from '../../contracts/trials.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';

// A Friday in the middle of the trials' period (1 November 2026 to 31 January 2027).
const NOW = new Date('2026-11-27T10:00:00Z');

let t: TestApp;
let unitA: string;
let unitB: string;
let employeeA: { id: string; email: string };
let leaderA: { id: string; email: string };
let digital: { id: string; email: string };
let trialA: string;
let trialB: string;
let draftA: string;

async function trial(unitId: string, createdById: string, status: 'DRAFT' | 'ACTIVE', participants: string[] = []) {
  const row = await t.deps.db.trial.create({
    data: {
      unitId,
      title: `Forsøg ${status}`,
      purpose: 'Afprøvning',
      policyId: 'offentlig-information',
      policyVersion: 'v1',
      status,
      startsAt: new Date('2026-11-01'),
      endsAt: new Date('2027-01-31'),
      createdById,
      participants: { create: participants.map((userId) => ({ userId })) },
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  unitA = (await createUnit(t.deps)).id;
  unitB = (await createUnit(t.deps)).id;
  employeeA = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitA });
  leaderA = await createUser(t.deps, { role: 'LEADER', unitId: unitA });
  digital = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId: unitB });
  trialA = await trial(unitA, leaderA.id, 'ACTIVE', [employeeA.id]);
  draftA = await trial(unitA, leaderA.id, 'DRAFT', [employeeA.id]);
  trialB = await trial(unitB, digital.id, 'ACTIVE');
});
afterAll(() => t.close());

async function visible(user: { email: string }) {
  const c = await signedIn(t, user);
  return TrialList.parse((await c.get('/api/trials').expect(200)).body).trials;
}

describe('which trials each role sees', () => {
  it('an employee sees only the started trials they take part in, and administers none', async () => {
    const trials = await visible(employeeA);
    expect(trials.map((x) => x.id)).toEqual([trialA]);
    expect(trials.every((x) => !x.canAdminister)).toBe(true);
  });

  it('a leader sees and administers the trials of their own unit only', async () => {
    const trials = await visible(leaderA);
    expect(trials.map((x) => x.id).sort()).toEqual([trialA, draftA].sort());
    expect(trials.every((x) => x.canAdminister)).toBe(true);
  });

  it('the digital unit sees and administers trials across units', async () => {
    const trials = await visible(digital);
    expect(trials.map((x) => x.id)).toEqual(expect.arrayContaining([trialA, trialB, draftA]));
    expect(trials.every((x) => x.canAdminister)).toBe(true);
  });

  it('signed out, the list is refused', async () => {
    await t.request.get('/api/trials').expect(401);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Charters: create, edit, lifecycle, participants, briefing

const CHARTER = {
  title: 'Klarsprog i ydelsesbreve',
  purpose: 'Vi vil se, om brevassistenten gør vores breve lettere at læse.',
  hypothesis: 'LIX falder med 10 point.',
  successCriteria: 'Halvdelen af brevene godkendes uden store rettelser.',
  briefing: 'Assistenten laver udkast. Du læser, retter og godkender altid selv.',
  assistants: ['letter'],
  questions: [{ id: 'tone', text: 'Passede tonen til borgeren?' }],
  policyId: 'offentlig-information',
  startsAt: '2026-11-01',
  endsAt: '2027-01-31',
};

const errorOf = (res: { body: unknown }) => ErrorBody.parse(res.body).error;
const detail = (res: { body: unknown }) => TrialResponse.parse(res.body).trial;

async function auditFor(trialId: string, action: string) {
  const rows = await t.deps.db.auditEvent.findMany({ where: { resourceId: trialId, action }, orderBy: { seq: 'asc' } });
  return rows.map((r) => JSON.parse(r.details) as Record<string, unknown>);
}

// A unit of their own, so the list tests above see exactly the trials they made.
let unitC: string;
let lead: { id: string; email: string };
let member: { id: string; email: string };
let leadC: Client;
let memberC: Client;
let digitalC: Client;
let leaderB: { id: string; email: string };

beforeAll(async () => {
  unitC = (await createUnit(t.deps)).id;
  lead = await createUser(t.deps, { role: 'LEADER', unitId: unitC });
  member = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitC });
  leadC = await signedIn(t, lead);
  memberC = await signedIn(t, member);
  digitalC = await signedIn(t, digital);
  leaderB = await createUser(t.deps, { role: 'LEADER', unitId: unitB });
});

/** A draft created through the API by the leader of unit A. */
async function draft(overrides: Record<string, unknown> = {}): Promise<TrialDetail> {
  return detail(await leadC.post('/api/trials', { ...CHARTER, ...overrides }).expect(201));
}

/** A draft with the employee as participant, started, and the employee briefed unless told otherwise. */
async function active(opts: { briefed?: boolean } = {}): Promise<TrialDetail> {
  const d = await draft();
  await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
  const started = detail(await leadC.post(`/api/trials/${d.id}/status`, { status: 'ACTIVE' }).expect(200));
  if (opts.briefed ?? true) {
    await memberC.post(`/api/trials/${d.id}/briefing/acknowledge`, { briefingRevision: started.briefingRevision }).expect(200);
  }
  return started;
}

async function addRun(trialId: string) {
  await t.deps.db.run.create({
    data: { trialId, userId: member.id, assistant: 'letter', status: 'DRAFT', policyId: 'offentlig-information', policyVersion: 'x' },
  });
}

describe('creating a trial', () => {
  it('when a leader creates one for their own unit, then it starts as a draft at version 1 with its first revision and an audit event', async () => {
    const d = await draft();
    expect(d).toMatchObject({ status: 'DRAFT', version: 1, briefingRevision: 1, unit: { id: unitC }, canAdminister: true });
    expect(d.questions).toEqual(CHARTER.questions);
    expect(d.policy).toMatchObject({ id: 'offentlig-information', approved: true, version: t.deps.policies.get('offentlig-information')!.version });
    const revisions = TrialRevisionList.parse((await leadC.get(`/api/trials/${d.id}/revisions`).expect(200)).body).revisions;
    expect(revisions.map((r) => r.version)).toEqual([1]);
    expect(revisions[0]!.charter).toMatchObject({ title: CHARTER.title, assistants: ['letter'] });
    const [created] = await auditFor(d.id, 'trial.created');
    expect(created).toMatchObject({ version: 1, policyId: 'offentlig-information' });
    // No charter text in the audit trail.
    expect(JSON.stringify(created)).not.toContain(CHARTER.title);
  });

  it('when a leader names another unit, then 403 and nothing is created', async () => {
    const before = await t.deps.db.trial.count();
    const res = await leadC.post('/api/trials', { ...CHARTER, unitId: unitB }).expect(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await t.deps.db.trial.count()).toBe(before);
  });

  it('when an employee tries, then 403', async () => {
    expect(errorOf(await memberC.post('/api/trials', CHARTER).expect(403)).code).toBe('FORBIDDEN');
  });

  it('when the digital unit creates one for another unit, then it belongs to that unit', async () => {
    const d = detail(await digitalC.post('/api/trials', { ...CHARTER, unitId: unitC }).expect(201));
    expect(d.unit.id).toBe(unitC);
  });

  it('when the end lies before the start, then 400 with the Danish message and nothing is created', async () => {
    const before = await t.deps.db.trial.count();
    const res = await leadC.post('/api/trials', { ...CHARTER, startsAt: '2027-01-31', endsAt: '2026-11-01' }).expect(400);
    const error = errorOf(res);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain('Slutdatoen skal ligge efter startdatoen.');
    expect(await t.deps.db.trial.count()).toBe(before);
  });

  it('when the title is too short, no assistant is chosen or there are 11 questions, then 400', async () => {
    await leadC.post('/api/trials', { ...CHARTER, title: 'Ab' }).expect(400);
    await leadC.post('/api/trials', { ...CHARTER, assistants: [] }).expect(400);
    await leadC.post('/api/trials', { ...CHARTER, assistants: ['chatbot'] }).expect(400);
    const questions = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, text: 'Spørgsmål?' }));
    await leadC.post('/api/trials', { ...CHARTER, questions }).expect(400);
    await leadC.post('/api/trials', { ...CHARTER, questions: [{ id: 'lang', text: 'x'.repeat(301) }] }).expect(400);
  });

  it('when the policy does not exist on the server, then 422 UNKNOWN_POLICY', async () => {
    expect(errorOf(await leadC.post('/api/trials', { ...CHARTER, policyId: 'findes-ikke' }).expect(422)).code).toBe('UNKNOWN_POLICY');
  });
});

describe('who sees a trial', () => {
  it('when someone neither administers nor takes part, then detail and briefing are 404, not 403', async () => {
    const a = await active();
    const outsider = await signedIn(t, await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitC }));
    expect(errorOf(await outsider.get(`/api/trials/${a.id}`).expect(404)).code).toBe('NOT_FOUND');
    await outsider.get(`/api/trials/${a.id}/briefing`).expect(404);
    await outsider.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: a.briefingRevision }).expect(404);
    // A leader of another unit is an outsider too.
    await (await signedIn(t, leaderB)).get(`/api/trials/${a.id}`).expect(404);
  });

  it('when a participant opens a draft, then 404: it is not theirs to see until it starts', async () => {
    const d = await draft();
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
    await memberC.get(`/api/trials/${d.id}`).expect(404);
    await memberC.get(`/api/trials/${d.id}/briefing`).expect(404);
  });

  it('when a participant opens a started trial, then they see it without the participant list and with their own briefing status', async () => {
    const a = await active({ briefed: false });
    const mine = detail(await memberC.get(`/api/trials/${a.id}`).expect(200));
    expect(mine).toMatchObject({ isParticipant: true, canAdminister: false, participants: [], allowedTransitions: [] });
    expect(mine.myBriefing).toEqual({ acknowledged: false, briefedAt: null });
    const admin = detail(await leadC.get(`/api/trials/${a.id}`).expect(200));
    expect(admin.participants).toEqual([expect.objectContaining({ userId: member.id, briefedCurrent: false, briefedAt: null })]);
    expect(admin.allowedTransitions).toEqual(['PAUSED', 'CLOSED']);
  });

  it('when a participant tries to change the charter, then 403 and nothing changes', async () => {
    const a = await active();
    const res = await memberC.patch(`/api/trials/${a.id}`, { title: 'Mit eget forsøg', expectedVersion: a.version }).expect(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: a.id } })).title).toBe(CHARTER.title);
  });
});

describe('editing the charter', () => {
  it('when a field changes, then the version goes up, a revision is kept and the audit names the fields, not their values', async () => {
    const d = await draft();
    const edited = detail(await leadC.patch(`/api/trials/${d.id}`, { title: 'Nyt navn på forsøget', hypothesis: 'Ny hypotese', expectedVersion: 1 }).expect(200));
    expect(edited).toMatchObject({ title: 'Nyt navn på forsøget', hypothesis: 'Ny hypotese', version: 2, briefingRevision: 1 });
    const revisions = TrialRevisionList.parse((await leadC.get(`/api/trials/${d.id}/revisions`).expect(200)).body).revisions;
    expect(revisions.map((r) => [r.version, r.charter.title])).toEqual([
      [2, 'Nyt navn på forsøget'],
      [1, CHARTER.title],
    ]);
    const [updated] = await auditFor(d.id, 'trial.updated');
    expect(updated).toMatchObject({ fields: ['title', 'hypothesis'], fromVersion: 1, toVersion: 2 });
    expect(JSON.stringify(updated)).not.toContain('Nyt navn');
  });

  it('when the leader states success criteria, then they are saved as a new version; a threshold off the scale is refused in Danish', async () => {
    const d = await draft();
    const criteria = [
      { id: 'again', measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 },
      { id: 'minutes', measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 10 },
    ];
    const edited = detail(await leadC.patch(`/api/trials/${d.id}`, { criteria, expectedVersion: 1 }).expect(200));
    expect(edited).toMatchObject({ criteria, version: 2 });
    const revisions = TrialRevisionList.parse((await leadC.get(`/api/trials/${d.id}/revisions`).expect(200)).body).revisions;
    expect(revisions[0]!.charter.criteria).toEqual(criteria);
    const [updated] = await auditFor(d.id, 'trial.updated');
    expect(updated).toMatchObject({ fields: ['criteria'] });

    for (const bad of [
      { id: 'x', measure: 'rejectedShare', comparator: 'atMost', threshold: 150 },
      { id: 'x', measure: 'usefulnessMean', comparator: 'atLeast', threshold: 0.5 },
      { id: 'x', measure: 'minutesSavedMedian', comparator: 'roughly', threshold: 5 },
    ]) {
      const res = await leadC.patch(`/api/trials/${d.id}`, { criteria: [bad], expectedVersion: 2 }).expect(400);
      const body = ErrorBody.parse(res.body);
      expect(body.error.code).toBe('VALIDATION_FAILED');
    }
    const refused = ErrorBody.parse((await leadC.patch(`/api/trials/${d.id}`, { criteria: [{ id: 'x', measure: 'rejectedShare', comparator: 'atMost', threshold: 150 }], expectedVersion: 2 }).expect(400)).body);
    expect(JSON.stringify(refused.error.details)).toContain('Grænsen er uden for målets skala');
    expect(detail(await leadC.get(`/api/trials/${d.id}`).expect(200))).toMatchObject({ criteria, version: 2 });
  });

  it('when the editor started from an older version, then 409 VERSION_CONFLICT and the row is unchanged', async () => {
    const d = await draft();
    await leadC.patch(`/api/trials/${d.id}`, { purpose: 'Første ændring', expectedVersion: 1 }).expect(200);
    const res = await digitalC.patch(`/api/trials/${d.id}`, { purpose: 'Anden ændring', expectedVersion: 1 }).expect(409);
    expect(errorOf(res)).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const row = await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } });
    expect([row.purpose, row.version]).toEqual(['Første ændring', 2]);
    expect(await t.deps.db.trialRevision.count({ where: { trialId: d.id } })).toBe(2);
  });

  it('when a partial edit moves the end before the start, then 400 with the Danish message', async () => {
    const d = await draft();
    const res = await leadC.patch(`/api/trials/${d.id}`, { endsAt: '2026-10-01', expectedVersion: 1 }).expect(400);
    expect(errorOf(res).message).toBe('Slutdatoen skal ligge efter startdatoen.');
  });

  it('when the briefing, the policy or the assistants change, then participants must acknowledge again', async () => {
    const a = await active();
    expect(detail(await memberC.get(`/api/trials/${a.id}`).expect(200)).myBriefing?.acknowledged).toBe(true);
    const edited = detail(await leadC.patch(`/api/trials/${a.id}`, { briefing: 'Ny introduktion.', expectedVersion: a.version }).expect(200));
    expect(edited.briefingRevision).toBe(edited.version);
    expect(detail(await memberC.get(`/api/trials/${a.id}`).expect(200)).myBriefing?.acknowledged).toBe(false);
    const listed = TrialList.parse((await memberC.get('/api/trials').expect(200)).body).trials.find((x) => x.id === a.id);
    expect(listed?.briefingRequired).toBe(true);
  });

  it('when the trial has runs and the change loosens it, then 409 naming what loosens, unless confirmed (then also audited)', async () => {
    const a = await active();
    await addRun(a.id);
    const res = await leadC
      .patch(`/api/trials/${a.id}`, { assistants: ['letter', 'minutes'], endsAt: '2027-03-31', expectedVersion: a.version })
      .expect(409);
    const error = errorOf(res);
    expect(error.code).toBe('CHARTER_LOOSENING_NEEDS_CONFIRMATION');
    expect(CharterLooseningDetails.parse(error.details).loosened.map((l) => l.code)).toEqual(['ASSISTANT_ADDED', 'ENDS_LATER']);
    expect(error.message).toContain('senere slutdato');
    const row = await t.deps.db.trial.findUniqueOrThrow({ where: { id: a.id } });
    expect([row.version, row.assistants]).toEqual([a.version, '["letter"]']);

    const ok = detail(
      await leadC
        .patch(`/api/trials/${a.id}`, { assistants: ['letter', 'minutes'], endsAt: '2027-03-31', expectedVersion: a.version, confirmLoosening: true })
        .expect(200),
    );
    expect(ok.assistants).toEqual(['letter', 'minutes']);
    expect(await auditFor(a.id, 'trial.loosened')).toEqual([expect.objectContaining({ loosened: ['ASSISTANT_ADDED', 'ENDS_LATER'] })]);
  });

  it('when the trial has runs and the change narrows it, then no confirmation is needed', async () => {
    const a = await active();
    await addRun(a.id);
    await leadC.patch(`/api/trials/${a.id}`, { endsAt: '2027-01-15', expectedVersion: a.version }).expect(200);
  });

  it('when the trial is closed, then 409 TRIAL_CLOSED', async () => {
    const a = await active();
    const closed = detail(await leadC.post(`/api/trials/${a.id}/status`, { status: 'CLOSED' }).expect(200));
    const res = await leadC.patch(`/api/trials/${a.id}`, { title: 'For sent', expectedVersion: closed.version }).expect(409);
    expect(errorOf(res).code).toBe('TRIAL_CLOSED');
  });
});

describe('the lifecycle', () => {
  it('when the leader walks the trial through every allowed transition, then each is stored and audited', async () => {
    const d = await draft();
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
    const path = ['ACTIVE', 'PAUSED', 'ACTIVE', 'PAUSED', 'CLOSED'] as const;
    for (const status of path) {
      expect(detail(await leadC.post(`/api/trials/${d.id}/status`, { status }).expect(200)).status).toBe(status);
    }
    const events = await auditFor(d.id, 'trial.status_changed');
    expect(events.map((e) => `${String(e.from)}->${String(e.to)}`)).toEqual([
      'DRAFT->ACTIVE',
      'ACTIVE->PAUSED',
      'PAUSED->ACTIVE',
      'ACTIVE->PAUSED',
      'PAUSED->CLOSED',
    ]);
  });

  it('when a transition is not in the table, then 409 INVALID_TRANSITION and the status stays', async () => {
    const d = await draft();
    for (const status of ['CLOSED', 'PAUSED', 'DRAFT']) {
      expect(errorOf(await leadC.post(`/api/trials/${d.id}/status`, { status }).expect(409)).code).toBe('INVALID_TRANSITION');
    }
    const a = await active();
    await leadC.post(`/api/trials/${a.id}/status`, { status: 'DRAFT' }).expect(409);
    await leadC.post(`/api/trials/${a.id}/status`, { status: 'CLOSED' }).expect(200);
    for (const status of ['ACTIVE', 'PAUSED', 'DRAFT']) {
      expect(errorOf(await leadC.post(`/api/trials/${a.id}/status`, { status }).expect(409)).code).toBe('INVALID_TRANSITION');
    }
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('DRAFT');
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('CLOSED');
  });

  it('when a draft lacks a briefing and participants, has ended, and its policy is not approved, then 409 TRIAL_NOT_READY lists why', async () => {
    const loaded = t.deps.policies.get('offentlig-information')!;
    t.deps.policies.set('uden-godkendelse', { ...loaded, policy: { ...loaded.policy, id: 'uden-godkendelse' }, missingApprovals: ['DPO'] });
    const d = await draft({ briefing: '', policyId: 'uden-godkendelse', startsAt: '2026-10-01', endsAt: '2026-11-26' });
    const res = await leadC.post(`/api/trials/${d.id}/status`, { status: 'ACTIVE' }).expect(409);
    const error = errorOf(res);
    expect(error.code).toBe('TRIAL_NOT_READY');
    expect(TrialNotReadyDetails.parse(error.details).reasons.map((r) => r.code)).toEqual([
      'NO_BRIEFING',
      'NO_PARTICIPANTS',
      'POLICY_NOT_APPROVED',
      'ENDED',
    ]);
    expect((await t.deps.db.trial.findUniqueOrThrow({ where: { id: d.id } })).status).toBe('DRAFT');
    expect(await auditFor(d.id, 'trial.status_changed')).toEqual([]);
  });

  it('when a trial is activated, then it records the policy version on the server at that moment', async () => {
    const d = await draft();
    await t.deps.db.trial.update({ where: { id: d.id }, data: { policyVersion: 'gammel' } });
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
    const a = detail(await leadC.post(`/api/trials/${d.id}/status`, { status: 'ACTIVE' }).expect(200));
    expect(a.policy.version).toBe(t.deps.policies.get('offentlig-information')!.version);
  });
});

describe('participants', () => {
  it('when the leader sets the participants, then they are replaced and the audit counts who was added and removed', async () => {
    const d = await draft();
    const other = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitC });
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id, other.id] }).expect(200);
    const after = detail(await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [other.id] }).expect(200));
    expect(after.participants.map((p) => p.userId)).toEqual([other.id]);
    expect(await auditFor(d.id, 'trial.participants_changed')).toEqual([
      expect.objectContaining({ added: 2, removed: 0 }),
      expect.objectContaining({ added: 0, removed: 1, removedIds: [member.id] }),
    ]);
  });

  it('when a person does not exist or is deactivated, then 422 UNKNOWN_USER and nobody is changed', async () => {
    const d = await draft();
    const inactive = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitC, active: false });
    for (const userIds of [[member.id, 'findes-ikke'], [member.id, inactive.id]]) {
      const res = await leadC.put(`/api/trials/${d.id}/participants`, { userIds }).expect(422);
      expect(errorOf(res).code).toBe('UNKNOWN_USER');
    }
    expect(await t.deps.db.trialParticipant.count({ where: { trialId: d.id } })).toBe(0);
  });

  it('when the trial is closed or the caller does not administer it, then the participants cannot be changed', async () => {
    const a = await active();
    await memberC.put(`/api/trials/${a.id}/participants`, { userIds: [] }).expect(403);
    await (await signedIn(t, leaderB)).put(`/api/trials/${a.id}/participants`, { userIds: [] }).expect(404);
    await leadC.post(`/api/trials/${a.id}/status`, { status: 'CLOSED' }).expect(200);
    expect(errorOf(await leadC.put(`/api/trials/${a.id}/participants`, { userIds: [] }).expect(409)).code).toBe('TRIAL_CLOSED');
    expect(await t.deps.db.trialParticipant.count({ where: { trialId: a.id } })).toBe(1);
  });
});

describe('the briefing', () => {
  it('when a participant opens it, then it explains each assistant, how it fails, and the policy in plain Danish', async () => {
    const a = await active({ briefed: false });
    const b = BriefingResponse.parse((await memberC.get(`/api/trials/${a.id}/briefing`).expect(200)).body).briefing;
    expect(b).toMatchObject({ trialTitle: CHARTER.title, briefing: CHARTER.briefing, briefingRevision: a.briefingRevision, acknowledged: false });
    expect(b.assistants.map((x) => x.id)).toEqual(['letter']);
    expect(b.assistants[0]!.failureModes.join(' ')).toContain('finde på fakta');
    expect(b.assistants[0]!.failureModes.join(' ')).toContain('ikke en sprogmodel');
    expect(b.policy.plain.must.map((r) => r.code)).toContain('HUMAN_REVIEW');
  });

  it('when a participant acknowledges an old revision, then 409 BRIEFING_OUTDATED and nothing is recorded', async () => {
    const a = await active({ briefed: false });
    await leadC.patch(`/api/trials/${a.id}`, { briefing: 'Læs den nye udgave.', expectedVersion: a.version }).expect(200);
    const res = await memberC.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: a.briefingRevision }).expect(409);
    expect(errorOf(res).code).toBe('BRIEFING_OUTDATED');
    const row = await t.deps.db.trialParticipant.findUniqueOrThrow({ where: { trialId_userId: { trialId: a.id, userId: member.id } } });
    expect([row.briefedAt, row.briefingVersion]).toEqual([null, null]);
  });

  it('when a participant acknowledges the current revision, then it is recorded and audited with the revision', async () => {
    const a = await active({ briefed: false });
    const b = BriefingResponse.parse(
      (await memberC.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: a.briefingRevision }).expect(200)).body,
    ).briefing;
    expect(b.acknowledged).toBe(true);
    expect(b.briefedAt).toBe(NOW.toISOString());
    expect(await auditFor(a.id, 'trial.briefing_acknowledged')).toEqual([{ briefingRevision: a.briefingRevision }]);
  });
});

describe('runs wait for the briefing and for a changed policy to be confirmed', () => {
  const run = (trialId: string) => memberC.post('/api/runs', { trialId, assistant: 'letter', input: 'Et helt almindeligt brev om åbningstider.' });

  it('when the participant has not acknowledged the briefing, then 409 BRIEFING_REQUIRED; after acknowledging, the run goes through', async () => {
    const a = await active({ briefed: false });
    const res = await run(a.id).expect(409);
    expect(errorOf(res)).toMatchObject({
      code: 'BRIEFING_REQUIRED',
      message: 'Du skal læse og bekræfte introduktionen til prøvehandlingen, før du bruger assistenten.',
    });
    expect(await t.deps.db.run.count({ where: { trialId: a.id } })).toBe(0);
    await memberC.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: a.briefingRevision }).expect(200);
    RunResponse.parse((await run(a.id).expect(201)).body);
  });

  it('when the briefing changes after acknowledging, then the next run waits for a new acknowledgement', async () => {
    const a = await active();
    await run(a.id).expect(201);
    const edited = detail(await leadC.patch(`/api/trials/${a.id}`, { briefing: 'Ny introduktion.', expectedVersion: a.version }).expect(200));
    expect(errorOf(await run(a.id).expect(409)).code).toBe('BRIEFING_REQUIRED');
    await memberC.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: edited.briefingRevision }).expect(200);
    await run(a.id).expect(201);
  });

  it('when the policy file changed since the trial recorded it, then 409 POLICY_CHANGED until the leader confirms it', async () => {
    const a = await active();
    await t.deps.db.trial.update({ where: { id: a.id }, data: { policyVersion: 'forrige' } });
    const res = await run(a.id).expect(409);
    expect(errorOf(res)).toMatchObject({
      code: 'POLICY_CHANGED',
      message: 'Datapolitikken er ændret, siden prøvehandlingen blev sat op. Lederen skal bekræfte den nye version, før assistenten kan bruges.',
    });
    const before = detail(await leadC.get(`/api/trials/${a.id}`).expect(200));
    expect(before.policy).toMatchObject({ version: 'forrige', currentVersion: t.deps.policies.get('offentlig-information')!.version });

    await memberC.post(`/api/trials/${a.id}/policy/confirm`).expect(403);
    const confirmed = detail(await leadC.post(`/api/trials/${a.id}/policy/confirm`).expect(200));
    expect(confirmed.policy.version).toBe(confirmed.policy.currentVersion);
    expect(confirmed.version).toBe(a.version + 1);
    expect(confirmed.briefingRevision).toBe(confirmed.version);
    expect(await auditFor(a.id, 'trial.policy_confirmed')).toEqual([
      expect.objectContaining({ from: 'forrige', to: confirmed.policy.currentVersion }),
    ]);
    // Participants read the new terms before the next run.
    expect(errorOf(await run(a.id).expect(409)).code).toBe('BRIEFING_REQUIRED');
    await memberC.post(`/api/trials/${a.id}/briefing/acknowledge`, { briefingRevision: confirmed.briefingRevision }).expect(200);
    await run(a.id).expect(201);
  });

  it('when the trial is still a draft, then runs stay refused as before', async () => {
    const d = await draft();
    await leadC.put(`/api/trials/${d.id}/participants`, { userIds: [member.id] }).expect(200);
    expect(errorOf(await run(d.id).expect(409)).code).toBe('TRIAL_NOT_ACTIVE');
  });
});

describe('the trial list', () => {
  it('when a participant has not acknowledged the current briefing, then the list says a briefing is required', async () => {
    const tr = await createTrial(t.deps, { unitId: unitC, createdById: lead.id, policyId: 'offentlig-information', participants: [member.id], briefed: false });
    const listed = TrialList.parse((await memberC.get('/api/trials').expect(200)).body).trials.find((x) => x.id === tr.id);
    expect(listed?.briefingRequired).toBe(true);
  });
});

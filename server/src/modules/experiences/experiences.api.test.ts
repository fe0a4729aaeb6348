import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { ExperienceLogResponse, ExperienceState, ReflectionList, ReflectionResponse, type ExperienceLogRequest } from '../../contracts/experiences.js';
import { RunResponse, type RunView } from '../../contracts/runs.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const LETTER = 'Kære borger\n\nVi har modtaget din ansøgning om boligstøtte.\n\nMed venlig hilsen\nYdelseskontoret';
const REFLECTION = 'Udkastet var godt, men jeg skulle rette hilsenen.';
const ANSWER = 'Ja, borgeren forstod brevet bedre.';
// With a CPR number (valid modulus 11) the policy wants a second approver (four eyes).
const SENSITIVE_LETTER = `${LETTER}\nSagen vedrører CPR-nr. 070761-1006.`;

let t: TestApp;
let unitId: string;
let trialId: string;
let employee: { id: string; email: string };
let colleague: { id: string; email: string };
let leader: { id: string; email: string };
let stranger: { id: string; email: string };
let asEmployee: Client;
let asColleague: Client;
let asLeader: Client;
let asStranger: Client;

const LOG: ExperienceLogRequest = {
  usefulness: 4,
  minutesSaved: 15,
  failureTypes: ['WRONG_TONE'],
  wouldUseAgain: true,
  reflection: REFLECTION,
  answers: { 'q-forstaaelse': ANSWER },
};

async function briefedTrial(opts: Partial<Parameters<typeof createTrial>[1]> = {}) {
  const trial = await createTrial(t.deps, {
    unitId,
    createdById: leader.id,
    policyId: 'borgerbreve-maskering',
    participants: [employee.id, colleague.id],
    ...opts,
  });
  await t.deps.db.trialParticipant.updateMany({ where: { trialId: trial.id }, data: { briefedAt: NOW, briefingVersion: trial.briefingRevision } });
  return trial;
}

async function reviewedRun(decision: 'APPROVE' | 'REJECT' | null = 'APPROVE', input = LETTER): Promise<RunView> {
  const run = RunResponse.parse((await asEmployee.post('/api/runs', { trialId, assistant: 'letter', input }).expect(201)).body).run;
  if (decision === 'APPROVE') await asEmployee.post(`/api/runs/${run.id}/reviews`, { decision }).expect(201);
  if (decision === 'REJECT') await asEmployee.post(`/api/runs/${run.id}/reviews`, { decision, reason: 'Forkert tone' }).expect(201);
  return run;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  unitId = (await createUnit(t.deps)).id;
  employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  colleague = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leader = await createUser(t.deps, { role: 'LEADER', unitId });
  stranger = await createUser(t.deps, { role: 'EMPLOYEE' });
  const trial = await briefedTrial();
  trialId = trial.id;
  await t.deps.db.trial.update({ where: { id: trialId }, data: { questions: JSON.stringify([{ id: 'q-forstaaelse', text: 'Forstod borgeren brevet bedre?' }]) } });
  asEmployee = await signedIn(t, employee);
  asColleague = await signedIn(t, colleague);
  asLeader = await signedIn(t, leader);
  asStranger = await signedIn(t, stranger);
});
afterAll(async () => {
  await t.close();
});

describe('the experience log of a run', () => {
  it('when the requester logs a reviewed run, then it is stored, shown with the trial’s questions and audited without text', async () => {
    const run = await reviewedRun('REJECT');

    const res = await asEmployee.post(`/api/runs/${run.id}/experience`, LOG).expect(201);

    const experience = ExperienceLogResponse.parse(res.body).experience;
    expect(experience).toMatchObject({ runId: run.id, usefulness: 4, minutesSaved: 15, failureTypes: ['WRONG_TONE'], reflection: REFLECTION });
    const state = ExperienceState.parse((await asLeader.get(`/api/runs/${run.id}/experience`).expect(200)).body);
    expect(state.experience?.answers).toEqual({ 'q-forstaaelse': ANSWER });
    expect(state.questions).toEqual([{ id: 'q-forstaaelse', text: 'Forstod borgeren brevet bedre?' }]);
    const shown = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(shown.review?.experienceLogged).toBe(true);
    const events = await t.deps.db.auditEvent.findMany({ where: { action: 'experience.logged', resourceId: run.id } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ usefulness: 4, minutesSaved: 15, failureTypes: ['WRONG_TONE'], wouldUseAgain: true, answered: 1 });
    expect(events[0]!.details).not.toContain(REFLECTION);
    expect(events[0]!.details).not.toContain(ANSWER);
  });

  it('when a negative saving and no failures are logged, then that is accepted', async () => {
    const run = await reviewedRun();
    const body = { usefulness: 1, minutesSaved: -30, failureTypes: [], wouldUseAgain: false, answers: {} };
    const experience = ExperienceLogResponse.parse((await asEmployee.post(`/api/runs/${run.id}/experience`, body).expect(201)).body).experience;
    expect(experience).toMatchObject({ minutesSaved: -30, reflection: null, answers: {} });
  });

  it('when someone logs another person’s run, then the leader is refused with 403 and a colleague finds nothing (404)', async () => {
    const run = await reviewedRun();
    const refused = ErrorBody.parse((await asLeader.post(`/api/runs/${run.id}/experience`, LOG).expect(403)).body).error;
    expect(refused.message).toBe('Kun den, der brugte assistenten, kan skrive erfaringsloggen.');
    await asColleague.post(`/api/runs/${run.id}/experience`, LOG).expect(404);
    await asStranger.get(`/api/runs/${run.id}/experience`).expect(404);
  });

  it('when the run has not been reviewed yet, then the log is refused with 409 RUN_NOT_REVIEWED', async () => {
    const run = await reviewedRun(null);
    const res = await asEmployee.post(`/api/runs/${run.id}/experience`, LOG).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('RUN_NOT_REVIEWED');
  });

  it('when the requester has approved a four-eyes draft that waits for the second approver, then the log can be written at once', async () => {
    const run = await reviewedRun('APPROVE', SENSITIVE_LETTER);
    const waiting = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(waiting).toMatchObject({ status: 'DRAFT', review: { fourEyes: true, awaiting: 'second_approval', experienceLogged: false } });

    const experience = ExperienceLogResponse.parse((await asEmployee.post(`/api/runs/${run.id}/experience`, LOG).expect(201)).body).experience;

    expect(experience).toMatchObject({ runId: run.id, usefulness: 4 });
    // The second approval still decides the run, and the log stays as written.
    await asLeader.post(`/api/runs/${run.id}/reviews`, { decision: 'APPROVE' }).expect(201);
    const decided = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(decided).toMatchObject({ status: 'APPROVED', review: { experienceLogged: true } });
    expect(await t.deps.db.auditEvent.count({ where: { action: 'experience.logged', resourceId: run.id } })).toBe(1);
  });

  it('when a four-eyes draft has had no review yet, then the log is still refused with 409 RUN_NOT_REVIEWED', async () => {
    const run = await reviewedRun(null, SENSITIVE_LETTER);
    const res = await asEmployee.post(`/api/runs/${run.id}/experience`, LOG).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('RUN_NOT_REVIEWED');
  });

  it('when the log is written twice, then the second is refused with 409 EXPERIENCE_ALREADY_LOGGED', async () => {
    const run = await reviewedRun();
    await asEmployee.post(`/api/runs/${run.id}/experience`, LOG).expect(201);
    const res = await asEmployee.post(`/api/runs/${run.id}/experience`, { ...LOG, usefulness: 1 }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('EXPERIENCE_ALREADY_LOGGED');
  });

  it('when an answer is to a question the trial does not have, then it is refused with 422 UNKNOWN_QUESTION', async () => {
    const run = await reviewedRun();
    const res = await asEmployee.post(`/api/runs/${run.id}/experience`, { ...LOG, answers: { 'q-findes-ikke': 'svar' } }).expect(422);
    expect(ErrorBody.parse(res.body).error.code).toBe('UNKNOWN_QUESTION');
  });

  it('when ratings are out of range or failure types repeat, then the log is refused with 400', async () => {
    const run = await reviewedRun();
    for (const bad of [{ usefulness: 6 }, { minutesSaved: 481 }, { failureTypes: ['BIAS', 'BIAS'] }, { failureTypes: ['NOPE'] }]) {
      const res = await asEmployee.post(`/api/runs/${run.id}/experience`, { ...LOG, ...bad }).expect(400);
      expect(ErrorBody.parse(res.body).error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('when the trial stores its questions as plain strings, then they are answered by position (q1, q2)', async () => {
    await t.deps.db.trial.update({ where: { id: trialId }, data: { questions: JSON.stringify(['Var det nemt?']) } });
    try {
      const run = await reviewedRun();
      const state = ExperienceState.parse((await asEmployee.get(`/api/runs/${run.id}/experience`).expect(200)).body);
      expect(state).toEqual({ experience: null, questions: [{ id: 'q1', text: 'Var det nemt?' }] });
      await asEmployee.post(`/api/runs/${run.id}/experience`, { ...LOG, answers: { q1: 'Ja' } }).expect(201);
    } finally {
      await t.deps.db.trial.update({ where: { id: trialId }, data: { questions: JSON.stringify([{ id: 'q-forstaaelse', text: 'Forstod borgeren brevet bedre?' }]) } });
    }
  });
});

describe('reflections on a trial', () => {
  it('when participants reflect, then each sees their own and the leader sees all; the audit holds no text', async () => {
    const mine = ReflectionResponse.parse((await asEmployee.post(`/api/trials/${trialId}/reflections`, { text: REFLECTION }).expect(201)).body).reflection;
    await asColleague.post(`/api/trials/${trialId}/reflections`, { text: 'Kollegaens tanker' }).expect(201);

    const own = ReflectionList.parse((await asEmployee.get(`/api/trials/${trialId}/reflections`).expect(200)).body).reflections;
    expect(own.map((r) => r.author.id)).toEqual([employee.id]);
    expect(own[0]).toMatchObject({ id: mine.id, text: REFLECTION });
    const all = ReflectionList.parse((await asLeader.get(`/api/trials/${trialId}/reflections`).expect(200)).body).reflections;
    expect(all.map((r) => r.author.id).sort()).toEqual([employee.id, colleague.id].sort());
    const events = await t.deps.db.auditEvent.findMany({ where: { action: 'reflection.created', resourceId: mine.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).not.toContain(REFLECTION);
  });

  it('when someone outside the trial reflects, then a stranger finds nothing (404) and the non-participating leader is refused (403)', async () => {
    await asStranger.post(`/api/trials/${trialId}/reflections`, { text: REFLECTION }).expect(404);
    await asStranger.get(`/api/trials/${trialId}/reflections`).expect(404);
    await asLeader.post(`/api/trials/${trialId}/reflections`, { text: REFLECTION }).expect(403);
  });

  it('when the trial has not started (DRAFT), then a reflection is refused with 409; too short a text with 400', async () => {
    const draft = await briefedTrial({ status: 'DRAFT' });
    const res = await asEmployee.post(`/api/trials/${draft.id}/reflections`, { text: REFLECTION }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRIAL_NOT_ACTIVE');
    await asEmployee.post(`/api/trials/${trialId}/reflections`, { text: 'ok' }).expect(400);
  });
});

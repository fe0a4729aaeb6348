/**
 * The review board on seeded data: a trial with five invited people, four of whom used the assistants, and a
 * known set of runs, reviews and experience logs with fixed dates. Every expected figure is worked out by hand
 * in the comments next to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import {
  BoardResponse,
  EMPTY_REASONS,
  EXPORT_SUPPRESSED_NOTE,
  ExportField,
  PublicRegister,
  SUPPRESSED_CELL,
  SUPPRESSED_REASON,
  TrialDecisionList,
  TrialDecisionResponse,
  TrialExport,
  TrialInsightsResponse,
  type Measure,
} from '../../contracts/insights.js';
import { TrialResponse } from '../../contracts/trials.js';
import { da } from '../../../../web/src/app/i18n/da.js';
import { copenhagenDate } from './insights.measures.js';
import { escapeHtml } from './insights.report.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';

const POLICY = 'borgerbreve-maskering';
const SECRET = 'HEMMELIG BORGERTEKST';
const LOG_REFLECTION = 'PRIVAT LOGNOTE';

// The clock is frozen for the file, at the real time it starts: the session cookie expires by the real clock
// (in supertest's cookie jar), so a fixed date in the past signs every request out once it has gone by.
const NOW = new Date();
const TODAY = copenhagenDate(NOW);

let t: TestApp;
let unitId: string;
let trialId: string;
let leader: Client;
let digital: Client;
let participantClient: Client;
const people: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };
const reflectionIds: string[] = [];

type Seed = {
  who: 'A' | 'B' | 'C' | 'D';
  assistant: 'letter' | 'minutes';
  status: 'APPROVED' | 'REJECTED' | 'DRAFT' | 'BLOCKED' | 'FAILED';
  guard: 'allowed' | 'masked' | 'blocked';
  findings?: Record<string, number>;
  provider?: [string, string, number | null, number | null];
  at: string;
  reviews?: ['APPROVE' | 'EDIT_AND_APPROVE' | 'REJECT', number][];
  log?: [number, number, string[], boolean];
};

// R1..R9. R3 is 23:30 UTC on Sunday 8 November: already Monday 9 November in Copenhagen, so ISO week 46.
const RUNS: Seed[] = [
  { who: 'A', assistant: 'letter', status: 'APPROVED', guard: 'allowed', provider: ['offline', 'regelmotor', 100, 50], at: '2026-11-03T09:00:00Z', reviews: [['APPROVE', 0]], log: [4, 10, [], true] },
  { who: 'A', assistant: 'letter', status: 'APPROVED', guard: 'masked', findings: { PERSON: 2, CPR: 1 }, provider: ['azure-openai', 'gpt-4o', 200, 80], at: '2026-11-04T10:00:00Z', reviews: [['EDIT_AND_APPROVE', 30]], log: [3, 5, ['WRONG_TONE'], true] },
  { who: 'B', assistant: 'letter', status: 'REJECTED', guard: 'allowed', provider: ['offline', 'regelmotor', 120, 60], at: '2026-11-08T23:30:00Z', reviews: [['REJECT', 0]], log: [1, -5, ['FACTUAL_ERROR', 'INVENTED_CONTENT'], false] },
  { who: 'B', assistant: 'minutes', status: 'APPROVED', guard: 'allowed', provider: ['offline', 'regelmotor', 300, 100], at: '2026-11-10T09:00:00Z', reviews: [['EDIT_AND_APPROVE', 10]], log: [5, 20, [], true] },
  { who: 'C', assistant: 'minutes', status: 'APPROVED', guard: 'masked', findings: { PHONE: 1 }, provider: ['azure-openai', 'gpt-4o', 250, 90], at: '2026-11-11T09:00:00Z', reviews: [['EDIT_AND_APPROVE', 50], ['APPROVE', 0]], log: [4, 15, ['FACTUAL_ERROR'], true] },
  { who: 'C', assistant: 'letter', status: 'DRAFT', guard: 'allowed', provider: ['offline', 'regelmotor', 90, 40], at: '2026-11-12T10:00:00Z' },
  { who: 'D', assistant: 'letter', status: 'BLOCKED', guard: 'blocked', findings: { HEALTH: 1, PERSON: 1 }, at: '2026-11-12T11:00:00Z' },
  { who: 'D', assistant: 'letter', status: 'APPROVED', guard: 'allowed', provider: ['offline', 'regelmotor', 110, 55], at: '2026-11-17T09:00:00Z', reviews: [['APPROVE', 0]], log: [2, 0, ['MISSING_INFORMATION', 'FACTUAL_ERROR'], false] },
  { who: 'A', assistant: 'minutes', status: 'FAILED', guard: 'allowed', provider: ['azure-openai', 'gpt-4o', null, null], at: '2026-11-18T09:00:00Z' },
];

async function seedRun(trial: string, userId: string, reviewerId: string, s: Omit<Seed, 'who'>) {
  const run = await t.deps.db.run.create({
    data: {
      trialId: trial,
      userId,
      assistant: s.assistant,
      status: s.status,
      policyId: POLICY,
      policyVersion: t.deps.policies.get(POLICY)!.version,
      guardDecision: s.guard,
      guardFindings: JSON.stringify(s.findings ?? {}),
      provider: s.provider?.[0] ?? null,
      model: s.provider?.[1] ?? null,
      promptTokens: s.provider?.[2] ?? null,
      completionTokens: s.provider?.[3] ?? null,
      durationMs: s.provider ? 1200 : null,
      input: SECRET,
      output: SECRET,
      createdAt: new Date(s.at),
    },
  });
  for (const [i, [decision, editSize]] of (s.reviews ?? []).entries()) {
    await t.deps.db.review.create({ data: { runId: run.id, reviewerId, decision, step: i + 1, editSize, editDiff: SECRET } });
  }
  if (s.log) {
    const [usefulness, minutesSaved, failureTypes, wouldUseAgain] = s.log;
    await t.deps.db.experienceLog.create({
      data: { runId: run.id, userId, usefulness, minutesSaved, failureTypes: JSON.stringify(failureTypes), wouldUseAgain, reflection: LOG_REFLECTION },
    });
  }
  return run;
}

const ok = <T>(m: Measure<T>): T => {
  expect(m.status, JSON.stringify(m)).toBe('ok');
  return (m as { value: T }).value;
};

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  unitId = (await createUnit(t.deps, 'Borgerservice')).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const digitalUser = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId: (await createUnit(t.deps)).id });
  for (const k of Object.keys(people) as (keyof typeof people)[]) people[k] = (await createUser(t.deps, { unitId })).id;
  const trial = await createTrial(t.deps, {
    unitId,
    createdById: leaderUser.id,
    policyId: POLICY,
    assistants: ['letter', 'minutes'],
    participants: Object.values(people),
  });
  trialId = trial.id;
  await t.deps.db.trial.update({ where: { id: trialId }, data: { title: 'Klarsprog i Borgerservice', hypothesis: 'Brevene bliver lettere at læse.' } });
  // E was invited but never read the briefing nor used an assistant.
  await t.deps.db.trialParticipant.update({ where: { trialId_userId: { trialId, userId: people.E } }, data: { briefedAt: null, briefingVersion: null } });
  for (const s of RUNS) await seedRun(trialId, people[s.who], leaderUser.id, s);
  const reflections: [keyof typeof people, string, string][] = [
    ['A', 'Sparer tid på standardbreve.', '2026-11-05T12:00:00Z'],
    ['B', 'Tonen skal rettes <script>alert(1)</script> & mere.', '2026-11-12T12:00:00Z'],
    ['C', 'Referaterne er gode udgangspunkter.', '2026-11-19T12:00:00Z'],
  ];
  for (const [who, text, at] of reflections) {
    reflectionIds.push((await t.deps.db.reflection.create({ data: { trialId, userId: people[who], text, createdAt: new Date(at) } })).id);
  }
  leader = await signedIn(t, leaderUser);
  digital = await signedIn(t, digitalUser);
  participantClient = await signedIn(t, (await t.deps.db.user.findUniqueOrThrow({ where: { id: people.A } })));
});
afterAll(() => t.close());

async function insights(query = '') {
  const res = await leader.get(`/api/trials/${trialId}/insights${query}`).expect(200);
  return TrialInsightsResponse.parse(res.body).insights;
}

describe('the measures of one trial', () => {
  it('when the whole trial is viewed, then every measure matches the figures worked out by hand', async () => {
    const i = await insights();
    expect(i.emptyReason).toBeNull();
    expect(i.trial).toMatchObject({ id: trialId, title: 'Klarsprog i Borgerservice', assistants: ['letter', 'minutes'] });

    // Invited A-E = 5; briefed A-D = 4 (E never read it); active = people with a run that was not blocked:
    // A (R1, R2, R9), B (R3, R4), C (R5, R6), D (R8; R7 was blocked) = 4; 4 / 5 = 0.8.
    expect(i.participation).toMatchObject({ invited: 5, briefed: 4, active: 4, shareActive: 0.8 });
    // Runs per person [3, 2, 2, 1]: median (2 + 2) / 2 = 2, min 1, max 3; 4 people.
    expect(i.participation.runsPerPerson).toEqual({ status: 'ok', people: 4, value: { median: 2, min: 1, max: 3 } });

    // ISO weeks in Copenhagen: W45 (2-8 Nov) R1, R2 letters; W46 (9-15 Nov) R3 (00:30 on the 9th locally),
    // R6, R7 letters and R4, R5 minutes; W47 (16-22 Nov) R8 letter and R9 minutes.
    expect(i.runsOverTime).toEqual([
      { week: '2026-W45', weekStart: '2026-11-02', counts: [{ assistant: 'letter', runs: 2 }, { assistant: 'minutes', runs: 0 }] },
      { week: '2026-W46', weekStart: '2026-11-09', counts: [{ assistant: 'letter', runs: 3 }, { assistant: 'minutes', runs: 2 }] },
      { week: '2026-W47', weekStart: '2026-11-16', counts: [{ assistant: 'letter', runs: 1 }, { assistant: 'minutes', runs: 1 }] },
    ]);

    // Reviewable runs R1-R6, R8 = 7: as is R1, R8 = 2; edited R2, R4, R5 (edited at step 1, approved at step 2) = 3;
    // rejected R3 = 1; awaiting R6 = 1. People A, B, C, D = 4.
    expect(i.outcomes).toEqual({ status: 'ok', people: 4, value: { approvedAsIs: 2, edited: 3, rejected: 1, awaitingReview: 1, total: 7 } });
    // Edit sizes 30 (R2), 10 (R4), 50 (R5): sorted [10, 30, 50] -> median 30, mean 90 / 3 = 30, max 50; A, B, C.
    expect(i.editSize).toEqual({ status: 'ok', people: 3, value: { median: 30, mean: 30, max: 50 } });

    // Logs R1 10, R2 5, R3 -5, R4 20, R5 15, R8 0: total 45; sorted [-5, 0, 5, 10, 15, 20] -> median (5 + 10) / 2 = 7.5.
    // Letter logs R1, R2, R3, R8 by A, B, D: total 10 + 5 - 5 + 0 = 10, sorted [-5, 0, 5, 10] -> median 2.5, 4 runs.
    // Minutes logs R4, R5 by B and C only: 2 people, so the cell is suppressed.
    expect(i.minutesSaved).toEqual({
      status: 'ok',
      people: 4,
      value: { total: 45, median: 7.5, perAssistant: [{ assistant: 'letter', total: 10, median: 2.5, runs: 4 }], suppressedAssistants: ['minutes'] },
    });
    // Usefulness 4, 3, 1, 5, 4, 2: one each of 1, 2, 3, 5 and two 4s; mean 19 / 6 = 3.1666... -> 3.17.
    expect(i.usefulness).toEqual({ status: 'ok', people: 4, value: { distribution: [1, 1, 1, 2, 1], mean: 3.17 } });
    // FACTUAL_ERROR in R3, R5, R8 = 3; INVENTED_CONTENT (R3), WRONG_TONE (R2), MISSING_INFORMATION (R8) = 1 each.
    expect(ok(i.failureTypes)).toEqual([
      { type: 'FACTUAL_ERROR', count: 3 },
      { type: 'INVENTED_CONTENT', count: 1 },
      { type: 'WRONG_TONE', count: 1 },
      { type: 'MISSING_INFORMATION', count: 1 },
      { type: 'BIAS', count: 0 },
      { type: 'LANGUAGE_ERRORS', count: 0 },
      { type: 'PERSONAL_DATA_IN_OUTPUT', count: 0 },
      { type: 'OTHER', count: 0 },
    ]);
    // Yes R1, R2, R4, R5 = 4; no R3, R8 = 2; 4 / 6 = 0.666... -> 0.67.
    expect(i.wouldUseAgain).toEqual({ status: 'ok', people: 4, value: { yes: 4, no: 2, shareYes: 0.67 } });
    // Blocked R7 {HEALTH, PERSON}: the policy blocks HEALTH and masks PERSON, so HEALTH 1. Masked R2 {PERSON, CPR}
    // and R5 {PHONE}: 1 each, equal counts by name.
    expect(i.guard).toEqual({
      status: 'ok',
      people: 4,
      value: {
        blocked: [{ dataClass: 'HEALTH', count: 1 }],
        masked: [{ dataClass: 'CPR', count: 1 }, { dataClass: 'PERSON', count: 1 }, { dataClass: 'PHONE', count: 1 }],
        blockedRuns: 1,
        maskedRuns: 2,
      },
    });
    // offline/regelmotor R1, R3, R4, R6, R8 = 5 runs, prompt 100+120+300+90+110 = 720, completion 50+60+100+40+55 = 305;
    // azure-openai/gpt-4o R2, R5, R9 = 3 runs, prompt 200+250 = 450, completion 80+90 = 170 (R9 failed: no tokens).
    expect(ok(i.providers)).toEqual([
      { provider: 'offline', model: 'regelmotor', runs: 5, promptTokens: 720, completionTokens: 305 },
      { provider: 'azure-openai', model: 'gpt-4o', runs: 3, promptTokens: 450, completionTokens: 170 },
    ]);
    // Three authors: shown, newest first, without names.
    const refl = ok(i.reflections);
    expect(refl.map((r) => r.id)).toEqual([...reflectionIds].reverse());
    expect(JSON.stringify(refl)).not.toMatch(/name|userId/);
    // No run content anywhere on the board.
    expect(JSON.stringify(i)).not.toContain(SECRET);
    expect(JSON.stringify(i)).not.toContain(LOG_REFLECTION);
  });

  it('when the period covers one week, then only its runs count and measures resting on 1-2 people are suppressed', async () => {
    // 16-22 Nov: R8 (D) and R9 (A, failed). Active D and A = 2; the only reviewable run R8 is D's alone.
    const i = await insights('?from=2026-11-16&to=2026-11-22');
    expect(i.period).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(i.participation).toMatchObject({ invited: 5, briefed: 4, active: 2, shareActive: 0.4 });
    expect(i.participation.runsPerPerson).toEqual({ status: 'suppressed', people: 2, reason: SUPPRESSED_REASON });
    expect(i.outcomes).toEqual({ status: 'suppressed', people: 1, reason: SUPPRESSED_REASON });
    expect(i.usefulness).toEqual({ status: 'suppressed', people: 1, reason: SUPPRESSED_REASON });
    expect(i.reflections).toEqual({ status: 'suppressed', people: 1, reason: SUPPRESSED_REASON });
    expect(JSON.stringify(i)).not.toMatch(/"value"/);
  });

  it('when the period ends on a date, then it includes that whole Copenhagen day and not the next', async () => {
    // 2-8 Nov: R1 and R2 (A). R3 at 23:30 UTC on the 8th is 00:30 on the 9th in Copenhagen: outside.
    const i = await insights('?from=2026-11-02&to=2026-11-08');
    expect(i.runsOverTime).toEqual([{ week: '2026-W45', weekStart: '2026-11-02', counts: [{ assistant: 'letter', runs: 2 }, { assistant: 'minutes', runs: 0 }] }]);
    expect(i.participation.active).toBe(1);
  });

  it('when the period has no runs, then the board says so instead of showing zeros as results', async () => {
    const i = await insights('?from=2026-12-01&to=2026-12-31');
    expect(i.emptyReason).toBe(EMPTY_REASONS.noRuns);
    expect(i.runsOverTime).toEqual([]);
    expect(i.participation.runsPerPerson).toEqual({ status: 'empty', reason: EMPTY_REASONS.noRuns });
    for (const m of [i.outcomes, i.editSize, i.minutesSaved, i.usefulness, i.failureTypes, i.wouldUseAgain, i.guard, i.providers]) {
      expect(m).toEqual({ status: 'empty', reason: EMPTY_REASONS.noRuns });
    }
  });

  it('when a trial has no runs at all, then every measure is empty with a reason', async () => {
    // In a unit of its own, so the board's unit filter below sees only the seeded trial.
    const other = await createTrial(t.deps, { unitId: (await createUnit(t.deps)).id, createdById: people.A, policyId: POLICY, participants: [people.A, people.B] });
    const res = await digital.get(`/api/trials/${other.id}/insights`).expect(200);
    const i = TrialInsightsResponse.parse(res.body).insights;
    expect(i.emptyReason).toBe('Prøvehandlingen har ingen kørsler endnu.');
    expect(i.participation).toMatchObject({ invited: 2, active: 0, shareActive: 0 });
    expect(i.outcomes.status).toBe('empty');
    expect(i.reflections).toEqual({ status: 'empty', reason: 'Ingen refleksioner endnu.' });
  });

  it('when a trial has one participant, then every per-person measure is suppressed with the reason', async () => {
    const solo = await createTrial(t.deps, { unitId: (await createUnit(t.deps)).id, createdById: people.A, policyId: POLICY, participants: [people.A] });
    await seedRun(solo.id, people.A, people.B, { assistant: 'letter', status: 'APPROVED', guard: 'allowed', provider: ['offline', 'regelmotor', 1, 1], at: '2026-11-20T09:00:00Z', reviews: [['APPROVE', 0]], log: [5, 30, [], true] });
    const i = TrialInsightsResponse.parse((await digital.get(`/api/trials/${solo.id}/insights`).expect(200)).body).insights;
    expect(i.participation).toMatchObject({ invited: 1, active: 1, shareActive: 1 });
    for (const m of [i.participation.runsPerPerson, i.outcomes, i.minutesSaved, i.usefulness, i.failureTypes, i.wouldUseAgain, i.guard, i.providers]) {
      expect(m).toEqual({ status: 'suppressed', people: 1, reason: 'Færre end 3 personer – vises ikke, så ingen kan genkendes.' });
    }
    // Nobody edited, but "nobody" is one person here: that is their figure, so it is withheld too, not empty.
    expect(i.editSize).toEqual({ status: 'suppressed', people: 1, reason: SUPPRESSED_REASON });
  });

  it('when a participant who does not administer the trial asks, then 403', async () => {
    const res = await participantClient.get(`/api/trials/${trialId}/insights`).expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
  });
});

describe('the board across trials', () => {
  let otherUnitId: string;
  beforeAll(async () => {
    otherUnitId = (await createUnit(t.deps)).id;
    const u = await createUser(t.deps, { unitId: otherUnitId });
    const other = await createTrial(t.deps, { unitId: otherUnitId, createdById: u.id, policyId: POLICY, assistants: ['documents'], participants: [u.id] });
    await seedRun(other.id, u.id, u.id, { assistant: 'letter', status: 'DRAFT', guard: 'allowed', at: '2026-11-20T09:00:00Z' });
  });

  async function board(query: string) {
    return BoardResponse.parse((await digital.get(`/api/insights${query}`).expect(200)).body).board;
  }

  it('when filtered by unit, then the trial row carries the key measures worked out by hand', async () => {
    const b = await board(`?unitId=${unitId}`);
    expect(b.emptyReason).toBeNull();
    const row = b.trials.find((r) => r.trial.id === trialId)!;
    // 9 runs by A, B, C, D; the outcomes as on the trial; minutes 45 with median 7.5; usefulness mean 3.17;
    // would use again 0.67; blocked R7; masked R2, R5.
    expect(row).toMatchObject({
      runs: 9,
      people: 4,
      outcomes: { status: 'ok', people: 4, value: { approvedAsIs: 2, edited: 3, rejected: 1, awaitingReview: 1, total: 7 } },
      minutesSaved: { status: 'ok', people: 4, value: { total: 45, median: 7.5 } },
      usefulnessMean: { status: 'ok', people: 4, value: 3.17 },
      wouldUseAgainShare: { status: 'ok', people: 4, value: 0.67 },
      blockedRuns: 1,
      maskedRuns: 2,
      latestDecision: null,
    });
    expect(b.trials.every((r) => r.trial.unit.id === unitId)).toBe(true);
    // Letter runs R1, R2, R3, R6, R7, R8 by A, B, C, D = 6; outcomes R1, R8 as is, R2 edited, R3 rejected, R6 awaiting.
    const letter = b.assistants.find((a) => a.assistant === 'letter')!;
    expect(letter).toMatchObject({ runs: 6, people: 4, outcomes: { status: 'ok', value: { approvedAsIs: 2, edited: 1, rejected: 1, awaitingReview: 1, total: 5 } } });
    // Minutes runs R4, R5, R9 by B, C, A = 3 people, but the reviewed ones (R4, R5) rest on B and C alone.
    const minutes = b.assistants.find((a) => a.assistant === 'minutes')!;
    expect(minutes).toMatchObject({ runs: 3, people: 3, outcomes: { status: 'suppressed', people: 2, reason: SUPPRESSED_REASON } });
  });

  it('when filtered by assistant and period, then only those runs count', async () => {
    const b = await board(`?unitId=${unitId}&assistant=minutes&from=2026-11-09&to=2026-11-15`);
    expect(b.filters).toEqual({ unitId, assistant: 'minutes', from: '2026-11-09', to: '2026-11-15' });
    // Minutes runs in 9-15 Nov: R4 (B) and R5 (C).
    const row = b.trials.find((r) => r.trial.id === trialId)!;
    expect(row).toMatchObject({ runs: 2, people: 2, maskedRuns: 1, minutesSaved: { status: 'suppressed', people: 2 } });
    expect(b.assistants.map((a) => a.assistant)).toEqual(['minutes']);
  });

  it('when the filters match no trial, then the board says so plainly', async () => {
    const b = await board(`?unitId=${unitId}&assistant=documents`);
    expect(b).toMatchObject({ trials: [], assistants: [], emptyReason: EMPTY_REASONS.noTrials });
  });

  it('when the period has no runs, then the rows are there and say empty, not zero results', async () => {
    const b = await board(`?unitId=${otherUnitId}&from=2026-12-01&to=2026-12-31`);
    expect(b.emptyReason).toBe(EMPTY_REASONS.noRuns);
    expect(b.trials).toHaveLength(1);
    expect(b.trials[0]).toMatchObject({ runs: 0, outcomes: { status: 'empty', reason: EMPTY_REASONS.noRuns }, usefulnessMean: { status: 'empty' } });
  });

  it('when a leader asks for the board, then 403; the CSV has the rows with a BOM and semicolons', async () => {
    expect(ErrorBody.parse((await leader.get('/api/insights').expect(403)).body).error.code).toBe('FORBIDDEN');
    const res = await digital.get(`/api/insights/export.csv?unitId=${unitId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain(`attachment; filename="proevehandlinger-oversigt-${TODAY}.csv"`);
    const rows = parseCsv(res.text);
    expect(rows[0]![0]).toBe('Prøvehandling');
    const row = rows.find((r) => r[0] === 'Klarsprog i Borgerservice')!;
    // Runs 9; people 4; 2 as is, 3 edited, 1 rejected; 45 minutes, median 7,5 (decimal comma); mean 3,17; share 0,67.
    expect(row.slice(3, 12)).toEqual(['9', '4', '2', '3', '1', '45', '7,5', '3,17', '0,67']);
    // The minutes assistant: 3 runs by 3 people, but its reviewed drafts rest on B and C alone.
    const minutes = rows.find((r) => r[0] === 'Assistent: Referatassistenten')!;
    expect(minutes.slice(3, 8)).toEqual(['3', '3', 'skjult (færre end 3 personer)', 'skjult (færre end 3 personer)', 'skjult (færre end 3 personer)']);
  });
});

/** A small CSV reader: `;` separated, double quotes escape, CRLF rows; the BOM is checked and dropped. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  const s = text.slice(1);
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cur);
      cur = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += ch;
  }
  return rows;
}

describe('exports', () => {
  it('when 3 or more people are behind the rows, then the CSV has pseudonyms and values, withholds what rests on fewer within an assistant, and is audited', async () => {
    const res = await leader.post(`/api/trials/${trialId}/export.csv`).expect(200);
    expect(res.headers['content-disposition']).toContain(`attachment; filename="proevehandling-klarsprog-i-borgerservice-${TODAY}.csv"`);
    // Letter drafts were edited by A alone; the minutes assistant's drafts and logs rest on B and C alone.
    expect(res.headers['x-suppressed']).toBe('status, outcome, editSize, usefulness, minutesSaved, failureTypes, wouldUseAgain');
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual([
      'Kørsel', 'Deltager', 'Assistent', 'Status', 'Oprettet', 'Datatjek', 'Udbyder', 'Model', 'Input-tokens', 'Output-tokens',
      'Varighed (ms)', 'Udfald', 'Rettelsens størrelse (tegn)', 'Brugbarhed (1-5)', 'Sparede minutter', 'Fejltyper', 'Vil bruge igen',
    ]);
    // 9 runs and the note that says what is withheld, as the last row.
    expect(rows).toHaveLength(11);
    expect(rows[10]).toEqual([`Bemærk: ${EXPORT_SUPPRESSED_NOTE}`]);
    // Pseudonyms by first run: A (R1) P1, B (R3) P2, C (R5) P3, D (R7) P4.
    expect(rows.slice(1, 10).map((r) => r[1])).toEqual(['P1', 'P1', 'P2', 'P2', 'P3', 'P3', 'P4', 'P4', 'P1']);
    // R3 (letter, 4 people, 3 of them logged): 00:30 on 9 Nov in Copenhagen; rejected; usefulness 1, -5 minutes,
    // two failure types, would not use again. The edit size column rests on A alone (R2), so it is withheld.
    expect(rows[3]!.slice(2)).toEqual(['letter', 'REJECTED', '2026-11-09 00:30', 'allowed', 'offline', 'regelmotor', '120', '60', '1200', 'Afvist', SUPPRESSED_CELL, '1', '-5', 'Faktuel fejl, Opdigtet indhold', 'nej']);
    // R5 (minutes: B, C and A ran it, so the row and its pseudonym are shown; its outcome, edit and log are B's
    // and C's alone, as on the board, where the minutes assistant's outcomes are suppressed).
    const S = SUPPRESSED_CELL;
    expect(rows[5]!.slice(1)).toEqual(['P3', 'minutes', S, '2026-11-11 10:00', 'masked', 'azure-openai', 'gpt-4o', '250', '90', '1200', S, S, S, S, S, S]);
    for (const secret of [SECRET, LOG_REFLECTION, people.A, 'Test Person']) expect(res.text).not.toContain(secret);
    const audit = await t.deps.db.auditEvent.findMany({ where: { action: 'trial.exported', resourceId: trialId } });
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toContainEqual({ format: 'csv', rows: 9, suppressed: true });
  });

  it('when the leader exports JSON, then the same rows parse with the contract and name the withheld fields', async () => {
    const res = await leader.post(`/api/trials/${trialId}/export.json`).expect(200);
    const data = TrialExport.parse(res.body);
    expect(data.suppressed).toBe(EXPORT_SUPPRESSED_NOTE);
    expect(data.rows).toHaveLength(9);
    // R2 (letter): A's values and pseudonym; the edit size is A's alone among the letter drafts.
    expect(data.rows[1]).toMatchObject({ participant: 'P1', outcome: 'EDITED', editSize: null, usefulness: 3, minutesSaved: 5, failureTypes: ['WRONG_TONE'], wouldUseAgain: true, withheld: ['editSize'] });
    expect(data.rows[1]!.runId).toEqual(expect.any(String));
    // R4 (minutes, B): the row and its provider figures are there; the outcome, the edit and the log are not.
    expect(data.rows[3]).toEqual({
      runId: expect.any(String),
      participant: 'P2',
      assistant: 'minutes',
      status: null,
      createdAt: '2026-11-10T09:00:00.000Z',
      guardDecision: 'allowed',
      provider: 'offline',
      model: 'regelmotor',
      promptTokens: 300,
      completionTokens: 100,
      durationMs: 1200,
      outcome: null,
      editSize: null,
      usefulness: null,
      minutesSaved: null,
      failureTypes: [],
      wouldUseAgain: null,
      withheld: ['status', 'outcome', 'editSize', 'usefulness', 'minutesSaved', 'failureTypes', 'wouldUseAgain'],
    });
    expect(data.rows[6]).toMatchObject({ participant: 'P4', status: 'BLOCKED', outcome: 'NOT_REVIEWABLE', usefulness: null, provider: null, withheld: ['editSize'] });
    expect(JSON.stringify(data)).not.toContain(SECRET);
  });
});

describe('exports are audited when a person asks for a file, and only then', () => {
  it('when the overview and the report are shown, or an export is fetched with GET, then no trial.exported is written; each POST is one', async () => {
    const exports = () => t.deps.db.auditEvent.count({ where: { action: 'trial.exported', resourceId: trialId } });
    const before = await exports();

    await leader.get(`/api/trials/${trialId}/insights`).expect(200);
    await leader.get(`/api/trials/${trialId}/report`).expect(200);
    // A prefetch, a link preview or a retried GET is no download: there is no GET export any more.
    for (const format of ['csv', 'json']) {
      const res = await leader.get(`/api/trials/${trialId}/export.${format}`).expect(404);
      expect(ErrorBody.parse(res.body).error.code).toBe('ROUTE_NOT_FOUND');
    }
    expect(await exports()).toBe(before);

    await leader.post(`/api/trials/${trialId}/export.csv`).expect(200);
    await leader.post(`/api/trials/${trialId}/export.json?from=2026-11-01`).expect(200);
    expect(await exports()).toBe(before + 2);
  });
});

describe('exports and the report of small groups (docs/decisions/0008)', () => {
  const S = SUPPRESSED_CELL;
  // Every field but the assistant: with fewer than 3 people behind the rows, nothing else of a row is shown.
  const ALL_WITHHELD = ExportField.options;

  /** A trial of its own with the given people; its runs carry values that appear nowhere else in this file. */
  async function smallTrial(who: (keyof typeof people)[]) {
    const trial = await createTrial(t.deps, { unitId, createdById: people.E, policyId: POLICY, assistants: ['letter', 'minutes'], participants: who.map((k) => people[k]) });
    await t.deps.db.trial.update({ where: { id: trial.id }, data: { title: `Lille forsøg ${who.join('')}` } });
    return trial.id;
  }

  async function expectWithheld(id: string, runs: number, query = '') {
    const csv = await leader.post(`/api/trials/${id}/export.csv${query}`).expect(200);
    expect(csv.headers['x-suppressed']).toBe(ALL_WITHHELD.join(', '));
    const rows = parseCsv(csv.text);
    expect(rows).toHaveLength(runs + 2);
    // Only the assistant is left of each row; every other cell says it is withheld, and the last row says why.
    for (const r of rows.slice(1, -1)) expect(r.filter((_, k) => k !== 2)).toEqual(Array(16).fill(S));
    expect(rows.at(-1)).toEqual([`Bemærk: ${EXPORT_SUPPRESSED_NOTE}`]);

    const json = await leader.post(`/api/trials/${id}/export.json${query}`).expect(200);
    expect(json.headers['x-suppressed']).toBe(ALL_WITHHELD.join(', '));
    const data = TrialExport.parse(json.body);
    expect(data.suppressed).toBe(EXPORT_SUPPRESSED_NOTE);
    expect(data.rows).toHaveLength(runs);
    for (const r of data.rows) {
      expect(r).toEqual({
        runId: null, participant: null, assistant: r.assistant, status: null, createdAt: null, guardDecision: null, provider: null, model: null,
        promptTokens: null, completionTokens: null, durationMs: null, outcome: null, editSize: null, usefulness: null, minutesSaved: null,
        failureTypes: [], wouldUseAgain: null, withheld: ALL_WITHHELD,
      });
    }
    // The rows only: the trial's id and the time of the export are not about anyone and could hold any digits.
    return { csv: csv.text, json: JSON.stringify(data.rows) };
  }

  async function expectReportWithheld(id: string, reflectionId: string, measures: number) {
    const html = (await leader.get(`/api/trials/${id}/report?reflection=${reflectionId}`).expect(200)).text;
    // Every measure says it is withheld, in the board's words; none of them says "nothing", which with 1-2
    // people would be their figure too ("nobody edited a draft").
    expect(html.split(SUPPRESSED_REASON).length - 1).toBe(measures);
    for (const empty of Object.values(EMPTY_REASONS)) expect(html).not.toContain(empty);
    expect(html).not.toContain('<th scope="row">Godkendt uden rettelser</th>');
    expect(html).not.toContain('<th scope="row">Median</th>');
    expect(html).not.toContain('<th scope="row">Ja</th>');
    expect(html).not.toContain('<blockquote>');
    return html;
  }

  it('when a trial has one participant, then the CSV, the JSON and the report show no per-person measure and say it is withheld', async () => {
    const id = await smallTrial(['A']);
    const run = await seedRun(id, people.A, people.E, { assistant: 'letter', status: 'APPROVED', guard: 'masked', findings: { PERSON: 1 }, provider: ['offline', 'regelmotor', 4321, 765], at: '2026-11-20T09:15:00Z', reviews: [['APPROVE', 0]], log: [5, 37, ['WRONG_TONE'], true] });
    await seedRun(id, people.A, people.E, { assistant: 'minutes', status: 'FAILED', guard: 'allowed', provider: ['azure-openai', 'gpt-4o', null, null], at: '2026-11-21T14:05:00Z' });
    const reflection = await t.deps.db.reflection.create({ data: { trialId: id, userId: people.A, text: 'Min egen erfaring med brevene.', createdAt: new Date('2026-11-22T12:00:00Z') } });

    const { csv, json } = await expectWithheld(id, 2);
    for (const value of [run.id, 'P1', '2026-11-20', '09:15', '4321', '765', '37', 'Forkert tone', 'WRONG_TONE', 'Godkendt uden rettelser', 'masked', 'regelmotor']) {
      expect(csv).not.toContain(value);
      expect(json).not.toContain(value);
    }
    expect(JSON.parse(json)).toMatchObject([{ assistant: 'letter' }, { assistant: 'minutes' }]);

    // Runs per person, outcomes, edit size, minutes saved, usefulness, would use again, failure types, guard,
    // providers and reflections: 10 measures, each withheld; the chosen reflection is not quoted.
    const html = await expectReportWithheld(id, reflection.id, 10);
    for (const value of ['4321', '37', 'Min egen erfaring med brevene.']) expect(html).not.toContain(value);
  });

  it('when a trial has two participants, then the CSV, the JSON and the report show no per-person measure and say it is withheld', async () => {
    const id = await smallTrial(['A', 'B']);
    await seedRun(id, people.A, people.E, { assistant: 'letter', status: 'APPROVED', guard: 'allowed', provider: ['offline', 'regelmotor', 2468, 1357], at: '2026-11-23T08:00:00Z', reviews: [['APPROVE', 0]], log: [2, 53, ['BIAS'], false] });
    await seedRun(id, people.B, people.E, { assistant: 'minutes', status: 'DRAFT', guard: 'allowed', provider: ['offline', 'regelmotor', 1111, 2222], at: '2026-11-24T08:00:00Z' });
    await seedRun(id, people.B, people.E, { assistant: 'letter', status: 'BLOCKED', guard: 'blocked', findings: { HEALTH: 1 }, at: '2026-11-24T09:00:00Z' });
    const reflection = await t.deps.db.reflection.create({ data: { trialId: id, userId: people.B, text: 'Referatet var næsten færdigt.', createdAt: new Date('2026-11-24T12:00:00Z') } });

    const { csv, json } = await expectWithheld(id, 3);
    for (const value of ['P1', 'P2', '2026-11-23', '2468', '1357', '1111', '53', 'Bias', 'BIAS', 'nej', 'false', 'Afventer vurdering', 'BLOCKED', 'blocked']) {
      expect(csv).not.toContain(value);
      expect(json).not.toContain(value);
    }

    const html = await expectReportWithheld(id, reflection.id, 10);
    for (const value of ['2468', '53', 'Bias', 'Referatet var næsten færdigt.']) expect(html).not.toContain(value);
  });

  it('when the period holds runs by only two of the trial\'s people, then the export withholds their rows although the trial has more', async () => {
    // 16-22 Nov on the seeded trial: R8 (D, letter, logged 2 / 0 minutes) and R9 (A, minutes, failed).
    const { csv, json } = await expectWithheld(trialId, 2, '?from=2026-11-16&to=2026-11-22');
    for (const value of ['P1', 'P2', 'P4', '2026-11-17', 'Manglende information', 'MISSING_INFORMATION', '110', 'nej']) {
      expect(csv).not.toContain(value);
      expect(json).not.toContain(value);
    }
  });
});

describe('decisions, the report and the public register', () => {
  it('when the leader decides, then it is audited without text, listed for participants and shown on the trial', async () => {
    const res = await leader
      .post(`/api/trials/${trialId}/decisions`, { outcome: 'ADJUST', rationale: 'Brevene bliver bedre, men skabelonen skal justeres.', evidence: 'Faktuelle fejl i 3 af 6 logs.' })
      .expect(201);
    const decision = TrialDecisionResponse.parse(res.body).decision;
    expect(decision).toMatchObject({ outcome: 'ADJUST', evidence: 'Faktuelle fejl i 3 af 6 logs.' });

    const audit = await t.deps.db.auditEvent.findFirstOrThrow({ where: { action: 'trial.decided', resourceId: trialId } });
    expect(JSON.parse(audit.details)).toEqual({ outcome: 'ADJUST', decisionId: decision.id });

    const list = TrialDecisionList.parse((await participantClient.get(`/api/trials/${trialId}/decisions`).expect(200)).body);
    expect(list.decisions.map((d) => d.id)).toEqual([decision.id]);
    const detail = TrialResponse.parse((await participantClient.get(`/api/trials/${trialId}`).expect(200)).body).trial;
    expect(detail.latestDecision).toMatchObject({ id: decision.id, outcome: 'ADJUST' });
  });

  it('when the trial is a draft or the rationale is too short, then the decision is refused', async () => {
    const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
    const draft = await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: POLICY, status: 'DRAFT' });
    const refused = await leader.post(`/api/trials/${draft.id}/decisions`, { outcome: 'ADOPT', rationale: 'Det virker rigtig godt.' }).expect(409);
    expect(ErrorBody.parse(refused.body).error.code).toBe('TRIAL_NOT_STARTED');
    const short = await leader.post(`/api/trials/${trialId}/decisions`, { outcome: 'ADOPT', rationale: 'Godt' }).expect(400);
    expect(ErrorBody.parse(short.body).error.code).toBe('VALIDATION_FAILED');
    const pub = await leader.post(`/api/trials/${draft.id}/publication`, { published: true }).expect(409);
    expect(ErrorBody.parse(pub.body).error.code).toBe('TRIAL_NOT_STARTED');
  });

  it('when the same decision is posted twice within seconds, then it is recorded and audited once, and the repeat is refused with 409', async () => {
    const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
    const own = await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: POLICY });
    const body = { outcome: 'STOP', rationale: 'Prøvebeslutning, der blev dobbeltklikket.', evidence: '' };
    const first = TrialDecisionResponse.parse((await leader.post(`/api/trials/${own.id}/decisions`, body).expect(201)).body).decision;
    const repeat = await leader.post(`/api/trials/${own.id}/decisions`, body).expect(409);
    expect(ErrorBody.parse(repeat.body).error.code).toBe('DECISION_ALREADY_RECORDED');

    const list = TrialDecisionList.parse((await leader.get(`/api/trials/${own.id}/decisions`).expect(200)).body);
    expect(list.decisions.map((d) => d.id)).toEqual([first.id]);
    expect(await t.deps.db.auditEvent.count({ where: { action: 'trial.decided', resourceId: own.id } })).toBe(1);

    // A different decision straight after is a new one.
    await leader.post(`/api/trials/${own.id}/decisions`, { ...body, outcome: 'ADJUST' }).expect(201);
    expect(await t.deps.db.trialDecision.count({ where: { trialId: own.id } })).toBe(2);
  });

  it('when the report is printed, then it holds the charter, the measures, the chosen reflection escaped and the decision', async () => {
    const res = await leader.get(`/api/trials/${trialId}/report?reflection=${reflectionIds[1]}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
    const html = res.text;
    expect(html).toMatch(/^<!doctype html>\n<html lang="da">/);
    expect(html).toContain('@media print');
    expect(html).toContain('<h1>Klarsprog i Borgerservice</h1>');
    expect(html).toContain('Brevene bliver lettere at læse.');
    expect(html).toContain('<th scope="row">Rettet og godkendt</th><td>3</td>');
    expect(html).toContain('<th scope="row">Faktuel fejl</th><td>3</td>');
    expect(html).toContain('Tonen skal rettes &lt;script&gt;alert(1)&lt;/script&gt; &amp; mere.');
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).not.toContain('Sparer tid på standardbreve.');
    expect(html).toContain('Beslutning: Justér');
    expect(html).toContain('Brevene bliver bedre, men skabelonen skal justeres.');
    expect(html).not.toContain(SECRET);
  });

  it('the printed report speaks the board\'s words and writes dates as the app does', async () => {
    const html = (await leader.get(`/api/trials/${trialId}/report`).expect(200)).text;
    const board = da.insights;
    // The same names for the same things as on the screen the leader printed it from.
    for (const term of [
      da.trials.detail.charterHeading,
      da.trials.detail.unit,
      board.participation.heading,
      board.participation.invited,
      board.participation.briefed,
      board.participation.active,
      board.outcomes.heading,
      board.outcomes.approvedAsIs,
      board.outcomes.edited,
      board.outcomes.rejected,
      board.outcomes.awaitingReview,
      board.editSize.heading,
      board.minutes.heading,
      board.usefulness.heading,
      board.wouldUseAgain.heading,
      board.failureTypes.heading,
      board.guard.heading,
      board.providers.provider,
      board.providers.model,
      board.providers.promptTokens,
      board.providers.completionTokens,
      board.reflections.heading,
      board.decision.heading,
    ]) {
      expect(html, term).toContain(escapeHtml(term));
    }
    // Dates as the app writes them ("5. jan. 2026"), never as ISO dates.
    expect(html).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const day = (d: Date) => new Intl.DateTimeFormat('da-DK', { dateStyle: 'medium', timeZone: 'Europe/Copenhagen' }).format(d);
    const trial = TrialResponse.parse((await leader.get(`/api/trials/${trialId}`).expect(200)).body).trial;
    expect(html).toContain(`${escapeHtml(day(new Date(trial.startsAt)))} – ${escapeHtml(day(new Date(trial.endsAt)))}`);
    expect(html).toContain(`udskrevet ${escapeHtml(day(NOW))}`);
  });

  it('when the leader publishes the trial, then the public register lists it to anyone signed out, and it is audited', async () => {
    const anon = new Client(t);
    const before = PublicRegister.parse((await anon.get('/api/public/register').expect(200)).body);
    expect(before.trials).toEqual([]);

    expect((await leader.post(`/api/trials/${trialId}/publication`, { published: true }).expect(200)).body).toEqual({ published: true });
    const reg = PublicRegister.parse((await anon.get('/api/public/register').expect(200)).body);
    expect(reg.organisation).toBe('Rødovre Kommune');

    // The same entry in the two external standards, from the same facts, to anyone signed out.
    const dutch = (await anon.get('/api/public/register/algoritmeregister.json').expect(200)).body as {
      standard: string;
      entries: { name: string; organization: string; status: string; lang: string; human_intervention: string; methods_and_models: string; missingFields: string[] }[];
    };
    expect(dutch.standard).toBe('Algoritmeregister 1.0.0');
    expect(dutch.entries).toHaveLength(1);
    expect(dutch.entries[0]).toMatchObject({ name: 'Klarsprog i Borgerservice', organization: 'Rødovre Kommune', status: 'In gebruik', lang: 'dan' });
    expect(dutch.entries[0]!.human_intervention).toContain('Fire øjne');
    // The test app runs on the offline engine: named, and said to run on the municipality's own servers.
    expect(dutch.entries[0]!.methods_and_models).toContain('regelmotor');
    expect(dutch.entries[0]!.missingFields).toContain('lawful_basis');
    const uk = (await anon.get('/api/public/register/atrs.json').expect(200)) as { body: { standard: string; records: unknown[] }; headers: Record<string, string> };
    expect(uk.body.standard).toBe('ATRS v3.0');
    expect(JSON.stringify(uk.body.records)).toContain('Klarsprog i Borgerservice');
    expect(uk.headers['content-disposition']).toMatch(/^attachment; filename="ai-register-atrs-\d{4}-\d{2}-\d{2}\.json"/);
    await anon.get('/api/public/register/unknown.json').expect(400);
    expect(reg.trials).toHaveLength(1);
    const entry = reg.trials[0]!;
    expect(entry).toMatchObject({
      id: trialId,
      title: 'Klarsprog i Borgerservice',
      unit: 'Borgerservice',
      status: 'ACTIVE',
      assistants: [{ id: 'letter', name: 'Brevassistenten (klarsprog)' }, { id: 'minutes', name: 'Referatassistenten' }],
      decision: { outcome: 'ADJUST', rationale: 'Brevene bliver bedre, men skabelonen skal justeres.' },
    });
    expect(entry.policy.title).toBe('Breve til borgere med pseudonymisering');
    expect(entry.policy.may.length).toBeGreaterThan(0);
    // Said to citizens, of the staff: never "du må" / "dit udkast" as on the staff's own policy page.
    const rules = [...entry.policy.may, ...entry.policy.mayNot, ...entry.policy.must].map((r) => r.da);
    expect(rules.filter((r) => /\b(du|dit|din)\b/i.test(r) && !r.startsWith('Tekst fra prøvehandlingen, som du får'))).toEqual([]);
    expect(rules.some((r) => r.startsWith('Medarbejderne må bruge: Brevassistenten (klarsprog)'))).toBe(true);
    // Was "CPR-numre og kontonumre": any one of the classes asks for a second approver, so the register says "eller".
    expect(entry.humanOversight.join(' ')).toContain(
      'Fire øjne: når teksten indeholder mindst én af disse: CPR-numre, kontonumre, helbredsoplysninger, oplysninger om etnisk oprindelse, oplysninger om religion, oplysninger om fagforeningsmedlemskab, oplysninger om seksuel orientering eller oplysninger om strafbare forhold, skal en anden medarbejder også godkende udkastet.',
    );

    await leader.post(`/api/trials/${trialId}/publication`, { published: false }).expect(200);
    expect(PublicRegister.parse((await anon.get('/api/public/register').expect(200)).body).trials).toEqual([]);
    const actions = (await t.deps.db.auditEvent.findMany({ where: { resourceId: trialId, action: { startsWith: 'trial.' } }, orderBy: { seq: 'asc' } })).map((a) => a.action);
    expect(actions.slice(-2)).toEqual(['trial.published', 'trial.unpublished']);
  });
});

describe('success criteria the board computes (docs/decisions/0017)', () => {
  // The seeded decided drafts are R1, R2, R3, R4, R5 and R8 (4 people): 1 rejected, 2 approved as is. The logs
  // are R1-R5 and R8 (4 people): 4 of 6 would use it again; minutes saved -5, 0, 5, 10, 15, 20.
  const criteria = [
    { id: 'again', measure: 'wouldUseAgainShare', comparator: 'atLeast', threshold: 70 },
    { id: 'rejected', measure: 'rejectedShare', comparator: 'atMost', threshold: 60 },
    { id: 'as-is', measure: 'approvedAsIsShare', comparator: 'atLeast', threshold: 95 },
    { id: 'minutes', measure: 'minutesSavedMedian', comparator: 'atLeast', threshold: 5 },
  ];

  it('when the charter holds criteria, then the board shows each with its estimate, interval and verdict', async () => {
    // The charter's API path (and its validation) is in trials.api.test.ts; this trial's seeded policy does not
    // allow one of its assistants, so the charter is written directly.
    await t.deps.db.trial.update({ where: { id: trialId }, data: { criteria: JSON.stringify(criteria) } });
    expect(TrialResponse.parse((await leader.get(`/api/trials/${trialId}`).expect(200)).body).trial.criteria).toEqual(criteria);

    const results = (await insights()).criteria;
    expect(results.map((r) => r.criterion.id)).toEqual(['again', 'rejected', 'as-is', 'minutes']);
    const [again, rejected, asIs] = results.map((r) => ok(r.result));
    const minutes = ok(results[3]!.result);
    // Wilson 4 of 6: centre 0.6016, half 0.3016 → 30.00 % .. 90.32 %; 70 % lies inside.
    expect(again).toEqual({ estimate: 66.67, low: 30, high: 90.32, method: 'wilson', n: 6, verdict: 'undecided' });
    // Wilson 1 of 6 → 3.01 % .. 56.35 %: wholly at most 60 %.
    expect(rejected).toEqual({ estimate: 16.67, low: 3.01, high: 56.35, method: 'wilson', n: 6, verdict: 'met' });
    // Wilson 2 of 6 → 9.68 % .. 70.00 %: wholly below 95 %.
    expect(asIs).toEqual({ estimate: 33.33, low: 9.68, high: 70, method: 'wilson', n: 6, verdict: 'notMet' });
    // The median of the six logs is 7.5; the bootstrap over the four people stays inside -5 .. 20.
    expect(minutes).toMatchObject({ estimate: 7.5, method: 'bootstrap', n: 6 });
    expect(minutes.low).toBeGreaterThanOrEqual(-5);
    expect(minutes.low).toBeLessThanOrEqual(7.5);
    expect(minutes.high).toBeGreaterThanOrEqual(7.5);
    expect(minutes.high).toBeLessThanOrEqual(20);
    expect(minutes.verdict).toBe(minutes.low >= 5 ? 'met' : minutes.high < 5 ? 'notMet' : 'undecided');
    expect(results.every((r) => r.result.status === 'ok' && r.result.people === 4)).toBe(true);
  });

  it('when the period holds runs by fewer than three people, then the criteria are withheld with the board reason', async () => {
    // 3-9 November (Copenhagen): R1, R2 by A and R3 by B (23:30 UTC on the 8th is the 9th in Copenhagen).
    const results = (await insights('?from=2026-11-03&to=2026-11-09')).criteria;
    expect(results.map((r) => r.result)).toEqual(criteria.map(() => ({ status: 'suppressed', people: 2, reason: SUPPRESSED_REASON })));
  });

  it('when a decision is recorded, then it keeps the criteria and their verdicts as they stood, also in the report', async () => {
    const board = (await insights()).criteria;
    const res = await leader
      .post(`/api/trials/${trialId}/decisions`, { outcome: 'ADOPT', rationale: 'Kriterierne for afvisninger er opfyldt; vi indfører.', evidence: '' })
      .expect(201);
    const decision = TrialDecisionResponse.parse(res.body).decision;
    expect(decision.criteria.map((c) => [c.criterion.id, c.verdict, c.low, c.high])).toEqual(
      board.map((b) => [b.criterion.id, ok(b.result).verdict, ok(b.result).low, ok(b.result).high]),
    );
    const html = (await leader.get(`/api/trials/${trialId}/report`).expect(200)).text;
    const block = html.slice(html.indexOf('Kriterierne for afvisninger er opfyldt'));
    expect(block).toContain('Succeskriterier ved beslutningen');
    expect(block).toContain('Andel afviste udkast: højst 60 %: 16,67 % (3,01 % – 56,35 %), <strong>Opfyldt</strong>');
  });

  it('when the printed report is made, then it carries each criterion with its interval and verdict', async () => {
    const html = (await leader.get(`/api/trials/${trialId}/report`).expect(200)).text;
    const section = html.slice(html.indexOf('<h2>Succeskriterier</h2>'), html.indexOf('<h2>Beslutning</h2>'));
    expect(section).toContain('Andel afviste udkast: højst 60 %');
    expect(section).toContain('3,01 % – 56,35 %');
    expect(section).toContain('<strong>Opfyldt</strong>');
    expect(section).toContain('<strong>Ikke opfyldt</strong>');
    expect(section).toContain('<strong>Kan ikke afgøres endnu</strong>');
  });
});

/**
 * The demo organisation's history on a freshly seeded app, through the HTTP API as the demo digital unit sees it.
 * Every expected figure is computed here from the plan (demo.history.plan.ts) and the drafts file, with this
 * file's own arithmetic: nothing of the insights module is called to get them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditList } from '../../contracts/audit.js';
import { FailureType } from '../../contracts/experiences.js';
import { BoardResponse, PublicRegister, SUPPRESSED_REASON, TrialDecisionList, TrialInsightsResponse, type BoardTrialRow } from '../../contracts/insights.js';
import { RunList } from '../../contracts/reviews.js';
import { RunResponse } from '../../contracts/runs.js';
import { TrialList } from '../../contracts/trials.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client } from '../../../../test/support/factories.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { sweepRetention } from '../retention/retention.service.js';
import { DEMO_COLLEAGUES, DEMO_PASSWORD, DEMO_TRIALS, DEMO_USERS } from './demo.constants.js';
import { draftOf } from './demo.history.js';
import { demoHistoryPlan, type HistoryTrialKey, type PlannedRun } from './demo.history.plan.js';
import { FINISHED_DECISION, FINISHED_TRIAL, REFLECTIONS, RUNNING_TRIAL } from './demo.history.texts.js';
import { seedDemoOrganisation } from './demo.service.js';

let t: TestApp;
let digital: Client;
let seededAt: Date;

// ---------------------------------------------------------------------------------------------------------
// The figures by hand

const round2 = (x: number) => Math.round(x * 100) / 100;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => round2(sum(xs) / xs.length);
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return round2(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}
const count = <T>(xs: T[], p: (x: T) => boolean) => xs.filter(p).length;

const plan = demoHistoryPlan();
const runsOf = (trial: HistoryTrialKey) => plan.runs.filter((r) => r.trial === trial);

/** What the plan says a trial's figures are. */
function expected(trial: HistoryTrialKey) {
  const runs = runsOf(trial);
  const notBlocked = runs.filter((r) => r.outcome !== 'BLOCKED');
  const logs = runs.flatMap((r) => (r.log ? [r.log] : []));
  const perPerson = new Map<string, number>();
  for (const r of notBlocked) perPerson.set(r.requester, (perPerson.get(r.requester) ?? 0) + 1);
  const edited = runs.filter((r) => r.outcome === 'EDITED').map((r) => draftOf(r).edits[r.edit!]!.editSize);
  const masked = runs.filter((r) => r.outcome !== 'BLOCKED' && draftOf(r).guardDecision === 'masked');
  // Every class found in a masked run: the letter policy masks each class it finds (or, for special
  // categories, decides by destination, when the board counts every finding of it).
  const maskedClasses = new Map<string, number>();
  for (const r of masked) {
    for (const [c, n] of Object.entries(JSON.parse(draftOf(r).guardFindings) as Record<string, number>)) if (n) maskedClasses.set(c, (maskedClasses.get(c) ?? 0) + 1);
  }
  const yes = count(logs, (l) => l.wouldUseAgain);
  const outcome = (o: PlannedRun['outcome']) => count(runs, (r) => r.outcome === o);
  return {
    runs: runs.length,
    people: new Set(runs.map((r) => r.requester)).size,
    invited: plan.trials[trial].participants.length,
    briefed: plan.trials[trial].participants.length - plan.trials[trial].neverBriefed.length,
    active: perPerson.size,
    runsPerPerson: { median: median([...perPerson.values()]), min: Math.min(...perPerson.values()), max: Math.max(...perPerson.values()) },
    outcomes: {
      approvedAsIs: outcome('APPROVED_AS_IS'),
      edited: outcome('EDITED'),
      rejected: outcome('REJECTED'),
      awaitingReview: outcome('AWAITING_REVIEW'),
      total: notBlocked.length,
    },
    blocked: outcome('BLOCKED'),
    editSize: { median: median(edited), mean: mean(edited), max: Math.max(...edited) },
    minutes: { total: sum(logs.map((l) => l.minutesSaved)), median: median(logs.map((l) => l.minutesSaved)) },
    usefulness: { distribution: [1, 2, 3, 4, 5].map((v) => count(logs, (l) => l.usefulness === v)), mean: mean(logs.map((l) => l.usefulness)) },
    failureTypes: Object.fromEntries(FailureType.options.map((f) => [f, count(logs, (l) => l.failureTypes.includes(f))])),
    wouldUseAgain: { yes, no: logs.length - yes, shareYes: round2(yes / logs.length) },
    maskedRuns: masked.length,
    maskedClasses: Object.fromEntries(maskedClasses),
    loggers: new Set(runs.filter((r) => r.log).map((r) => r.requester)).size,
  };
}

/** The actions the history's events use: each one a real service records (trials, runs, reviews, experiences, insights, users, retention). */
const HISTORY_ACTIONS = [
  'user.created',
  'trial.created',
  'trial.participants_changed',
  'trial.status_changed',
  'trial.briefing_acknowledged',
  'run.completed',
  'run.blocked',
  'run.viewed',
  'run.reviewed',
  'run.exported',
  'experience.logged',
  'reflection.created',
  'trial.decided',
  'trial.published',
  'run.content_purged',
  'retention.swept',
];

// ---------------------------------------------------------------------------------------------------------

async function board(): Promise<BoardTrialRow[]> {
  return BoardResponse.parse((await digital.get('/api/insights').expect(200)).body).board.trials;
}

async function trialId(title: string): Promise<string> {
  const { trials } = TrialList.parse((await digital.get('/api/trials').expect(200)).body);
  return trials.find((x) => x.title === title)!.id;
}

async function auditEvents(): Promise<AuditList['events']> {
  const all: AuditList['events'] = [];
  let before: number | null | undefined;
  do {
    const page = AuditList.parse((await digital.get(`/api/audit?limit=200${before ? `&before=${before}` : ''}`).expect(200)).body);
    all.push(...page.events);
    before = page.nextBefore;
  } while (before);
  return all;
}

/** Row counts of every table the seed writes. */
async function tableCounts(): Promise<Record<string, number>> {
  const db = t.deps.db;
  return {
    users: await db.user.count(),
    trials: await db.trial.count(),
    participants: await db.trialParticipant.count(),
    runs: await db.run.count(),
    reviews: await db.review.count(),
    logs: await db.experienceLog.count(),
    reflections: await db.reflection.count(),
    decisions: await db.trialDecision.count(),
    sweeps: await db.retentionSweep.count(),
    audit: await db.auditEvent.count(),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  seededAt = new Date();
  expect(await seedDemoOrganisation(t.deps)).toEqual({ created: true });
  digital = new Client(t);
  await digital.fetchCsrf();
  await digital.post('/api/auth/login', { email: DEMO_USERS.DIGITAL_UNIT.email, password: DEMO_PASSWORD }).expect(200);
  await digital.fetchCsrf();
});
afterAll(() => t.close());

describe('the demo history on the board', () => {
  it('when the digital unit opens the board, then the finished letter trial shows its figures, none suppressed, as the plan has them', async () => {
    const e = expected('finished');
    const row = (await board()).find((r) => r.trial.title === FINISHED_TRIAL.title)!;
    expect(row.trial.status).toBe('CLOSED');
    // 80 runs by 13 people: 27 approved as is, 34 edited, 19 rejected.
    expect(e).toMatchObject({ runs: 80, people: 13, outcomes: { approvedAsIs: 27, edited: 34, rejected: 19, awaitingReview: 0 } });
    expect(row).toMatchObject({
      runs: e.runs,
      people: e.people,
      outcomes: { status: 'ok', value: e.outcomes },
      minutesSaved: { status: 'ok', value: e.minutes },
      usefulnessMean: { status: 'ok', value: e.usefulness.mean },
      wouldUseAgainShare: { status: 'ok', value: e.wouldUseAgain.shareYes },
      blockedRuns: 0,
      maskedRuns: e.maskedRuns,
      latestDecision: { outcome: 'ADJUST' },
    });
    expect(JSON.stringify(row)).not.toContain(SUPPRESSED_REASON);
  });

  it('then the finished trial’s own page shows every measure of the plan: participation, outcomes, edits, minutes, usefulness, failures, guard, reflections', async () => {
    const e = expected('finished');
    const id = await trialId(FINISHED_TRIAL.title);
    const { insights } = TrialInsightsResponse.parse((await digital.get(`/api/trials/${id}/insights`).expect(200)).body);
    // 14 invited, Henrik never read the briefing; 13 ran something.
    expect(insights.participation).toEqual({
      invited: 14,
      briefed: 13,
      active: 13,
      shareActive: round2(13 / 14),
      runsPerPerson: { status: 'ok', value: e.runsPerPerson, people: 13 },
    });
    expect(e).toMatchObject({ invited: 14, briefed: 13, active: 13 });
    expect(insights.outcomes).toEqual({ status: 'ok', value: e.outcomes, people: 13 });
    expect(insights.editSize).toMatchObject({ status: 'ok', value: e.editSize });
    expect(insights.minutesSaved).toMatchObject({ status: 'ok', value: { ...e.minutes, perAssistant: [{ assistant: 'letter', ...e.minutes, runs: sum(e.usefulness.distribution) }] } });
    expect(insights.usefulness).toEqual({ status: 'ok', value: e.usefulness, people: e.loggers });
    expect(insights.wouldUseAgain).toEqual({ status: 'ok', value: e.wouldUseAgain, people: e.loggers });
    expect(insights.failureTypes.status).toBe('ok');
    if (insights.failureTypes.status === 'ok') {
      expect(Object.fromEntries(insights.failureTypes.value.map((f) => [f.type, f.count]))).toEqual(e.failureTypes);
    }
    expect(insights.guard).toMatchObject({ status: 'ok', value: { blockedRuns: 0, maskedRuns: e.maskedRuns, blocked: [] } });
    if (insights.guard.status === 'ok') {
      expect(Object.fromEntries(insights.guard.value.masked.map((m) => [m.dataClass, m.count]))).toEqual(e.maskedClasses);
    }
    expect(insights.providers).toMatchObject({ status: 'ok', value: [{ provider: 'offline', runs: e.runs, promptTokens: 0, completionTokens: 0 }] });
    expect(sum(insights.runsOverTime.flatMap((w) => w.counts.map((c) => c.runs)))).toBe(e.runs);
    expect(insights.reflections.status).toBe('ok');
    if (insights.reflections.status === 'ok') expect(insights.reflections.value.map((r) => r.text)).toEqual([...REFLECTIONS.finished].reverse());
    expect(JSON.stringify(insights)).not.toContain(SUPPRESSED_REASON);
  });

  it('then the running minutes trial shows its figures too, with the drafts still awaiting review and the runs the guard blocked', async () => {
    const e = expected('running');
    expect(e).toMatchObject({ runs: 70, blocked: 3, outcomes: { awaitingReview: 3, total: 67 } });
    const row = (await board()).find((r) => r.trial.title === RUNNING_TRIAL.title)!;
    expect(row).toMatchObject({
      trial: { status: 'ACTIVE' },
      runs: e.runs,
      people: e.people,
      outcomes: { status: 'ok', value: e.outcomes },
      minutesSaved: { status: 'ok', value: e.minutes },
      usefulnessMean: { status: 'ok', value: e.usefulness.mean },
      wouldUseAgainShare: { status: 'ok', value: e.wouldUseAgain.shareYes },
      blockedRuns: e.blocked,
      latestDecision: null,
    });
    const { insights } = TrialInsightsResponse.parse((await digital.get(`/api/trials/${row.trial.id}/insights`).expect(200)).body);
    expect(insights.participation).toMatchObject({ invited: e.invited, active: e.active, runsPerPerson: { status: 'ok', value: e.runsPerPerson } });
    expect(insights.guard).toMatchObject({ status: 'ok', value: { blockedRuns: 3, blocked: [{ dataClass: 'CPR', count: 2 }, { dataClass: 'BANK_ACCOUNT', count: 1 }] } });
    expect(JSON.stringify(row)).not.toContain(SUPPRESSED_REASON);
    expect(JSON.stringify(insights)).not.toContain(SUPPRESSED_REASON);
  });

  it('then the decision is recorded and the finished trial is in the public AI register with it, beside the published demo trial', async () => {
    const id = await trialId(FINISHED_TRIAL.title);
    const { decisions } = TrialDecisionList.parse((await digital.get(`/api/trials/${id}/decisions`).expect(200)).body);
    expect(decisions).toMatchObject([{ outcome: 'ADJUST', rationale: FINISHED_DECISION.rationale, evidence: FINISHED_DECISION.evidence, decidedBy: { name: DEMO_USERS.DIGITAL_UNIT.name } }]);
    const register = PublicRegister.parse((await t.request.get('/api/public/register').expect(200)).body);
    const titles = register.trials.map((x) => x.title);
    expect(titles.sort()).toEqual([FINISHED_TRIAL.title, ...DEMO_TRIALS.filter((x) => x.published).map((x) => x.title)].sort());
    expect(register.trials.find((x) => x.title === FINISHED_TRIAL.title)).toMatchObject({ status: 'CLOSED', decision: { outcome: 'ADJUST', rationale: FINISHED_DECISION.rationale } });
  });
});

describe('the demo history as runs', () => {
  it('the runs list shows them, and a run still within its retention period opens with its input, draft, review and log; an older one says its content is erased', async () => {
    const id = await trialId(FINISHED_TRIAL.title);
    const { runs } = RunList.parse((await digital.get(`/api/runs?trialId=${id}&limit=100`).expect(200)).body);
    expect(runs).toHaveLength(80);
    const rows = await t.deps.db.run.findMany({ where: { trialId: id }, orderBy: { createdAt: 'desc' } });
    const kept = rows.find((r) => r.contentPurgedAt === null && r.status === 'APPROVED')!;
    const { run } = RunResponse.parse((await digital.get(`/api/runs/${kept.id}`).expect(200)).body);
    expect(run).toMatchObject({ status: 'APPROVED', provider: 'offline', policyId: FINISHED_TRIAL.policyId });
    expect(run.output).toBeTruthy();
    expect(run.details).toMatchObject({ lixBefore: expect.any(Number), lixAfter: expect.any(Number), checklist: expect.any(Array) });
    expect(run.review?.reviews.length).toBeGreaterThan(0);
    expect(new Date(run.retainUntil!).getTime()).toBeGreaterThan(seededAt.getTime());
    const purged = rows.find((r) => r.contentPurgedAt !== null)!;
    const old = RunResponse.parse((await digital.get(`/api/runs/${purged.id}`).expect(200)).body).run;
    expect(old).toMatchObject({ output: null, details: null });
    expect(new Date(old.retainUntil!).getTime()).toBeLessThanOrEqual(seededAt.getTime());
  });

  it('no seeded run, review, log or reflection holds a CPR-like number, and the refused transcripts left no text at all', async () => {
    // Ten digits as ddmmyy-xxxx, on their own (a Teams cue id is a longer run of digits).
    const cprLike = /(?<!\d)\d{6}[-\s]?\d{4}(?!\d)/;
    const db = t.deps.db;
    const runs = await db.run.findMany({ select: { status: true, input: true, output: true, finalText: true, details: true, pseudonymMap: true } });
    expect(runs.length).toBe(150);
    for (const r of runs) for (const v of [r.input, r.output, r.finalText, r.details, r.pseudonymMap]) expect(v ?? '').not.toMatch(cprLike);
    expect(runs.filter((r) => r.status === 'BLOCKED').every((r) => r.input === null && r.output === null)).toBe(true);
    for (const r of await db.review.findMany()) expect(`${r.editDiff ?? ''} ${r.reason ?? ''}`).not.toMatch(cprLike);
    for (const l of await db.experienceLog.findMany()) expect(`${l.reflection ?? ''} ${l.answers}`).not.toMatch(cprLike);
    for (const r of await db.reflection.findMany()) expect(r.text).not.toMatch(cprLike);
  });

  it('the colleagues exist but cannot sign in with a password; the three demo sign-ins still work', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    for (const colleague of DEMO_COLLEAGUES.slice(0, 3)) {
      await c.post('/api/auth/login', { email: colleague.email, password: DEMO_PASSWORD }).expect(401);
    }
    expect(await t.deps.db.user.count({ where: { email: { in: DEMO_COLLEAGUES.map((x) => x.email) } } })).toBe(16);
    for (const u of Object.values(DEMO_USERS)) {
      const d = new Client(t);
      await d.fetchCsrf();
      await d.post('/api/auth/login', { email: u.email, password: DEMO_PASSWORD }).expect(200);
    }
  });
});

describe('the demo history in the audit trail', () => {
  it('every seeded action left the event the real action leaves, dated when it happened, and the chain verifies', async () => {
    // The seed's own events: everything before its closing demo.seeded (this file's requests come after it).
    const all = await auditEvents();
    const seeded = all.find((e) => e.action === 'demo.seeded')!;
    const events = all.filter((e) => e.seq < seeded.seq);
    const by = (action: string) => events.filter((e) => e.action === action);
    const runs = plan.runs;
    const reviewed = runs.filter((r) => ['APPROVED_AS_IS', 'EDITED', 'REJECTED'].includes(r.outcome));
    const secondApprovals = reviewed.filter((r) => r.outcome !== 'REJECTED' && draftOf(r).fourEyes).length;
    expect(by('user.created')).toHaveLength(DEMO_COLLEAGUES.length);
    expect(by('trial.created')).toHaveLength(2);
    expect(by('trial.status_changed').map((e) => `${e.details.from}>${e.details.to}`).sort()).toEqual(['ACTIVE>CLOSED', 'DRAFT>ACTIVE', 'DRAFT>ACTIVE']);
    expect(by('trial.briefing_acknowledged')).toHaveLength(expected('finished').briefed + expected('running').briefed);
    expect(by('run.completed')).toHaveLength(runs.filter((r) => r.outcome !== 'BLOCKED').length);
    expect(by('run.blocked')).toHaveLength(3);
    expect(by('run.reviewed')).toHaveLength(reviewed.length + secondApprovals);
    expect(by('run.viewed')).toHaveLength(secondApprovals);
    expect(by('run.exported')).toHaveLength(runs.filter((r) => r.copied).length);
    expect(by('experience.logged')).toHaveLength(runs.filter((r) => r.log).length);
    expect(by('reflection.created')).toHaveLength(plan.reflections.length);
    expect(by('trial.decided')).toHaveLength(1);
    expect(by('trial.published')).toHaveLength(1);
    const purged = await t.deps.db.run.count({ where: { contentPurgedAt: { not: null } } });
    expect(purged).toBeGreaterThan(0);
    expect(by('run.content_purged')).toHaveLength(purged);
    expect(sum(by('retention.swept').map((e) => e.details.runsPurged as number))).toBe(purged);
    // Nothing content-like in the trail: the texts of the history are not in it.
    const trail = JSON.stringify(events);
    expect(trail).not.toContain(FINISHED_DECISION.rationale.slice(0, 40));
    expect(trail).not.toContain(REFLECTIONS.finished[0]!.slice(0, 40));
    // The history comes first, in the order it happened, and before the moment of seeding.
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(HISTORY_ACTIONS));
    const times = events.map((e) => new Date(e.at).getTime()).reverse();
    expect(times.every((x, i) => i === 0 || x >= times[i - 1]!)).toBe(true);
    expect(Math.max(...times)).toBeLessThanOrEqual(seededAt.getTime());
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('each action the history records is one a real module records, found in that module’s source', () => {
    const modules = path.resolve(import.meta.dirname, '..');
    const sources = fs
      .readdirSync(modules, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('demo'))
      .map((f) => fs.readFileSync(path.join(modules, f), 'utf8'))
      .join('\n');
    for (const action of HISTORY_ACTIONS) {
      expect(sources.includes(`'${action}'`), action).toBe(true);
    }
  });

  it('seeding again creates nothing', async () => {
    const before = await tableCounts();
    expect(await seedDemoOrganisation(t.deps)).toEqual({ created: false });
    expect(await tableCounts()).toEqual(before);
  });

  it('a retention sweep on a fresh start leaves the board’s figures as they were', async () => {
    const before = await board();
    await sweepRetention(t.deps, { trigger: 'manual' });
    const after = await board();
    expect(after).toEqual(before);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuditAction } from '../../contracts/audit.js';
import type { Role } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import { localDay, startOfLocalDay } from '../../lib/dates.js';
import type { Prisma, Tx } from '../../lib/db.js';
import { recordAuditHistory, type AuditDetails, type DatedAuditInput } from '../audit/audit.service.js';
import { DEMO_COLLEAGUES, type ColleagueKey } from './demo.constants.js';
import { demoHistoryPlan, type HistoryTrialKey, type Moment, type PlannedRun, type PlannedTrial } from './demo.history.plan.js';
import {
  BLOCKED_TRANSCRIPTS,
  FINISHED_DECISION,
  FINISHED_TRIAL,
  LETTER_TEXTS,
  MINUTES_TEXTS,
  RUNNING_TRIAL,
  type HistoryCharter,
  type HistoryText,
} from './demo.history.texts.js';
import { ROOT_DIR } from '../../config/env.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DRAFTS_FILE = path.join(ROOT_DIR, 'server/src/modules/demo/demo.history.drafts.json');

// ---------------------------------------------------------------------------------------------------------
// The drafts the offline engine made of the texts (`npm run demo:drafts`)

/** A run of one text through the real pipeline, as runs.service stored it, and the edits people made to it. */
export interface DemoDraft {
  /** draftKey() of the text it was made from: a changed text makes the file stale. */
  inputHash: string;
  status: 'DRAFT' | 'BLOCKED';
  guardDecision: string;
  guardFindings: string;
  fourEyes: boolean;
  inputChars: number;
  provider: string | null;
  model: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  output: string | null;
  details: string | null;
  pseudonymMap: string | null;
  /** The details of the run's audit event (run.completed or run.blocked); durationMs is set by the plan. */
  audit: AuditDetails;
  /** Each of the text's edits as reviews.service stored it: the approved text, its diff and its size. */
  edits: { finalText: string; editDiff: string; editSize: number }[];
}

export interface DemoDrafts {
  letters: Record<string, DemoDraft>;
  minutes: Record<string, DemoDraft>;
  blocked: Record<string, DemoDraft>;
}

export const draftKey = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The texts by the part of the drafts file they belong to. */
export const DRAFT_SOURCES: Record<keyof DemoDrafts, HistoryText[]> = {
  letters: LETTER_TEXTS,
  minutes: MINUTES_TEXTS,
  blocked: BLOCKED_TRANSCRIPTS,
};

let drafts: DemoDrafts | undefined;

/** The drafts file, checked against the texts: a text without its draft would seed a run that no engine made. */
export function loadDemoDrafts(): DemoDrafts {
  if (drafts) return drafts;
  const loaded = JSON.parse(fs.readFileSync(DRAFTS_FILE, 'utf8')) as DemoDrafts;
  for (const [part, texts] of Object.entries(DRAFT_SOURCES) as [keyof DemoDrafts, HistoryText[]][]) {
    for (const t of texts) {
      const d = loaded[part]?.[t.id];
      if (!d || d.inputHash !== draftKey(t.text) || d.edits.length !== t.edits.length) {
        throw new Error(`demo.history.drafts.json is out of date for "${t.id}": run npm run demo:drafts`);
      }
    }
  }
  drafts = loaded;
  return loaded;
}

/** The draft of a planned run. */
export function draftOf(run: Pick<PlannedRun, 'assistant' | 'outcome' | 'textId'>): DemoDraft {
  const all = loadDemoDrafts();
  const part = run.outcome === 'BLOCKED' ? all.blocked : run.assistant === 'letter' ? all.letters : all.minutes;
  return part[run.textId]!;
}

// ---------------------------------------------------------------------------------------------------------
// Time

/** The instant of a moment of the plan: Danish working days back from the day of `now`, then minutes after midnight. */
export function momentAt(now: Date, m: Moment): Date {
  let day = new Date(`${localDay(now)}T12:00:00Z`);
  for (let left = m.workdaysAgo; left > 0; ) {
    day = new Date(day.getTime() - DAY_MS);
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(startOfLocalDay(day).getTime() + m.minute * MINUTE_MS);
}

const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MINUTE_MS);

/**
 * When the hourly retention sweep (RETENTION_INTERVAL_MINUTES' default) first found a run due: the first sweep at
 * or after its retention date. Sweeps are taken to run 7 minutes past each hour.
 */
function sweepAfter(retainUntil: Date): Date {
  const hour = 3_600_000;
  const slot = Math.floor(retainUntil.getTime() / hour) * hour + 7 * MINUTE_MS;
  return new Date(slot >= retainUntil.getTime() ? slot : slot + hour);
}

// ---------------------------------------------------------------------------------------------------------
// Seeding

export interface DemoOrganisation {
  now: Date;
  unitIds: Map<string, string>;
  /** The demo leader: leads the finished trial and approves as the second person. */
  leaderId: string;
  /** The demo digital unit: created the colleagues' accounts, decided and published. */
  digitalUnitId: string;
  /** A hash of a password nobody knows, for the colleagues' accounts. */
  unknownPasswordHash: string;
}

interface Person {
  id: string;
  role: Role;
  unitId: string;
}

/** Everything written, gathered first and stored in a few statements. */
interface Batch {
  events: DatedAuditInput[];
  runs: Prisma.RunCreateManyInput[];
  reviews: Prisma.ReviewCreateManyInput[];
  logs: Prisma.ExperienceLogCreateManyInput[];
  /** Run ids purged by the sweep at each instant (ms). */
  sweeps: Map<number, { runId: string; trialId: string; unitId: string; retainUntil: Date; policyId: string }[]>;
}

const CHARTERS: Record<HistoryTrialKey, HistoryCharter> = { finished: FINISHED_TRIAL, running: RUNNING_TRIAL };

/**
 * The demo organisation's history, inside the seed's transaction: 16 colleagues who cannot sign in, a finished
 * letter trial (closed, decided, published) and a running minutes trial, with the runs, reviews, experience logs
 * and reflections their participants made, stored as the services store them, each with the audit event the real
 * action leaves, dated when it happened. Content past its policy's retention period is already erased, as the
 * hourly sweep would have done, with the sweeps' own records and events. Returns the new trials' ids.
 */
export async function seedDemoHistory(tx: Tx, deps: Pick<Deps, 'provider' | 'policies'>, org: DemoOrganisation): Promise<{ trialIds: string[]; colleagues: number; runs: number }> {
  const plan = demoHistoryPlan();
  const at = (m: Moment) => momentAt(org.now, m);
  const batch: Batch = { events: [], runs: [], reviews: [], logs: [], sweeps: new Map() };

  const people = await createColleagues(tx, org, at(plan.colleaguesCreatedAt), batch);
  const leaders: Record<HistoryTrialKey, Person> = {
    finished: { id: org.leaderId, role: 'LEADER', unitId: org.unitIds.get('BORGERSERVICE')! },
    running: people.get('susanne')!,
  };
  const trialIds: Record<HistoryTrialKey, string> = { finished: '', running: '' };
  for (const key of ['finished', 'running'] as const) {
    const runs = plan.runs.filter((r) => r.trial === key);
    trialIds[key] = await createTrial(tx, deps, org, plan.trials[key], runs, leaders[key], people, batch);
    for (const run of runs) planRun(deps, org, run, { id: trialIds[key], unitId: org.unitIds.get(CHARTERS[key].unitCode)! }, people, leaders[key], batch);
  }
  const reflections = plan.reflections.map((r) => {
    const author = people.get(r.author)!;
    const row = { id: randomUUID(), trialId: trialIds[r.trial], userId: author.id, text: r.text, createdAt: at(r.at) };
    batch.events.push({
      at: row.createdAt,
      actor: author,
      action: 'reflection.created',
      resourceType: 'reflection',
      resourceId: row.id,
      unitId: org.unitIds.get(CHARTERS[r.trial].unitCode)!,
      details: { trialId: row.trialId, chars: r.text.length },
    });
    return row;
  });
  await recordDecision(tx, org, plan.trials.finished, trialIds.finished, batch);

  await tx.reflection.createMany({ data: reflections });
  await tx.run.createMany({ data: batch.runs });
  await tx.review.createMany({ data: batch.reviews });
  await tx.experienceLog.createMany({ data: batch.logs });
  await recordSweeps(tx, batch);
  // One chain, in the order things happened; equal instants keep the order they were planned in.
  const events = batch.events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i).map((x) => x.e);
  await recordAuditHistory(tx, deps.provider, events);
  return { trialIds: [trialIds.finished, trialIds.running], colleagues: people.size, runs: batch.runs.length };
}

async function createColleagues(tx: Tx, org: DemoOrganisation, createdAt: Date, batch: Batch): Promise<Map<ColleagueKey, Person>> {
  const people = new Map<ColleagueKey, Person>();
  const digital = { id: org.digitalUnitId, role: 'DIGITAL_UNIT' as const };
  for (const [i, c] of DEMO_COLLEAGUES.entries()) {
    const unitId = org.unitIds.get(c.unitCode)!;
    const when = plus(createdAt, i);
    const row = await tx.user.create({
      data: { email: c.email, name: c.name, role: c.role, unitId, passwordHash: org.unknownPasswordHash, createdAt: when },
      select: { id: true },
    });
    people.set(c.key, { id: row.id, role: c.role, unitId });
    batch.events.push({ at: when, actor: digital, action: 'user.created', resourceType: 'user', resourceId: row.id, unitId, details: { role: c.role } });
  }
  return people;
}

/** When each participant acknowledged the briefing: shortly before their first run, or the trial's first day. */
function briefings(trial: PlannedTrial, runs: PlannedRun[], at: (m: Moment) => Date): Map<ColleagueKey, Date | null> {
  const out = new Map<ColleagueKey, Date | null>();
  for (const key of trial.participants) {
    if (trial.neverBriefed.includes(key)) {
      out.set(key, null);
      continue;
    }
    const first = runs.find((r) => r.requester === key);
    out.set(key, first ? plus(at(first.at), -(7 + (first.at.minute % 13))) : plus(at(trial.startsAt), 30));
  }
  return out;
}

async function createTrial(
  tx: Tx,
  deps: Pick<Deps, 'policies'>,
  org: DemoOrganisation,
  trial: PlannedTrial,
  runs: PlannedRun[],
  leader: Person,
  people: Map<ColleagueKey, Person>,
  batch: Batch,
): Promise<string> {
  const at = (m: Moment) => momentAt(org.now, m);
  const c = CHARTERS[trial.key];
  const unitId = org.unitIds.get(c.unitCode)!;
  const policyVersion = deps.policies.get(c.policyId)?.version ?? 'unknown';
  const startsAt = startOfLocalDay(at(trial.startsAt));
  const endsAt = trial.endsAt ? at(trial.endsAt) : new Date(startsAt.getTime() + trial.runsForDays * DAY_MS);
  const createdAt = at(trial.createdAt);
  const lastChange = at(trial.publishedAt ?? trial.closedAt ?? trial.startsAt);
  const charter = {
    title: c.title,
    purpose: c.purpose,
    hypothesis: c.hypothesis,
    successCriteria: c.successCriteria,
    briefing: c.briefing,
    assistants: [c.assistant],
    questions: c.questions,
    policyId: c.policyId,
    policyVersion,
  };
  const row = await tx.trial.create({
    data: {
      ...charter,
      assistants: JSON.stringify(charter.assistants),
      questions: JSON.stringify(charter.questions),
      unitId,
      status: trial.closedAt ? 'CLOSED' : 'ACTIVE',
      published: trial.publishedAt !== null,
      startsAt,
      endsAt,
      createdById: leader.id,
      createdAt,
      updatedAt: lastChange,
    },
    select: { id: true },
  });
  const trialId = row.id;
  // The charter as createTrial snapshots it (trials.service.ts).
  await tx.trialRevision.create({
    data: { trialId, version: 1, charter: JSON.stringify({ ...charter, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }), changedById: leader.id, createdAt },
  });
  const invitedAt = at(trial.participantsAt);
  const briefed = briefings(trial, runs, at);
  const ids = trial.participants.map((k) => people.get(k)!.id);
  await tx.trialParticipant.createMany({
    data: trial.participants.map((k) => {
      const when = briefed.get(k) ?? null;
      return { trialId, userId: people.get(k)!.id, invitedAt, briefedAt: when, briefingVersion: when ? 1 : null };
    }),
  });

  const event = (when: Date, actor: Pick<Person, 'id' | 'role'>, action: AuditAction, details?: AuditDetails) =>
    batch.events.push({ at: when, actor, action, resourceType: 'trial', resourceId: trialId, unitId, ...(details ? { details } : {}) });
  event(createdAt, leader, 'trial.created', { version: 1, policyId: c.policyId, policyVersion, assistants: [c.assistant] });
  event(invitedAt, leader, 'trial.participants_changed', { added: ids.length, removed: 0, addedIds: ids, removedIds: [] });
  event(at(trial.startsAt), leader, 'trial.status_changed', { from: 'DRAFT', to: 'ACTIVE', policyVersion, reasonGiven: false });
  for (const [k, when] of briefed) if (when) event(when, people.get(k)!, 'trial.briefing_acknowledged', { briefingRevision: 1 });
  if (trial.closedAt) event(at(trial.closedAt), leader, 'trial.status_changed', { from: 'ACTIVE', to: 'CLOSED', reasonGiven: false });
  return trialId;
}

/** What the steps of one planned run share. */
interface RunContext {
  id: string;
  run: PlannedRun;
  draft: DemoDraft;
  requester: Person;
  leader: Person;
  trial: { id: string; unitId: string };
  policyId: string;
  policyVersion: string;
  /** Retention has erased the run's content (and the text beside it in reviews and the log). */
  purged: boolean;
  event(when: Date, actor: Pick<Person, 'id' | 'role'>, action: AuditAction, details: AuditDetails): void;
}

/** One planned run: its row, its reviews, its log, what was copied, and whether retention has erased it. */
function planRun(
  deps: Pick<Deps, 'policies'>,
  org: DemoOrganisation,
  run: PlannedRun,
  trial: { id: string; unitId: string },
  people: Map<ColleagueKey, Person>,
  leader: Person,
  batch: Batch,
): void {
  const c = CHARTERS[run.trial];
  const loaded = deps.policies.get(c.policyId);
  const id = randomUUID();
  const createdAt = momentAt(org.now, run.at);
  const retainUntil = new Date(createdAt.getTime() + (loaded?.policy.retentionDays ?? 30) * DAY_MS);
  const sweptAt = sweepAfter(retainUntil);
  const ctx: RunContext = {
    id,
    run,
    draft: draftOf(run),
    requester: people.get(run.requester)!,
    leader,
    trial,
    policyId: c.policyId,
    policyVersion: loaded?.version ?? 'unknown',
    purged: run.outcome !== 'BLOCKED' && sweptAt.getTime() <= org.now.getTime(),
    event: (when, actor, action, details) =>
      batch.events.push({ at: when, actor, action, resourceType: 'run', resourceId: id, unitId: trial.unitId, details }),
  };
  const { draft, requester, policyVersion, purged } = ctx;
  const base = {
    id,
    trialId: trial.id,
    userId: requester.id,
    assistant: run.assistant,
    policyId: c.policyId,
    policyVersion,
    guardDecision: draft.guardDecision,
    guardFindings: draft.guardFindings,
    inputChars: draft.inputChars,
    createdAt,
  };

  if (run.outcome === 'BLOCKED') {
    // As runs.service stores a refusal: counts and reasons, never the text.
    batch.runs.push({ ...base, status: 'BLOCKED', completedAt: createdAt });
    ctx.event(createdAt, requester, 'run.blocked', { ...draft.audit, policyVersion });
    return;
  }

  const completedAt = new Date(createdAt.getTime() + run.durationMs);
  ctx.event(completedAt, requester, 'run.completed', { ...draft.audit, policyVersion, durationMs: run.durationMs });
  const { firstAt, finalText } = planReviews(ctx, completedAt, batch);
  if (firstAt) planLog(ctx, firstAt, batch);
  const text = DRAFT_SOURCES[run.assistant === 'letter' ? 'letters' : 'minutes'].find((t) => t.id === run.textId)!;
  batch.runs.push({
    ...base,
    status: run.outcome === 'REJECTED' ? 'REJECTED' : run.outcome === 'AWAITING_REVIEW' ? 'DRAFT' : 'APPROVED',
    provider: draft.provider,
    model: draft.model,
    promptTokens: draft.promptTokens,
    completionTokens: draft.completionTokens,
    durationMs: run.durationMs,
    fourEyes: draft.fourEyes,
    input: purged ? null : text.text,
    output: purged ? null : draft.output,
    finalText: purged ? null : finalText,
    details: purged ? null : draft.details,
    pseudonymMap: purged ? null : draft.pseudonymMap,
    contentPurgedAt: purged ? sweptAt : null,
    retainUntil,
    completedAt,
  });
  if (purged) {
    const due = batch.sweeps.get(sweptAt.getTime()) ?? [];
    due.push({ runId: id, trialId: trial.id, unitId: trial.unitId, retainUntil, policyId: c.policyId });
    batch.sweeps.set(sweptAt.getTime(), due);
  }
}

/**
 * The human review as reviews.service records it: the requester decides first; where the policy wants four eyes,
 * the trial's leader opens the run and approves as the second person; an approved text may then be copied.
 * Returns when the first review was made (the experience log opens then) and the approved text.
 */
function planReviews(ctx: RunContext, completedAt: Date, batch: Batch): { firstAt: Date | null; finalText: string | null } {
  const { run, draft, requester, leader, purged } = ctx;
  if (run.outcome === 'AWAITING_REVIEW') return { firstAt: null, finalText: null };
  const edit = run.edit !== null ? draft.edits[run.edit]! : null;
  const firstAt = plus(completedAt, run.reviewAfterMinutes);
  const secondAt = draft.fourEyes && run.outcome !== 'REJECTED' ? plus(firstAt, run.secondApprovalAfterMinutes) : null;
  const review = (when: Date, reviewer: Person, decision: 'APPROVE' | 'EDIT_AND_APPROVE' | 'REJECT', step: number, size = 0, diff: string | null = null, reason: string | null = null) => {
    batch.reviews.push({ runId: ctx.id, reviewerId: reviewer.id, decision, step, reason: purged ? null : reason, editDiff: purged ? null : diff, editSize: size, createdAt: when });
    ctx.event(when, reviewer, 'run.reviewed', { decision, step, policyId: ctx.policyId, policyVersion: ctx.policyVersion, editSize: size, fourEyes: draft.fourEyes });
  };
  if (run.outcome === 'REJECTED') review(firstAt, requester, 'REJECT', 1, 0, null, run.rejectReason);
  if (run.outcome === 'APPROVED_AS_IS') review(firstAt, requester, 'APPROVE', 1);
  if (run.outcome === 'EDITED') review(firstAt, requester, 'EDIT_AND_APPROVE', 1, edit!.editSize, edit!.editDiff);
  if (secondAt) {
    // Someone else's run opened (one view), then approved as the second person.
    ctx.event(plus(secondAt, -1), leader, 'run.viewed', { status: 'DRAFT' });
    review(secondAt, leader, 'APPROVE', 2);
  }
  const finalText = run.outcome === 'APPROVED_AS_IS' ? draft.output : run.outcome === 'EDITED' ? edit!.finalText : null;
  if (run.copied && finalText !== null) {
    const copiedAt = plus(secondAt ?? firstAt, 3 + ((run.at.minute + run.durationMs) % 9));
    ctx.event(copiedAt, requester, 'run.exported', { policyId: ctx.policyId, policyVersion: ctx.policyVersion, chars: finalText.length });
  }
  return { firstAt, finalText };
}

/** The requester's experience log, as experiences.service stores it; its free text goes with the content when erased. */
function planLog(ctx: RunContext, firstAt: Date, batch: Batch): void {
  const l = ctx.run.log;
  if (!l) return;
  const loggedAt = plus(firstAt, l.afterMinutes);
  batch.logs.push({
    runId: ctx.id,
    userId: ctx.requester.id,
    usefulness: l.usefulness,
    minutesSaved: l.minutesSaved,
    failureTypes: JSON.stringify(l.failureTypes),
    wouldUseAgain: l.wouldUseAgain,
    reflection: ctx.purged ? null : l.note,
    answers: ctx.purged ? '{}' : JSON.stringify(l.answers),
    createdAt: loggedAt,
  });
  ctx.event(loggedAt, ctx.requester, 'experience.logged', {
    trialId: ctx.trial.id,
    usefulness: l.usefulness,
    minutesSaved: l.minutesSaved,
    failureTypes: l.failureTypes,
    wouldUseAgain: l.wouldUseAgain,
    answered: Object.keys(l.answers).length,
    reflection: l.note !== null,
  });
}

async function recordDecision(tx: Tx, org: DemoOrganisation, trial: PlannedTrial, trialId: string, batch: Batch): Promise<void> {
  if (!trial.decidedAt) return;
  const digital = { id: org.digitalUnitId, role: 'DIGITAL_UNIT' as const };
  const unitId = org.unitIds.get(CHARTERS[trial.key].unitCode)!;
  const decidedAt = momentAt(org.now, trial.decidedAt);
  const d = await tx.trialDecision.create({
    data: { trialId, outcome: FINISHED_DECISION.outcome, rationale: FINISHED_DECISION.rationale, evidence: FINISHED_DECISION.evidence, decidedById: digital.id, createdAt: decidedAt },
    select: { id: true },
  });
  batch.events.push({ at: decidedAt, actor: digital, action: 'trial.decided', resourceType: 'trial', resourceId: trialId, unitId, details: { outcome: FINISHED_DECISION.outcome, decisionId: d.id } });
  if (trial.publishedAt) {
    batch.events.push({ at: momentAt(org.now, trial.publishedAt), actor: digital, action: 'trial.published', resourceType: 'trial', resourceId: trialId, unitId });
  }
}

/** The sweeps that erased content, as retention.service records them: a sweep row, a purge event per run, a summary event. */
async function recordSweeps(tx: Tx, batch: Batch): Promise<void> {
  const rows: Prisma.RetentionSweepCreateManyInput[] = [];
  for (const [ms, due] of [...batch.sweeps.entries()].sort((a, b) => a[0] - b[0])) {
    const startedAt = new Date(ms);
    const finishedAt = new Date(ms + 20 + 6 * due.length);
    const sweep = { id: randomUUID(), startedAt, finishedAt, trigger: 'scheduled', runsPurged: due.length, documentsPurged: 0, errorCode: null };
    rows.push(sweep);
    due.forEach((r, i) =>
      batch.events.push({
        at: new Date(ms + 10 + 6 * i),
        actor: null,
        action: 'run.content_purged',
        resourceType: 'run',
        resourceId: r.runId,
        unitId: r.unitId,
        details: { trialId: r.trialId, retainUntil: r.retainUntil.toISOString(), policyId: r.policyId },
      }),
    );
    batch.events.push({
      at: finishedAt,
      actor: null,
      action: 'retention.swept',
      resourceType: 'retention_sweep',
      resourceId: sweep.id,
      details: { trigger: 'scheduled', runsPurged: due.length, documentsPurged: 0, errorCode: null },
    });
  }
  await tx.retentionSweep.createMany({ data: rows });
}

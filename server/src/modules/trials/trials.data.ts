/**
 * The trial tables (Trial, TrialParticipant, TrialDecision) as other modules read and change them: the run's
 * gate (runs), the evaluation, the decisions and the public register (insights), reflections and baselines
 * (experiences), the knowledge base (documents). The trials module owns its tables (STYLE.md: queries stay inside
 * the owning module), so their queries live here; trials.service.ts is the front door.
 */
import type { TrialDecisionView } from '../../contracts/trials.js';
import type { Db, Tx } from '../../lib/db.js';
import { toDecisionView } from './trials.access.js';

// ---------------------------------------------------------------------------------------------------------
// The run's gate (runs)

export interface RunGate {
  id: string;
  unitId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  assistants: string;
  policyId: string;
  policyVersion: string;
  briefingRevision: number;
  participant: { briefingVersion: number | null } | null;
}

type Raw<T> = { [K in keyof T]: unknown };

/**
 * What every run is checked against, the trial and the person's part in it, in one query: it is read on every
 * run, and Prisma's include would take two (see `npm run bench:pipeline`). Plain SQL that SQLite and PostgreSQL
 * both read; the drivers return dates, integers and booleans in different types, so the row is normalised here.
 */
export async function loadRunGate(db: Db, trialId: string, userId: string): Promise<RunGate | null> {
  const [row] = await db.$queryRaw<Raw<Omit<RunGate, 'participant'> & { participantId: string; briefingVersion: number }>[]>`
    SELECT t."id", t."unitId", t."status", t."startsAt", t."endsAt", t."assistants", t."policyId", t."policyVersion",
           t."briefingRevision", p."userId" AS "participantId", p."briefingVersion"
    FROM "Trial" t LEFT JOIN "TrialParticipant" p ON p."trialId" = t."id" AND p."userId" = ${userId}
    WHERE t."id" = ${trialId}`;
  if (!row) return null;
  const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date));
  return {
    id: String(row.id),
    unitId: String(row.unitId),
    status: String(row.status),
    startsAt: date(row.startsAt)!,
    endsAt: date(row.endsAt)!,
    assistants: String(row.assistants),
    policyId: String(row.policyId),
    policyVersion: String(row.policyVersion),
    briefingRevision: Number(row.briefingRevision),
    participant: row.participantId
      ? { briefingVersion: row.briefingVersion === null ? null : Number(row.briefingVersion) }
      : null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A trial and the person's part in it (insights, experiences, documents)

export function findTrialWithUnit(db: Db, trialId: string) {
  return db.trial.findUnique({ where: { id: trialId }, include: { unit: { select: { id: true, name: true } } } });
}

/**
 * The trial with the person's own participation, if any (an empty `participants` when they take no part), and the
 * briefing version they acknowledged.
 */
export function findTrialWithMembership(db: Db, trialId: string, userId: string) {
  return db.trial.findUnique({
    where: { id: trialId },
    include: { participants: { where: { userId }, select: { userId: true, briefingVersion: true } } },
  });
}

export async function isParticipant(db: Db, trialId: string, userId: string): Promise<boolean> {
  const p = await db.trialParticipant.findUnique({ where: { trialId_userId: { trialId, userId } }, select: { userId: true } });
  return p !== null;
}

/** Every participant of the trial with the briefing version they acknowledged. */
export function findParticipantBriefings(db: Db, trialId: string) {
  return db.trialParticipant.findMany({ where: { trialId }, select: { userId: true, briefingVersion: true } });
}

/** The assistants the charter enables, as stored (the trial exists: the caller has just read it). */
export async function assistantsOfTrial(db: Db, trialId: string): Promise<string[]> {
  const trial = await db.trial.findUniqueOrThrow({ where: { id: trialId }, select: { assistants: true } });
  return JSON.parse(trial.assistants) as string[];
}

// ---------------------------------------------------------------------------------------------------------
// The board and the public register (insights)

/** The trials that overlap a period (either end open), of one unit or all, newest first, with the latest decision. */
export function findTrialsForBoard(db: Db, filter: { unitId?: string; from: Date | null; to: Date | null }) {
  return db.trial.findMany({
    where: {
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
      // A trial belongs to a period it overlaps.
      ...(filter.to ? { startsAt: { lte: filter.to } } : {}),
      ...(filter.from ? { endsAt: { gte: filter.from } } : {}),
    },
    include: {
      unit: { select: { id: true, name: true } },
      decisions: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { outcome: true, createdAt: true } },
    },
    orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
  });
}

/** The published trials, newest first, with the latest decision and its rationale. */
export function findPublishedTrials(db: Db) {
  return db.trial.findMany({
    // A draft can never be published; the status check guards against a trial set back by hand.
    where: { published: true, status: { not: 'DRAFT' } },
    include: {
      unit: { select: { name: true } },
      decisions: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { outcome: true, rationale: true, createdAt: true } },
    },
    orderBy: [{ startsAt: 'desc' }, { id: 'asc' }],
  });
}

/** The policy of each of the trials, by trial id. */
export async function policiesOfTrials(db: Db, trialIds: string[]): Promise<Map<string, string>> {
  const rows = await db.trial.findMany({ where: { id: { in: trialIds } }, select: { id: true, policyId: true } });
  return new Map(rows.map((t) => [t.id, t.policyId]));
}

/** In the caller's transaction, beside its audit event. */
export async function setTrialPublished(tx: Tx, trialId: string, published: boolean): Promise<void> {
  await tx.trial.update({ where: { id: trialId }, data: { published } });
}

// ---------------------------------------------------------------------------------------------------------
// Decisions (insights)

export async function listTrialDecisions(db: Db, trialId: string): Promise<TrialDecisionView[]> {
  const rows = await db.trialDecision.findMany({
    where: { trialId },
    include: { decidedBy: { select: { name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map(toDecisionView);
}

/** A decision as recorded: the outcome and the texts the leader wrote, with the criteria as JSON. */
export interface DecisionInput {
  trialId: string;
  decidedById: string;
  outcome: 'ADOPT' | 'ADJUST' | 'STOP';
  rationale: string;
  evidence: string;
}

/** The same decision by the same person since `since`, if there is one (a double click, a retry). */
export function findSameDecisionSince(tx: Tx, d: DecisionInput, since: Date) {
  return tx.trialDecision.findFirst({
    where: {
      trialId: d.trialId,
      decidedById: d.decidedById,
      outcome: d.outcome,
      rationale: d.rationale,
      evidence: d.evidence,
      createdAt: { gte: since },
    },
    select: { id: true },
  });
}

/** In the caller's transaction, beside its audit event. */
export function createTrialDecision(tx: Tx, d: DecisionInput & { criteria: string; createdAt: Date }) {
  return tx.trialDecision.create({
    data: {
      trialId: d.trialId,
      outcome: d.outcome,
      rationale: d.rationale,
      evidence: d.evidence,
      criteria: d.criteria,
      decidedById: d.decidedById,
      createdAt: d.createdAt,
    },
    include: { decidedBy: { select: { name: true } } },
  });
}

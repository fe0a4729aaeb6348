/**
 * The runs table as the modules beside this one read and change it: the review of a draft (reviews), the
 * experience log's run (experiences), the evaluation's facts (insights), whether a trial has runs (trials) and
 * the erasure of content (retention). The runs module owns its table (STYLE.md: queries stay inside the owning
 * module), so their queries of it live here. This file imports nothing but lib/, so that any module may use it:
 * runs.service.ts itself uses reviews and trials, and their importing it would be a cycle.
 */
import type { Db, Prisma, Tx } from '../../lib/db.js';

// ---------------------------------------------------------------------------------------------------------
// The review of a draft (reviews)

/** A run with what its review needs: the trial it belongs to, its reviews and whether it has an experience log. */
const RUN_UNDER_REVIEW = {
  trial: { select: { id: true, unitId: true } },
  reviews: { include: { reviewer: { select: { id: true, name: true } } } },
  experienceLog: { select: { id: true } },
} satisfies Prisma.RunInclude;

export function findRunUnderReview(db: Db, runId: string) {
  return db.run.findUnique({ where: { id: runId }, include: RUN_UNDER_REVIEW });
}

export function getRunUnderReview(db: Db, runId: string) {
  return db.run.findUniqueOrThrow({ where: { id: runId }, include: RUN_UNDER_REVIEW });
}

/** What a review changes on its run: the decision's status, and the text as approved (none when rejected). */
export type ReviewedRunChange = { status: 'REJECTED'; finalText: null } | { status: 'APPROVED'; finalText: string } | { finalText: string };

/**
 * Writes a review's outcome to its draft, in the review's transaction: 'applied', or why not: the content was
 * erased since the run was read ('content_purged'), or the run is no longer a draft ('not_draft').
 */
export async function applyReview(tx: Tx, runId: string, change: ReviewedRunChange): Promise<'applied' | 'content_purged' | 'not_draft'> {
  // Only while the content is still there: a sweep that erased it since the run was read wins, and the
  // review (with its text and diff) is rolled back instead of writing text into an erased run.
  const updated = await tx.run.updateMany({ where: { id: runId, status: 'DRAFT', contentPurgedAt: null }, data: change });
  if (updated.count === 1) return 'applied';
  const current = await tx.run.findUnique({ where: { id: runId }, select: { contentPurgedAt: true } });
  return current?.contentPurgedAt ? 'content_purged' : 'not_draft';
}

/** A page of runs for the lists, without content, newest first; one row more than the page when there is a next. */
export function findRunPage(db: Db, where: Prisma.RunWhereInput, page: { limit: number; cursor?: string }) {
  return db.run.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      trialId: true,
      assistant: true,
      status: true,
      guardDecision: true,
      fourEyes: true,
      createdAt: true,
      trial: { select: { title: true } },
      user: { select: { id: true, name: true } },
      reviews: { select: { step: true } },
      experienceLog: { select: { id: true } },
    },
  });
}

export function countRuns(db: Db, where: Prisma.RunWhereInput): Promise<number> {
  return db.run.count({ where });
}

// ---------------------------------------------------------------------------------------------------------
// The experience log (experiences) and whether a trial has runs (trials)

/** A run with what its experience log needs: who ran it, its status and reviews, its trial's questions, the log. */
export function findRunForExperience(db: Db, runId: string) {
  return db.run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      userId: true,
      status: true,
      trial: { select: { id: true, unitId: true, questions: true } },
      reviews: { select: { step: true } },
      experienceLog: true,
    },
  });
}

export async function trialHasRuns(db: Db, trialId: string): Promise<boolean> {
  return (await db.run.count({ where: { trialId }, take: 1 })) > 0;
}

// ---------------------------------------------------------------------------------------------------------
// The evaluation (insights)

/** The select that loads the facts the measures need; content columns (input, output, finalText, details) are never read. */
const RUN_FACTS_SELECT = {
  id: true,
  userId: true,
  assistant: true,
  status: true,
  guardDecision: true,
  guardFindings: true,
  policyId: true,
  provider: true,
  model: true,
  promptTokens: true,
  completionTokens: true,
  durationMs: true,
  createdAt: true,
  reviews: { select: { decision: true, step: true, editSize: true } },
  experienceLog: { select: { userId: true, usefulness: true, minutesSaved: true, failureTypes: true, wouldUseAgain: true } },
} as const;

/** The facts of the trials' runs in a period (either end open), oldest first. */
export function findRunFacts(db: Db, trialIds: string[], period: { from: Date | null; to: Date | null }) {
  return db.run.findMany({
    where: {
      trialId: { in: trialIds },
      createdAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lte: period.to } : {}) },
    },
    select: { ...RUN_FACTS_SELECT, trialId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}

// ---------------------------------------------------------------------------------------------------------
// Erasure (retention)

/** The oldest unpurged runs whose retention date has passed, up to `take`, with what their audit event names. */
export function findRunsDueForErasure(db: Db, now: Date, take: number) {
  return db.run.findMany({
    where: { retainUntil: { lte: now }, contentPurgedAt: null },
    select: { id: true, retainUntil: true, policyId: true, trialId: true, trial: { select: { unitId: true } } },
    orderBy: { retainUntil: 'asc' },
    take,
  });
}

/**
 * Erases a run's content (input, output, final text, details, pseudonym mapping), in the sweep's transaction.
 * Only while still unpurged, so a sweep running alongside never erases (and audits) it twice: false when it was.
 */
export async function eraseRunContent(tx: Tx, runId: string, now: Date): Promise<boolean> {
  const { count } = await tx.run.updateMany({
    where: { id: runId, contentPurgedAt: null },
    data: { input: null, output: null, finalText: null, details: null, pseudonymMap: null, contentPurgedAt: now },
  });
  return count > 0;
}

/** How many unpurged runs have their retention date in the window, and the first `take` of them. */
export function runErasureQueue(db: Db, retainUntil: { lte: Date; gt?: Date }, take: number) {
  const where = { retainUntil, contentPurgedAt: null };
  return Promise.all([
    db.run.count({ where }),
    db.run.findMany({
      where,
      select: { id: true, trialId: true, policyId: true, retainUntil: true, trial: { select: { title: true } } },
      orderBy: { retainUntil: 'asc' },
      take,
    }),
  ]);
}

export function countErasedRuns(db: Db): Promise<number> {
  return db.run.count({ where: { contentPurgedAt: { not: null } } });
}

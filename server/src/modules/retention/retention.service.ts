import {
  RETENTION_ITEMS_LIMIT,
  type RetentionGroup,
  type RetentionItem,
  type RetentionOverview,
  type RetentionSweepView,
  type RetentionTrigger,
} from '../../contracts/retention.js';
import type { Deps } from '../../deps.js';
import { type Tx, reclaimErasedSpace } from '../../lib/db.js';
import { AppError, conflict } from '../../lib/errors.js';
import { type AuditInput, recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { requireRole } from '../auth/permissions.service.js';
import {
  countErasedDocuments,
  documentErasureQueue,
  eraseDocumentContent,
  findDocumentsDueForErasure,
  invalidateTrialIndex,
} from '../documents/documents.service.js';
import { eraseExperienceFreeText } from '../experiences/experiences.service.js';
import { eraseJobContent } from '../jobs/jobs.service.js';
import { eraseReviewText } from '../reviews/reviews.service.js';
import { countErasedRuns, eraseRunContent, findRunsDueForErasure, runErasureQueue } from '../runs/run-records.service.js';

const DAY_MS = 86_400_000;
const UPCOMING_DAYS = 7;
const LATEST_SWEEPS = 20;
/** Items purged per transaction: small enough that a sweep never holds the (SQLite) write lock for long. */
export const RETENTION_BATCH = 100;
/** Every table a sweep writes erased content out of: the ones whose files must be made to forget it. */
const CONTENT_TABLES = ['Run', 'Review', 'Job', 'ExperienceLog', 'Document', 'Chunk', 'KeptRecording'] as const;

type AuditActor = Pick<Actor, 'id' | 'role'> | null;

/** Arbitrary constant that names the lock under which a sweep starts, on PostgreSQL (the audit chain's is 724_201). */
const SWEEP_START_LOCK_KEY = 724_202;
/**
 * A sweep that has not finished after this long is taken to be dead (its instance stopped mid-way): it no
 * longer keeps others from starting. A real sweep purges in batches of RETENTION_BATCH and takes seconds.
 */
export const SWEEP_LEASE_MS = 30 * 60_000;

interface SweepRow {
  id: string;
  trigger: string;
  startedAt: Date;
  finishedAt: Date | null;
  runsPurged: number;
  documentsPurged: number;
  errorCode: string | null;
  startedById: string | null;
}

function toSweepView(s: SweepRow): RetentionSweepView {
  return {
    id: s.id,
    trigger: s.trigger === 'manual' ? 'manual' : 'scheduled',
    startedAt: s.startedAt.toISOString(),
    finishedAt: s.finishedAt?.toISOString() ?? null,
    runsPurged: s.runsPurged,
    documentsPurged: s.documentsPurged,
    errorCode: s.errorCode,
    startedById: s.startedById,
  };
}

/**
 * Erases the content of every run and knowledge-base document whose retention date has passed (GDPR Art. 5(1)(e),
 * storage limitation). What stays is what the trial's evaluation and the audit trail need and holds no content:
 * the run's status, counts, tokens and policy, the reviews' decisions and edit sizes, the experience log's ratings.
 * Each item is purged with its own audit event in the same transaction, in batches. Safe to run again at any time:
 * an item is only touched while it is still unpurged. A failure part-way is recorded on the sweep row; what was
 * purged before it stays purged, and the next pass picks up the rest.
 *
 * Erased from the rows is not yet erased from the disk: when anything was purged, the database is then made to
 * drop the old bytes from its files as far as it can (reclaimErasedSpace, docs/decisions/0011-erasure-on-disk.md).
 */
export async function sweepRetention(
  deps: Deps,
  opts: { trigger: RetentionTrigger; actor?: AuditActor },
): Promise<RetentionSweepView> {
  const actor = opts.actor ?? null;
  const startedAt = deps.now();
  const sweep = await startSweep(deps, opts.trigger, actor, startedAt);
  let runsPurged = 0;
  let documentsPurged = 0;
  let errorCode: string | null = null;
  try {
    runsPurged = await purgeDueRuns(deps, actor, startedAt);
    documentsPurged = await purgeDueDocuments(deps, actor, startedAt);
  } catch (err) {
    errorCode = 'RETENTION_FAILED';
    // The error's name only: a database error's message can quote the row it failed on.
    deps.logger.error({ sweepId: sweep.id, runsPurged, documentsPurged, err: { name: (err as Error)?.name } }, 'retention sweep failed');
  }
  const done = await deps.db.$transaction(async (tx) => {
    const row = await tx.retentionSweep.update({
      where: { id: sweep.id },
      data: { finishedAt: deps.now(), runsPurged, documentsPurged, errorCode },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'retention.swept',
      resourceType: 'retention_sweep',
      resourceId: sweep.id,
      details: { trigger: opts.trigger, runsPurged, documentsPurged, errorCode },
    });
    return row;
  });
  deps.logger.info({ sweepId: sweep.id, trigger: opts.trigger, runsPurged, documentsPurged, errorCode }, 'retention sweep finished');
  if (runsPurged + documentsPurged > 0) await reclaimDisk(deps, sweep.id);
  return toSweepView(done);
}

/**
 * One sweep at a time, across every instance on the database: two would erase the same rows and wait on each
 * other's locks. The start is serialised (an advisory lock on PostgreSQL; SQLite's transactions are serial) and
 * refused while another sweep that is not yet past its lease is unfinished; the scheduler logs that and tries
 * at its next tick, a person is told to try again shortly.
 */
async function startSweep(deps: Deps, trigger: RetentionTrigger, actor: AuditActor, startedAt: Date): Promise<SweepRow> {
  return deps.db.$transaction(async (tx) => {
    if (deps.provider === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SWEEP_START_LOCK_KEY})`);
    const running = await tx.retentionSweep.findFirst({
      where: { finishedAt: null, startedAt: { gt: new Date(startedAt.getTime() - SWEEP_LEASE_MS) } },
      select: { id: true },
    });
    if (running) {
      throw conflict('RETENTION_IN_PROGRESS', 'En anden sletning af forfaldent indhold er i gang lige nu. Vent et øjeblik, og opdatér siden.', {
        sweepId: running.id,
      });
    }
    return tx.retentionSweep.create({ data: { startedAt, trigger, startedById: actor?.id ?? null } });
  });
}

/**
 * The audit events of one batch, appended after every row of the batch is written. Every audited write takes its
 * row locks first and the audit chain's lock last (a review locks its run, then appends): were the sweep to
 * append after each item, it would hold the chain's lock while waiting for the next run's row, which a review
 * holds while waiting for the chain: a deadlock on PostgreSQL (docs/decisions/0003).
 */
async function appendBatchEvents(tx: Tx, deps: Deps, events: AuditInput[]): Promise<void> {
  for (const event of events) await recordAudit(tx, deps.provider, event);
}

/**
 * Never fails the sweep: the rows are erased and audited either way, and the next sweep that purges tries again.
 * A database that cannot yet give pages back (not in incremental auto-vacuum) or whose log could not be emptied
 * (another process reading the file) is worth a warning, since erased bytes may then stay in the files.
 */
async function reclaimDisk(deps: Deps, sweepId: string): Promise<void> {
  try {
    const report = await reclaimErasedSpace(deps.db, deps.provider, CONTENT_TABLES);
    const incomplete = report.provider === 'sqlite' && (!report.walCheckpointed || report.autoVacuum !== 'incremental');
    if (incomplete) deps.logger.warn({ sweepId, ...report }, 'erased content may remain in the database files until the next sweep');
    else deps.logger.info({ sweepId, ...report }, 'database files reclaimed after erasure');
  } catch (err) {
    deps.logger.warn({ sweepId, err: { name: (err as Error)?.name } }, 'database files not reclaimed after erasure');
  }
}

async function purgeDueRuns(deps: Deps, actor: AuditActor, now: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const batch = await findRunsDueForErasure(deps.db, now, RETENTION_BATCH);
    if (batch.length === 0) return purged;
    purged += await deps.db.$transaction(async (tx) => {
      const events: AuditInput[] = [];
      for (const run of batch) {
        // Only while still unpurged: a sweep running alongside (scheduled and manual) never audits an item twice.
        if (!(await eraseRunContent(tx, run.id, now))) continue;
        await eraseReviewText(tx, run.id);
        // The ratings stay for the evaluation; the free text beside them can quote the case, so it goes with it.
        await eraseExperienceFreeText(tx, run.id);
        // A transcription or minutes job may have carried the run's text; its type and status stay for the record.
        await eraseJobContent(tx, { runId: run.id });
        events.push({
          actor,
          action: 'run.content_purged',
          resourceType: 'run',
          resourceId: run.id,
          unitId: run.trial.unitId,
          details: { trialId: run.trialId, retainUntil: run.retainUntil!.toISOString(), policyId: run.policyId },
        });
      }
      await appendBatchEvents(tx, deps, events);
      return events.length;
    });
    if (batch.length < RETENTION_BATCH) return purged;
  }
}

async function purgeDueDocuments(deps: Deps, actor: AuditActor, now: Date): Promise<number> {
  let purged = 0;
  const trials = new Set<string>();
  try {
    for (;;) {
      const batch = await findDocumentsDueForErasure(deps.db, now, RETENTION_BATCH);
      if (batch.length === 0) return purged;
      purged += await deps.db.$transaction(async (tx) => {
        const events: AuditInput[] = [];
        for (const doc of batch) {
          if (!(await eraseDocumentContent(tx, doc.id, now))) continue;
          await eraseJobContent(tx, { documentId: doc.id });
          events.push({
            actor,
            action: 'document.purged',
            resourceType: 'document',
            resourceId: doc.id,
            unitId: doc.trial.unitId,
            details: { trialId: doc.trialId, retainUntil: doc.retainUntil!.toISOString(), policyId: doc.trial.policyId },
          });
          trials.add(doc.trialId);
        }
        await appendBatchEvents(tx, deps, events);
        return events.length;
      });
      if (batch.length < RETENTION_BATCH) return purged;
    }
  } finally {
    // Searches must stop finding purged passages at once, not when the in-memory index is next rebuilt.
    for (const trialId of trials) invalidateTrialIndex(trialId);
  }
}

/** What is due for erasure, what comes next, and what the sweeps have done. Digital unit only. */
export async function getRetentionOverview(deps: Deps, actor: Actor): Promise<RetentionOverview> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const now = deps.now();
  const horizon = new Date(now.getTime() + UPCOMING_DAYS * DAY_MS);
  const [due, upcoming, sweeps, runsPurged, documentsPurged] = await Promise.all([
    retentionGroup(deps, { lte: now }),
    retentionGroup(deps, { gt: now, lte: horizon }),
    deps.db.retentionSweep.findMany({ orderBy: { startedAt: 'desc' }, take: LATEST_SWEEPS }),
    countErasedRuns(deps.db),
    countErasedDocuments(deps.db),
  ]);
  return {
    due,
    upcoming,
    sweeps: sweeps.map(toSweepView),
    purgedTotals: { runs: runsPurged, documents: documentsPurged },
    nextScheduledAt: nextScheduledAt?.toISOString() ?? null,
  };
}

async function retentionGroup(deps: Deps, retainUntil: { lte: Date; gt?: Date }): Promise<RetentionGroup> {
  const [[runs, runRows], [documents, docRows]] = await Promise.all([
    runErasureQueue(deps.db, retainUntil, RETENTION_ITEMS_LIMIT),
    documentErasureQueue(deps.db, retainUntil, RETENTION_ITEMS_LIMIT),
  ]);
  const items: RetentionItem[] = [
    ...runRows.map((r) => ({
      kind: 'run' as const,
      id: r.id,
      trialId: r.trialId,
      trialTitle: r.trial.title,
      policyId: r.policyId,
      policyTitle: deps.policies.get(r.policyId)?.policy.title.da ?? r.policyId,
      retainUntil: r.retainUntil!.toISOString(),
    })),
    ...docRows.map((d) => ({
      kind: 'document' as const,
      id: d.id,
      trialId: d.trialId,
      trialTitle: d.trial.title,
      policyId: d.trial.policyId,
      policyTitle: deps.policies.get(d.trial.policyId)?.policy.title.da ?? d.trial.policyId,
      retainUntil: d.retainUntil!.toISOString(),
    })),
  ];
  items.sort((a, b) => a.retainUntil.localeCompare(b.retainUntil));
  return { runs, documents, items: items.slice(0, RETENTION_ITEMS_LIMIT) };
}

/** When the scheduler (one per process) will sweep next; null when it is not running. */
let nextScheduledAt: Date | null = null;

export interface RetentionScheduler {
  stop(): Promise<void>;
}

/**
 * Sweeps every `intervalMinutes` (RETENTION_INTERVAL_MINUTES; 0 disables it), first one interval after start.
 * A failing pass is recorded on its sweep row and logged without content; the next pass tries again, and the
 * server keeps serving. `stop()` waits for a pass in progress, so shutdown never cuts a batch in half.
 */
export function startRetentionScheduler(deps: Deps, intervalMinutes: number): RetentionScheduler {
  if (intervalMinutes <= 0) {
    nextScheduledAt = null;
    return { stop: async () => {} };
  }
  const intervalMs = intervalMinutes * 60_000;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  nextScheduledAt = new Date(Date.now() + intervalMs);
  const timer = setInterval(() => {
    nextScheduledAt = new Date(Date.now() + intervalMs);
    if (running || stopped) return;
    running = sweepRetention(deps, { trigger: 'scheduled' })
      .catch((err: unknown) => {
        // Another instance's sweep is erasing the same content: nothing to do until the next tick.
        if (err instanceof AppError && err.code === 'RETENTION_IN_PROGRESS') deps.logger.info('retention sweep skipped: another sweep is running');
        else deps.logger.error({ err: { name: (err as Error)?.name } }, 'retention sweep could not be recorded');
      })
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      nextScheduledAt = null;
      await running;
    },
  };
}

import type { JobStatus, JobType, JobView } from '../../contracts/jobs.js';
import type { Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Job } from '../../lib/db.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';

export type { Job };

/** A job is tried this many times in all before it ends FAILED. */
export const MAX_ATTEMPTS = 3;
const DEFAULT_POLL_MS = 1000;

export interface JobContext {
  deps: Deps;
  /** Stores progress (0-100, rounded and clamped) and an optional Danish message for the person waiting. */
  progress(pct: number, message?: string): Promise<void>;
  /** Aborted when the worker stops (server shutdown): a handler passes it on to provider calls. */
  signal: AbortSignal;
}

/** Does the work of one job; its JSON-safe return value is stored as the job's result (keep it content-free: ids). */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

/**
 * A failure a handler names itself. `retry: false` for failures another try cannot fix (the policy refuses the
 * text, the file is unreadable); the message is Danish and shown to the person, so it must hold no content.
 */
export class JobFailure extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly retry = false,
  ) {
    super(message);
    this.name = 'JobFailure';
  }
}

const handlers = new Map<JobType, JobHandler>();

/** One handler per job type, registered when its module loads (the last registration wins). */
export function registerJobHandler(type: JobType, handler: JobHandler): void {
  handlers.set(type, handler);
}

export interface EnqueueInput {
  type: JobType;
  /** Content-free JSON (ids, counts, a file's kind): content lives in its own rows, where retention purges it. */
  payload: Record<string, unknown>;
  runId?: string;
  documentId?: string;
  createdById?: string;
}

export async function enqueueJob(deps: Deps, input: EnqueueInput): Promise<Job> {
  return deps.db.$transaction(async (tx) => {
    const job = await tx.job.create({
      data: {
        type: input.type,
        payload: JSON.stringify(input.payload),
        runId: input.runId ?? null,
        documentId: input.documentId ?? null,
        createdById: input.createdById ?? null,
        message: 'Venter i kø',
        createdAt: deps.now(),
      },
    });
    await recordAudit(tx, deps.provider, {
      actor: null,
      action: 'job.queued',
      resourceType: 'job',
      resourceId: job.id,
      details: { type: job.type, createdById: job.createdById, runId: job.runId, documentId: job.documentId },
    });
    return job;
  });
}

/** The creator of a job sees it, and so does the digital unit. To anyone else it does not exist. */
export async function getJob(deps: Deps, actor: Actor, id: string): Promise<JobView> {
  const job = await deps.db.job.findUnique({ where: { id } });
  if (!job || (job.createdById !== actor.id && actor.role !== 'DIGITAL_UNIT')) throw notFound('Jobbet');
  return toJobView(job);
}

export function toJobView(job: Job): JobView {
  return {
    id: job.id,
    type: job.type as JobType,
    status: job.status as JobStatus,
    progress: job.progress,
    message: job.message,
    errorCode: job.errorCode,
    runId: job.runId,
    documentId: job.documentId,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Jobs left RUNNING by a process that died are queued again. The worker is in-process and single: with
 * several server processes on one database this would take over the others' running jobs (see the record).
 */
export async function requeueStaleJobs(deps: Deps): Promise<number> {
  const { count } = await deps.db.job.updateMany({
    where: { status: 'RUNNING' },
    data: { status: 'QUEUED', message: 'Genoptages efter en genstart' },
  });
  if (count) deps.logger.warn({ count }, 'jobs re-queued after restart');
  return count;
}

/**
 * Claims the oldest queued job that has a handler, runs it and stores the outcome. Returns the job as stored
 * afterwards, or null when there was nothing to do. Tests call this directly; the worker calls it in a loop.
 */
export async function runNextJob(deps: Deps, signal: AbortSignal = new AbortController().signal): Promise<Job | null> {
  const types = [...handlers.keys()];
  if (types.length === 0) return null;
  for (;;) {
    const next = await deps.db.job.findFirst({
      where: { status: 'QUEUED', type: { in: types } },
      orderBy: { createdAt: 'asc' },
      select: { id: true },
    });
    if (!next) return null;
    // Atomic claim: only one worker turns QUEUED into RUNNING; a worker that loses the race looks again.
    const { count } = await deps.db.job.updateMany({
      where: { id: next.id, status: 'QUEUED' },
      data: { status: 'RUNNING', attempts: { increment: 1 }, startedAt: deps.now(), message: 'I gang', errorCode: null },
    });
    if (count === 1) return runClaimed(deps, next.id, signal);
  }
}

async function runClaimed(deps: Deps, id: string, signal: AbortSignal): Promise<Job> {
  const job = await deps.db.job.findUniqueOrThrow({ where: { id } });
  const handler = handlers.get(job.type as JobType)!;
  await audit(deps, job, 'job.started', { attempt: job.attempts });
  deps.logger.info({ jobId: job.id, type: job.type, attempt: job.attempts }, 'job started');
  const ctx: JobContext = {
    deps,
    signal,
    async progress(pct, message) {
      const progress = Math.max(0, Math.min(100, Math.round(pct)));
      await deps.db.job.update({ where: { id }, data: { progress, ...(message !== undefined ? { message } : {}) } });
    },
  };
  try {
    const result = await handler(job, ctx);
    const done = await deps.db.job.update({
      where: { id },
      data: {
        status: 'SUCCEEDED',
        progress: 100,
        message: 'Færdig',
        result: result === undefined ? null : JSON.stringify(result),
        finishedAt: deps.now(),
        // A handler that produced a run (the transcript's minutes) links it.
        ...(isRunResult(result) ? { runId: result.runId } : {}),
      },
    });
    await audit(deps, done, 'job.succeeded', { attempt: done.attempts });
    deps.logger.info({ jobId: id, type: job.type, attempt: job.attempts }, 'job succeeded');
    return done;
  } catch (err) {
    const { code, message, retry } = describeFailure(err);
    const again = retry && job.attempts < MAX_ATTEMPTS && !signal.aborted;
    const failed = await deps.db.job.update({
      where: { id },
      data: again
        ? { status: 'QUEUED', errorCode: code, message: 'Det mislykkedes. Prøver igen om lidt.' }
        : { status: 'FAILED', errorCode: code, message, finishedAt: deps.now() },
    });
    await audit(deps, failed, again ? 'job.retrying' : 'job.failed', { attempt: job.attempts, errorCode: code });
    // The error's name and our code only: messages of foreign errors can quote the data that failed.
    deps.logger.warn({ jobId: id, type: job.type, attempt: job.attempts, code, err: { name: (err as Error)?.name }, retry: again }, 'job failed');
    return failed;
  }
}

function isRunResult(v: unknown): v is { runId: string } {
  return typeof v === 'object' && v !== null && typeof (v as { runId?: unknown }).runId === 'string';
}

const GENERIC_FAILURE = 'Jobbet kunne ikke gennemføres. Prøv igen; sker det igen, så kontakt Digital Udvikling.';

function describeFailure(err: unknown): { code: string; message: string; retry: boolean } {
  if (err instanceof JobFailure) return { code: err.code, message: err.message, retry: err.retry };
  // The pipeline's own refusals (policy, trial closed, limit reached) will say the same on every try.
  if (err instanceof AppError) return { code: err.code, message: err.message, retry: false };
  const kind = (err as { name?: string; kind?: string })?.name === 'ProviderError' ? (err as { kind: string }).kind : undefined;
  if (kind) return { code: kind, message: GENERIC_FAILURE, retry: kind !== 'refused' };
  return { code: 'INTERNAL', message: GENERIC_FAILURE, retry: true };
}

async function audit(deps: Deps, job: Job, action: string, extra: Record<string, string | number | null>): Promise<void> {
  await deps.db.$transaction((tx) =>
    recordAudit(tx, deps.provider, {
      actor: null,
      action,
      resourceType: 'job',
      resourceId: job.id,
      details: { type: job.type, status: job.status, runId: job.runId, documentId: job.documentId, ...extra },
    }),
  );
}

export interface JobWorker {
  stop(): Promise<void>;
}

/**
 * The in-process worker: re-queues what a crashed process left RUNNING, then runs queued jobs one at a time,
 * looking again every `pollMs` when the queue is empty. `stop()` aborts the running job's signal and waits.
 */
export function startJobWorker(deps: Deps, opts: { pollMs?: number } = {}): JobWorker {
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const abort = new AbortController();
  let wake: (() => void) | undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    try {
      await requeueStaleJobs(deps);
    } catch {
      deps.logger.error('job re-queue failed');
    }
    while (!abort.signal.aborted) {
      let ran: Job | null = null;
      try {
        ran = await runNextJob(deps, abort.signal);
      } catch (err) {
        // A database hiccup must not end the worker; it looks again after the pause.
        deps.logger.error({ err: { name: (err as Error)?.name } }, 'job worker poll failed');
      }
      if (!ran && !abort.signal.aborted) await sleep();
    }
  })();

  return {
    async stop() {
      abort.abort();
      wake?.();
      await loop;
    },
  };
}

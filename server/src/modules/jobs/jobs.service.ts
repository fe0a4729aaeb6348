import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AuditAction } from '../../contracts/audit.js';
import { JOB_QUEUE_LIMIT, type JobQueueItem, type JobQueueResponse, type JobQueueSummary, JobType, type JobStatus, type JobView } from '../../contracts/jobs.js';
import type { Deps } from '../../deps.js';
import { AppError, notFound } from '../../lib/errors.js';
import type { Job, Tx } from '../../lib/db.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { requireRole } from '../auth/permissions.service.js';

export type { Job };

/**
 * A job is tried this many times in all before it ends FAILED: the cap on attempts, whatever step of the job
 * failed. An attempt the server's shutdown interrupted is given back (it did not fail).
 */
export const MAX_ATTEMPTS = 3;
const DEFAULT_POLL_MS = 1000;
/**
 * How long a claimed job is its worker's without a sign of life, unless JOB_LEASE_SECONDS says otherwise. The worker renews the leases of its running
 * jobs every third of this; a job whose lease runs out lost its instance (killed, crashed, cut off) and is
 * queued again by whichever worker looks next. Long enough that a busy event loop or a slow database does not
 * lose a lease, short enough that a recording is picked up again within a minute or so.
 */
export const DEFAULT_LEASE_MS = 60_000;

/** Names this process's workers in the jobs they hold: content-free, for the operator and the lease checks. */
const PROCESS_WORKER_ID = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;

/** Shown on a job that a shutdown interrupted: it is queued again and continues after the restart. */
export const HANDED_BACK_MESSAGE = 'Serveren genstarter. Jobbet er sat i kø igen og fortsætter af sig selv, når serveren er oppe.';

export interface JobContext {
  deps: Deps;
  /** Stores progress (0-100, rounded and clamped) and an optional Danish message for the person waiting. */
  progress(pct: number, message?: string): Promise<void>;
  /**
   * Links the job to a run it made, before the job ends (a failed try's run): the job's final state then names
   * the run. A successful handler's `{ runId }` result links its run as well.
   */
  linkRun(runId: string): Promise<void>;
  /**
   * This attempt's own signal: aborted when the worker stops (server shutdown), never shared with another job.
   * A handler passes it on to provider calls; the SDK adds a listener to it per call, which goes with the job.
   */
  signal: AbortSignal;
}

/** Does the work of one job; its JSON-safe return value is stored as the job's result (keep it content-free: ids). */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

export interface JobHandlerOptions {
  /**
   * Called once when the job has ended for good (SUCCEEDED or FAILED), not between attempts: to delete what the
   * job kept between attempts (a recording, its transcript). Errors are logged and otherwise ignored.
   */
  onEnd?: (job: Job, deps: Deps) => Promise<void>;
  /** Called when a worker starts, after the re-queue: to remove what crashed or deleted jobs left behind. */
  onWorkerStart?: (deps: Deps) => Promise<void>;
}

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

const handlers = new Map<JobType, { run: JobHandler } & JobHandlerOptions>();

/** One handler per job type, registered when its module loads (the last registration wins). */
export function registerJobHandler(type: JobType, handler: JobHandler, opts: JobHandlerOptions = {}): void {
  handlers.set(type, { run: handler, ...opts });
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

const DAY_MS = 86_400_000;

/** How the queue stands, for readiness and the digital unit: counts only, cheap (indexed by status). */
export async function jobQueueSummary(deps: Pick<Deps, 'db' | 'now'>): Promise<JobQueueSummary> {
  const now = deps.now();
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [queued, running, failedLastDay, deadLastDay, oldest] = await Promise.all([
    deps.db.job.count({ where: { status: 'QUEUED' } }),
    deps.db.job.count({ where: { status: 'RUNNING' } }),
    deps.db.job.count({ where: { status: 'FAILED', finishedAt: { gte: dayAgo } } }),
    deps.db.job.count({ where: { status: 'FAILED', errorCode: 'LEASE_EXPIRED', finishedAt: { gte: dayAgo } } }),
    deps.db.job.findFirst({ where: { status: 'QUEUED' }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
  ]);
  return {
    queued,
    running,
    failedLastDay,
    deadLastDay,
    oldestQueuedSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.createdAt.getTime()) / 1000)) : null,
  };
}

/** The queue for the digital unit: what waits and runs, and what failed in the last day. No payload, no result. */
export async function listJobQueue(deps: Deps, actor: Actor): Promise<JobQueueResponse> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const dayAgo = new Date(deps.now().getTime() - DAY_MS);
  const select = { id: true, type: true, status: true, attempts: true, errorCode: true, createdAt: true, startedAt: true, finishedAt: true, workerId: true, leaseUntil: true } as const;
  const [summary, open, failed] = await Promise.all([
    jobQueueSummary(deps),
    deps.db.job.findMany({ where: { status: { in: ['QUEUED', 'RUNNING'] } }, orderBy: { createdAt: 'asc' }, take: JOB_QUEUE_LIMIT, select }),
    deps.db.job.findMany({ where: { status: 'FAILED', finishedAt: { gte: dayAgo } }, orderBy: { finishedAt: 'desc' }, take: JOB_QUEUE_LIMIT, select }),
  ]);
  const jobs: JobQueueItem[] = [...open, ...failed].slice(0, JOB_QUEUE_LIMIT).map((j) => ({
    id: j.id,
    type: j.type as JobType,
    status: j.status as JobStatus,
    attempts: j.attempts,
    errorCode: j.errorCode,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt?.toISOString() ?? null,
    finishedAt: j.finishedAt?.toISOString() ?? null,
    workerId: j.status === 'RUNNING' ? j.workerId : null,
    leaseUntil: j.status === 'RUNNING' ? (j.leaseUntil?.toISOString() ?? null) : null,
  }));
  return { summary, jobs };
}

/**
 * In the erasure's transaction (retention): clears what the jobs of an erased run or document may have carried of
 * its text (payload and result); their type and status stay for the record.
 */
export async function eraseJobContent(tx: Tx, of: { runId: string } | { documentId: string }): Promise<void> {
  await tx.job.updateMany({ where: of, data: { payload: '{}', result: null } });
}

/** The payloads (as stored, JSON) of the jobs of `type` still queued or running: what they will still need. */
export async function unfinishedJobPayloads(deps: Pick<Deps, 'db'>, type: JobType): Promise<string[]> {
  const jobs = await deps.db.job.findMany({ where: { type, status: { in: ['QUEUED', 'RUNNING'] } }, select: { payload: true } });
  return jobs.map((j) => j.payload);
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

/** Shown on a job queued again because the instance that ran it stopped answering. */
const RECLAIMED_MESSAGE = 'Genoptages: den server, der var i gang med jobbet, svarer ikke længere.';
const LEASE_EXPIRED_MESSAGE =
  'Jobbet blev afbrudt hver gang, det blev prøvet (serveren stoppede undervejs). Prøv igen; sker det igen, så kontakt Digital Udvikling.';

/**
 * RUNNING jobs whose lease has run out (or that have none, from a process that died before leases) lost their
 * instance: queued again, or FAILED when that was their last attempt, so a job that brings its instance down
 * every time does not go round for ever. Jobs under a live lease are another instance's work and are left
 * alone, so restarting one instance never re-runs what another is doing. Returns how many were taken back.
 */
export async function requeueStaleJobs(deps: Deps): Promise<number> {
  const now = deps.now();
  const expired = { status: 'RUNNING' as const, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
  const dead = await deps.db.job.findMany({ where: { ...expired, attempts: { gte: MAX_ATTEMPTS } } });
  for (const job of dead) {
    const { count } = await deps.db.job.updateMany({
      where: { id: job.id, status: 'RUNNING', OR: expired.OR },
      data: { status: 'FAILED', errorCode: 'LEASE_EXPIRED', message: LEASE_EXPIRED_MESSAGE, finishedAt: now, workerId: null, leaseUntil: null },
    });
    if (count === 0) continue;
    const failed: Job = { ...job, status: 'FAILED', errorCode: 'LEASE_EXPIRED', message: LEASE_EXPIRED_MESSAGE, finishedAt: now };
    await audit(deps, failed, 'job.failed', { attempt: job.attempts, errorCode: 'LEASE_EXPIRED' });
    const handler = handlers.get(job.type as JobType);
    if (handler) await ended(deps, handler, failed);
  }
  const { count } = await deps.db.job.updateMany({
    where: { ...expired, attempts: { lt: MAX_ATTEMPTS } },
    data: { status: 'QUEUED', message: RECLAIMED_MESSAGE, workerId: null, leaseUntil: null },
  });
  if (count) deps.logger.warn({ count }, 'jobs re-queued: their lease expired');
  if (dead.length) deps.logger.warn({ count: dead.length }, 'jobs failed: their lease expired on the last attempt');
  return count + dead.length;
}

/**
 * Claims the oldest queued job that has a handler (of one of `types`, when given), runs it and stores the
 * outcome. Returns the job as stored afterwards, or null when there was nothing to do. Tests call this directly;
 * the worker claims and runs jobs itself, several at a time.
 */
export async function runNextJob(deps: Deps, signal: AbortSignal = new AbortController().signal, types?: JobType[]): Promise<Job | null> {
  const claimed = await claimNextJob(deps, types ?? [...handlers.keys()], { workerId: PROCESS_WORKER_ID, leaseMs: leaseMsOf(deps) });
  return claimed ? runClaimed(deps, claimed.id, signal) : null;
}

const leaseMsOf = (deps: Deps) => (deps.config.jobLeaseSeconds ? deps.config.jobLeaseSeconds * 1000 : DEFAULT_LEASE_MS);

interface Lease {
  workerId: string;
  leaseMs: number;
}

/** Turns the oldest QUEUED job of these types into RUNNING, counting the attempt. Returns it, or null. */
async function claimNextJob(deps: Deps, types: JobType[], lease: Lease): Promise<{ id: string; type: JobType } | null> {
  const wanted = types.filter((t) => handlers.has(t));
  if (wanted.length === 0) return null;
  for (;;) {
    const next = await deps.db.job.findFirst({
      where: { status: 'QUEUED', type: { in: wanted }, OR: [{ runAfter: null }, { runAfter: { lte: deps.now() } }] },
      orderBy: { createdAt: 'asc' },
      select: { id: true, type: true },
    });
    if (!next) return null;
    // Atomic claim: only one worker turns QUEUED into RUNNING; a worker that loses the race looks again.
    const { count } = await deps.db.job.updateMany({
      where: { id: next.id, status: 'QUEUED' },
      data: {
        status: 'RUNNING',
        attempts: { increment: 1 },
        startedAt: deps.now(),
        message: 'I gang',
        errorCode: null,
        workerId: lease.workerId,
        leaseUntil: new Date(deps.now().getTime() + lease.leaseMs),
      },
    });
    if (count === 1) return { id: next.id, type: next.type as JobType };
  }
}

/**
 * Runs a claimed job under a signal of its own, linked to the worker's (`stopping`): the SDK adds an abort
 * listener to the signal of every call and never removes it, so a signal shared by all jobs would collect one
 * per call for as long as the process lives. The link is removed when the job ends.
 */
async function runClaimed(deps: Deps, id: string, stopping: AbortSignal): Promise<Job> {
  const own = new AbortController();
  const relay = () => own.abort(stopping.reason);
  if (stopping.aborted) relay();
  else stopping.addEventListener('abort', relay, { once: true });
  try {
    return await attempt(deps, id, own.signal, stopping);
  } finally {
    stopping.removeEventListener('abort', relay);
  }
}

async function attempt(deps: Deps, id: string, signal: AbortSignal, stopping: AbortSignal): Promise<Job> {
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
    async linkRun(runId) {
      await deps.db.job.update({ where: { id }, data: { runId } });
    },
  };
  let result: unknown;
  try {
    result = await handler.run(job, ctx);
  } catch (err) {
    // Interrupted by the shutdown rather than failed: whatever the abort made the handler throw, the attempt
    // is given back and the job waits in the queue for the next start.
    if (stopping.aborted) return handBack(deps, job);
    return fail(deps, job, handler, err);
  }
  const done = await deps.db.job.update({
    where: { id },
    data: {
      status: 'SUCCEEDED',
      workerId: null,
      leaseUntil: null,
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
  await ended(deps, handler, done);
  return done;
}

async function fail(deps: Deps, job: Job, handler: { onEnd?: JobHandlerOptions['onEnd'] }, err: unknown): Promise<Job> {
  const { code, message, retry } = describeFailure(err);
  const again = retry && job.attempts < MAX_ATTEMPTS;
  // Backoff: the next attempt waits base × 2^(attempts − 1), so a provider that is down is not hammered.
  const runAfter = new Date(deps.now().getTime() + deps.config.jobRetryBaseSeconds * 1000 * 2 ** Math.max(0, job.attempts - 1));
  const failed = await deps.db.job.update({
    where: { id: job.id },
    data: again
      ? { status: 'QUEUED', errorCode: code, message: 'Det mislykkedes. Prøver igen om lidt.', workerId: null, leaseUntil: null, runAfter }
      : { status: 'FAILED', errorCode: code, message, finishedAt: deps.now(), workerId: null, leaseUntil: null },
  });
  await audit(deps, failed, again ? 'job.retrying' : 'job.failed', { attempt: job.attempts, errorCode: code });
  // The error's name and our code only: messages of foreign errors can quote the data that failed.
  deps.logger.warn({ jobId: job.id, type: job.type, attempt: job.attempts, code, err: { name: (err as Error)?.name }, retry: again }, 'job failed');
  if (!again) await ended(deps, handler, failed);
  return failed;
}

/** Back to the queue with the attempt given back: the job did not fail, the server stopped under it. */
async function handBack(deps: Deps, job: Job): Promise<Job> {
  const queued = await deps.db.job.update({
    where: { id: job.id },
    data: { status: 'QUEUED', attempts: { decrement: 1 }, errorCode: null, message: HANDED_BACK_MESSAGE, workerId: null, leaseUntil: null },
  });
  await audit(deps, queued, 'job.requeued', { attempt: job.attempts });
  deps.logger.info({ jobId: job.id, type: job.type, attempt: job.attempts }, 'job handed back to the queue');
  return queued;
}

async function ended(deps: Deps, handler: { onEnd?: JobHandlerOptions['onEnd'] }, job: Job): Promise<void> {
  try {
    await handler.onEnd?.(job, deps);
  } catch (err) {
    deps.logger.warn({ jobId: job.id, type: job.type, err: { name: (err as Error)?.name } }, 'job clean-up failed');
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

async function audit(deps: Deps, job: Job, action: Extract<AuditAction, `job.${string}`>, extra: Record<string, string | number | null>): Promise<void> {
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
  /** Claims no new job and resolves once the running ones have ended by themselves. */
  drain(): Promise<void>;
  /** Claims no new job, aborts the running ones (they go back to the queue, attempt given back) and waits for them. */
  stop(): Promise<void>;
  /** Jobs running now. */
  readonly running: number;
}

/**
 * The in-process worker: re-queues what a crashed process left RUNNING, then runs queued jobs, up to
 * `concurrency` (JOB_CONCURRENCY) of each kind at a time, so that hung transcriptions never hold up indexing.
 * It looks again when a job ends, or every `pollMs` when there is nothing it may claim.
 */
export function startJobWorker(deps: Deps, opts: { pollMs?: number; concurrency?: number; leaseMs?: number } = {}): JobWorker {
  const worker: WorkerState = {
    deps,
    pollMs: opts.pollMs ?? DEFAULT_POLL_MS,
    lease: { workerId: `${PROCESS_WORKER_ID}-${randomBytes(2).toString('hex')}`, leaseMs: opts.leaseMs ?? leaseMsOf(deps) },
    ids: new Set<string>(),
    concurrency: Math.max(1, opts.concurrency ?? deps.config.jobConcurrency),
    abort: new AbortController(),
    draining: false,
    running: new Map<JobType, Set<Promise<unknown>>>(),
    wake: undefined,
  };
  const heartbeat = startLeaseHeartbeat(worker);
  const loop = runWorkerLoop(worker, heartbeat);

  return {
    async drain() {
      worker.draining = true;
      worker.wake?.();
      await loop;
    },
    async stop() {
      worker.draining = true;
      worker.abort.abort(new Error('job worker stopped'));
      worker.wake?.();
      await loop;
    },
    get running() {
      return runningJobs(worker).length;
    },
  };
}

/** What one worker holds while it runs: its lease, the jobs it runs (by kind), and how its pause is cut short. */
interface WorkerState {
  deps: Deps;
  pollMs: number;
  lease: Lease;
  /** The ids of the jobs this worker runs, whose leases it renews. */
  ids: Set<string>;
  concurrency: number;
  abort: AbortController;
  draining: boolean;
  running: Map<JobType, Set<Promise<unknown>>>;
  /** Ends the pause between polls early, while there is one. */
  wake: (() => void) | undefined;
}

const runningJobs = (worker: WorkerState) => [...worker.running.values()].flatMap((set) => [...set]);

/** Waits `pollMs`, or less when a job ends or the worker is told to stop. */
function pauseBetweenPolls(worker: WorkerState): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => done(), worker.pollMs);
    const done = () => {
      clearTimeout(timer);
      worker.wake = undefined;
      resolve();
    };
    worker.wake = done;
  });
}

function startClaimed(worker: WorkerState, type: JobType, id: string): void {
  const { deps, running, ids } = worker;
  const set = running.get(type) ?? new Set<Promise<unknown>>();
  running.set(type, set);
  ids.add(id);
  const p: Promise<unknown> = runClaimed(deps, id, worker.abort.signal)
    .catch((err: unknown) => deps.logger.error({ jobId: id, err: { name: (err as Error)?.name } }, 'job could not be stored'))
    .finally(() => {
      ids.delete(id);
      set.delete(p);
      worker.wake?.();
    });
  set.add(p);
}

/**
 * The sign of life: this worker's running jobs stay its own while it renews their leases. Expired leases of
 * other (dead) instances are taken back at the same pace.
 */
function startLeaseHeartbeat(worker: WorkerState): NodeJS.Timeout {
  const { deps, lease } = worker;
  const renewEveryMs = Math.max(10, Math.floor(lease.leaseMs / 3));
  const heartbeat = setInterval(() => {
    const mine = [...worker.ids];
    const renew = mine.length
      ? deps.db.job.updateMany({
          where: { id: { in: mine }, status: 'RUNNING', workerId: lease.workerId },
          data: { leaseUntil: new Date(deps.now().getTime() + lease.leaseMs) },
        })
      : Promise.resolve();
    void renew
      .then(() => (worker.draining ? 0 : requeueStaleJobs(deps)))
      .then((n) => {
        if (n) worker.wake?.();
      })
      .catch((err: unknown) => deps.logger.error({ err: { name: (err as Error)?.name } }, 'job lease renewal failed'));
  }, renewEveryMs);
  heartbeat.unref();
  return heartbeat;
}

/** Takes back what a crashed process left RUNNING, polls until the worker drains, then waits for its jobs. */
async function runWorkerLoop(worker: WorkerState, heartbeat: NodeJS.Timeout): Promise<void> {
  const { deps } = worker;
  try {
    await requeueStaleJobs(deps);
  } catch {
    deps.logger.error('job re-queue failed');
  }
  for (const [type, h] of handlers) {
    await h.onWorkerStart?.(deps).catch(() => deps.logger.warn({ type }, 'job start-up clean-up failed'));
  }
  while (!worker.draining) {
    const claimed = await claimAndStart(worker);
    if (!claimed && !worker.draining) await pauseBetweenPolls(worker);
  }
  await Promise.all(runningJobs(worker));
  clearInterval(heartbeat);
}

/** Claims the next job of a kind with a free slot and starts it; its id, or null when none was started. */
async function claimAndStart(worker: WorkerState): Promise<string | null> {
  const { deps } = worker;
  // Only kinds with a free slot: a kind whose slots are all taken (hung) does not stop the others.
  const open = JobType.options.filter((t) => handlers.has(t) && (worker.running.get(t)?.size ?? 0) < worker.concurrency);
  try {
    const next = open.length ? await claimNextJob(deps, open, worker.lease) : null;
    if (next && !worker.draining) {
      startClaimed(worker, next.type, next.id);
      return next.id;
    } else if (next) {
      // Claimed just as the worker began to stop: straight back, attempt given back.
      await deps.db.job.update({
        where: { id: next.id },
        data: { status: 'QUEUED', attempts: { decrement: 1 }, message: HANDED_BACK_MESSAGE, workerId: null, leaseUntil: null },
      });
    }
  } catch (err) {
    // A database hiccup must not end the worker; it looks again after the pause.
    deps.logger.error({ err: { name: (err as Error)?.name } }, 'job worker poll failed');
  }
  return null;
}

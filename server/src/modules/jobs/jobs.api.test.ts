import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { ReadyResponse } from '../../contracts/health.js';
import { JobQueueResponse, JobResponse } from '../../contracts/jobs.js';
import { enqueueJob, HANDED_BACK_MESSAGE, JobFailure, registerJobHandler, requeueStaleJobs, runNextJob, startJobWorker } from './jobs.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const statusOfJob = async (id: string) => (await t.deps.db.job.findUniqueOrThrow({ where: { id } })).status;

/** A MINUTES handler that counts its calls, and a MINUTES job an instance holds: RUNNING under its lease. */
async function heldJob(workerId: string, leaseUntil: Date, attempts = 1) {
  const counter = { calls: 0 };
  registerJobHandler('MINUTES', async () => {
    counter.calls++;
    return null;
  });
  const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
  await t.deps.db.job.update({ where: { id: job.id }, data: { status: 'RUNNING', attempts, workerId, leaseUntil } });
  return { job, counter };
}

/** Each test uses its own job type's handler; RETENTION and INDEXING belong to others, so the tests take MINUTES. */
async function drain(): Promise<void> {
  while (await runNextJob(t.deps)) {
    /* run until the queue is empty */
  }
}

describe('the job queue', () => {
  it('when a job succeeds, then progress reaches 100, the result is stored and start and finish are audited without content', async () => {
    const seen: number[] = [];
    registerJobHandler('MINUTES', async (job, ctx) => {
      await ctx.progress(40, 'Halvvejs');
      seen.push((await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).progress);
      return { count: 2 };
    });
    const user = await createUser(t.deps);
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: { n: 1 }, createdById: user.id });
    expect(job.status).toBe('QUEUED');

    await drain();

    const row = await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'SUCCEEDED', progress: 100, attempts: 1, errorCode: null, result: '{"count":2}' });
    expect(row.finishedAt).not.toBeNull();
    expect(seen).toEqual([40]);
    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'job', resourceId: job.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['job.queued', 'job.started', 'job.succeeded']);
  });

  it('when a handler fails every time, then it is tried 3 times and ends FAILED with an errorCode', async () => {
    let calls = 0;
    registerJobHandler('MINUTES', async () => {
      calls++;
      throw new Error('boom');
    });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });

    await drain();

    const row = await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(calls).toBe(3);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, errorCode: 'INTERNAL' });
    expect(row.message).toMatch(/Prøv igen/);
    const actions = (await t.deps.db.auditEvent.findMany({ where: { resourceId: job.id }, orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions.filter((a) => a === 'job.retrying')).toHaveLength(2);
    expect(actions.at(-1)).toBe('job.failed');
  });

  it('when a handler fails once, then the second try succeeds', async () => {
    let calls = 0;
    registerJobHandler('MINUTES', async () => {
      if (++calls === 1) throw new Error('flaky');
      return null;
    });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    await drain();
    expect(await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
  });

  it('when a handler reports a permanent failure, then it is not tried again', async () => {
    let calls = 0;
    registerJobHandler('MINUTES', async () => {
      calls++;
      throw new JobFailure('UNREADABLE', 'Filen kan ikke læses.');
    });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    await drain();
    expect(calls).toBe(1);
    expect(await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'FAILED',
      errorCode: 'UNREADABLE',
      message: 'Filen kan ikke læses.',
    });
  });

  it('jobs left RUNNING by a crashed process are queued again and then run by the worker', async () => {
    registerJobHandler('MINUTES', async () => ({ ok: true }));
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    await t.deps.db.job.update({ where: { id: job.id }, data: { status: 'RUNNING', attempts: 1 } });

    const worker = startJobWorker(t.deps, { pollMs: 10 });
    try {
      await expect.poll(async () => (await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 5000 }).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
    expect(await requeueStaleJobs(t.deps)).toBe(0);
  });

  it('a job another instance is running under a live lease is left alone: a starting worker does not run it again', async () => {
    const { job, counter } = await heldJob('another-instance', new Date(Date.now() + 60_000));

    const worker = startJobWorker(t.deps, { pollMs: 10 });
    await new Promise((r) => setTimeout(r, 300));
    await worker.stop();
    expect(counter.calls).toBe(0);
    expect(await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'RUNNING', workerId: 'another-instance' });
    await t.deps.db.job.update({ where: { id: job.id }, data: { status: 'FAILED' } });
  });

  it('when the instance running a job dies, then once its lease has expired another worker runs the job exactly once', async () => {
    const { job, counter } = await heldJob('dead-instance', new Date(Date.now() + 400));

    const worker = startJobWorker(t.deps, { pollMs: 10, leaseMs: 1000 });
    try {
      await expect.poll(() => statusOfJob(job.id), { timeout: 5000 }).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }
    expect(counter.calls).toBe(1);
    const done = await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done.attempts).toBe(2);
    expect(done.workerId).not.toBe('dead-instance');
  });

  it('when a job\'s instance died on its last attempt, then it ends FAILED (dead) instead of going round again', async () => {
    const { job, counter } = await heldJob('dead-instance', new Date(Date.now() - 1000), 3);
    const worker = startJobWorker(t.deps, { pollMs: 10 });
    try {
      await expect.poll(() => statusOfJob(job.id), { timeout: 5000 }).toBe('FAILED');
    } finally {
      await worker.stop();
    }
    expect(counter.calls).toBe(0);
    const dead = await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(dead.errorCode).toBe('LEASE_EXPIRED');
    expect(dead.message).toMatch(/Digital Udvikling/);
    expect(await t.deps.db.auditEvent.count({ where: { action: 'job.failed', resourceId: job.id } })).toBe(1);
  });

  it('while a job runs longer than its lease, the worker\'s heartbeat keeps it: a second worker does not take it over', async () => {
    let calls = 0;
    registerJobHandler('MINUTES', async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 3000));
      return null;
    });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    // Three leases long; the lease is long enough that a busy test machine still renews it in time.
    const first = startJobWorker(t.deps, { pollMs: 10, leaseMs: 1000 });
    await expect.poll(() => statusOfJob(job.id), { timeout: 5000 }).toBe('RUNNING');
    const second = startJobWorker(t.deps, { pollMs: 10, leaseMs: 1000 });
    try {
      await expect.poll(() => statusOfJob(job.id), { timeout: 10_000 }).toBe('SUCCEEDED');
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    expect(calls).toBe(1);
  });

  it('a job is claimed once: two workers racing run it one time', async () => {
    let calls = 0;
    registerJobHandler('MINUTES', async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return null;
    });
    await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    await Promise.all([runNextJob(t.deps), runNextJob(t.deps)]);
    expect(calls).toBe(1);
  });
});

/** A promise with its resolve, for handlers that wait until the test lets them go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/** Resolves when the signal aborts, as a provider call does when its request is aborted. */
const aborted = (signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));

const statusOf = async (id: string) => (await t.deps.db.job.findUniqueOrThrow({ where: { id } })).status;

describe('jobs that cannot starve each other', () => {
  it('when many jobs run under one worker signal, then no abort listener stays behind on it', async () => {
    // As the OpenAI SDK does with the signal of every call: a listener added and never removed.
    registerJobHandler('MINUTES', async (_job, ctx) => {
      ctx.signal.addEventListener('abort', () => undefined);
      return null;
    });
    const worker = new AbortController();
    for (let i = 0; i < 25; i++) await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });

    while (await runNextJob(t.deps, worker.signal)) {
      /* 25 jobs */
    }

    expect(await t.deps.db.job.count({ where: { type: 'MINUTES', status: 'QUEUED' } })).toBe(0);
    expect(getEventListeners(worker.signal, 'abort')).toHaveLength(0);
  });

  it('when transcriptions hang, then indexing still runs, and each kind runs up to JOB_CONCURRENCY jobs at once', async () => {
    const release = gate();
    let running = 0;
    let peak = 0;
    registerJobHandler('TRANSCRIPTION', async (_job, ctx) => {
      peak = Math.max(peak, ++running);
      await Promise.race([release.promise, aborted(ctx.signal)]);
      running--;
      return null;
    });
    registerJobHandler('INDEXING', async () => ({ indexed: true }));
    const hung: { id: string }[] = [];
    for (let i = 0; i < 3; i++) hung.push(await enqueueJob(t.deps, { type: 'TRANSCRIPTION', payload: {} }));
    const indexing = await enqueueJob(t.deps, { type: 'INDEXING', payload: {} });

    const worker = startJobWorker(t.deps, { pollMs: 10, concurrency: 2 });
    try {
      await expect.poll(() => statusOf(indexing.id), { timeout: 5000 }).toBe('SUCCEEDED');
      expect(await Promise.all(hung.map((j) => statusOf(j.id)))).toEqual(['RUNNING', 'RUNNING', 'QUEUED']);
      release.open();
      await expect.poll(async () => Promise.all(hung.map((j) => statusOf(j.id))), { timeout: 5000 }).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    } finally {
      release.open();
      await worker.stop();
    }
    expect(peak).toBe(2);
  });

  it('when the worker stops while a job runs, then the job is queued again with its attempt given back and a Danish message, and runs later', async () => {
    const started = gate();
    registerJobHandler('MINUTES', async (_job, ctx) => {
      started.open();
      await aborted(ctx.signal);
      // What an aborted provider call turns into.
      throw new Error('aborted');
    });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    const worker = startJobWorker(t.deps, { pollMs: 10 });
    await started.promise;

    await worker.stop();

    expect(await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: 'QUEUED',
      attempts: 0,
      errorCode: null,
      finishedAt: null,
      message: HANDED_BACK_MESSAGE,
    });
    const actions = (await t.deps.db.auditEvent.findMany({ where: { resourceId: job.id }, orderBy: { seq: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['job.queued', 'job.started', 'job.requeued']);

    registerJobHandler('MINUTES', async () => null);
    await drain();
    expect(await t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it('when the worker drains, then the running job finishes and no queued job is started', async () => {
    const started = gate();
    const release = gate();
    registerJobHandler('MINUTES', async () => {
      started.open();
      await release.promise;
      return null;
    });
    const first = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    const worker = startJobWorker(t.deps, { pollMs: 10, concurrency: 1 });
    await started.promise;
    const second = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });

    const drained = worker.drain();
    release.open();
    await drained;

    expect(await statusOf(first.id)).toBe('SUCCEEDED');
    expect(await statusOf(second.id)).toBe('QUEUED');
    expect(worker.running).toBe(0);
    registerJobHandler('MINUTES', async () => null);
    await drain();
  });

  it('when a job ends for good, then its clean-up runs once, and not between attempts', async () => {
    let calls = 0;
    const cleaned: string[] = [];
    registerJobHandler(
      'MINUTES',
      async () => {
        if (++calls < 3) throw new Error('flaky');
        return null;
      },
      { onEnd: async (job) => void cleaned.push(`${job.id}:${job.status}`) },
    );
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: {} });
    expect((await runNextJob(t.deps))?.status).toBe('QUEUED');
    expect(cleaned).toEqual([]);
    await drain();
    expect(cleaned).toEqual([`${job.id}:SUCCEEDED`]);
    registerJobHandler('MINUTES', async () => null);
  });
});

describe('GET /api/jobs/:id', () => {
  it('the creator and the digital unit see the job; another employee gets 404; signed out gets 401', async () => {
    registerJobHandler('MINUTES', async () => null);
    const owner = await createUser(t.deps, { role: 'EMPLOYEE' });
    const other = await createUser(t.deps, { role: 'EMPLOYEE', unitId: owner.unitId });
    const leader = await createUser(t.deps, { role: 'LEADER', unitId: owner.unitId });
    const admin = await createUser(t.deps, { role: 'DIGITAL_UNIT' });
    const job = await enqueueJob(t.deps, { type: 'MINUTES', payload: { secretless: true }, createdById: owner.id });

    const mine = JobResponse.parse((await (await signedIn(t, owner)).get(`/api/jobs/${job.id}`).expect(200)).body).job;
    expect(mine).toMatchObject({ id: job.id, type: 'MINUTES', status: 'QUEUED', progress: 0, errorCode: null, runId: null, finishedAt: null });
    expect(Object.keys(mine)).not.toContain('payload');
    JobResponse.parse((await (await signedIn(t, admin)).get(`/api/jobs/${job.id}`).expect(200)).body);
    for (const u of [other, leader]) {
      const res = await (await signedIn(t, u)).get(`/api/jobs/${job.id}`).expect(404);
      expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
    }
    await t.request.get(`/api/jobs/${job.id}`).expect(401);
    await drain();
  });
});

describe('GET /api/jobs: the queue as the digital unit sees it', () => {
  it('lists what waits, runs and failed with kind, age and holder, never the payload; counts it in /api/ready; others get 403', async () => {
    registerJobHandler('MINUTES', async () => null);
    await drain();
    const admin = await createUser(t.deps, { role: 'DIGITAL_UNIT' });
    const employee = await createUser(t.deps, { role: 'EMPLOYEE' });
    const queued = await enqueueJob(t.deps, { type: 'MINUTES', payload: { transcriptRef: 'HEMMELIG' } });
    const running = await enqueueJob(t.deps, { type: 'INDEXING', payload: {} });
    await t.deps.db.job.update({
      where: { id: running.id },
      data: { status: 'RUNNING', attempts: 1, workerId: 'vært-1', leaseUntil: new Date(Date.now() + 60_000), startedAt: new Date() },
    });
    const dead = await enqueueJob(t.deps, { type: 'TRANSCRIPTION', payload: {} });
    await t.deps.db.job.update({
      where: { id: dead.id },
      data: { status: 'FAILED', attempts: 3, errorCode: 'LEASE_EXPIRED', finishedAt: new Date(), result: 'HEMMELIG' },
    });
    await t.deps.db.job.update({ where: { id: queued.id }, data: { createdAt: new Date(Date.now() - 90_000) } });

    const res = await (await signedIn(t, admin)).get('/api/jobs').expect(200);
    expect(res.text).not.toContain('HEMMELIG');
    const { summary, jobs } = JobQueueResponse.parse(res.body);
    // Earlier tests in this file left failed jobs of their own.
    expect(summary).toMatchObject({ queued: 1, running: 1 });
    expect(summary.deadLastDay).toBeGreaterThanOrEqual(1);
    expect(summary.failedLastDay).toBeGreaterThanOrEqual(summary.deadLastDay);
    expect(summary.oldestQueuedSeconds).toBeGreaterThanOrEqual(90);
    expect(jobs.find((j) => j.id === running.id)).toMatchObject({ type: 'INDEXING', status: 'RUNNING', workerId: 'vært-1' });
    expect(jobs.find((j) => j.id === dead.id)).toMatchObject({ type: 'TRANSCRIPTION', status: 'FAILED', errorCode: 'LEASE_EXPIRED', attempts: 3 });
    expect(jobs.map((j) => j.status).slice(0, 2).sort()).toEqual(['QUEUED', 'RUNNING']);

    const ready = ReadyResponse.parse((await t.request.get('/api/ready').expect(200)).body);
    expect(ready.queue).toMatchObject({ queued: 1, running: 1, deadLastDay: summary.deadLastDay });

    expect(ErrorBody.parse((await (await signedIn(t, employee)).get('/api/jobs').expect(403)).body).error.code).toBe('FORBIDDEN');
    await t.request.get('/api/jobs').expect(401);
    await t.deps.db.job.updateMany({ where: { id: { in: [queued.id, running.id] } }, data: { status: 'CANCELLED' } });
  });
});

describe('retries wait, longer each time', () => {
  it('a failed job waits JOB_RETRY_BASE_SECONDS before its second attempt and twice that before its third; nothing claims it earlier', async () => {
    let clock = new Date('2026-12-01T10:00:00Z');
    const app = await createTestApp({ env: { JOB_RETRY_BASE_SECONDS: '10' }, now: () => clock });
    try {
      let calls = 0;
      registerJobHandler('MINUTES', async () => {
        if (++calls < 3) throw new Error('the provider is down');
        return null;
      });
      const job = await enqueueJob(app.deps, { type: 'MINUTES', payload: {} });
      const at = (seconds: number) => new Date(Date.parse('2026-12-01T10:00:00Z') + seconds * 1000);

      await runNextJob(app.deps);
      expect(await app.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'QUEUED', attempts: 1, runAfter: at(10) });
      clock = at(9);
      expect(await runNextJob(app.deps)).toBeNull();
      clock = at(10);
      await runNextJob(app.deps);
      expect(await app.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'QUEUED', attempts: 2, runAfter: at(30) });
      clock = at(29);
      expect(await runNextJob(app.deps)).toBeNull();
      clock = at(30);
      expect(await runNextJob(app.deps)).toMatchObject({ id: job.id, status: 'SUCCEEDED', attempts: 3 });
      expect(calls).toBe(3);
    } finally {
      registerJobHandler('MINUTES', async () => null);
      await app.close();
    }
  });
});

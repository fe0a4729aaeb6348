import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { JobResponse } from '../../contracts/jobs.js';
import { enqueueJob, JobFailure, registerJobHandler, requeueStaleJobs, runNextJob, startJobWorker } from './jobs.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

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

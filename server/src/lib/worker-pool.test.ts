import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { WorkerLimitReached, WorkerPool, WorkerPoolBusy, WorkerTaskFailed } from './worker-pool.js';

const TASKS = new URL('./worker-pool.tasks.test-fixture.ts', import.meta.url);
const pool = new WorkerPool({ size: 1, memoryMb: 48, queueMax: 1 });
const run = (fn: string, args: unknown[] = [], timeoutMs = 5000) => pool.run({ module: TASKS, fn, args, timeoutMs });

afterAll(async () => {
  await pool.close();
});

describe('WorkerPool', () => {
  it('runs a task in a worker and returns its structured-cloned result', async () => {
    expect(await run('echo', [{ a: [1, 'æ'] }])).toEqual({ a: [1, 'æ'] });
  });

  it('when a task runs past its time, then it is refused with the time limit and a fresh worker takes the next', async () => {
    const err = await run('spin', [5000], 200).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerLimitReached);
    expect(err).toMatchObject({ limit: 'time', max: 200 });
    expect(await run('echo', ['igen'])).toBe('igen');
  });

  it('when a task runs out of heap, then it is refused with the memory limit and the process lives on', async () => {
    const err = await run('hog', [], 30_000).catch((e: unknown) => e);
    expect(err).toMatchObject({ limit: 'memory', max: 48 });
    expect(await run('echo', [1])).toBe(1);
  });

  it('an AppError crosses back as an AppError; any other error only by its name', async () => {
    const app = await run('refuse').catch((e: unknown) => e);
    expect(app).toBeInstanceOf(AppError);
    expect(app).toMatchObject({ code: 'EMPTY_FILE', status: 422, details: { why: 'test' } });
    const other = await run('explode').catch((e: unknown) => e);
    expect(other).toBeInstanceOf(WorkerTaskFailed);
    expect(String((other as Error).message)).not.toContain('secret');
  });

  it('when the worker is busy and the queue is full, then the next task is refused at once', async () => {
    const running = run('spin', [300]);
    const queued = run('echo', ['venter']);
    await expect(run('echo', ['for mange'])).rejects.toBeInstanceOf(WorkerPoolBusy);
    await running;
    expect(await queued).toBe('venter');
  });
});

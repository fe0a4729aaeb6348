/**
 * A small pool of worker threads for work that must not run on the main thread: CPU-heavy, and shaped by
 * input a person (or an attacker) chose. Each worker has a heap of its own (resourceLimits), each task a wall
 * time; a worker that runs out of either is terminated and replaced, and the task is refused with the reason.
 * The server's event loop never waits for a task, and no task can take the process down.
 */
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';
import { siblingModule, workerBootCode } from './runtime.js';

export interface WorkerPoolOptions {
  /** Worker threads at most; they are started when work arrives and kept. */
  size: number;
  /** V8 old-generation heap of each worker, in MB. */
  memoryMb: number;
  /** Tasks that may wait for a free worker; more are refused with WorkerPoolBusy. */
  queueMax: number;
}

export interface Task {
  /** The module (a file: URL) whose export runs in the worker. */
  module: URL;
  /** The name of the exported function; it gets `args` (structured-cloned) and its result comes back. */
  fn: string;
  args: unknown[];
  /** Moved rather than copied (e.g. the ArrayBuffer of a copy of an upload). */
  transfer?: ArrayBuffer[];
  /** Wall time of the task from the moment the worker starts it (the module loaded). */
  timeoutMs: number;
  /** Wait in the queue even when it is full (background jobs, which are limited by their own concurrency). */
  alwaysQueue?: boolean;
}

/** Main thread to worker. */
export interface TaskRequest {
  id: number;
  module: string;
  fn: string;
  args: unknown[];
}

/** Worker to main thread. */
export type TaskReply =
  | { ready: true }
  | { id: number; started: true }
  | { id: number; ok: true; value: unknown }
  | {
      id: number;
      ok: false;
      error: { kind: 'app'; code: string; message: string; status: number; details?: unknown } | { kind: 'other'; name: string };
    };

export type WorkerLimit = 'time' | 'memory';

/** The task hit a limit of the pool; its worker was terminated and is replaced. */
export class WorkerLimitReached extends Error {
  constructor(
    readonly limit: WorkerLimit,
    readonly max: number,
  ) {
    super(`worker ${limit} limit reached`);
    this.name = 'WorkerLimitReached';
  }
}

/** Every worker is busy and the queue is full: try again shortly. */
export class WorkerPoolBusy extends Error {
  constructor() {
    super('worker pool busy');
    this.name = 'WorkerPoolBusy';
  }
}

/** The task threw something other than an AppError (its name only: the message may quote the input). */
export class WorkerTaskFailed extends Error {
  constructor(readonly errorName: string) {
    super(`worker task failed: ${errorName}`);
    this.name = 'WorkerTaskFailed';
  }
}

/** A worker that stops for a reason of its own (not a limit): it crashed or could not start. */
export class WorkerCrashed extends Error {
  constructor(
    readonly exitCode: number | null,
    /** True when it stopped while running a task (the input may be the cause), false when it never started. */
    readonly duringTask = false,
  ) {
    super(`worker stopped (exit code ${exitCode ?? 'unknown'})`);
    this.name = 'WorkerCrashed';
  }
}

interface Pending {
  task: Task;
  id: number;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Why the pool terminated it, so that the exit is not taken for a crash. */
  ending: Error | null;
}

/** How long a module may take to load in a fresh worker before the task counts as failed. */
const LOAD_GRACE_MS = 60_000;

/** The worker's entry, from the sources (tsx registered first) or built (lib/runtime.ts). */
function bootCode(): string {
  return workerBootCode(siblingModule(import.meta.url, './worker-pool.worker'));
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private failedStarts = 0;
  private closed = false;

  constructor(readonly options: WorkerPoolOptions) {}

  run<T>(task: Task): Promise<T> {
    if (this.closed) return Promise.reject(new WorkerCrashed(null));
    const busy = this.slots.filter((s) => s.current).length;
    if (!task.alwaysQueue && busy >= this.options.size && this.queue.length >= this.options.queueMax) {
      return Promise.reject(new WorkerPoolBusy());
    }
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, id: this.nextId++, resolve: resolve as (v: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; queued and running tasks are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new WorkerCrashed(null));
    await Promise.all(this.slots.map((s) => this.end(s, new WorkerCrashed(null))));
  }

  /** Workers running now (for tests and diagnostics). */
  get workerCount(): number {
    return this.slots.length;
  }

  private dispatch(): void {
    for (let idle = this.idleSlot(); idle && this.queue.length > 0; idle = this.idleSlot()) this.start(idle, this.queue.shift()!);
    // Start as many workers as there are tasks waiting for none, up to the pool's size.
    let wanted = this.queue.length - this.slots.filter((s) => !s.ready && !s.ending).length;
    for (; wanted > 0 && this.slots.length < this.options.size; wanted--) this.spawn();
  }

  private idleSlot(): Slot | undefined {
    return this.slots.find((s) => s.ready && !s.current && !s.ending);
  }

  private spawn(): void {
    const { memoryMb } = this.options;
    const worker = new Worker(bootCode(), {
      eval: true,
      // Not the parent's flags (vitest's, or --import tsx, which Node 20 would apply twice with the boot code).
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.round(memoryMb / 8))) },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, current: null, timer: null, ending: null };
    this.slots.push(slot);
    // An idle worker does not keep the process alive; one with a task does (see start).
    worker.unref();
    worker.on('message', (m: TaskReply) => this.onMessage(slot, m));
    worker.on('error', (err: Error & { code?: string }) => {
      // Out of heap: the task needed more memory than the pool allows. Anything else is the worker's own fault.
      if (!slot.ending) {
        slot.ending =
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new WorkerLimitReached('memory', this.options.memoryMb) : new WorkerCrashed(null, !!slot.current);
      }
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, m: TaskReply): void {
    if ('ready' in m) {
      slot.ready = true;
      this.failedStarts = 0;
      this.dispatch();
      return;
    }
    const p = slot.current;
    if (!p || p.id !== m.id) return;
    if ('started' in m) {
      this.arm(slot, p.task.timeoutMs, () => new WorkerLimitReached('time', p.task.timeoutMs));
      return;
    }
    this.finish(slot);
    if (m.ok) p.resolve(m.value);
    else if (m.error.kind === 'app') p.reject(new AppError(m.error.code as AppError['code'], m.error.message, m.error.status, m.error.details));
    else p.reject(new WorkerTaskFailed(m.error.name));
    this.dispatch();
  }

  private start(slot: Slot, p: Pending): void {
    slot.current = p;
    slot.worker.ref();
    this.arm(slot, LOAD_GRACE_MS, () => new WorkerLimitReached('time', p.task.timeoutMs));
    slot.worker.postMessage({ id: p.id, module: p.task.module.href, fn: p.task.fn, args: p.task.args } satisfies TaskRequest, p.task.transfer ?? []);
  }

  private arm(slot: Slot, ms: number, reason: () => Error): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => void this.end(slot, reason()), ms);
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    slot.worker.unref();
  }

  /** Stops a worker for `reason`; its task (if any) is refused with it at once, not when the thread is gone. */
  private async end(slot: Slot, reason: Error): Promise<void> {
    if (!slot.ending) slot.ending = reason;
    const p = slot.current;
    this.finish(slot);
    this.remove(slot);
    p?.reject(reason);
    this.dispatch();
    await slot.worker.terminate();
  }

  private onExit(slot: Slot, code: number): void {
    const p = slot.current;
    const reason = slot.ending ?? new WorkerCrashed(code, !!p);
    this.finish(slot);
    const known = this.remove(slot);
    if (!slot.ready && known && !(reason instanceof WorkerLimitReached)) this.failedStarts += 1;
    p?.reject(reason);
    // A worker that cannot even start would be restarted for ever: after three tries, refuse what waits.
    if (this.failedStarts >= 3) {
      this.failedStarts = 0;
      for (const q of this.queue.splice(0)) q.reject(reason);
    }
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot): boolean {
    const i = this.slots.indexOf(slot);
    if (i < 0) return false;
    this.slots.splice(i, 1);
    return true;
  }
}

const shared = new Map<string, WorkerPool>();

/** One pool per set of options, shared by every caller in the process (tests may build apps with others). */
export function sharedWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const key = `${options.size}/${options.memoryMb}/${options.queueMax}`;
  let pool = shared.get(key);
  if (!pool) {
    pool = new WorkerPool(options);
    shared.set(key, pool);
  }
  return pool;
}

/** Terminates every shared pool (graceful shutdown). */
export async function closeSharedWorkerPools(): Promise<void> {
  const pools = [...shared.values()];
  shared.clear();
  await Promise.all(pools.map((p) => p.close()));
}

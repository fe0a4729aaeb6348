/**
 * The entry point of a worker-pool thread (lib/worker-pool.ts): runs one named export of a module per task,
 * one task at a time. Results and AppErrors go back as plain data; any other error only by its name, so no
 * file content leaves the thread in an error message.
 */
import { parentPort } from 'node:worker_threads';
import type { TaskReply, TaskRequest } from './worker-pool.js';

const port = parentPort!;
const modules = new Map<string, Promise<Record<string, unknown>>>();

function load(url: string): Promise<Record<string, unknown>> {
  let mod = modules.get(url);
  if (!mod) {
    mod = import(url) as Promise<Record<string, unknown>>;
    modules.set(url, mod);
  }
  return mod;
}

function describe(err: unknown): Extract<TaskReply, { ok: false }>['error'] {
  if (err instanceof Error && err.name === 'AppError') {
    const e = err as Error & { code: string; status: number; details?: unknown };
    return { kind: 'app', code: e.code, message: e.message, status: e.status, details: e.details };
  }
  return { kind: 'other', name: err instanceof Error ? err.name : typeof err };
}

port.on('message', async (task: TaskRequest) => {
  let fn: unknown;
  try {
    fn = (await load(task.module))[task.fn];
    if (typeof fn !== 'function') throw new TypeError(`${task.fn} is not a function of ${task.module}`);
  } catch (err) {
    port.postMessage({ id: task.id, ok: false, error: describe(err) } satisfies TaskReply);
    return;
  }
  // The clock starts here, after the module has loaded: only the work on the input counts against its time.
  port.postMessage({ id: task.id, started: true } satisfies TaskReply);
  try {
    const value: unknown = await (fn as (...args: unknown[]) => unknown)(...task.args);
    port.postMessage({ id: task.id, ok: true, value } satisfies TaskReply);
  } catch (err) {
    port.postMessage({ id: task.id, ok: false, error: describe(err) } satisfies TaskReply);
  }
});

port.postMessage({ ready: true } satisfies TaskReply);

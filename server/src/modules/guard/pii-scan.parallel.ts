import { Worker } from 'node:worker_threads';
import type { StreamResult } from './pii-scan.stream.js';
import type { BlockRequest } from './pii-scan.worker.js';
import { workerBootCode } from '../../lib/runtime.js';

export interface ParallelOptions {
  /** Worker threads at most; the second starts only when there is a second block to scan. */
  workers: number;
  /** Input bytes per block (a block always ends at a line break, so a longer line makes a longer block). */
  blockBytes: number;
}

interface BlockReply {
  id: number;
  output: string;
  errors: { line: number; message: string }[];
  lines: number;
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

/** Blocks waiting or being scanned per worker: enough to keep it busy, few enough to keep memory small. */
const PER_WORKER = 2;

/**
 * `npm run pii:scan` on several cores: the input is cut at line breaks into blocks of about `blockBytes`, worker
 * threads scan the blocks (the same per-line work as `scanJsonLines`), and the results are written in input
 * order, with each malformed line reported by its number in the whole input. At most two blocks per worker are
 * read ahead, and reading waits while `write` waits, so a large input streams instead of piling up in memory.
 */
export async function scanJsonLinesParallel(
  input: AsyncIterable<Uint8Array>,
  write: (text: string) => void | Promise<void>,
  error: (message: string) => void,
  options: ParallelOptions,
): Promise<StreamResult> {
  const slots: Slot[] = [];
  const waiting = new Map<number, { resolve: (r: BlockReply) => void; reject: (err: Error) => void; slot: Slot }>();
  const order: Promise<BlockReply>[] = [];
  let nextId = 0;
  let lines = 0;
  let failed = 0;

  function slotFor(): Slot {
    let best = slots[0];
    for (const s of slots) if (s.inFlight < best!.inFlight) best = s;
    if (best && (best.inFlight === 0 || slots.length >= options.workers)) return best;
    const slot: Slot = { worker: startWorker(), inFlight: 0 };
    slot.worker.on('message', (r: BlockReply) => {
      const w = waiting.get(r.id);
      waiting.delete(r.id);
      slot.inFlight--;
      w?.resolve(r);
    });
    const fail = (err: Error): void => {
      for (const [id, w] of waiting) {
        if (w.slot !== slot) continue;
        waiting.delete(id);
        w.reject(err);
      }
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => fail(new Error(`pii-scan worker stopped (exit code ${code})`)));
    slots.push(slot);
    return slot;
  }

  function submit(bytes: Uint8Array): void {
    const slot = slotFor();
    const id = nextId++;
    slot.inFlight++;
    const reply = new Promise<BlockReply>((resolve, reject) => waiting.set(id, { resolve, reject, slot }));
    // Awaited in order by `flushOne`; this only keeps a failure of a later block from counting as unhandled.
    reply.catch(() => undefined);
    order.push(reply);
    slot.worker.postMessage({ id, bytes } satisfies BlockRequest, [bytes.buffer as ArrayBuffer]);
  }

  async function flushOne(): Promise<void> {
    const r = await order.shift()!;
    for (const e of r.errors) {
      failed++;
      error(`linje ${lines + e.line}: ${e.message}`);
    }
    lines += r.lines;
    if (r.output !== '') await write(r.output);
  }

  try {
    let parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of input) {
      parts.push(chunk);
      size += chunk.length;
      if (size < options.blockBytes) continue;
      // Cut after the last line break of the newest chunk; without one the line goes on, and so does the block.
      const cut = chunk.lastIndexOf(0x0a) + 1;
      if (cut === 0) continue;
      const rest = chunk.subarray(cut);
      parts[parts.length - 1] = chunk.subarray(0, cut);
      submit(join(parts, size - rest.length));
      parts = rest.length > 0 ? [rest] : [];
      size = rest.length;
      while (order.length >= options.workers * PER_WORKER) await flushOne();
    }
    if (size > 0) submit(join(parts, size));
    while (order.length > 0) await flushOne();
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  return { lines, failed };
}

/** The parts copied into one buffer of its own, which can be moved to a worker. */
function join(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * From the bundle `npm run pii:scan` runs (server/scripts/pii-scan.js), the worker is the bundle beside it;
 * from TypeScript (tsx, tests), a worker registers tsx itself first, as Node 20 does not hand tsx's loader to a
 * worker's entry point (lib/runtime.ts workerBootCode, as lib/worker-pool.ts uses too).
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pii-scan.worker.mjs', here));
  return new Worker(workerBootCode(new URL('./pii-scan.worker.ts', here)), { eval: true });
}

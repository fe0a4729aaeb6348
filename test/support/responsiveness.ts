import type supertest from 'supertest';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Responsiveness<T> {
  result: T;
  /** The slowest probe (GET /api/health by default), in ms, counted from when the probe was due (a blocked event loop delays it). */
  worstHealthMs: number;
  probes: number;
  /** How long `work` took, in ms. */
  elapsedMs: number;
}

/**
 * Runs `work` and asks GET /api/health (or `path`) every `everyMs` until it settles. Latency is measured from
 * the moment each probe was due, not from when its timer fired: while parsing blocks the event loop the timer
 * fires late, and that lateness is exactly what a person waiting for the server would feel. GET /api/ready
 * also asks the database, so it shows a database held by someone else's long transaction too.
 */
export async function healthDuring<T>(
  request: ReturnType<typeof supertest>,
  work: () => PromiseLike<T>,
  everyMs = 100,
  path = '/api/health',
): Promise<Responsiveness<T>> {
  const started = performance.now();
  let settled = false;
  const running = Promise.resolve(work()).finally(() => {
    settled = true;
  });
  let worst = 0;
  let probes = 0;
  const probing = (async () => {
    for (let i = 1; !settled; i++) {
      const due = started + i * everyMs;
      await sleep(Math.max(0, due - performance.now()));
      if (settled && performance.now() - due < everyMs) break;
      const res = await request.get(path);
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      worst = Math.max(worst, performance.now() - due);
      probes += 1;
    }
  })();
  const result = await running;
  const elapsedMs = performance.now() - started;
  await probing;
  return { result, worstHealthMs: Math.round(worst), probes, elapsedMs: Math.round(elapsedMs) };
}

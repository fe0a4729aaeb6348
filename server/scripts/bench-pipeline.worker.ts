/**
 * The benchmark's helpers, each on a thread of its own so that they do not share the server's event loop (as a
 * browser and a model provider would not): `fake` runs the fake OpenAI-compatible provider, `load` the load
 * generator. See bench-pipeline.ts.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { startFakeProvider } from '../../test/fake-provider.js';

export interface Target {
  port: number;
  method: 'GET' | 'POST';
  path: string;
  /** One set of headers per simulated person; requests take them in turn. */
  headers: Record<string, string>[];
  body?: string;
  expect: number;
}

export interface LoadOptions {
  concurrency: number;
  count: number;
  maxMs: number;
}

export interface LoadResult {
  latencies: number[];
  errors: number;
  firstError: string;
  rps: number;
  seconds: number;
}

export type WorkerRequest =
  | { id: number; kind: 'load'; target: Target; opts: LoadOptions }
  | { id: number; kind: 'lastReceived' }
  | { id: number; kind: 'stop' };

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function call(t: Target, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: t.port, method: t.method, path: t.path, headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(t.body);
  });
}

/** `count` requests (or until `maxMs`) with `concurrency` in flight; the people take turns, request by request. */
async function load(t: Target, { concurrency, count, maxMs }: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  let started = 0;
  const deadline = performance.now() + maxMs;
  const t0 = performance.now();
  const worker = async () => {
    while (started < count && performance.now() < deadline) {
      const headers = t.headers[started % t.headers.length]!;
      started++;
      const s = performance.now();
      try {
        const res = await call(t, headers);
        if (res.status !== t.expect) {
          errors++;
          firstError ||= `${res.status} ${res.body.slice(0, 200)}`;
        }
      } catch (e) {
        errors++;
        firstError ||= String(e);
      }
      latencies.push(performance.now() - s);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { latencies, errors, firstError, rps: latencies.length / seconds, seconds };
}

const port = parentPort!;
if (workerData === 'fake') {
  const fake = await startFakeProvider();
  port.postMessage({ ready: fake.url });
  port.on('message', (m: WorkerRequest) => {
    if (m.kind === 'lastReceived') port.postMessage({ id: m.id, result: fake.received.at(-1)?.raw ?? '' });
    // Only the last request is asked for: keep memory flat over tens of thousands of calls.
    if (fake.received.length > 100) fake.received.splice(0, fake.received.length - 1);
    if (m.kind === 'stop') void fake.stop().then(() => port.postMessage({ id: m.id, result: null }));
  });
} else {
  port.postMessage({ ready: 'load' });
  port.on('message', (m: WorkerRequest) => {
    if (m.kind === 'load') void load(m.target, m.opts).then((result) => port.postMessage({ id: m.id, result }));
    if (m.kind === 'stop') {
      agent.destroy();
      port.postMessage({ id: m.id, result: null });
    }
  });
}

/**
 * What governance costs per request: `npm run bench:pipeline`. Starts on 127.0.0.1 the real app (createApp on a
 * temporary SQLite database, AI_PROVIDER=openai-compatible pointing at the fake, a policy that masks names, 32
 * signed-in employees) and a bare Express 5 hello world on this thread, the fake OpenAI-compatible provider on a
 * thread of its own, and a load generator (node's http, keep-alive) on a third, then measures:
 *  (a) p50/p99 at concurrency 1: the fake provider called directly (raw HTTP, and through the server's own openai
 *      SDK client) vs. POST /api/runs (the governed pipeline: session, CSRF, trial and policy checks, daily
 *      limit, guard, pseudonymisation, provider call, restore, Run row and chained audit event in one
 *      transaction);
 *  (b) requests per second at concurrency 32: POST /api/runs and the hello world. Every run must succeed, the
 *      audit trail must hold one run.completed per run, and the chain must verify afterwards.
 * Prints figures, not pass/fail: benchmarks are scripts (see STYLE.md). Targets: added p50 <= 2 ms, p99 <= 6 ms,
 * governed rps >= 1/4 of hello world.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import express from 'express';
import YAML from 'yaml';
import { deployMigrations } from '../../../../prisma/tools/schema-engine.js';
import { buildDeps, createApp } from '../../app.js';
import { loadConfig } from '../../config/env.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { createDb } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import type { LoadOptions, LoadResult, Target, WorkerRequest } from './runs.bench.worker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const POLICY_ID = 'borgerbreve-maskering';
const LETTER = 'Kære Jens Hansen\n\nVi har modtaget din ansøgning om boligstøtte. Du hører fra os inden for 4 uger.\n\nMed venlig hilsen\nBorgerservice';
/** Simulated employees, taking turns request by request (one person does not send 32 letters at once). */
const PEOPLE = 32;
const LATENCY = { warmup: 300, count: 2000, maxMs: 20_000 };
const THROUGHPUT = { concurrency: 32, warmup: 500, count: 6000, maxMs: 15_000 };

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A helper thread (see runs.bench.worker.ts) and a way to ask it things. */
async function startWorker(role: 'fake' | 'load') {
  // Node 20 does not pass tsx's loader on to a worker's entry point, so the worker registers it first.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./runs.bench.worker.ts', import.meta.url).href)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: role });
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const ready = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (m: { ready?: string; id?: number; result?: unknown }) => {
      if (m.ready) resolve(m.ready);
      else pending.get(m.id!)?.(m.result);
    });
  });
  const ask = <T>(msg: DistributiveOmit<WorkerRequest, 'id'>): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (r: unknown) => void);
      worker.postMessage({ ...msg, id });
    });
  return {
    ready,
    ask,
    stop: async () => {
      await ask({ kind: 'stop' });
      await worker.terminate();
    },
  };
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
/** Figures go to stdout: this is a script, not the server (whose output is the pino logger). */
const print = (line = '') => process.stdout.write(`${line}\n`);

async function listen(app: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(app);
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

function cookiesOf(res: http.IncomingMessage, jar: Map<string, string>) {
  for (const c of res.headers['set-cookie'] ?? []) {
    const [pair] = c.split(';');
    const i = pair!.indexOf('=');
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
}

function rawRequest(port: number, method: string, p: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ res: http.IncomingMessage; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: p, headers, agent }, (res) => {
      let b = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (b += c));
      res.on('end', () => resolve({ res, body: b }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const fake = await startWorker('fake');
  const loader = await startWorker('load');
  const load = (target: Target, opts: LoadOptions) => loader.ask<LoadResult>({ kind: 'load', target, opts });
  const fakeUrl = fake.ready;

  // A copy of the policies with a daily limit no simulated person reaches (each makes a few hundred runs).
  const policiesDir = path.join(tmp, 'policies');
  fs.mkdirSync(policiesDir);
  for (const f of fs.readdirSync(path.join(ROOT, 'policies'))) {
    let text = fs.readFileSync(path.join(ROOT, 'policies', f), 'utf8');
    if (f === `${POLICY_ID}.yaml`) {
      const doc = YAML.parse(text) as { limits: { runsPerPersonPerDay: number } };
      doc.limits.runsPerPersonPerDay = 2000;
      text = YAML.stringify(doc);
    }
    fs.writeFileSync(path.join(policiesDir, f), text);
  }

  const databaseUrl = `file:${path.join(tmp, 'bench.db')}`;
  await deployMigrations({ url: databaseUrl });
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    POLICIES_DIR: policiesDir,
    AI_PROVIDER: 'openai-compatible',
    OPENAI_BASE_URL: `${fakeUrl}/v1`,
    AI_MODEL: 'fake-llama',
    PROVIDER_MAX_RETRIES: '0',
  });
  const db = await createDb(config.databaseUrl);
  // Logs at info as in production, written nowhere: the cost of building the lines is measured, not the disk.
  const deps = buildDeps(config, db, createLogger(config.logLevel, { write: () => undefined }));
  const unit = await db.orgUnit.create({ data: { name: 'Borgerservice', code: 'BORGERSERVICE' } });
  const password = 'bench-password-not-secret-42';
  const passwordHash = await hashPassword(password, config.argon2);
  // As many people as requests in flight: one person does not send 32 letters at once.
  const users = await Promise.all(
    Array.from({ length: PEOPLE }, (_, i) =>
      db.user.create({
        data: { email: `bench-${i}@demo.rodovre.dk`, name: `Bench Medarbejder ${i}`, role: 'EMPLOYEE', unitId: unit.id, active: true, passwordHash },
      }),
    ),
  );
  const now = Date.now();
  const trial = await db.trial.create({
    data: {
      unitId: unit.id,
      title: 'Klarsprog i breve til borgere',
      purpose: 'Benchmark',
      policyId: POLICY_ID,
      policyVersion: deps.policies.get(POLICY_ID)!.version,
      status: 'ACTIVE',
      assistants: JSON.stringify(['letter']),
      startsAt: new Date(now - 7 * 86_400_000),
      endsAt: new Date(now + 60 * 86_400_000),
      createdById: users[0]!.id,
      participants: { create: users.map((u) => ({ userId: u.id, briefedAt: new Date(), briefingVersion: 1 })) },
    },
  });

  const governed = await listen(createApp(deps));
  const hello = express();
  hello.disable('x-powered-by');
  hello.get('/', (_req, res) => {
    res.send('Hello World!');
  });
  const bare = await listen(hello);
  const fakePort = Number(new URL(fakeUrl).port);

  // Each person signs in once and reuses the cookies and CSRF token, as a browser does.
  const headers: Record<string, string>[] = [];
  for (const user of users) {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = await rawRequest(governed.port, 'GET', '/api/auth/csrf', {});
    cookiesOf(csrf.res, jar);
    const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
    const login = await rawRequest(
      governed.port,
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json', cookie: cookieHeader(), [CSRF_HEADER]: token },
      JSON.stringify({ email: user.email, password }),
    );
    if (login.res.statusCode !== 200) throw new Error(`sign-in failed: ${login.res.statusCode} ${login.body}`);
    cookiesOf(login.res, jar);
    const csrfToken = jar.get('pw_csrf') ? decodeURIComponent(jar.get('pw_csrf')!) : token;
    headers.push({ 'content-type': 'application/json', cookie: cookieHeader(), [CSRF_HEADER]: csrfToken });
  }

  const runBody = JSON.stringify({ trialId: trial.id, assistant: 'letter', input: LETTER });
  const runTarget: Target = { port: governed.port, method: 'POST', path: '/api/runs', headers, body: runBody, expect: 201 };
  // What the pipeline sends, minus the masking: the same system prompt size does not matter to the fake.
  const directTarget: Target = {
    port: fakePort,
    method: 'POST',
    path: '/v1/chat/completions',
    headers: [{ 'content-type': 'application/json' }],
    body: JSON.stringify({ model: 'fake-llama', messages: [{ role: 'system', content: 'Skriv i klarsprog.' }, { role: 'user', content: LETTER }] }),
    expect: 200,
  };
  const helloTarget: Target = { port: bare.port, method: 'GET', path: '/', headers: [{}], expect: 200 };

  const check = await rawRequest(governed.port, 'POST', '/api/runs', headers[0]!, runBody);
  if (check.res.statusCode !== 201) throw new Error(`POST /api/runs answered ${check.res.statusCode}: ${check.body}`);
  if (!check.body.includes('Jens Hansen') || !(await fake.ask<string>({ kind: 'lastReceived' })).includes('[NAVN_1]')) {
    throw new Error('the name was not masked towards the provider and restored in the draft');
  }

  print(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, logs at ${config.logLevel}`);
  print('server, fake provider and load generator each on a thread of their own\n');

  // (a) Latency at concurrency 1: one person at a time.
  const one = { concurrency: 1, maxMs: LATENCY.maxMs };
  await load(directTarget, { ...one, count: LATENCY.warmup });
  const direct = await load(directTarget, { ...one, count: LATENCY.count });
  // The same call as the server makes it, through the provider module (openai SDK over undici), without governance.
  const sdk: number[] = [];
  for (let i = 0; i < LATENCY.warmup + LATENCY.count; i++) {
    const s = performance.now();
    await deps.providers.configured.complete({ system: 'Skriv i klarsprog.', user: LETTER });
    if (i >= LATENCY.warmup) sdk.push(performance.now() - s);
  }
  await load(runTarget, { ...one, count: LATENCY.warmup });
  const gov = await load(runTarget, { ...one, count: LATENCY.count });
  const [d50, d99, s50, s99, g50, g99] = [pct(direct.latencies, 50), pct(direct.latencies, 99), pct(sdk, 50), pct(sdk, 99), pct(gov.latencies, 50), pct(gov.latencies, 99)];
  print('(a) latency at concurrency 1');
  print(`    fake provider, raw HTTP          n=${direct.latencies.length}  p50 ${ms(d50)}  p99 ${ms(d99)}  errors ${direct.errors}`);
  print(`    fake provider, openai SDK        n=${sdk.length}  p50 ${ms(s50)}  p99 ${ms(s99)}  (the server's own client, no governance)`);
  print(`    POST /api/runs governed          n=${gov.latencies.length}  p50 ${ms(g50)}  p99 ${ms(g99)}  errors ${gov.errors}${gov.firstError ? ` (${gov.firstError})` : ''}`);
  print(`    added over the SDK call          p50 ${ms(g50 - s50)} (target <= 2 ms)  p99 ${ms(g99 - s99)} (target <= 6 ms)`);
  print(`    added over raw HTTP              p50 ${ms(g50 - d50)}  p99 ${ms(g99 - d99)}  (also counts the openai SDK's own cost)\n`);

  // (b) Throughput at concurrency 32: 32 people at once.
  const c = { concurrency: THROUGHPUT.concurrency, maxMs: THROUGHPUT.maxMs };
  await load(runTarget, { ...c, count: THROUGHPUT.warmup });
  const govTp = await load(runTarget, { ...c, count: THROUGHPUT.count });
  await load(helloTarget, { ...c, count: 5000 });
  const helloTp = await load(helloTarget, { ...c, count: 60_000 });
  print(`(b) throughput at concurrency ${c.concurrency}`);
  print(
    `    POST /api/runs governed  n=${govTp.latencies.length} in ${govTp.seconds.toFixed(1)} s  ${govTp.rps.toFixed(0)} req/s  p50 ${ms(pct(govTp.latencies, 50))}  p99 ${ms(pct(govTp.latencies, 99))}  errors ${govTp.errors}${govTp.firstError ? ` (${govTp.firstError})` : ''}`,
  );
  print(
    `    Express hello world      n=${helloTp.latencies.length} in ${helloTp.seconds.toFixed(1)} s  ${helloTp.rps.toFixed(0)} req/s  p50 ${ms(pct(helloTp.latencies, 50))}  p99 ${ms(pct(helloTp.latencies, 99))}  errors ${helloTp.errors}`,
  );
  // The floor under any integration on this stack: the provider call alone, through the same openai SDK client,
  // 32 at a time from the server's thread, with no governance, database or HTTP server around it.
  const sdkTp = await (async () => {
    let done = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (performance.now() - t0 < 5000) {
        await deps.providers.configured.complete({ system: 'Skriv i klarsprog.', user: LETTER });
        done++;
      }
    };
    await Promise.all(Array.from({ length: c.concurrency }, worker));
    return done / ((performance.now() - t0) / 1000);
  })();
  print(`    openai SDK call alone    ${sdkTp.toFixed(0)} req/s  (no governance, no database, no HTTP server in front)`);
  const ratio = govTp.rps / helloTp.rps;
  print(`    governed / hello world   ${ratio.toFixed(3)} (target >= 0.25)   SDK alone / hello world ${(sdkTp / helloTp.rps).toFixed(3)}\n`);

  // Every run audited, and the chain intact.
  const runs = await db.run.count({ where: { trialId: trial.id } });
  const drafts = await db.run.count({ where: { trialId: trial.id, status: 'DRAFT' } });
  const audited = await db.auditEvent.count({ where: { action: 'run.completed' } });
  const chain = await verifyAuditChain(db);
  print('audit');
  print(`    runs ${runs} (drafts ${drafts}), run.completed events ${audited}: ${runs === audited && drafts === runs ? 'equal' : 'NOT EQUAL'}`);
  print(`    chain ${chain.ok ? 'verifies' : `BROKEN at ${JSON.stringify(chain.firstBroken)}`} (${chain.checked} events)`);

  const met = {
    p50: g50 - s50 <= 2,
    p99: g99 - s99 <= 6,
    ratio: ratio >= 0.25,
    errors: gov.errors + govTp.errors === 0,
    audit: runs === audited && drafts === runs && chain.ok,
  };
  print(`\ntargets: ${Object.entries(met).map(([k, v]) => `${k} ${v ? 'met' : 'NOT met'}`).join(', ')}`);

  agent.destroy();
  await loader.stop();
  await fake.stop();
  await new Promise((r) => governed.server.close(r));
  await new Promise((r) => bare.server.close(r));
  await db.$disconnect();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!met.errors || !met.audit) process.exitCode = 1;
}

await main();

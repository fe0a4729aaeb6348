/**
 * What governance costs per request, and what the server holds in memory: `npm run bench:pipeline`.
 *
 * The server runs as it does in production: built (`npm run build:server`) and started in its own process by the
 * same script as `npm start` (server/scripts/start.sh, with its memory settings), on a temporary SQLite database, AI_PROVIDER=openai-compatible pointing at a fake, a
 * policy that masks names, and 32 signed-in employees. The fake OpenAI-compatible provider and the load generator
 * (node's http, keep-alive) run on threads of this process, so neither shares the server's event loop. Measured:
 *  (a) p50/p99 at concurrency 1: the fake called directly (raw HTTP, and through the server's own provider client:
 *      the openai SDK with the same fetch and settings, from this process) vs. POST /api/runs (session, CSRF, trial
 *      and policy checks, daily limit, guard, pseudonymisation, provider call, restore, Run row and chained audit
 *      event);
 *  (b) governed runs per second at concurrency 32 over 20,000 runs, beside the provider client alone at the same
 *      concurrency in the same run, and the server's resident memory at start and after every 5,000 runs;
 *  (c) afterwards: every run is a draft with one run.completed event, and the audit chain verifies.
 * Prints figures, not pass/fail (benchmarks are scripts, see STYLE.md); the targets are those of docs/decisions/0009.
 * BENCH_PROFILE=<dir> writes the server's CPU profile there (node --cpu-prof) when it stops.
 * BENCH_SERVER=source starts it from the sources instead (node --import tsx server/src/main.ts), for comparison.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import YAML from 'yaml';
import { deployMigrations } from '../../prisma/tools/schema-engine.js';
import { type Config, loadConfig } from '../src/config/env.js';
import { CSRF_HEADER } from '../src/contracts/auth.js';
import { createDb, type Db } from '../src/lib/db.js';
import { workerBootCode } from '../src/lib/runtime.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { hashPassword } from '../src/modules/auth/password.service.js';
import { loadPolicies } from '../src/modules/policies/policies.loader.js';
import { createProviderRegistry } from '../src/modules/providers/providers.registry.js';
import type { LoadOptions, LoadResult, Target, WorkerRequest } from './bench-pipeline.worker.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** How `npm start` starts the server once it is built (package.json "start"), or from the sources. */
const FROM_SOURCE = process.env.BENCH_SERVER === 'source';
const SERVER_START = FROM_SOURCE ? [process.execPath, '--import', 'tsx', 'server/src/main.ts'] : ['sh', 'server/scripts/start.sh'];
const POLICY_ID = 'borgerbreve-maskering';
const LETTER = 'Kære Jens Hansen\n\nVi har modtaget din ansøgning om boligstøtte. Du hører fra os inden for 4 uger.\n\nMed venlig hilsen\nBorgerservice';
const SYSTEM = 'Skriv i klarsprog.';
/**
 * Simulated employees, taking turns request by request (one person does not send 32 letters at once). The daily
 * limit stays at the highest a shipped policy sets (100 runs per person), so the limit check counts what it
 * counts in use; there are as many people as it takes for none of them to reach it over the whole benchmark.
 */
const DAILY_LIMIT = 100;
const PEOPLE = 256;
const LATENCY = { warmup: 300, count: 2000, maxMs: 30_000 };
/** 1 + 2,300 + 21,000 runs in all: under PEOPLE × DAILY_LIMIT. */
const THROUGHPUT = { concurrency: 32, warmup: 1000, batches: 4, batch: 5000, maxMs: 120_000 };
const TARGETS = { addedP50: 1, addedP99: 3, rps: 1000, ofSdk: 0.65, rssMb: 250 };

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** A helper thread (see bench-pipeline.worker.ts) and a way to ask it things. */
async function startWorker(role: 'fake' | 'load') {
  const worker = new Worker(workerBootCode(new URL('./bench-pipeline.worker.ts', import.meta.url)), { eval: true, workerData: role });
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
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
/** Figures go to stdout: this is a script, not the server (whose output is the pino logger). */
const print = (line = '') => process.stdout.write(`${line}\n`);

/** The resident set of a process, in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** CPU time a process has used so far (user and system, all its threads), in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat, counted from the state (field 3), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function freePort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
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

/** The server in a process of its own; resolves once it listens. Its log lines are read and dropped. */
async function startServer(env: Record<string, string>, profileDir: string | undefined): Promise<ChildProcess> {
  // start.sh execs node, so the child's pid is the server's. Node refuses --cpu-prof in NODE_OPTIONS, so a profiled
  // server is started by hand with start.sh's two settings.
  const profiled = ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--max-old-space-size=384', '--max-semi-space-size=8', 'dist/server/src/main.js'];
  const [command, ...args] = profileDir && !FROM_SOURCE ? [process.execPath, ...profiled] : SERVER_START;
  // start.sh's memory settings (and NODE_OPTIONS) may be tried out from the benchmark's environment.
  const memory = Object.fromEntries(['SERVER_HEAP_MB', 'SERVER_SEMI_SPACE_MB', 'MALLOC_ARENA_MAX', 'NODE_OPTIONS'].flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
  const child = spawn(command!, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', MALLOC_ARENA_MAX: '2', ...env, ...memory }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('"server listening"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened: ${stderr.slice(0, 500)}`)));
  });
  return child;
}

async function main() {
  if (!FROM_SOURCE) execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pipeline-'));
  const fake = await startWorker('fake');
  const loader = await startWorker('load');
  const load: Load = (target, opts) => loader.ask<LoadResult>({ kind: 'load', target, opts });
  const fakeUrl = fake.ready;

  const policiesDir = copyPolicies(tmp);
  const port = await freePort();
  const env = serverEnv(port, tmp, policiesDir, fakeUrl);
  const config = loadConfig(env);
  const { users, trialId } = await seedBenchDatabase(config, policiesDir);

  const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
  const server = await startServer(env, profileDir);
  const pid = server.pid!;
  const rssAtStart = rssMb(pid);

  const headers: Record<string, string>[] = [];
  for (let i = 0; i < users.length; i += 8) headers.push(...(await Promise.all(users.slice(i, i + 8).map((u) => signIn(port, u.email)))));
  const runBody = JSON.stringify({ trialId, assistant: 'letter', input: LETTER });
  const runTarget: Target = { port, method: 'POST', path: '/api/runs', headers, body: runBody, expect: 201 };
  await checkMaskedAndRestored(port, headers[0]!, runBody, fake);

  // The server's own provider client (same module, same settings), here, without governance around it.
  const provider = createProviderRegistry(config.ai).configured;
  const sdkCall = () => provider.complete({ system: SYSTEM, user: LETTER });

  print(`node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, server logs at ${config.logLevel}`);
  print(`server: its own process (${SERVER_START.join(' ')}); fake provider and load generator on threads of this one\n`);
  const latency = await measureLatency({ load, runTarget, directTarget: directTargetOf(fakeUrl), sdkCall, pid });
  const throughput = await measureThroughput({ load, runTarget, sdkCall, pid, rssAtStart });

  // (c) Every run audited, and the chain intact (read here, after the load, from the same database).
  const db = await createDb(config.databaseUrl);
  const auditOk = await checkAudit(db, trialId);
  printTargets(latency, throughput, auditOk);

  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  agent.destroy();
  await loader.stop();
  await fake.stop();
  await db.$disconnect();
  fs.rmSync(tmp, { recursive: true, force: true });
  if (throughput.errors + latency.errors > 0 || !auditOk) process.exitCode = 1;
}

type Load = (target: Target, opts: LoadOptions) => Promise<LoadResult>;
type SdkCall = () => Promise<unknown>;

/** A copy of the policies with the highest daily limit a shipped policy has (each person makes about 91 runs). */
function copyPolicies(tmp: string): string {
  const policiesDir = path.join(tmp, 'policies');
  fs.mkdirSync(policiesDir);
  for (const f of fs.readdirSync(path.join(ROOT, 'policies'))) {
    let text = fs.readFileSync(path.join(ROOT, 'policies', f), 'utf8');
    if (f === `${POLICY_ID}.yaml`) {
      const doc = YAML.parse(text) as { limits: { runsPerPersonPerDay: number } };
      doc.limits.runsPerPersonPerDay = DAILY_LIMIT;
      text = YAML.stringify(doc);
    }
    fs.writeFileSync(path.join(policiesDir, f), text);
  }
  return policiesDir;
}

/** The server's environment: production, a temporary SQLite file, the copied policies, the fake provider. */
function serverEnv(port: number, tmp: string, policiesDir: string, fakeUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `file:${path.join(tmp, 'bench.db')}`,
    AUTO_MIGRATE: 'true',
    DEMO_SEED: 'false',
    SESSION_SECRET: randomBytes(32).toString('hex'),
    COOKIE_SECURE: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    POLICIES_DIR: policiesDir,
    RETENTION_INTERVAL_MINUTES: '0',
    AI_PROVIDER: 'openai-compatible',
    OPENAI_BASE_URL: `${fakeUrl}/v1`,
    AI_MODEL: 'fake-llama',
    PROVIDER_MAX_RETRIES: '0',
  };
}

const PASSWORD = 'bench-password-not-secret-42';

/**
 * The database is prepared here, before the server starts, as an operator's earlier start would have left it:
 * one unit, PEOPLE employees and an active letter trial they all take part in, briefed.
 */
async function seedBenchDatabase(config: Config, policiesDir: string): Promise<{ users: { email: string }[]; trialId: string }> {
  await deployMigrations({ url: config.databaseUrl });
  const db = await createDb(config.databaseUrl);
  const policy = loadPolicies(policiesDir).get(POLICY_ID)!;
  const unit = await db.orgUnit.create({ data: { name: 'Borgerservice', code: 'BORGERSERVICE' } });
  const passwordHash = await hashPassword(PASSWORD, config.argon2);
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
      policyVersion: policy.version,
      status: 'ACTIVE',
      assistants: JSON.stringify(['letter']),
      startsAt: new Date(now - 7 * 86_400_000),
      endsAt: new Date(now + 60 * 86_400_000),
      createdById: users[0]!.id,
      participants: { create: users.map((u) => ({ userId: u.id, briefedAt: new Date(), briefingVersion: 1 })) },
    },
  });
  // Closed while the server starts: it migrates (none pending) as every start does, and wants the file to itself.
  await db.$disconnect();
  return { users, trialId: trial.id };
}

/** Each person signs in once and reuses the cookies and CSRF token, as a browser does; the headers to send. */
async function signIn(port: number, email: string): Promise<Record<string, string>> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrf = await rawRequest(port, 'GET', '/api/auth/csrf', {});
  cookiesOf(csrf.res, jar);
  const token = (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken;
  const login = await rawRequest(
    port,
    'POST',
    '/api/auth/login',
    { 'content-type': 'application/json', cookie: cookieHeader(), [CSRF_HEADER]: token },
    JSON.stringify({ email, password: PASSWORD }),
  );
  if (login.res.statusCode !== 200) throw new Error(`sign-in failed: ${login.res.statusCode} ${login.body}`);
  cookiesOf(login.res, jar);
  const csrfToken = jar.get('pw_csrf') ? decodeURIComponent(jar.get('pw_csrf')!) : token;
  return { 'content-type': 'application/json', cookie: cookieHeader(), [CSRF_HEADER]: csrfToken };
}

/** The fake provider called directly, with the letter as the server would send it (raw HTTP, no governance). */
function directTargetOf(fakeUrl: string): Target {
  return {
    port: Number(new URL(fakeUrl).port),
    method: 'POST',
    path: '/v1/chat/completions',
    headers: [{ 'content-type': 'application/json' }],
    body: JSON.stringify({ model: 'fake-llama', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: LETTER }] }),
    expect: 200,
  };
}

/** One governed run first: the name is masked towards the provider and restored in the draft, or the figures mean nothing. */
async function checkMaskedAndRestored(port: number, headers: Record<string, string>, runBody: string, fake: Awaited<ReturnType<typeof startWorker>>): Promise<void> {
  const check = await rawRequest(port, 'POST', '/api/runs', headers, runBody);
  if (check.res.statusCode !== 201) throw new Error(`POST /api/runs answered ${check.res.statusCode}: ${check.body}`);
  if (!check.body.includes('Jens Hansen') || !(await fake.ask<string>({ kind: 'lastReceived' })).includes('[NAVN_1]')) {
    throw new Error('the name was not masked towards the provider and restored in the draft');
  }
}

interface Latency {
  addedP50: number;
  addedP99: number;
  errors: number;
}

/** (a) Latency at concurrency 1: one person at a time. */
async function measureLatency({ load, runTarget, directTarget, sdkCall, pid }: { load: Load; runTarget: Target; directTarget: Target; sdkCall: SdkCall; pid: number }): Promise<Latency> {
  const one = { concurrency: 1, maxMs: LATENCY.maxMs };
  await load(directTarget, { ...one, count: LATENCY.warmup });
  const direct = await load(directTarget, { ...one, count: LATENCY.count });
  const sdk: number[] = [];
  for (let i = 0; i < LATENCY.warmup + LATENCY.count; i++) {
    const s = performance.now();
    await sdkCall();
    if (i >= LATENCY.warmup) sdk.push(performance.now() - s);
  }
  await load(runTarget, { ...one, count: LATENCY.warmup });
  const cpuBefore = cpuMs(pid);
  const gov = await load(runTarget, { ...one, count: LATENCY.count });
  const cpuOne = (cpuMs(pid) - cpuBefore) / gov.latencies.length;
  const [d50, d99, s50, s99, g50, g99] = [pct(direct.latencies, 50), pct(direct.latencies, 99), pct(sdk, 50), pct(sdk, 99), pct(gov.latencies, 50), pct(gov.latencies, 99)];
  print('(a) latency at concurrency 1');
  print(`    fake provider, raw HTTP        n=${direct.latencies.length}  p50 ${ms(d50)}  p99 ${ms(d99)}  errors ${direct.errors}`);
  print(`    provider client (openai SDK)   n=${sdk.length}  p50 ${ms(s50)}  p99 ${ms(s99)}  (the server's own client, no governance)`);
  print(`    POST /api/runs governed        n=${gov.latencies.length}  p50 ${ms(g50)}  p99 ${ms(g99)}  errors ${gov.errors}${gov.firstError ? ` (${gov.firstError})` : ''}`);
  print(`    added over the client call     p50 ${ms(g50 - s50)} (target <= ${TARGETS.addedP50} ms)  p99 ${ms(g99 - s99)} (target <= ${TARGETS.addedP99} ms)`);
  print(`    the server's CPU per run       ${ms(cpuOne)} (all its threads)\n`);
  return { addedP50: g50 - s50, addedP99: g99 - s99, errors: gov.errors };
}

interface Throughput {
  govRps: number;
  sdkRps: number;
  done: number;
  errors: number;
  lastRss: number;
}

/** (b) Throughput at concurrency 32 over 20,000 runs, with the server's memory after every batch. */
async function measureThroughput({ load, runTarget, sdkCall, pid, rssAtStart }: { load: Load; runTarget: Target; sdkCall: SdkCall; pid: number; rssAtStart: number }): Promise<Throughput> {
  const c = { concurrency: THROUGHPUT.concurrency, maxMs: THROUGHPUT.maxMs };
  await load(runTarget, { ...c, count: THROUGHPUT.warmup });
  const rss: number[] = [];
  let done = 0;
  let errors = 0;
  let firstError = '';
  let seconds = 0;
  const latencies: number[] = [];
  const cpuStart = cpuMs(pid);
  for (let b = 0; b < THROUGHPUT.batches; b++) {
    const r = await load(runTarget, { ...c, count: THROUGHPUT.batch });
    done += r.latencies.length;
    errors += r.errors;
    firstError ||= r.firstError;
    seconds += r.seconds;
    latencies.push(...r.latencies);
    rss.push(rssMb(pid));
  }
  const govRps = done / seconds;
  const cpuMany = (cpuMs(pid) - cpuStart) / done;
  const sdkRps = await clientAloneRps(sdkCall, c.concurrency);
  print(`(b) throughput at concurrency ${c.concurrency}`);
  print(`    POST /api/runs governed   n=${done} in ${seconds.toFixed(1)} s  ${govRps.toFixed(0)} runs/s  p50 ${ms(pct(latencies, 50))}  p99 ${ms(pct(latencies, 99))}  errors ${errors}${firstError ? ` (${firstError})` : ''}`);
  print(`    the server's CPU per run  ${ms(cpuMany)} (all its threads)`);
  print(`    provider client alone     ${sdkRps.toFixed(0)} calls/s  (no governance, no database, no HTTP server in front)`);
  print(`    governed / client alone   ${(govRps / sdkRps).toFixed(2)} (target >= ${TARGETS.ofSdk})`);
  print(`    server RSS                at start ${rssAtStart.toFixed(0)} MB; after ${rss.map((m, i) => `${(i + 1) * THROUGHPUT.batch}: ${m.toFixed(0)}`).join(', ')} MB (target <= ${TARGETS.rssMb} MB)\n`);
  return { govRps, sdkRps, done, errors, lastRss: rss.at(-1)! };
}

/** The provider client alone, `concurrency` at a time from this process's thread for 5 s: the floor under any integration. */
async function clientAloneRps(sdkCall: SdkCall, concurrency: number): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (performance.now() - t0 < 5000) {
      await sdkCall();
      n++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return n / ((performance.now() - t0) / 1000);
}

/** (c) Every run a draft with one run.completed event, and the audit chain verifies. */
async function checkAudit(db: Db, trialId: string): Promise<boolean> {
  const runs = await db.run.count({ where: { trialId } });
  const drafts = await db.run.count({ where: { trialId, status: 'DRAFT' } });
  const audited = await db.auditEvent.count({ where: { action: 'run.completed' } });
  const chain = await verifyAuditChain(db);
  print('(c) audit');
  print(`    runs ${runs} (drafts ${drafts}), run.completed events ${audited}: ${runs === audited && drafts === runs ? 'equal' : 'NOT EQUAL'}`);
  print(`    chain ${chain.ok ? 'verifies' : `BROKEN at ${JSON.stringify(chain.firstBroken)}`} (${chain.checked} events)`);
  return runs === audited && drafts === runs && chain.ok;
}

function printTargets(latency: Latency, { govRps, sdkRps, done, errors, lastRss }: Throughput, auditOk: boolean): void {
  const met = {
    [`added p50 ${ms(latency.addedP50)} <= ${TARGETS.addedP50} ms`]: latency.addedP50 <= TARGETS.addedP50,
    [`added p99 ${ms(latency.addedP99)} <= ${TARGETS.addedP99} ms`]: latency.addedP99 <= TARGETS.addedP99,
    [`${govRps.toFixed(0)} runs/s >= ${TARGETS.rps}`]: govRps >= TARGETS.rps,
    [`${(govRps / sdkRps).toFixed(2)} of the client alone >= ${TARGETS.ofSdk}`]: govRps / sdkRps >= TARGETS.ofSdk,
    [`RSS ${lastRss.toFixed(0)} MB after ${done} runs <= ${TARGETS.rssMb} MB`]: lastRss <= TARGETS.rssMb,
    [`errors ${errors + latency.errors}`]: errors + latency.errors === 0,
    [`audit and chain`]: auditOk,
  };
  print('\ntargets');
  for (const [what, ok] of Object.entries(met)) print(`    ${mark(ok).padEnd(7)} ${what}`);
}

await main();

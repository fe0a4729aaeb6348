/**
 * `npm run check:hostile`: the hostile-input sweep against the real server. Starts `node --import tsx
 * server/src/main.ts` on a fresh SQLite file with the demo organisation, signs in as each demo role, and sends
 * every bad request test/support/hostile.ts generates from the served OpenAPI document (several thousand), then the
 * decompression bombs one at a time. Prints the figures and exits 1 when a goal fails:
 *   0 answers >= 500, every request answered, every error in the one error shape, the process never dies, each
 *   bomb answered within 10 s, /api/health (polled every 200 ms throughout) within 1 s, peak RSS under 1.5 GB.
 *
 * Options: --seed N and --limit N (a sample of N requests), --concurrency N, --no-bombs, --only-bombs,
 * --keep (leave the temporary database and log), --verbose (every answer that broke a goal, not the first 40),
 * --only TEXT (only the cases whose operation or label contains TEXT).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ROOT_DIR } from '../src/config/env.js';
import {
  bombs,
  describe,
  figures,
  hostileCases,
  loadOperations,
  prepareContext,
  runBombs,
  runCases,
  sampleCases,
  signInDemoRoles,
  watchHealth,
  type Answer,
  type BombAnswer,
  type Figures,
  type Operation,
  type SweepContext,
  type Target,
} from '../../test/support/hostile.js';

const SETTLE_MS = 10_000;
const GOALS = { bombMs: 10_000, healthMs: 1_000, rssBytes: 1.5 * 1024 ** 3, minRequests: 1_000 };

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    limit: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '6' },
    'no-bombs': { type: 'boolean', default: false },
    'only-bombs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    only: { type: 'string', default: '' },
  },
});

const out = (line = '') => process.stdout.write(`${line}\n`);

interface Server {
  target: Target;
  pid: number;
  exited: () => { code: number | null; signal: string | null } | undefined;
  errorLines: () => number;
  stop(): Promise<void>;
}

/** The real server on a fresh SQLite file and a stand-in web build (an index page and one asset). */
async function startServer(dir: string): Promise<Server> {
  const web = path.join(dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Arbejdsbænk</title><script src="/assets/app.js"></script>');
  fs.writeFileSync(path.join(web, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(2000))});`);
  const log = fs.createWriteStream(path.join(dir, 'server.log'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: `file:${path.join(dir, 'hostile.db')}`,
      WEB_DIST: web,
      LOG_LEVEL: 'info',
      DEMO_SEED: 'true',
      AUTO_MIGRATE: 'true',
      AI_PROVIDER: 'offline',
      RETENTION_INTERVAL_MINUTES: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: { code: number | null; signal: string | null } | undefined;
  child.on('exit', (code, signal) => (exit = { code, signal }));
  let errorLines = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start within 60 s (see server.log with --keep)')), 60_000);
    child.on('exit', () => reject(new Error(`the server exited while starting (code ${exit?.code}, signal ${exit?.signal})`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      log.write(`${line}\n`);
      if (!line.startsWith('{')) return;
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; port?: number };
        if ((entry.level ?? 0) >= 50) errorLines += 1;
        if (entry.msg === 'server listening' && entry.port) {
          clearTimeout(timer);
          resolve(entry.port);
        }
      } catch {
        // the demo sign-in banner
      }
    });
    child.stderr!.on('data', (d: Buffer) => log.write(d));
  });
  return {
    target: { host: '127.0.0.1', port },
    pid: child.pid!,
    exited: () => exit,
    errorLines: () => errorLines,
    stop: async () => {
      if (exit) return;
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 30_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
      });
      log.end();
    },
  };
}

/** VmRSS sampled every 200 ms, and VmHWM (the kernel's own peak) whenever it can be read. */
function watchMemory(pid: number): { stop(): number } {
  let peak = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      for (const field of ['VmRSS', 'VmHWM']) {
        const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb * 1024);
      }
    } catch {
      // the process is gone, or this is not Linux
    }
  };
  const timer = setInterval(read, 200);
  return {
    stop: () => {
      read();
      clearInterval(timer);
      return peak;
    },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-hostile-'));
  out(`Hostile-input sweep: starting the server (node --import tsx server/src/main.ts) on a fresh database in ${dir}`);
  const server = await startServer(dir);
  const memory = watchMemory(server.pid);
  const started = Date.now();
  let sweep: Sweep;
  let outcome: ServerOutcome;
  try {
    sweep = await runSweep(server);
  } finally {
    outcome = { peak: memory.stop(), died: server.exited(), errorLines: server.errorLines() };
    await server.stop();
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }

  const f = figures(sweep.answers);
  const b = figures(sweep.bombAnswers);
  printFigures(sweep, outcome, { f, b, started });
  printAnswersToLookAt(sweep);
  return checkGoals(sweep, outcome, { f, b });
}

interface Sweep {
  answers: Answer[];
  bombAnswers: BombAnswer[];
  healthStats: { samples: number; maxMs: number; failures: number };
}

/** How the server process fared: its peak RSS, whether it died, and how many error lines it logged. */
interface ServerOutcome {
  peak: number;
  died: ReturnType<Server['exited']>;
  errorLines: number;
}

/** Signs in, sends the generated requests and then the bombs, with /api/health polled throughout. */
async function runSweep(server: Server): Promise<Sweep> {
  let answers: Answer[] = [];
  let bombAnswers: BombAnswer[] = [];
  let healthStats = { samples: 0, maxMs: 0, failures: 0 };
  const identities = await signInDemoRoles(server.target);
  const { operations, schemas } = await loadOperations(server.target);
  const ctx = await prepareContext(server.target, identities, schemas);
  const health = watchHealth(server.target, 200);
  try {
    if (!args['only-bombs']) answers = await sendCases(ctx, operations);
    if (!args['no-bombs'] && !server.exited()) bombAnswers = await sendBombs(ctx);
  } finally {
    healthStats = await health.stop();
  }
  return { answers, bombAnswers, healthStats };
}

/** Every request generated from the OpenAPI document (or the --only / --limit selection of them). */
async function sendCases(ctx: SweepContext, operations: Operation[]): Promise<Answer[]> {
  const all = hostileCases(operations, ctx).filter((c) => !args.only || `${c.op} ${c.label}`.includes(args.only));
  const limit = Number(args.limit);
  const cases = limit > 0 ? sampleCases(all, limit, Number(args.seed)) : all;
  out(`${operations.length} documented operations, ${all.length} generated requests${limit > 0 ? `, sending a sample of ${cases.length} (seed ${args.seed})` : ''}`);
  let sent = 0;
  return runCases(ctx, cases, {
    concurrency: Number(args.concurrency),
    onAnswer: () => {
      sent += 1;
      if (sent % 500 === 0) out(`  ... ${sent} answered`);
    },
  });
}

/** The decompression bombs one at a time, then a pause while accepted files are indexed. */
async function sendBombs(ctx: SweepContext): Promise<BombAnswer[]> {
  out('Bombs, one at a time:');
  const bombAnswers = await runBombs(ctx, bombs(), (a) =>
    out(`  ${String(a.status).padEnd(4)} ${(a.code ?? '').padEnd(22)} ${(a.ms / 1000).toFixed(1).padStart(5)} s  ${a.label} (${Math.round(a.bytes / 1024)} KB)`),
  );
  // An accepted file is indexed in the background: health keeps being measured while that runs.
  out(`Watching health for ${SETTLE_MS / 1000} s more while accepted files are indexed ...`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return bombAnswers;
}

const slowestBombMs = (bombAnswers: BombAnswer[]) => Math.max(0, ...bombAnswers.map((a) => a.ms));

function printFigures({ answers, bombAnswers, healthStats }: Sweep, { peak, died, errorLines }: ServerOutcome, { f, b, started }: { f: Figures; b: Figures; started: number }): void {
  out();
  out(`Requests sent:                 ${f.sent} (in ${Math.round((Date.now() - started) / 1000)} s)`);
  out(`Answers by status class:       ${Object.entries(f.byClass).sort().map(([k, v]) => `${k}: ${v}`).join(', ') || '-'}`);
  out(`Answers >= 500:                ${f.serverErrors}`);
  out(`Requests without an answer:    ${f.noAnswer}`);
  out(`Errors not in the one shape:   ${f.notInShape}`);
  out(`Bombs sent:                    ${b.sent} (${Object.entries(b.byClass).sort().map(([k, v]) => `${k}: ${v}`).join(', ') || '-'})`);
  out(`Slowest bomb answer:           ${(slowestBombMs(bombAnswers) / 1000).toFixed(1)} s`);
  out(`Health: slowest of ${healthStats.samples} polls: ${Math.round(healthStats.maxMs)} ms (${healthStats.failures} not 200)`);
  out(`Peak RSS of the server:        ${mb(peak)}`);
  out(`Server process died:           ${died ? `yes (code ${died.code}, signal ${died.signal})` : 'no'}`);
  out(`Error lines in the server log: ${errorLines}`);

  out();
  out('Slowest answers:');
  for (const a of [...answers].sort((x, y) => y.ms - x.ms).slice(0, 8)) out(`  ${describe(a)}`);
}

/** The answers that broke a goal: the first 40, or all with --verbose. */
function printAnswersToLookAt({ answers, bombAnswers }: Sweep): void {
  const bad = [...answers, ...bombAnswers].filter((a) => a.status === 'none' || (a.status as number) >= 500 || !a.shapeOk);
  if (bad.length) {
    out();
    out(`Answers that broke a goal${bad.length > 40 && !args.verbose ? ' (the first 40; --verbose for all)' : ''}:`);
    for (const a of args.verbose ? bad : bad.slice(0, 40)) out(`  ${describe(a)}`);
  }
}

/** Prints each goal as met or failed; the exit code (1 when any failed). */
function checkGoals({ bombAnswers, healthStats }: Sweep, { peak, died }: ServerOutcome, { f, b }: { f: Figures; b: Figures }): number {
  const slowestBomb = slowestBombMs(bombAnswers);
  const fullRun = !args['only-bombs'] && Number(args.limit) === 0;
  const goals: [string, boolean][] = [
    [`at least ${GOALS.minRequests} requests`, !fullRun || f.sent >= GOALS.minRequests],
    ['0 answers >= 500', f.serverErrors + b.serverErrors === 0],
    ['every request answered', f.noAnswer + b.noAnswer === 0],
    ['every error in the one shape', f.notInShape + b.notInShape === 0],
    ['the process never died', !died],
    [`each bomb answered within ${GOALS.bombMs / 1000} s`, args['no-bombs'] || (bombAnswers.length === bombs().length && slowestBomb < GOALS.bombMs)],
    [`health within ${GOALS.healthMs} ms throughout`, healthStats.maxMs < GOALS.healthMs && healthStats.failures === 0],
    [`peak RSS under ${mb(GOALS.rssBytes)}`, peak < GOALS.rssBytes],
  ];
  out();
  for (const [goal, met] of goals) out(`  ${met ? 'ok  ' : 'FAIL'}  ${goal}`);
  const failed = goals.filter(([, met]) => !met).length;
  out(failed ? `\n${failed} goal(s) failed.` : '\nEvery goal met.');
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`The sweep could not run: ${(err as Error)?.message ?? String(err)}\n`);
    process.exit(2);
  },
);

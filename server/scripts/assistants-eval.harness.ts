/**
 * What the three assistants' scoring scripts share: the real app (createApp) on a fresh SQLite database with the
 * offline engine, people who sign in and take part in a trial, and runs sent through POST /api/runs the way the
 * web sends them. Scorers read only what the API returns (the run view and its `details`), never the
 * assistants' internals, so a figure here is what a person would see.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployMigrations } from '../../prisma/tools/schema-engine.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../test/support/factories.js';
import type { TestApp } from '../../test/support/app.js';
import { buildDeps, createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { ErrorBody } from '../src/contracts/errors.js';
import type { AssistantId } from '../src/contracts/policies.js';
import { RunResponse, type RunView } from '../src/contracts/runs.js';
import type { Deps } from '../src/deps.js';
import { createDb } from '../src/lib/db.js';
import { createLogger } from '../src/lib/logger.js';
import { startJobWorker, type JobWorker } from '../src/modules/jobs/jobs.service.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures');

/**
 * blind = blind batch 5 (test/fixtures/BLIND-ASSISTANTS.md) and blind-8 = batch 8 (documents only): scored once
 * per change, never tuned on. blind-2, blind-3, blind-4, blind-6 and blind-7 = earlier blind batches, tuned on since their
 * one blind score, so development sets now, like dev-3 (test/fixtures/DEV-ASSISTANTS.md), own and shared.
 */
export type SetName = 'blind' | 'blind-8' | 'blind-2' | 'blind-3' | 'blind-4' | 'blind-6' | 'blind-7' | 'dev-3' | 'own' | 'shared';
export const SET_NAMES: readonly SetName[] = ['blind', 'blind-8', 'blind-2', 'blind-3', 'blind-4', 'blind-6', 'blind-7', 'dev-3', 'own', 'shared'];
/** Every set that may be tuned on. */
export const DEV_SETS: readonly SetName[] = ['blind-2', 'blind-3', 'blind-4', 'blind-6', 'blind-7', 'dev-3', 'own', 'shared'];

/** `--set blind|blind-8|blind-2|blind-3|blind-4|blind-6|blind-7|dev-3|own|shared|dev|all` (comma-separated too) and `--limit N` (0 = every case). */
export function parseSetArgs(argv: string[]): { sets: SetName[]; limit: number } {
  let set = 'blind';
  let limit = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
    if (a.startsWith('--set')) set = value ?? set;
    else if (a.startsWith('--limit')) limit = Number(value);
    else continue;
    if (!a.includes('=')) i++;
  }
  if (!Number.isInteger(limit) || limit < 0) throw new Error('--limit must be a whole number (0 = all)');
  const sets = set === 'all' ? [...SET_NAMES] : set.split(',').flatMap((s) => (s === 'dev' ? [...DEV_SETS] : [s]));
  for (const s of sets) if (!SET_NAMES.includes(s as SetName)) throw new Error(`--set must be one of ${SET_NAMES.join(', ')}, dev or all, not "${s}"`);
  return { sets: sets as SetName[], limit };
}

/** A scorer's own sets: not every assistant has every batch (batches 6 and 7 have documents only). */
export type SetFiles<T> = Partial<Record<SetName, T>>;

export function setFiles<T>(sets: SetFiles<T>, set: SetName, assistant: string): T {
  const files = sets[set];
  if (!files) throw new Error(`The ${assistant} assistant has no set "${set}"; it has ${Object.keys(sets).join(', ')}`);
  return files;
}

export const take = <T>(items: T[], limit: number): T[] => (limit > 0 ? items.slice(0, limit) : items);

export interface EvalApp {
  t: TestApp;
  deps: Deps;
  close(): Promise<void>;
}

/**
 * createApp() with the offline engine on a database of its own. Without a URL, a temporary SQLite file is
 * migrated here (the scripts); the test passes a copy of its migrated template. The job worker runs in-process as
 * in main.ts, so an uploaded document is indexed in the background while the script waits for its job.
 */
export async function startEvalApp(opts: { databaseUrl?: string } = {}): Promise<EvalApp> {
  let dir: string | undefined;
  let url = opts.databaseUrl;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-eval-'));
    url = `file:${path.join(dir, 'eval.db')}`;
    await deployMigrations({ url });
  }
  const config = loadConfig({
    NODE_ENV: 'development',
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    AI_PROVIDER: 'offline',
    ARGON2_MEMORY_KIB: '1024',
    ARGON2_TIME_COST: '1',
    RETENTION_INTERVAL_MINUTES: '0',
  });
  const db = await createDb(config.databaseUrl);
  const deps = buildDeps(config, db, createLogger(config.logLevel));
  const app = createApp(deps);
  const worker: JobWorker = startJobWorker(deps, { pollMs: 50 });
  // Only the parts of TestApp the factories use: the app and its deps.
  const t = { app, deps, request: undefined as never, close: async () => undefined } as TestApp;
  return {
    t,
    deps,
    close: async () => {
      await worker.stop();
      await db.$disconnect();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A trial with this assistant and policy, running today, and its people. Each participant asks at most
 * `runsPerPerson` times, under the policy's daily limit, so a large set never hits the limit; a new colleague
 * (signed in through the API) takes over.
 */
export async function trialWith(e: EvalApp, assistant: AssistantId, policyId: string) {
  const unitId = (await createUnit(e.deps)).id;
  const leader = await createUser(e.deps, { role: 'LEADER', unitId });
  const day = 24 * 3600_000;
  const now = e.deps.now().getTime();
  const trial = await createTrial(e.deps, {
    unitId,
    createdById: leader.id,
    policyId,
    assistants: [assistant],
    startsAt: new Date(now - day),
    endsAt: new Date(now + 90 * day),
  });
  const limit = e.deps.policies.get(policyId)?.policy.limits.runsPerPersonPerDay ?? 20;
  const runsPerPerson = Math.max(1, limit - 1);
  let current: Client | undefined;
  let used = 0;
  const person = async (): Promise<Client> => {
    if (!current || used >= runsPerPerson) {
      const user = await createUser(e.deps, { role: 'EMPLOYEE', unitId });
      await e.deps.db.trialParticipant.create({
        data: { trialId: trial.id, userId: user.id, briefedAt: new Date(now - day), briefingVersion: 1 },
      });
      current = await signedIn(e.t, user);
      used = 0;
    }
    used++;
    return current;
  };
  return { trialId: trial.id, leader: await signedIn(e.t, leader), person };
}

/** A run as a person sees it: the draft, or the refusal (the guard's 422, or another 4xx) with its code. */
export type RunOutcome = { ok: true; run: RunView } | { ok: false; status: number; code: string; runStatus?: string };

export async function sendRun(c: Client, trialId: string, assistant: AssistantId, input: string): Promise<RunOutcome> {
  const res = await c.post('/api/runs', { trialId, assistant, input });
  if (res.status === 201) {
    const { run } = RunResponse.parse(res.body);
    if (run.status === 'DRAFT' || run.status === 'NOT_ANSWERED') return { ok: true, run };
    return { ok: false, status: res.status, code: run.errorCode ?? run.status, runStatus: run.status };
  }
  const body = ErrorBody.safeParse(res.body);
  if (res.status >= 500 || !body.success) throw new Error(`POST /api/runs answered ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return { ok: false, status: res.status, code: body.data.error.code };
}

/** LIX exactly as the shared sample data defines it (its README), independent of the letter assistant's code. */
export function lix(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return 0;
  const long = words.filter((w) => [...w].length > 6).length;
  const sentences = text.split(/[.!?:]+(?=\s|$)|\n/u).filter((s) => /[\p{L}\p{N}]/u.test(s)).length;
  return Math.round((words.length / sentences + (100 * long) / words.length) * 10) / 10;
}

/** One row of a scorer's table: `| assistant | measure | value |`, as in issue #13. */
export interface Measure {
  measure: string;
  value: string;
  /** The figure as a number for checks: a fraction 0..1, or null when it cannot be computed (no cases). */
  fraction: number | null;
}

export interface ScoreReport {
  assistant: 'letters' | 'minutes' | 'documents';
  set: string;
  cases: number;
  refused: number;
  measures: Measure[];
  /** Per-case lines for a person reading the output: ids, what went wrong. No personal data beyond the fixtures'. */
  notes: string[];
}

export const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);
export const fixed = (x: number | null, digits = 3) => (x === null ? 'n/a' : x.toFixed(digits));
export const nOf = (n: number, d: number) => `${n} of ${d}`;

export function formatReport(r: ScoreReport, verbose = false): string {
  const lines = [
    `### ${r.assistant}, set ${r.set}: ${r.cases} cases, ${r.refused} refused`,
    '',
    '| assistant | measure | value |',
    '|---|---|---|',
    ...r.measures.map((m, i) => `| ${i === 0 ? r.assistant : ''} | ${m.measure} | ${m.value} |`),
  ];
  if (verbose && r.notes.length) lines.push('', ...r.notes.map((n) => `    ${n}`));
  return `${lines.join('\n')}\n`;
}

export const readJsonl = <T>(file: string): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

export const uid = () => randomBytes(4).toString('hex');

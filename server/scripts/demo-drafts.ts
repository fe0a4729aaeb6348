/**
 * `npm run demo:drafts`: makes the drafts of the demo history (demo.history.texts.ts) with the real pipeline and
 * the offline engine, and writes them to demo.history.drafts.json. Each text goes through executeRun in a trial
 * under its policy, on a throwaway SQLite database, exactly as a participant's run would: guard, policy,
 * pseudonymisation, assistant, restore. Each edit is applied through reviewRun ("Ret og godkend"), so its diff
 * and size are the ones the review service computes. The seed then copies these rows and does no engine work.
 *
 * Run it again after changing a text, an assistant, the guard or a policy: the seed refuses a drafts file whose
 * texts have changed, and the offline engine is deterministic, so an unchanged file comes out the same.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deployMigrations } from '../../prisma/tools/schema-engine.js';
import { buildDeps } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import type { AssistantId } from '../src/contracts/policies.js';
import type { RunOptions } from '../src/contracts/runs.js';
import type { Deps } from '../src/deps.js';
import { createDb } from '../src/lib/db.js';
import { AppError } from '../src/lib/errors.js';
import { createLogger } from '../src/lib/logger.js';
import type { AuditDetails } from '../src/modules/audit/audit.service.js';
import type { Actor } from '../src/modules/auth/auth.types.js';
import { reviewRun } from '../src/modules/reviews/reviews.service.js';
import { executeRun } from '../src/modules/runs/runs.service.js';
import { draftKey, type DemoDraft, type DemoDrafts } from '../src/modules/demo/demo.history.js';
import { BLOCKED_TRANSCRIPTS, FINISHED_TRIAL, LETTER_TEXTS, MINUTES_TEXTS, RUNNING_TRIAL, type DraftEdit, type HistoryText } from '../src/modules/demo/demo.history.texts.js';

const OUT = path.join(import.meta.dirname, '../src/modules/demo/demo.history.drafts.json');
const DAY_MS = 86_400_000;

interface Bench {
  deps: Deps;
  unitId: string;
  trials: Record<'letter' | 'minutes', string>;
  /** A fresh participant per text, so no daily run limit is reached. */
  person(trialId: string): Promise<Actor>;
}

async function bench(url: string): Promise<{ b: Bench; close(): Promise<void> }> {
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
  const deps = buildDeps(config, db, createLogger('silent'));
  const unit = await db.orgUnit.create({ data: { code: 'DRAFTS', name: 'Udkast til demoen' } });
  const leader = await db.user.create({ data: { email: 'leder@drafts.invalid', name: 'Leder', role: 'LEADER', unitId: unit.id, passwordHash: '-' } });
  const now = deps.now().getTime();
  const trial = async (policyId: string, assistant: AssistantId) =>
    (
      await db.trial.create({
        data: {
          unitId: unit.id,
          title: `Udkast (${assistant})`,
          purpose: 'Udkast til demoens historik',
          briefing: 'Udkast',
          assistants: JSON.stringify([assistant]),
          policyId,
          policyVersion: deps.policies.get(policyId)!.version,
          status: 'ACTIVE',
          startsAt: new Date(now - DAY_MS),
          endsAt: new Date(now + DAY_MS),
          createdById: leader.id,
        },
      })
    ).id;
  let n = 0;
  const b: Bench = {
    deps,
    unitId: unit.id,
    trials: { letter: await trial(FINISHED_TRIAL.policyId, 'letter'), minutes: await trial(RUNNING_TRIAL.policyId, 'minutes') },
    async person(trialId) {
      n += 1;
      const u = await db.user.create({ data: { email: `p${n}@drafts.invalid`, name: `Deltager ${n}`, role: 'EMPLOYEE', unitId: unit.id, passwordHash: '-' } });
      await db.trialParticipant.create({ data: { trialId, userId: u.id, briefedAt: new Date(), briefingVersion: 1 } });
      return { id: u.id, role: 'EMPLOYEE', unitId: unit.id, sessionId: 'demo-drafts' };
    },
  };
  return { b, close: () => db.$disconnect() };
}

function applyEdit(id: string, draft: string, edit: DraftEdit): string {
  if ('append' in edit) return `${draft.trimEnd()}${edit.append}`;
  if (!draft.includes(edit.replace)) throw new Error(`The edit of "${id}" replaces "${edit.replace}", which its draft does not contain:\n${draft}`);
  return draft.replace(edit.replace, edit.with);
}

/** One run of a text through the pipeline: the stored row, or the refusal's row when the guard blocked it. */
async function runOnce(b: Bench, assistant: AssistantId, input: string, options?: RunOptions): Promise<{ runId: string; actor: Actor }> {
  const trialId = b.trials[assistant as 'letter' | 'minutes'];
  const actor = await b.person(trialId);
  try {
    const run = await executeRun(b.deps, actor, { trialId, assistant, input, ...(options ? { options } : {}) });
    return { runId: run.id, actor };
  } catch (err) {
    const runId = err instanceof AppError ? (err.details as { runId?: string } | undefined)?.runId : undefined;
    if (err instanceof AppError && err.code === 'POLICY_VIOLATION' && runId) return { runId, actor };
    throw err;
  }
}

async function draftOfText(b: Bench, assistant: AssistantId, t: HistoryText, options?: RunOptions): Promise<DemoDraft> {
  const { db } = b.deps;
  const { runId } = await runOnce(b, assistant, t.text, options);
  const row = await db.run.findUniqueOrThrow({ where: { id: runId } });
  if (row.status !== 'DRAFT' && row.status !== 'BLOCKED') throw new Error(`"${t.id}" ended as ${row.status}`);
  const event = await db.auditEvent.findFirstOrThrow({ where: { resourceId: runId, action: { in: ['run.completed', 'run.blocked'] } } });
  // The measured duration differs on every machine: the plan sets it, so the file does not change for nothing.
  const audit = { ...(JSON.parse(event.details) as AuditDetails), ...(row.status === 'DRAFT' ? { durationMs: 0 } : {}) };
  const edits: DemoDraft['edits'] = [];
  for (const edit of t.edits) {
    // A run of its own for each edit: a draft is reviewed once.
    const again = await runOnce(b, assistant, t.text, options);
    const before = await db.run.findUniqueOrThrow({ where: { id: again.runId } });
    if (before.output !== row.output) throw new Error(`The offline engine gave "${t.id}" two different drafts`);
    await reviewRun(b.deps, again.actor, again.runId, { decision: 'EDIT_AND_APPROVE', finalText: applyEdit(t.id, row.output!, edit) });
    const after = await db.run.findUniqueOrThrow({ where: { id: again.runId }, include: { reviews: true } });
    const review = after.reviews[0]!;
    edits.push({ finalText: after.finalText!, editDiff: review.editDiff ?? '', editSize: review.editSize });
  }
  return {
    inputHash: draftKey(t.text),
    status: row.status,
    guardDecision: row.guardDecision ?? 'allowed',
    guardFindings: row.guardFindings,
    fourEyes: row.fourEyes,
    inputChars: row.inputChars,
    provider: row.provider,
    model: row.model,
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    output: row.output,
    details: row.details,
    pseudonymMap: row.pseudonymMap,
    audit,
    edits,
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-drafts-'));
  try {
    const url = `file:${path.join(dir, 'drafts.db')}`;
    await deployMigrations({ url });
    const { b, close } = await bench(url);
    try {
      const out: DemoDrafts = { letters: {}, minutes: {}, blocked: {} };
      for (const t of LETTER_TEXTS) out.letters[t.id] = await draftOfText(b, 'letter', t);
      for (const t of MINUTES_TEXTS) out.minutes[t.id] = await draftOfText(b, 'minutes', t, { template: t.template });
      for (const t of BLOCKED_TRANSCRIPTS) {
        const d = await draftOfText(b, 'minutes', t);
        if (d.status !== 'BLOCKED') throw new Error(`"${t.id}" was meant to be refused by the guard, but it was not`);
        out.blocked[t.id] = d;
      }
      for (const [part, drafts] of Object.entries(out) as [string, Record<string, DemoDraft>][]) {
        for (const [id, d] of Object.entries(drafts)) {
          if (part !== 'blocked' && d.status !== 'DRAFT') throw new Error(`"${id}" was refused by the guard: ${JSON.stringify(d.audit)}`);
        }
      }
      fs.writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
      const count = (p: keyof DemoDrafts) => Object.keys(out[p]).length;
      process.stdout.write(`Wrote ${path.relative(process.cwd(), OUT)}: ${count('letters')} letters, ${count('minutes')} minutes, ${count('blocked')} refused.\n`);
    } finally {
      await close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

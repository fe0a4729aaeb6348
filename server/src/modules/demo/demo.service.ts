import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import type { Tx } from '../../lib/db.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { hashPassword } from '../auth/auth.service.js';
import { indexDocument, uploadDocument } from '../documents/documents.service.js';
import { activeAccountsAcceptingPassword } from '../users/users.service.js';
import { DEMO_DOCUMENTS, DEMO_PASSWORD, DEMO_TRIALS, DEMO_USERS } from './demo.constants.js';
import { seedDemoHistory } from './demo.history.js';
import { ROOT_DIR } from '../../config/env.js';


const DOCUMENTS_DIR = path.join(ROOT_DIR, 'server/src/modules/demo/documents');

export class DemoRefusedError extends Error {
  constructor() {
    super('Refusing to create demo users when NODE_ENV=production');
    this.name = 'DemoRefusedError';
  }
}

/**
 * In production, the reason not to start: active accounts that sign in with the demo password, which is
 * published (README, the demo's console), so anyone could use them. Null when there are none or outside
 * production. Names the accounts, so the operator knows which to change; never the password.
 */
export async function demoPasswordRefusal(deps: Pick<Deps, 'db' | 'config'>): Promise<string | null> {
  if (deps.config.nodeEnv !== 'production') return null;
  const emails = await activeAccountsAcceptingPassword(deps, DEMO_PASSWORD);
  if (emails.length === 0) return null;
  return [
    `Refusing to start: ${emails.length} active account(s) sign in with the published demo password:`,
    ...emails.map((e) => `  - ${e}`),
    'Deactivate them or give them a new password (see "Production" in README.md), then start again.',
    'The server has not started.',
    '',
  ].join('\n');
}

/** A few hundred rows and audit events take well under a second, but more than the default 5 s on a busy machine can. */
const SEED_TRANSACTION = { timeout: 60_000, maxWait: 10_000 };

const UNITS = [
  { code: 'DEMO', name: 'Rødovre Kommune (demo)', parent: null },
  { code: 'BORGERSERVICE', name: 'Borgerservice', parent: 'DEMO' },
  { code: 'SOCIAL', name: 'Social- og Sundhedsforvaltningen', parent: 'DEMO' },
  { code: 'DIGITAL', name: 'Digital Udvikling', parent: 'DEMO' },
] as const;

/**
 * Creates the demo municipality on an empty database: units, one user per role, an ACTIVE trial for each
 * assistant in the demo employee's unit (with the employee and the leader as participants, not yet briefed: reading
 * and acknowledging the briefing is part of trying it), a DRAFT trial for the leader to complete and activate, and
 * a small knowledge base for the documents trial, indexed at once so questions can be answered right away. Beside
 * them, a history (demo.history.ts): colleagues who cannot sign in, a finished letter trial and a running minutes
 * trial with their runs, reviews, logs and audit events, so the review board has figures from the first start.
 * Offline, and does nothing when any user exists.
 */
export async function seedDemoOrganisation(deps: Deps): Promise<{ created: boolean }> {
  if (deps.config.nodeEnv === 'production') throw new DemoRefusedError();
  if ((await deps.db.user.count()) > 0) return { created: false };
  // The colleagues of the history get a password nobody knows, as an account made through the identity provider.
  const [passwordHash, unknownPasswordHash] = await Promise.all([
    hashPassword(DEMO_PASSWORD, deps.config.argon2),
    hashPassword(randomBytes(32).toString('base64url'), deps.config.argon2),
  ]);
  const now = deps.now();

  // The organisation and its history in one transaction: a crash leaves nothing half-seeded.
  const seeded = await deps.db.$transaction(async (tx) => {
    const unitIds = await createUnits(tx);
    const userIds = await createDemoUsers(tx, unitIds, passwordHash);
    const { trialIds, documentsTrialId } = await createDemoTrials(tx, deps, { now, unitIds, userIds });
    const history = await seedDemoHistory(tx, deps, {
      now,
      unitIds,
      leaderId: userIds.LEADER,
      digitalUnitId: userIds.DIGITAL_UNIT,
      unknownPasswordHash,
    });
    trialIds.push(...history.trialIds);
    await recordAudit(tx, deps.provider, {
      actor: null,
      action: 'demo.seeded',
      resourceType: 'organisation',
      resourceId: unitIds.get('DEMO')!,
      details: { units: UNITS.length, users: Object.keys(DEMO_USERS).length + history.colleagues, trials: trialIds, historyRuns: history.runs },
    });
    return { documentsTrialId, leaderId: userIds.LEADER, leaderUnitId: unitIds.get(DEMO_USERS.LEADER.unitCode)! };
  }, SEED_TRANSACTION);

  if (seeded.documentsTrialId) await uploadDemoDocuments(deps, seeded.documentsTrialId, seeded.leaderId, seeded.leaderUnitId);
  return { created: true };
}

/** The demo units, parents first; their ids by code. */
async function createUnits(tx: Tx): Promise<Map<string, string>> {
  const unitIds = new Map<string, string>();
  for (const u of UNITS) {
    const row = await tx.orgUnit.create({
      data: { code: u.code, name: u.name, parentId: u.parent ? unitIds.get(u.parent)! : null },
    });
    unitIds.set(u.code, row.id);
  }
  return unitIds;
}

/** One person per role, who signs in with the demo password; their ids by role. */
async function createDemoUsers(tx: Tx, unitIds: Map<string, string>, passwordHash: string): Promise<Record<Role, string>> {
  const userIds = {} as Record<Role, string>;
  for (const [role, u] of Object.entries(DEMO_USERS) as [Role, (typeof DEMO_USERS)[Role]][]) {
    const row = await tx.user.create({
      // The digital unit's demo person is also the data protection adviser, so the sign-off of the compliance
      // drafts can be tried without creating a person first.
      data: { email: u.email, name: u.name, role, unitId: unitIds.get(u.unitCode)!, passwordHash, dataProtectionAdviser: role === 'DIGITAL_UNIT' },
    });
    userIds[role] = row.id;
  }
  return userIds;
}

/** The demo trials, set up by the leader; their ids, and the active documents trial's (it gets the knowledge base). */
async function createDemoTrials(
  tx: Tx,
  deps: Deps,
  { now, unitIds, userIds }: { now: Date; unitIds: Map<string, string>; userIds: Record<Role, string> },
): Promise<{ trialIds: string[]; documentsTrialId: string | null }> {
  const day = 86_400_000;
  const trialIds: string[] = [];
  let documentsTrialId: string | null = null;
  for (const t of DEMO_TRIALS) {
    const active = t.status === 'ACTIVE';
    const trial = await tx.trial.create({
      data: {
        unitId: unitIds.get(t.unitCode)!,
        title: t.title,
        purpose: t.purpose,
        hypothesis: t.hypothesis,
        successCriteria: t.successCriteria,
        briefing: t.briefing,
        assistants: JSON.stringify([t.assistant]),
        questions: JSON.stringify(t.questions),
        policyId: t.policyId,
        // The version the trial was set up under, as a leader's own trial records it.
        policyVersion: deps.policies.get(t.policyId)?.version ?? 'unknown',
        status: t.status,
        published: active && t.published === true,
        startsAt: new Date(now.getTime() + t.startsInDays * day),
        endsAt: new Date(now.getTime() + t.endsInDays * day),
        createdById: userIds.LEADER,
        participants: active ? { create: [{ userId: userIds.EMPLOYEE }, { userId: userIds.LEADER }] } : undefined,
      },
    });
    trialIds.push(trial.id);
    if (active && t.assistant === 'documents') documentsTrialId = trial.id;
  }
  return { trialIds, documentsTrialId };
}

/** Through the documents module, as the trial's leader would upload them: stored, audited and indexed. */
async function uploadDemoDocuments(deps: Deps, trialId: string, leaderId: string, leaderUnitId: string): Promise<void> {
  const leader: Actor = { id: leaderId, role: 'LEADER', unitId: leaderUnitId, sessionId: 'demo-seed' };
  for (const filename of DEMO_DOCUMENTS) {
    const buffer = fs.readFileSync(path.join(DOCUMENTS_DIR, filename));
    const { document } = await uploadDocument(deps, leader, trialId, {
      buffer,
      filename,
      mimeType: 'text/markdown',
      size: buffer.length,
    });
    // Indexed here rather than waiting for the job worker, so search works the moment the server is up. The
    // queued indexing job still runs later and replaces the passages with the same ones.
    await indexDocument(deps, document.id, leader);
  }
}

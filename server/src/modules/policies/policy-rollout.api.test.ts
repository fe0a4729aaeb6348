/**
 * A policy file changed on one instance before the other (a rolling deploy), on one database. Instance A serves
 * the shipped letter policy; instance B a changed one that refuses CPR numbers instead of masking them. A trial
 * is governed alike on both: by the version it recorded, as long as some instance serves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, createTrial, createUnit, createUser, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildDeps, createApp } from '../../app.js';
import { ROOT_DIR } from '../../config/env.js';
import { ErrorBody } from '../../contracts/errors.js';
import type { Deps } from '../../deps.js';
import { createDb, type Db } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';
import { parsePolicy } from './policies.loader.js';
import { servePolicyVersions } from './policy-versions.service.js';

const POLICY = 'borgerbreve-maskering';
const SHIPPED = fs.readFileSync(path.join(ROOT_DIR, 'policies', `${POLICY}.yaml`), 'utf8');
const CHANGED = SHIPPED.replace(/^ {2}CPR: mask$/m, '  CPR: block');
const LETTER_WITH_CPR = 'Kære borger\n\nVi har modtaget din ansøgning. Sagen vedrører CPR-nr. 070761-4005.\n\nMed venlig hilsen\nBorgerservice';

let now = new Date();
let a: TestApp;
let b: { deps: Deps; app: ReturnType<typeof createApp>; db: Db };
let trialId: string;
let onA: Client;
let onB: Client;
let email: string;

async function signedInOn(app: ReturnType<typeof createApp>, userEmail: string): Promise<Client> {
  const c = new Client({ ...a, app, request: supertest(app) });
  const csrf = await c.agent.get('/api/auth/csrf').expect(200);
  c.csrf = (csrf.body as { csrfToken: string }).csrfToken;
  await c.agent.post('/api/auth/login').set('x-csrf-token', c.csrf).send({ email: userEmail, password: TEST_PASSWORD }).expect(200);
  const again = await c.agent.get('/api/auth/csrf').expect(200);
  c.csrf = (again.body as { csrfToken: string }).csrfToken;
  return c;
}

const run = (c: Client, input: string) => c.post('/api/runs', { trialId, assistant: 'letter', input });

beforeAll(async () => {
  expect(CHANGED).not.toBe(SHIPPED);
  a = await createTestApp({ now: () => now });
  const policies = new Map(a.deps.policies);
  policies.set(POLICY, parsePolicy(`/policies/${POLICY}.yaml`, CHANGED));
  const db = await createDb(a.deps.config.databaseUrl);
  const deps = buildDeps(a.deps.config, db, createLogger('silent'), { now: () => now, policies });
  b = { deps, app: createApp(deps), db };

  const unitId = (await createUnit(a.deps)).id;
  const leader = await createUser(a.deps, { role: 'LEADER', unitId });
  const employee = await createUser(a.deps, { role: 'EMPLOYEE', unitId });
  email = employee.email;
  // Set up on A: the trial records the shipped version.
  const trial = await createTrial(a.deps, { unitId, createdById: leader.id, participants: [employee.id], policyId: POLICY });
  trialId = trial.id;
  await a.deps.db.trialParticipant.updateMany({ where: { trialId }, data: { briefedAt: now, briefingVersion: 1 } });
  onA = await signedInOn(a.app, email);
  onB = await signedInOn(b.app, email);
});
afterAll(async () => {
  await b?.db.$disconnect();
  await a?.close();
});

describe('a policy file rolled out to one instance before the other', () => {
  it('while A still serves the recorded version, B governs the trial by it too: the CPR number is masked on both', async () => {
    await servePolicyVersions(a.deps);
    await servePolicyVersions(b.deps);
    expect(b.deps.policies.get(POLICY)!.version).not.toBe(a.deps.policies.get(POLICY)!.version);

    await run(onA, LETTER_WITH_CPR).expect(201);
    const res = await run(onB, LETTER_WITH_CPR).expect(201);
    expect((res.body as { run: { policyVersion: string } }).run.policyVersion).toBe(a.deps.policies.get(POLICY)!.version);
  });

  it('once the trial is confirmed on the new version, A governs it by the new text it does not have on disk: the CPR number is refused on both', async () => {
    await b.deps.db.trial.update({ where: { id: trialId }, data: { policyVersion: b.deps.policies.get(POLICY)!.version } });
    for (const c of [onA, onB]) {
      const res = await run(c, LETTER_WITH_CPR).expect(422);
      expect(ErrorBody.parse(res.body).error.code).toBe('POLICY_VIOLATION');
    }
  });

  it('when no instance has served the recorded version for POLICY_ROLLOUT_MINUTES, then runs stop with POLICY_CHANGED on every instance that lacks it', async () => {
    await b.deps.db.trial.update({ where: { id: trialId }, data: { policyVersion: a.deps.policies.get(POLICY)!.version } });
    // A was upgraded (it serves no more): only B says it is alive, well after the window.
    now = new Date(now.getTime() + (a.deps.config.policyRolloutMinutes + 1) * 60_000);
    onB = await signedInOn(b.app, email);
    await servePolicyVersions(b.deps);
    const res = await run(onB, 'Kære borger\n\nVi har modtaget din ansøgning.\n\nMed venlig hilsen\nBorgerservice').expect(409);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('POLICY_CHANGED');
    expect(body.error.message).toMatch(/bekræfte den nye version/);
  });
});

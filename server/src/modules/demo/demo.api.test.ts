import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../contracts/auth.js';
import { DocumentList, DocumentsRunDetails } from '../../contracts/documents.js';
import { PolicyList } from '../../contracts/policies.js';
import { RunResponse } from '../../contracts/runs.js';
import { TrialList } from '../../contracts/trials.js';
import { loadConfig } from '../../config/env.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client } from '../../../../test/support/factories.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { DEMO_DOCUMENTS, DEMO_PASSWORD, DEMO_TRIALS, DEMO_USERS } from './demo.constants.js';
import { FINISHED_TRIAL } from './demo.history.texts.js';
import { DemoRefusedError, seedDemoOrganisation } from './demo.service.js';

let t: TestApp;

async function demoClient(email: string): Promise<Client> {
  const c = new Client(t);
  await c.fetchCsrf();
  await c.post('/api/auth/login', { email, password: DEMO_PASSWORD }).expect(200);
  // The session has a CSRF token of its own.
  await c.fetchCsrf();
  return c;
}

/** Through the API when the briefing endpoint exists; until it does, the participant row is marked directly. */
async function acknowledgeBriefing(c: Client, trialId: string): Promise<void> {
  const trial = await t.deps.db.trial.findUniqueOrThrow({ where: { id: trialId } });
  const res = await c.post(`/api/trials/${trialId}/briefing/acknowledge`, { briefingRevision: trial.briefingRevision });
  if (res.status !== 404) {
    expect(res.status).toBeLessThan(300);
    return;
  }
  const me = MeResponse.parse((await c.get('/api/auth/me').expect(200)).body);
  await t.deps.db.trialParticipant.update({
    where: { trialId_userId: { trialId, userId: me.user.id } },
    data: { briefedAt: new Date(), briefingVersion: trial.briefingRevision },
  });
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo organisation', () => {
  it('on an empty database, creates one user per role who can sign in, once', async () => {
    expect(await seedDemoOrganisation(t.deps)).toEqual({ created: true });
    expect(await seedDemoOrganisation(t.deps)).toEqual({ created: false });
    for (const [role, u] of Object.entries(DEMO_USERS)) {
      const c = new Client(t);
      await c.fetchCsrf();
      const res = await c.post('/api/auth/login', { email: u.email, password: DEMO_PASSWORD }).expect(200);
      expect(MeResponse.parse(res.body).user.role).toBe(role);
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('then the demo employee takes part in an active trial for each assistant, under an approved policy, not yet briefed', async () => {
    await seedDemoOrganisation(t.deps);
    const employee = await demoClient(DEMO_USERS.EMPLOYEE.email);
    const { trials } = TrialList.parse((await employee.get('/api/trials').expect(200)).body);
    const { policies } = PolicyList.parse((await employee.get('/api/policies').expect(200)).body);
    const now = Date.now();
    for (const assistant of ['letter', 'minutes', 'documents']) {
      const trial = trials.find((t) => t.status === 'ACTIVE' && t.assistants.includes(assistant) && t.isParticipant);
      expect(trial, assistant).toBeDefined();
      expect(new Date(trial!.startsAt).getTime()).toBeLessThan(now);
      expect(new Date(trial!.endsAt).getTime()).toBeGreaterThan(now);
      const policy = policies.find((p) => p.id === trial!.policyId)!;
      expect(policy.missingApprovals).toEqual([]);
      expect(policy.assistants).toContain(assistant);
      // Reading and acknowledging the briefing is part of trying the demo.
      expect(trial!.briefingRequired).toBe(true);
    }
    // Seeding again (above) added nothing: the demo trials and the two of the history.
    expect(await t.deps.db.trial.count()).toBe(DEMO_TRIALS.length + 2);
    expect(await t.deps.db.document.count()).toBe(DEMO_DOCUMENTS.length);
    const rows = await t.deps.db.trial.findMany({ where: { status: 'ACTIVE', title: { in: DEMO_TRIALS.map((x) => x.title) } } });
    for (const row of rows) {
      expect(row.briefing).toMatch(/udkast/i);
      expect(JSON.parse(row.questions)).toEqual(expect.arrayContaining([expect.objectContaining({ id: expect.any(String), text: expect.any(String) })]));
    }
  });

  it('then the leader has a draft trial of their own unit to complete and activate', async () => {
    await seedDemoOrganisation(t.deps);
    const leader = await demoClient(DEMO_USERS.LEADER.email);
    const { trials } = TrialList.parse((await leader.get('/api/trials').expect(200)).body);
    const draft = trials.filter((x) => x.status === 'DRAFT');
    expect(draft).toHaveLength(DEMO_TRIALS.filter((x) => x.status === 'DRAFT').length);
    expect(draft.every((x) => x.canAdminister)).toBe(true);
  });

  it('then the documents trial’s knowledge base answers a question from one of its documents with a citation', async () => {
    await seedDemoOrganisation(t.deps);
    const employee = await demoClient(DEMO_USERS.EMPLOYEE.email);
    const { trials } = TrialList.parse((await employee.get('/api/trials').expect(200)).body);
    const trialId = trials.find((x) => x.status === 'ACTIVE' && x.assistants.includes('documents'))!.id;
    const { documents } = DocumentList.parse((await employee.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    expect(documents.map((d) => d.filename).sort()).toEqual([...DEMO_DOCUMENTS].sort());
    expect(documents.every((d) => d.status === 'READY' && d.chunks > 0)).toBe(true);

    await acknowledgeBriefing(employee, trialId);
    const res = await employee
      .post('/api/runs', { trialId, assistant: 'documents', input: 'Hvornår skal jeg aflevere mit kørselsregnskab?' })
      .expect(201);
    const { run } = RunResponse.parse(res.body);
    const details = DocumentsRunDetails.parse(run.details);
    expect(details.answered).toBe(true);
    expect(details.citations[0]).toMatchObject({ filename: 'regler-for-koerselsgodtgoerelse.md' });
    expect(details.citations.map((c) => c.quote).join(' ')).toMatch(/senest den 5\./);
    expect(run.output).toMatch(/\[1\]/);
  });

  it('then the public AI register shows the published documents trial, and the history’s finished and decided trial, to a visitor who is not signed in', async () => {
    const res = await t.request.get('/api/public/register').expect(200);
    const titles = (res.body as { trials: { title: string }[] }).trials.map((x) => x.title);
    expect(titles).toEqual(['Svar på personalespørgsmål fra interne retningslinjer', FINISHED_TRIAL.title]);
  });

  it('refuses to create demo users when NODE_ENV is production', async () => {
    const production = { ...t.deps, config: { ...t.deps.config, nodeEnv: 'production' as const } };
    await expect(seedDemoOrganisation(production)).rejects.toBeInstanceOf(DemoRefusedError);
  });

  it('configuration refuses DEMO_SEED=true together with NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_SEED: 'true', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DEMO_SEED/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { DocumentList, DocumentUploadResponse, SearchResponse } from '../../contracts/documents.js';
import { ErrorBody } from '../../contracts/errors.js';
import { RetentionOverview, RetentionSweepResponse } from '../../contracts/retention.js';
import { RunResponse } from '../../contracts/runs.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { createLogger } from '../../lib/logger.js';
import { runNextJob } from '../jobs/jobs.service.js';
import { sweepRetention } from './retention.service.js';

const KB = path.resolve(import.meta.dirname, '../../../../test/fixtures/documents/kb');
const DAY = 86_400_000;
const START = new Date('2026-11-27T10:00:00Z');
// borgerbreve-maskering keeps content 30 days, interne-referater 60, offentlig-information 90: on day 61 the
// first two are due and the third is not.
const AFTER_RETENTION = new Date(START.getTime() + 61 * DAY);

const NAME = 'Jens Peter Hansen';
const CPR = '070761-1006';
const MASKED_LETTER = `Kære ${NAME}\n\nVi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nr. ${CPR}.\n\nMed venlig hilsen\nYdelseskontoret`;
const PLAIN_LETTER = 'Kære borger\n\nDet bemærkes, at genbrugspladsen holder lukket i uge 52.\n\nMed venlig hilsen\nTeknik og Miljø';
const REVIEW_REASON = 'Rettet: navnet på sagsbehandleren manglede';
const JOB_TEXT = 'Udskrift: Jens Peter Hansen sagde at mødet var godt';

let clock = START;
let t: TestApp;
let digital: Client;
let leader: Client;
let employee: Client;
let users: { digital: { email: string }; leader: { email: string }; employee: { email: string } };
let employeeId: string;
let dueRunIds: string[];
let keptRunId: string;
let documentId: string;
let kbTrialId: string;

async function drainJobs() {
  while (await runNextJob(t.deps));
}

/** Moves the server's clock; sessions end after hours, so everyone signs in again. */
async function advanceTo(when: Date) {
  clock = when;
  [digital, leader, employee] = await Promise.all([signedIn(t, users.digital), signedIn(t, users.leader), signedIn(t, users.employee)]);
}

async function overview(): Promise<RetentionOverview> {
  return RetentionOverview.parse((await digital.get('/api/retention').expect(200)).body);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const employeeUser = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  employeeId = employeeUser.id;
  const digitalUser = await createUser(t.deps, { role: 'DIGITAL_UNIT' });
  users = { digital: digitalUser, leader: leaderUser, employee: employeeUser };
  digital = await signedIn(t, digitalUser);
  leader = await signedIn(t, leaderUser);
  employee = await signedIn(t, employeeUser);

  const base = { unitId, createdById: leaderUser.id, participants: [employeeUser.id] };
  const letters = await createTrial(t.deps, { ...base, policyId: 'borgerbreve-maskering' });
  const publicInfo = await createTrial(t.deps, { ...base, policyId: 'offentlig-information' });
  kbTrialId = (await createTrial(t.deps, { ...base, policyId: 'interne-referater', assistants: ['documents'] })).id;

  // Reading the briefing is not what this file is about: the employee has acknowledged every trial's.
  await t.deps.db.trialParticipant.updateMany({ where: { userId: employeeUser.id }, data: { briefedAt: START, briefingVersion: 1 } });

  dueRunIds = [];
  for (let i = 0; i < 2; i++) {
    const res = await employee.post('/api/runs', { trialId: letters.id, assistant: 'letter', input: MASKED_LETTER }).expect(201);
    dueRunIds.push(RunResponse.parse(res.body).run.id);
  }
  const kept = await employee.post('/api/runs', { trialId: publicInfo.id, assistant: 'letter', input: PLAIN_LETTER }).expect(201);
  keptRunId = RunResponse.parse(kept.body).run.id;

  // Reviews, experience logs and minutes jobs are written by their own modules; here only their rows matter.
  const [first] = dueRunIds as [string];
  await t.deps.db.run.update({ where: { id: first }, data: { finalText: 'Den godkendte tekst til Jens Peter Hansen' } });
  await t.deps.db.review.create({
    data: { runId: first, reviewerId: employeeUser.id, decision: 'EDIT_AND_APPROVE', reason: REVIEW_REASON, editDiff: `-${NAME}\n+[navn]`, editSize: 12 },
  });
  await t.deps.db.experienceLog.create({
    data: { runId: first, userId: employeeUser.id, usefulness: 4, minutesSaved: 12, wouldUseAgain: true, failureTypes: '["tone"]' },
  });
  await t.deps.db.job.create({
    data: { type: 'MINUTES', status: 'SUCCEEDED', runId: first, payload: JSON.stringify({ transcript: JOB_TEXT }), result: JSON.stringify({ text: JOB_TEXT }) },
  });

  const text = fs.readFileSync(path.join(KB, 'ferie-og-fridage.md'), 'utf8');
  const up = await leader.agent
    .post(`/api/trials/${kbTrialId}/documents`)
    .set(CSRF_HEADER, leader.csrf)
    .attach('file', Buffer.from(text), { filename: 'ferie-og-fridage.md' })
    .expect(202);
  documentId = DocumentUploadResponse.parse(up.body).document.id;
  await drainJobs();
});
afterAll(async () => {
  await t.close();
});

describe('who may see and start retention', () => {
  it('when an employee or a leader asks for the overview or a sweep, then they get 403 and nothing is purged', async () => {
    for (const c of [employee, leader]) {
      const get = await c.get('/api/retention').expect(403);
      expect(ErrorBody.parse(get.body).error.code).toBe('FORBIDDEN');
      const post = await c.post('/api/retention/sweeps').expect(403);
      expect(ErrorBody.parse(post.body).error.code).toBe('FORBIDDEN');
    }
    expect(await t.deps.db.retentionSweep.count()).toBe(0);
  });

  it('when nobody is signed in, then both routes answer 401', async () => {
    const anonymous = new Client(t);
    await anonymous.fetchCsrf();
    await anonymous.get('/api/retention').expect(401);
    await anonymous.post('/api/retention/sweeps').expect(401);
  });
});

describe('the retention sweep', () => {
  it('before the retention date, then nothing is due and a sweep purges nothing', async () => {
    const before = await overview();
    expect(before.due).toEqual({ runs: 0, documents: 0, items: [] });

    const { sweep } = RetentionSweepResponse.parse((await digital.post('/api/retention/sweeps').expect(201)).body);
    expect(sweep).toMatchObject({ trigger: 'manual', runsPurged: 0, documentsPurged: 0, errorCode: null });
    const run = await t.deps.db.run.findUniqueOrThrow({ where: { id: dueRunIds[0]! } });
    expect(run.input).toContain(NAME);
    expect(run.pseudonymMap).not.toBeNull();
  });

  it('a week before, then the overview lists the runs as upcoming without content', async () => {
    await advanceTo(new Date(START.getTime() + 25 * DAY));
    const o = await overview();
    expect(o.upcoming.runs).toBe(2);
    expect(o.upcoming.items.filter((i) => i.kind === 'run').map((i) => i.id).sort()).toEqual([...dueRunIds].sort());
    expect(JSON.stringify(o)).not.toContain('Jens');
  });

  it('when the retention date has passed, then the overview lists what is due, with trial and policy', async () => {
    await advanceTo(AFTER_RETENTION);
    const o = await overview();
    expect(o.due.runs).toBe(2);
    expect(o.due.documents).toBe(1);
    expect(o.due.items.map((i) => i.id).sort()).toEqual([...dueRunIds, documentId].sort());
    expect(o.due.items.find((i) => i.id === documentId)).toMatchObject({ kind: 'document', trialId: kbTrialId, policyId: 'interne-referater' });
    expect(o.due.items.find((i) => i.id === dueRunIds[0])).toMatchObject({ kind: 'run', policyId: 'borgerbreve-maskering' });
    expect(o.due.items.map((i) => i.id)).not.toContain(keptRunId);
  });

  it('when the digital unit sweeps, then every content column of the due runs, reviews, jobs and documents is gone and the rest stays', async () => {
    const res = await digital.post('/api/retention/sweeps').expect(201);
    const { sweep } = RetentionSweepResponse.parse(res.body);
    expect(sweep).toMatchObject({ trigger: 'manual', runsPurged: 2, documentsPurged: 1, errorCode: null });
    expect(sweep.finishedAt).not.toBeNull();

    const runs = await t.deps.db.run.findMany({ where: { id: { in: dueRunIds } } });
    for (const run of runs) {
      expect(run).toMatchObject({ input: null, output: null, finalText: null, details: null, pseudonymMap: null, contentPurgedAt: AFTER_RETENTION });
      // What the evaluation needs stays.
      expect(run).toMatchObject({ status: 'DRAFT', policyId: 'borgerbreve-maskering', userId: employeeId });
      expect(run.inputChars).toBeGreaterThan(0);
      expect(JSON.parse(run.guardFindings)).toMatchObject({ CPR: 1 });
    }
    const review = await t.deps.db.review.findFirstOrThrow({ where: { runId: dueRunIds[0]! } });
    expect(review).toMatchObject({ decision: 'EDIT_AND_APPROVE', editSize: 12, reason: null, editDiff: null });
    const log = await t.deps.db.experienceLog.findUniqueOrThrow({ where: { runId: dueRunIds[0]! } });
    expect(log).toMatchObject({ usefulness: 4, minutesSaved: 12, wouldUseAgain: true, failureTypes: '["tone"]' });
    const jobs = await t.deps.db.job.findMany({ where: { OR: [{ runId: { in: dueRunIds } }, { documentId }] } });
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const job of jobs) expect(job).toMatchObject({ payload: '{}', result: null });
    expect(jobs.map((j) => j.type).sort()).toEqual(['INDEXING', 'MINUTES']);

    const doc = await t.deps.db.document.findUniqueOrThrow({ where: { id: documentId } });
    expect(doc).toMatchObject({ status: 'PURGED', text: null, purgedAt: AFTER_RETENTION });
    expect(await t.deps.db.chunk.count({ where: { documentId } })).toBe(0);

    // The run that is not yet due keeps its content.
    const kept = await t.deps.db.run.findUniqueOrThrow({ where: { id: keptRunId } });
    expect(kept.contentPurgedAt).toBeNull();
    expect(kept.input).toContain('genbrugspladsen');
    expect(kept.output).not.toBeNull();

    // No content anywhere in the database any more: every text column of every table, as stored.
    const everything = JSON.stringify(
      await Promise.all([
        t.deps.db.run.findMany(),
        t.deps.db.review.findMany(),
        t.deps.db.job.findMany(),
        t.deps.db.document.findMany(),
        t.deps.db.chunk.findMany(),
        t.deps.db.auditEvent.findMany(),
        t.deps.db.retentionSweep.findMany(),
      ]),
    );
    for (const v of [NAME, 'Jens', CPR, REVIEW_REASON, 'Udskrift', 'godkendte tekst']) expect(everything).not.toContain(v);
  });

  it('then each purged item has its own content-free audit event, the sweep is audited, and the chain still verifies', async () => {
    const purged = await t.deps.db.auditEvent.findMany({ where: { action: { in: ['run.content_purged', 'document.purged'] } } });
    expect(purged.map((e) => e.resourceId).sort()).toEqual([...dueRunIds, documentId].sort());
    for (const e of purged) {
      expect(Object.keys(JSON.parse(e.details)).sort()).toEqual(['policyId', 'retainUntil', 'trialId']);
    }
    const swept = await t.deps.db.auditEvent.findMany({ where: { action: 'retention.swept' } });
    expect(swept.map((e) => JSON.parse(e.details))).toContainEqual(
      expect.objectContaining({ trigger: 'manual', runsPurged: 2, documentsPurged: 1, errorCode: null }),
    );
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('then the app shows the purged run without content and the purged document no longer in the knowledge base', async () => {
    const { run } = RunResponse.parse((await employee.get(`/api/runs/${dueRunIds[0]}`).expect(200)).body);
    expect(run).toMatchObject({ output: null, details: null, status: 'DRAFT' });
    const { documents } = DocumentList.parse((await leader.get(`/api/trials/${kbTrialId}/documents`).expect(200)).body);
    expect(documents.map((d) => d.id)).not.toContain(documentId);
    const search = SearchResponse.parse((await leader.get(`/api/trials/${kbTrialId}/documents/search?q=ferie`).expect(200)).body);
    expect(search.results).toEqual([]);
  });

  it('then the overview shows nothing due, the totals and the sweep, and a second sweep purges nothing', async () => {
    const after = await overview();
    expect(after.due).toEqual({ runs: 0, documents: 0, items: [] });
    expect(after.purgedTotals).toEqual({ runs: 2, documents: 1 });
    expect(after.sweeps[0]).toMatchObject({ runsPurged: 2, documentsPurged: 1 });
    expect(after.nextScheduledAt).toBeNull();

    const events = await t.deps.db.auditEvent.count();
    const { sweep } = RetentionSweepResponse.parse((await digital.post('/api/retention/sweeps').expect(201)).body);
    expect(sweep).toMatchObject({ runsPurged: 0, documentsPurged: 0, errorCode: null });
    // Only the sweep's own event: no item was purged (or audited) twice.
    expect(await t.deps.db.auditEvent.count()).toBe(events + 1);
    expect((await overview()).sweeps).toHaveLength(3);
  });
});

describe('a failing scheduled sweep', () => {
  it('when the database fails part-way, then the failure is recorded on the sweep row and logged without content, and the server keeps serving', async () => {
    const lines: string[] = [];
    // The documents' table fails; everything else works as before.
    const db = new Proxy(t.deps.db, {
      get(target, prop) {
        if (prop === 'document') {
          return new Proxy(target.document, {
            get: (d, k) => (k === 'findMany' ? () => Promise.reject(new Error(`kunne ikke læse ${NAME}`)) : Reflect.get(d, k)),
          });
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const deps = { ...t.deps, db, logger: createLogger('debug', { write: (line: string) => void lines.push(line) }) };

    const sweep = await sweepRetention(deps, { trigger: 'scheduled' });

    expect(sweep).toMatchObject({ trigger: 'scheduled', errorCode: 'RETENTION_FAILED', startedById: null });
    expect(sweep.finishedAt).not.toBeNull();
    const row = await t.deps.db.retentionSweep.findUniqueOrThrow({ where: { id: sweep.id } });
    expect(row.errorCode).toBe('RETENTION_FAILED');
    expect(lines.join('\n')).toMatch(/retention sweep failed/);
    expect(lines.join('\n')).not.toContain('Jens');
    await digital.get('/api/retention').expect(200);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});

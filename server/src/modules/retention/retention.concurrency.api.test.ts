/**
 * Retention sweeps beside the work they erase: reviews of the very runs being purged, and two sweeps at once
 * (a scheduled one on one instance, a manual one on another). On PostgreSQL this is where locks are taken in
 * different orders; on SQLite transactions are serial and the same answers hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { ErrorBody } from '../../contracts/errors.js';
import { RetentionSweepResponse } from '../../contracts/retention.js';
import { RunResponse } from '../../contracts/runs.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { sweepRetention } from './retention.service.js';

const DAY = 86_400_000;
const START = new Date();
const LETTER = 'Kære borger\n\nDet bemærkes, at genbrugspladsen holder lukket i uge 52.\n\nMed venlig hilsen\nTeknik og Miljø';
const EMPLOYEES = 4;
const RUNS_EACH = 10;

let clock = START;
let t: TestApp;
const runIds: string[] = [];
let employees: Client[] = [];
let digital: Client;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  const unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const people = await Promise.all(Array.from({ length: EMPLOYEES }, () => createUser(t.deps, { role: 'EMPLOYEE', unitId })));
  const digitalUser = await createUser(t.deps, { role: 'DIGITAL_UNIT' });
  const trial = await createTrial(t.deps, {
    unitId,
    createdById: leaderUser.id,
    participants: people.map((p) => p.id),
    policyId: 'borgerbreve-maskering',
  });
  await t.deps.db.trialParticipant.updateMany({ where: { trialId: trial.id }, data: { briefedAt: START, briefingVersion: 1 } });
  employees = await Promise.all(people.map((p) => signedIn(t, p)));
  for (const client of employees) {
    for (let i = 0; i < RUNS_EACH; i++) {
      const res = await client.post('/api/runs', { trialId: trial.id, assistant: 'letter', input: LETTER }).expect(201);
      runIds.push(RunResponse.parse(res.body).run.id);
    }
  }
  // Past the policy's 30 days: every run is due. Sessions end after hours, so everyone signs in again.
  clock = new Date(START.getTime() + 31 * DAY);
  employees = await Promise.all(people.map((p) => signedIn(t, p)));
  digital = await signedIn(t, digitalUser);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('a retention sweep among reviews and another sweep', () => {
  it('sweeps and reviews of the runs being purged all finish: no deadlock, no 500, every run purged and audited once, the chain verifies', async () => {
    const reviews = runIds.map((id, i) =>
      employees[i % EMPLOYEES]!.post(`/api/runs/${id}/reviews`, i % 3 === 0 ? { decision: 'REJECT', reason: 'Forkert tone', step: 1 } : { decision: 'APPROVE', step: 1 }),
    );
    const manual = digital.post('/api/retention/sweeps', {});
    const scheduled = sweepRetention(t.deps, { trigger: 'scheduled' }).then(
      (sweep) => ({ sweep, refused: null as string | null }),
      (err: { code?: string }) => ({ sweep: null, refused: err.code ?? 'ERROR' }),
    );
    const [reviewed, manualRes, scheduledOut] = await Promise.all([Promise.all(reviews), manual, scheduled]);

    // A review either lands before the purge or is told the content is gone; never a server error.
    const statuses = reviewed.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    for (const r of reviewed.filter((x) => x.status >= 400)) {
      expect([404, 409, 410]).toContain(r.status);
      ErrorBody.parse(r.body);
    }

    // The manual sweep either ran or was told another is running; the scheduled one likewise. One of them ran.
    const ran: { errorCode: string | null }[] = [];
    if (manualRes.status === 201) ran.push(RetentionSweepResponse.parse(manualRes.body).sweep);
    else {
      expect(manualRes.status).toBe(409);
      expect(ErrorBody.parse(manualRes.body).error.code).toBe('RETENTION_IN_PROGRESS');
    }
    if (scheduledOut.sweep) ran.push(scheduledOut.sweep);
    else expect(scheduledOut.refused).toBe('RETENTION_IN_PROGRESS');
    expect(ran.length).toBeGreaterThanOrEqual(1);
    expect(ran.map((s) => s.errorCode)).toEqual(ran.map(() => null));

    // Whatever is still unpurged (a sweep was refused while the other had already read its batch) goes now.
    await sweepRetention(t.deps, { trigger: 'scheduled' });
    const purged = await t.deps.db.run.count({ where: { id: { in: runIds }, contentPurgedAt: { not: null } } });
    expect(purged).toBe(runIds.length);
    const events = await t.deps.db.auditEvent.groupBy({ by: ['resourceId'], where: { action: 'run.content_purged', resourceId: { in: runIds } }, _count: true });
    expect(events).toHaveLength(runIds.length);
    expect(events.every((e) => e._count === 1)).toBe(true);
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  }, 120_000);

  it('when a sweep is already running, then a second is refused with 409 RETENTION_IN_PROGRESS and the first is not disturbed', async () => {
    const unfinished = await t.deps.db.retentionSweep.create({ data: { startedAt: clock, trigger: 'scheduled' } });
    const res = await digital.post('/api/retention/sweeps', {}).expect(409);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('RETENTION_IN_PROGRESS');
    expect(body.error.message).toMatch(/i gang/);
    // A sweep whose instance died is not waited for forever: after the lease it no longer blocks.
    clock = new Date(clock.getTime() + 60 * 60_000);
    digital = await signedIn(t, { email: (await t.deps.db.user.findFirstOrThrow({ where: { role: 'DIGITAL_UNIT' } })).email });
    await digital.post('/api/retention/sweeps', {}).expect(201);
    await t.deps.db.retentionSweep.update({ where: { id: unfinished.id }, data: { finishedAt: clock } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditList, AuditVerification } from '../../contracts/audit.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser, signedIn, type Client } from '../../../../test/support/factories.js';
import { recordAudit, verifyAuditChain } from './audit.service.js';

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signedIn(t, await createUser(t.deps, { role: 'DIGITAL_UNIT' }));
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('when changes are made, then the chain verifies over the API', async () => {
    for (let i = 0; i < 3; i++) await signedIn(t, await createUser(t.deps));
    const res = await admin.get('/api/audit/verify').expect(200);
    const v = AuditVerification.parse(res.body);
    expect(v).toMatchObject({ ok: true, firstBroken: null });
    expect(v.checked).toBeGreaterThanOrEqual(4);
  });

  it('when an audit event is changed in the database, then verification reports that event as the first broken link', async () => {
    const victim = await t.deps.db.auditEvent.findFirst({ where: { action: 'auth.login' }, orderBy: { seq: 'desc' } });
    await t.deps.db.auditEvent.update({ where: { seq: victim!.seq }, data: { actorRole: 'DIGITAL_UNIT' } });
    const v = await verifyAuditChain(t.deps.db);
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: victim!.seq, reason: 'hash_mismatch' } });
    const api = AuditVerification.parse((await admin.get('/api/audit/verify').expect(200)).body);
    expect(api.firstBroken?.seq).toBe(victim!.seq);
    await t.deps.db.auditEvent.update({ where: { seq: victim!.seq }, data: { actorRole: victim!.actorRole } });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('when an audit event is deleted, then the next event is reported as a chain break', async () => {
    const [a, b] = await t.deps.db.auditEvent.findMany({ orderBy: { seq: 'asc' }, take: 2, skip: 1 });
    await t.deps.db.auditEvent.delete({ where: { seq: a!.seq } });
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: false, firstBroken: { seq: b!.seq, reason: 'chain_break' } });
    await t.deps.db.auditEvent.create({ data: a! });
  });

  it('when a change fails inside its transaction, then neither the change nor its audit event is stored', async () => {
    const before = await t.deps.db.auditEvent.count();
    await expect(
      t.deps.db.$transaction(async (tx) => {
        await recordAudit(tx, t.deps.provider, { actor: null, action: 'trial.updated', resourceType: 'test' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect(await t.deps.db.auditEvent.count()).toBe(before);
  });

  it('when many changes are recorded at once, then the chain stays a single line', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.deps.db.$transaction((tx) => recordAudit(tx, t.deps.provider, { actor: null, action: 'trial.updated', resourceType: 'test', details: { i } })),
      ),
    );
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('lists the newest events first, page by page, to the digital unit only', async () => {
    const page1 = AuditList.parse((await admin.get('/api/audit?limit=2').expect(200)).body);
    expect(page1.events).toHaveLength(2);
    expect(page1.events[0]!.seq).toBeGreaterThan(page1.events[1]!.seq);
    const page2 = AuditList.parse((await admin.get(`/api/audit?limit=2&before=${page1.nextBefore}`).expect(200)).body);
    expect(page2.events[0]!.seq).toBeLessThan(page1.events[1]!.seq);
    const leader = await signedIn(t, await createUser(t.deps, { role: 'LEADER' }));
    await leader.get('/api/audit').expect(403);
    await leader.get('/api/audit/verify').expect(403);
  });
});

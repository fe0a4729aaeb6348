import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import { Directory, UnitList, UserList, UserResponse } from '../../contracts/users.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUnit, createUser, signedIn, TEST_PASSWORD, Client } from '../../../../test/support/factories.js';

let t: TestApp;
let admin: Client;
let adminId: string;
let unitId: string;

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await createUnit(t.deps, 'Borgerservice')).id;
  const a = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId });
  adminId = a.id;
  admin = await signedIn(t, a);
});
afterAll(() => t.close());

describe('user administration by the digital unit', () => {
  it('when the digital unit creates a user, then the person can sign in with the given role and unit', async () => {
    const res = await admin
      .post('/api/users', { email: 'Ny.Kollega@Test.Example', name: 'Ny Kollega', role: 'LEADER', unitId, password: 'en-lang-adgangskode' })
      .expect(201);
    const { user } = UserResponse.parse(res.body);
    expect(user).toMatchObject({ email: 'ny.kollega@test.example', role: 'LEADER', active: true, unit: { id: unitId } });
    await signedIn(t, { email: 'ny.kollega@test.example' }, 'en-lang-adgangskode');
    const event = await t.deps.db.auditEvent.findFirst({ where: { action: 'user.created', resourceId: user.id } });
    expect(event?.actorId).toBe(adminId);
    expect(event?.details).not.toContain('ny.kollega');
  });

  it('when the email is already taken, then 409 EMAIL_TAKEN and no second user', async () => {
    const existing = await createUser(t.deps);
    const res = await admin
      .post('/api/users', { email: existing.email, name: 'Dublet', role: 'EMPLOYEE', unitId, password: 'en-lang-adgangskode' })
      .expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('EMAIL_TAKEN');
    expect(await t.deps.db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it('when the password is too short or the unit unknown, then 400 with a Danish message', async () => {
    const short = await admin.post('/api/users', { email: 'a@test.example', name: 'A', role: 'EMPLOYEE', unitId, password: 'kort' }).expect(400);
    expect(ErrorBody.parse(short.body).error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: ['password'], message: expect.stringContaining('mindst 12 tegn') })]),
    );
    const unit = await admin
      .post('/api/users', { email: 'b@test.example', name: 'B', role: 'EMPLOYEE', unitId: 'findes-ikke', password: 'en-lang-adgangskode' })
      .expect(400);
    expect(ErrorBody.parse(unit.body).error.message).toContain('enhed');
  });

  it('when a user is deactivated, then their open session stops working at once and they cannot sign in', async () => {
    const person = await createUser(t.deps, { unitId });
    const theirs = await signedIn(t, person);
    await theirs.get('/api/auth/me').expect(200);
    const res = await admin.patch(`/api/users/${person.id}`, { active: false }).expect(200);
    expect(UserResponse.parse(res.body).user.active).toBe(false);
    await theirs.get('/api/auth/me').expect(401);
    const c = new Client(t);
    await c.fetchCsrf();
    await c.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD }).expect(403);
    expect(await t.deps.db.auditEvent.count({ where: { action: 'user.deactivated', resourceId: person.id } })).toBe(1);
  });

  it('when the role is changed, then the audit event records from and to', async () => {
    const person = await createUser(t.deps, { unitId });
    await admin.patch(`/api/users/${person.id}`, { role: 'LEADER' }).expect(200);
    const e = await t.deps.db.auditEvent.findFirst({ where: { action: 'user.updated', resourceId: person.id } });
    expect(JSON.parse(e!.details)).toMatchObject({ changed: ['role'], fromRole: 'EMPLOYEE', toRole: 'LEADER' });
  });

  it('when the digital unit tries to demote or deactivate itself, then 409 CANNOT_CHANGE_SELF', async () => {
    const res = await admin.patch(`/api/users/${adminId}`, { role: 'EMPLOYEE' }).expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('CANNOT_CHANGE_SELF');
    await admin.patch(`/api/users/${adminId}`, { active: false }).expect(409);
  });

  it('when the user does not exist, then 404', async () => {
    await admin.patch('/api/users/findes-ikke', { name: 'X' }).expect(404);
  });

  it('lists every user to the digital unit', async () => {
    const res = await admin.get('/api/users').expect(200);
    expect(UserList.parse(res.body).users.map((u) => u.id)).toContain(adminId);
  });
});

describe('who may administer users', () => {
  for (const role of ['EMPLOYEE', 'LEADER'] as const) {
    it(`when a ${role} lists, creates or changes users, then 403 FORBIDDEN and nothing changes`, async () => {
      const me = await createUser(t.deps, { role, unitId });
      const c = await signedIn(t, me);
      const before = await t.deps.db.user.count();
      await c.get('/api/users').expect(403);
      await c.post('/api/users', { email: 'x@test.example', name: 'X', role: 'DIGITAL_UNIT', unitId, password: 'en-lang-adgangskode' }).expect(403);
      const res = await c.patch(`/api/users/${me.id}`, { role: 'DIGITAL_UNIT' }).expect(403);
      expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
      expect(await t.deps.db.user.count()).toBe(before);
      expect((await t.deps.db.user.findUnique({ where: { id: me.id } }))!.role).toBe(role);
    });
  }

  it('when signed out, then the user list is 401', async () => {
    await t.request.get('/api/users').expect(401);
  });

  it('lists units to everyone signed in', async () => {
    const me = await createUser(t.deps, { unitId });
    const c = await signedIn(t, me);
    const res = await c.get('/api/units').expect(200);
    expect(UnitList.parse(res.body).units.map((u) => u.name)).toContain('Borgerservice');
  });
});

describe('the directory leaders choose participants from', () => {
  it('when a leader opens it, then active people are listed with name, e-mail and unit only, and deactivated ones are not', async () => {
    const leader = await createUser(t.deps, { role: 'LEADER', unitId });
    const active = await createUser(t.deps, { unitId });
    const gone = await createUser(t.deps, { unitId, active: false });
    const c = await signedIn(t, leader);
    const res = await c.get('/api/users/directory').expect(200);
    const { people } = Directory.parse(res.body);
    const ids = people.map((p) => p.id);
    expect(ids).toContain(active.id);
    expect(ids).not.toContain(gone.id);
    expect(Object.keys(res.body.people[0]).sort()).toEqual(['email', 'id', 'name', 'role', 'unit']);
  });

  it('when an employee opens it, then 403 FORBIDDEN', async () => {
    const c = await signedIn(t, await createUser(t.deps, { unitId }));
    const res = await c.get('/api/users/directory').expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('FORBIDDEN');
  });
});

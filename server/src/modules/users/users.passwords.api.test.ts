import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { PasswordResetResponse, UserList } from '../../contracts/users.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, createUnit, createUser, signedIn, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { listEndpoints } from '../../../../test/support/routes.js';
import { verifyPassword } from '../auth/password.service.js';
import { DEMO_PASSWORD } from '../demo/demo.constants.js';

let t: TestApp;
let admin: Client;
let adminId: string;
let unitId: string;

const NEW_PASSWORD = 'en helt ny og lang sætning';

beforeAll(async () => {
  t = await createTestApp();
  unitId = (await createUnit(t.deps)).id;
  const a = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId });
  adminId = a.id;
  admin = await signedIn(t, a);
});
afterAll(() => t.close());

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

async function canSignIn(email: string, password: string): Promise<boolean> {
  const c = new Client(t);
  await c.fetchCsrf();
  const res = await c.post('/api/auth/login', { email, password });
  // Only a clear yes or no: a rate limit or an error would make "cannot sign in" pass for the wrong reason.
  expect([200, 401]).toContain(res.status);
  return res.status === 200;
}

async function hashOf(userId: string): Promise<string> {
  return (await t.deps.db.user.findUniqueOrThrow({ where: { id: userId } })).passwordHash;
}

describe('PATCH /api/users/{id} no longer ignores fields it does not know', () => {
  it('when a password is sent with a name, then 400 VALIDATION_FAILED names the field, and neither name nor password changes', async () => {
    const person = await createUser(t.deps, { unitId });
    const before = await t.deps.db.user.findUniqueOrThrow({ where: { id: person.id } });

    const res = await admin.patch(`/api/users/${person.id}`, { name: 'Nyt Navn', password: 'en-ny-lang-adgangskode' }).expect(400);

    const err = errorOf(res.body);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(err.details)).toContain('password-reset');
    const after = await t.deps.db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.name).toBe(before.name);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await canSignIn(person.email, 'en-ny-lang-adgangskode')).toBe(false);
  });

  it('when any other unknown field is sent, then 400 too', async () => {
    const person = await createUser(t.deps, { unitId });
    const res = await admin.patch(`/api/users/${person.id}`, { name: 'Nyt Navn', email: 'ny@test.example' }).expect(400);
    expect(errorOf(res.body).details).toEqual([expect.objectContaining({ code: 'unrecognized_keys', message: expect.stringContaining('email') })]);
  });
});

describe("changing one's own password", () => {
  it('when the current password is right, then the new one works, the old one does not, other sessions end and this one stays', async () => {
    const person = await createUser(t.deps, { unitId });
    const elsewhere = await signedIn(t, person);
    const here = await signedIn(t, person);

    const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(200);

    expect(MeResponse.parse(res.body).user).toMatchObject({ id: person.id, mustChangePassword: false });
    await here.get('/api/auth/me').expect(200);
    expect(errorOf((await elsewhere.get('/api/auth/me').expect(401)).body).code).toBe('SESSION_EXPIRED');
    expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(false);
    expect(await canSignIn(person.email, NEW_PASSWORD)).toBe(true);
    const event = await t.deps.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.password_changed', resourceId: person.id } });
    expect(event.actorId).toBe(person.id);
    expect(JSON.parse(event.details)).toEqual({ endedSessions: 1, afterReset: false });
    expect(event.details).not.toContain(NEW_PASSWORD);
  });

  it('when the current password is wrong, then 400 WRONG_CURRENT_PASSWORD at that field, nothing changes, and the attempt is audited', async () => {
    const person = await createUser(t.deps, { unitId });
    const c = await signedIn(t, person);
    const before = await hashOf(person.id);

    const res = await c.post('/api/auth/password', { currentPassword: 'forkert-forkert', newPassword: NEW_PASSWORD }).expect(400);

    const err = errorOf(res.body);
    expect(err).toMatchObject({ code: 'WRONG_CURRENT_PASSWORD', message: expect.stringContaining('forkert') });
    expect(err.details).toEqual([expect.objectContaining({ path: ['currentPassword'] })]);
    expect(await hashOf(person.id)).toBe(before);
    expect(await t.deps.db.auditEvent.count({ where: { action: 'auth.password_change_failed', resourceId: person.id } })).toBe(1);
  });

  it('when the current password is guessed 5 times, then further tries are 429 RATE_LIMITED, even with the right one', async () => {
    const person = await createUser(t.deps, { unitId });
    const c = await signedIn(t, person);
    for (let i = 0; i < 5; i++) await c.post('/api/auth/password', { currentPassword: `gæt-nummer-${i}`, newPassword: NEW_PASSWORD }).expect(400);

    const res = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(429);

    expect(errorOf(res.body).code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await verifyPassword(await hashOf(person.id), TEST_PASSWORD)).toBe(true);
  });

  it('when the new password is short, the same as the current one, or the body has an unknown field, then 400 VALIDATION_FAILED', async () => {
    const person = await createUser(t.deps, { unitId });
    const c = await signedIn(t, person);

    const short = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'kort' }).expect(400);
    expect(errorOf(short.body).details).toEqual([expect.objectContaining({ path: ['newPassword'], message: expect.stringContaining('mindst 12 tegn') })]);
    const same = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }).expect(400);
    expect(errorOf(same.body).details).toEqual([expect.objectContaining({ path: ['newPassword'], message: expect.stringContaining('en anden') })]);
    await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: adminId }).expect(400);
    expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
  });

  it('when a password is sent to PATCH /api/auth/me, then 400 and it is not changed', async () => {
    const person = await createUser(t.deps, { unitId });
    const c = await signedIn(t, person);
    await c.patch('/api/auth/me', { locale: 'da', password: NEW_PASSWORD }).expect(400);
    expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(true);
  });

  it('when signed out, then 401', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(401);
  });
});

describe('the digital unit resets a password', () => {
  it('when reset, then a temporary password is shown once, the old one and every session of the person end, and it is audited without the password', async () => {
    const person = await createUser(t.deps, { unitId });
    const theirs = await signedIn(t, person);
    const alsoTheirs = await signedIn(t, person);

    const res = await admin.post(`/api/users/${person.id}/password-reset`).expect(200);

    const { user, temporaryPassword } = PasswordResetResponse.parse(res.body);
    expect(user).toMatchObject({ id: person.id, mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(res.headers['cache-control']).toBe('no-store');
    await theirs.get('/api/auth/me').expect(401);
    await alsoTheirs.get('/api/auth/me').expect(401);
    expect(await t.deps.db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await canSignIn(person.email, TEST_PASSWORD)).toBe(false);
    const event = await t.deps.db.auditEvent.findFirstOrThrow({ where: { action: 'user.password_reset', resourceId: person.id } });
    expect(event.actorId).toBe(adminId);
    expect(JSON.parse(event.details)).toEqual({ endedSessions: 2 });
    expect(JSON.stringify(await t.deps.db.auditEvent.findMany())).not.toContain(temporaryPassword);
    const list = UserList.parse((await admin.get('/api/users').expect(200)).body);
    expect(list.users.find((u) => u.id === person.id)?.mustChangePassword).toBe(true);
  });

  it('when the person signs in with the temporary password, then only the password change answers until they have chosen their own', async () => {
    const person = await createUser(t.deps, { unitId });
    const { temporaryPassword } = PasswordResetResponse.parse((await admin.post(`/api/users/${person.id}/password-reset`).expect(200)).body);
    const c = new Client(t);
    await c.fetchCsrf();

    const login = await c.post('/api/auth/login', { email: person.email, password: temporaryPassword }).expect(200);
    expect(MeResponse.parse(login.body).user.mustChangePassword).toBe(true);
    await c.fetchCsrf();

    const me = await c.get('/api/auth/me').expect(200);
    expect(MeResponse.parse(me.body).user.mustChangePassword).toBe(true);
    for (const path of ['/api/trials', '/api/runs', '/api/policies', '/api/units']) {
      const refused = await c.get(path).expect(403);
      expect(errorOf(refused.body)).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('ny adgangskode') });
    }
    await c.patch('/api/auth/me', { locale: 'en' }).expect(200);
    expect(errorOf((await c.post('/api/trials', {}).expect(403)).body).code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await c.post('/api/auth/password', { currentPassword: temporaryPassword, newPassword: NEW_PASSWORD }).expect(200);
    expect(MeResponse.parse(changed.body).user.mustChangePassword).toBe(false);
    await c.get('/api/trials').expect(200);
    const event = await t.deps.db.auditEvent.findFirstOrThrow({ where: { action: 'auth.password_changed', resourceId: person.id } });
    expect(JSON.parse(event.details)).toMatchObject({ afterReset: true });
    expect(await canSignIn(person.email, temporaryPassword)).toBe(false);
  });

  it('while the password must be changed, then every endpoint the app serves refuses, except sign-in, "who am I" and the change itself', async () => {
    const person = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId });
    const { temporaryPassword } = PasswordResetResponse.parse((await admin.post(`/api/users/${person.id}/password-reset`).expect(200)).body);
    const c = await signedIn(t, person, temporaryPassword);
    // Answered before anyone is signed in (health, the API description, the public register) or the web app's pages.
    const open = /^(GET \/api\/(health|ready|openapi\.json|public\/.*)|GET \/\{\*splat\}|[A-Z]+ \/api\/auth\/.*)$/;
    const gated = listEndpoints(t.app).filter((e) => !open.test(`${e.method} ${e.path}`));
    expect(gated.length).toBeGreaterThan(40);

    const answers = await Promise.all(
      gated.map(async (e) => {
        const url = e.path.replace(/:[A-Za-z]+/g, 'x');
        const m = e.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const res = await c.agent[m](url).set('x-csrf-token', c.csrf).send({});
        return `${e.method} ${e.path} ${res.status} ${(res.body as { error?: { code?: string } })?.error?.code}`;
      }),
    );
    expect(answers.filter((a) => !a.endsWith(' 403 PASSWORD_CHANGE_REQUIRED'))).toEqual([]);
  });

  it('when the digital unit tries to reset its own password, then 409 CANNOT_CHANGE_SELF and its session stays', async () => {
    const res = await admin.post(`/api/users/${adminId}/password-reset`).expect(409);
    expect(errorOf(res.body).code).toBe('CANNOT_CHANGE_SELF');
    await admin.get('/api/auth/me').expect(200);
  });

  it('when the user does not exist, then 404', async () => {
    await admin.post('/api/users/findes-ikke/password-reset').expect(404);
  });

  for (const role of ['EMPLOYEE', 'LEADER'] as const) {
    it(`when a ${role} tries to reset a colleague's password, then 403 and the password is unchanged`, async () => {
      const c = await signedIn(t, await createUser(t.deps, { role, unitId }));
      const colleague = await createUser(t.deps, { unitId });
      expect(errorOf((await c.post(`/api/users/${colleague.id}/password-reset`).expect(403)).body).code).toBe('FORBIDDEN');
      expect(await canSignIn(colleague.email, TEST_PASSWORD)).toBe(true);
    });
  }
});

describe('in production, the published demo password is never accepted as a new one', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ config: { nodeEnv: 'production' } });
  });
  afterAll(() => prod.close());

  it('when the digital unit creates a user with it, or a person chooses it, then 400 VALIDATION_FAILED', async () => {
    const unit = (await createUnit(prod.deps)).id;
    const digital = await signedIn(prod, await createUser(prod.deps, { role: 'DIGITAL_UNIT', unitId: unit }));
    const created = await digital
      .post('/api/users', { email: 'ny@test.example', name: 'Ny', role: 'EMPLOYEE', unitId: unit, password: DEMO_PASSWORD })
      .expect(400);
    expect(errorOf(created.body).details).toEqual([expect.objectContaining({ path: ['password'], message: expect.stringContaining('demoens') })]);

    const person = await createUser(prod.deps, { unitId: unit });
    const c = await signedIn(prod, person);
    const changed = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: DEMO_PASSWORD }).expect(400);
    expect(errorOf(changed.body).details).toEqual([expect.objectContaining({ path: ['newPassword'] })]);
    expect(await prod.deps.db.user.count({ where: { email: 'ny@test.example' } })).toBe(0);
  });
});

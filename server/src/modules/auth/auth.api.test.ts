import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../contracts/errors.js';
import { CSRF_HEADER, MeResponse } from '../../contracts/auth.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, TEST_PASSWORD, createUser, signedIn } from '../../../../test/support/factories.js';

let t: TestApp;
let now = new Date('2026-11-27T09:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now, env: { LOGIN_MAX_ATTEMPTS: '3' } });
});
afterAll(() => t.close());

function errorOf(body: unknown) {
  return ErrorBody.parse(body).error;
}

function cookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  const raw = res.headers['set-cookie'];
  const all = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  for (const c of all) {
    const [pair = ''] = c.split(';');
    const i = pair.indexOf('=');
    if (pair.slice(0, i) === name && i < pair.length - 1) return decodeURIComponent(pair.slice(i + 1));
  }
  return undefined;
}

/** Signs in without a cookie jar: the session cookie and the CSRF token the session uses, as raw values. */
async function signedInRaw(user: { email: string }): Promise<{ session: string; csrf: string }> {
  const c = new Client(t);
  await c.fetchCsrf();
  const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(200);
  const session = cookieValue(res, 'pw_session')!;
  return { session, csrf: await c.fetchCsrf() };
}

describe('sign-in', () => {
  it('when the email and password are right, then the person is signed in and "who am I" names them', async () => {
    const user = await createUser(t.deps, { role: 'LEADER' });
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: user.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
    expect(MeResponse.parse(res.body).user).toMatchObject({ id: user.id, role: 'LEADER' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/pw_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await c.get('/api/auth/me').expect(200);
    expect(MeResponse.parse(me.body).user.email).toBe(user.email);
  });

  it('when the password is wrong, then 401 INVALID_CREDENTIALS in Danish and no session cookie', async () => {
    const user = await createUser(t.deps);
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: user.email, password: 'forkert-forkert' }).expect(401);
    expect(errorOf(res.body)).toMatchObject({ code: 'INVALID_CREDENTIALS', message: expect.stringContaining('Forkert') });
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('pw_session=');
  });

  it('when the user is unknown, then the same 401 as a wrong password (no account enumeration)', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: 'ingen@test.example', password: 'hvad-som-helst' }).expect(401);
    expect(errorOf(res.body).code).toBe('INVALID_CREDENTIALS');
  });

  it('when the account is deactivated, then 403 ACCOUNT_DISABLED', async () => {
    const user = await createUser(t.deps, { active: false });
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(403);
    expect(errorOf(res.body).code).toBe('ACCOUNT_DISABLED');
  });

  it('when the body is not an email and password, then 400 VALIDATION_FAILED with the fields named', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: 'ikke-en-mail' }).expect(400);
    const err = errorOf(res.body);
    expect(err.code).toBe('VALIDATION_FAILED');
    const paths = (err.details as { path: string[] }[]).map((d) => d.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('when too many wrong passwords are tried, then 429 RATE_LIMITED with Retry-After, even for the right password', async () => {
    const user = await createUser(t.deps);
    const c = new Client(t);
    await c.fetchCsrf();
    for (let i = 0; i < 3; i++) await c.post('/api/auth/login', { email: user.email, password: `forkert-${i}` }).expect(401);
    const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(429);
    expect(errorOf(res.body).code).toBe('RATE_LIMITED');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sessions and CSRF', () => {
  it('when no CSRF token is sent with a state-changing request, then 403 CSRF_FAILED and nothing happens', async () => {
    const user = await createUser(t.deps);
    const c = new Client(t);
    const res = await c.agent.post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD }).expect(403);
    expect(errorOf(res.body).code).toBe('CSRF_FAILED');
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('pw_session=');
  });

  it('when the CSRF header does not match the cookie or is forged, then 403 CSRF_FAILED', async () => {
    const user = await createUser(t.deps);
    const c = new Client(t);
    const token = await c.fetchCsrf();
    const forged = `${token.split('.')[0]}.${'A'.repeat(43)}`;
    c.csrf = forged;
    const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(403);
    expect(errorOf(res.body).code).toBe('CSRF_FAILED');
  });

  it('when a CSRF token of one session is sent with the cookies of another, then 403 CSRF_FAILED and nothing changes', async () => {
    const a = await signedInRaw(await createUser(t.deps));
    const b = await signedInRaw(await createUser(t.deps));
    const res = await t.request
      .patch('/api/auth/me')
      .set('Cookie', `pw_session=${b.session}; pw_csrf=${a.csrf}`)
      .set(CSRF_HEADER, a.csrf)
      .send({ locale: 'en' })
      .expect(403);
    expect(errorOf(res.body).code).toBe('CSRF_FAILED');
    const own = await t.request.patch('/api/auth/me').set('Cookie', `pw_session=${b.session}; pw_csrf=${b.csrf}`).set(CSRF_HEADER, b.csrf).send({ locale: 'en' });
    expect(own.status).toBe(200);
  });

  it('when a person signs in, then the answer sets a new CSRF token for the session and the one from before sign-in is refused', async () => {
    const user = await createUser(t.deps);
    const c = new Client(t);
    const before = await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(200);
    const after = cookieValue(res, 'pw_csrf');
    expect(after).toBeDefined();
    expect(after).not.toBe(before);

    const stale = await c.patch('/api/auth/me', { locale: 'en' }).expect(403);
    expect(errorOf(stale.body).code).toBe('CSRF_FAILED');
    // What the web client does on CSRF_FAILED: fetch the token again (the session's, from the cookie) and retry.
    expect(await c.fetchCsrf()).toBe(after);
    await c.patch('/api/auth/me', { locale: 'en' }).expect(200);
  });

  it('when a person signs out, then the session\'s token stops working and a token for the next sign-in is set', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    const sessionToken = c.csrf;
    const res = await c.post('/api/auth/logout').expect(204);
    const next = cookieValue(res, 'pw_csrf');
    expect(next).toBeDefined();
    expect(next).not.toBe(sessionToken);
    c.csrf = next!;
    await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD }).expect(200);
  });

  it('when not signed in, then "who am I" is 401 UNAUTHENTICATED', async () => {
    const res = await t.request.get('/api/auth/me').expect(401);
    expect(errorOf(res.body).code).toBe('UNAUTHENTICATED');
  });

  it('when the session has expired, then 401 SESSION_EXPIRED and the cookie is cleared', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    const saved = now;
    now = new Date(now.getTime() + t.deps.config.sessionIdleMs + 1000);
    try {
      const res = await c.get('/api/auth/me').expect(401);
      expect(errorOf(res.body).code).toBe('SESSION_EXPIRED');
      expect(String(res.headers['set-cookie'])).toMatch(/pw_session=;/);
    } finally {
      now = saved;
    }
  });

  it('when a signed-in account is deactivated, then its next request is refused and the session is gone', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    await c.get('/api/auth/me').expect(200);
    await t.deps.db.user.update({ where: { id: user.id }, data: { active: false } });
    const res = await c.get('/api/auth/me').expect(401);
    expect(errorOf(res.body).code).toBe('SESSION_EXPIRED');
    expect(await t.deps.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('when a session is used after a quiet spell, then its expiry slides forward but never past the maximum age', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    const saved = now;
    try {
      now = new Date(saved.getTime() + 10 * 60_000);
      await c.get('/api/auth/me').expect(200);
      const slid = await t.deps.db.session.findFirstOrThrow({ where: { userId: user.id } });
      expect(slid.lastSeenAt.getTime()).toBe(now.getTime());
      expect(slid.expiresAt.getTime()).toBe(Math.min(now.getTime() + t.deps.config.sessionIdleMs, slid.createdAt.getTime() + t.deps.config.sessionMaxMs));
    } finally {
      now = saved;
    }
  });

  it('when a person signs out, then the session no longer works', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    await c.post('/api/auth/logout').expect(204);
    await c.get('/api/auth/me').expect(401);
  });

  it('when a person chooses English, then "who am I" remembers it', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    await c.patch('/api/auth/me', { locale: 'en' }).expect(200);
    const me = await c.get('/api/auth/me').expect(200);
    expect(MeResponse.parse(me.body).user.locale).toBe('en');
  });
});

describe('audit of sign-ins', () => {
  it('when someone signs in and out, then both are in the audit trail without the email address', async () => {
    const user = await createUser(t.deps);
    const c = await signedIn(t, user);
    await c.post('/api/auth/logout').expect(204);
    const events = await t.deps.db.auditEvent.findMany({ where: { resourceId: user.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['auth.login', 'auth.logout']);
    for (const e of events) expect(JSON.stringify(e)).not.toContain(user.email);
  });
});

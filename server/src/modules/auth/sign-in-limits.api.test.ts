import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../contracts/auth.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, TEST_PASSWORD, createUser } from '../../../../test/support/factories.js';
import supertest from 'supertest';
import { buildDeps, createApp } from '../../app.js';
import { createDb } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';

// The default limits (LOGIN_MAX_ATTEMPTS=10, LOGIN_WINDOW_MINUTES=15) behind one trusted proxy hop, so that
// X-Forwarded-For names the client address as a reverse proxy would write it. The clock stands still: no wait
// runs out during a test unless the test moves it.
let t: TestApp;
let now = new Date('2026-11-27T09:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now, env: { TRUST_PROXY: '1' } });
});
afterAll(() => t.close());

let addressSeq = 0;
/** A fresh client address in TEST-NET-2, as the proxy would report it. */
const freshAddress = () => `198.51.${Math.floor(++addressSeq / 250)}.${(addressSeq % 250) + 1}`;

async function browserAt(address: string): Promise<Client> {
  const c = new Client(t);
  const res = await c.agent.get('/api/auth/csrf').set('X-Forwarded-For', address).expect(200);
  c.csrf = (res.body as { csrfToken: string }).csrfToken;
  return c;
}

function signIn(c: Client, address: string, email: string, password: string) {
  return c.agent.post('/api/auth/login').set(CSRF_HEADER, c.csrf).set('X-Forwarded-For', address).send({ email, password });
}

describe('sign-in limits that an attacker cannot turn against the town hall', () => {
  it('when 100 sign-ins with unknown e-mails fail from one address, then a colleague at that address still signs in with the right password', async () => {
    const townHall = freshAddress();
    const c = await browserAt(townHall);
    for (let i = 0; i < 100; i++) await signIn(c, townHall, `ukendt-${i}@test.example`, 'gaet-et-kodeord').expect(401);

    const colleague = await createUser(t.deps);
    const started = Date.now();
    const res = await signIn(c, townHall, colleague.email, TEST_PASSWORD).expect(200);
    expect(MeResponse.parse(res.body).user.id).toBe(colleague.id);
    // Slowed a little, not locked out.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('when 25 wrong passwords are tried on one account from ever new X-Forwarded-For addresses, then the account is limited with 429 and Retry-After', async () => {
    const victim = await createUser(t.deps);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const address = freshAddress();
      const c = await browserAt(address);
      statuses.push((await signIn(c, address, victim.email, `forkert-${i}`)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);

    // Even the right password waits until the account's delay has run out ...
    const address = freshAddress();
    const c = await browserAt(address);
    const limited = await signIn(c, address, victim.email, TEST_PASSWORD).expect(429);
    const err = ErrorBody.parse(limited.body).error;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/Vent \d+ sekund/);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);

    // ... and then gets in.
    const saved = now;
    try {
      now = new Date(now.getTime() + retryAfter * 1000);
      await signIn(c, address, victim.email, TEST_PASSWORD).expect(200);
    } finally {
      now = saved;
    }
  });

  it('when an unknown e-mail is tried the same way, then it gets the same answers as an existing account (no probing for accounts)', async () => {
    const known = await createUser(t.deps);
    const sequence = async (email: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        const address = freshAddress();
        const c = await browserAt(address);
        const res = await signIn(c, address, email, `forkert-${i}`);
        statuses.push(res.status);
      }
      return statuses;
    };
    expect(await sequence('findes-ikke@test.example')).toEqual(await sequence(known.email));
  });

  it('when one person is limited after many wrong passwords, then others at the same address sign in at once', async () => {
    const address = freshAddress();
    const c = await browserAt(address);
    const unlucky = await createUser(t.deps);
    for (let i = 0; i < 10; i++) await signIn(c, address, unlucky.email, `forkert-${i}`).expect(401);
    await signIn(c, address, unlucky.email, TEST_PASSWORD).expect(429);

    const colleague = await createUser(t.deps);
    await signIn(await browserAt(address), address, colleague.email, TEST_PASSWORD).expect(200);
  });
});

describe('sign-in limits shared by the instances on one database', () => {
  it('when wrong passwords alternate between two instances, then the account is limited after the same 10 as on one, and on both', async () => {
    // A second instance: its own app, its own database connection, the same database.
    const db = await createDb(t.deps.config.databaseUrl);
    const other = createApp(buildDeps(t.deps.config, db, createLogger('silent'), { now: () => now, policies: t.deps.policies }));
    try {
      const victim = await createUser(t.deps);
      const address = freshAddress();
      const here = await browserAt(address);
      const there = new Client({ ...t, app: other, request: supertest(other) });
      const csrf = await there.agent.get('/api/auth/csrf').set('X-Forwarded-For', address).expect(200);
      there.csrf = (csrf.body as { csrfToken: string }).csrfToken;

      const statuses: number[] = [];
      for (let i = 0; i < 14; i++) statuses.push((await signIn(i % 2 ? there : here, address, victim.email, `forkert-${i}`)).status);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    } finally {
      await db.$disconnect();
    }
  });
});

/**
 * Readiness that tells the truth: a database that answers but cannot be written (read-only, full) makes
 * GET /api/ready answer 503 with the reason, a request that meets it gets 503 DATABASE_UNAVAILABLE in Danish
 * instead of 500, and the log says the cause once, in words, never the driver's DriverAdapterError.
 */
import pg from 'pg';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, freshDatabaseUrl, type TestApp } from '../../../../test/support/app.js';
import { Client, createUnit, createUser, signedIn, TEST_PASSWORD } from '../../../../test/support/factories.js';
import { buildDeps, createApp } from '../../app.js';
import { loadConfig } from '../../config/env.js';
import { ErrorBody } from '../../contracts/errors.js';
import { ReadyResponse } from '../../contracts/health.js';
import { OPERATOR_MESSAGES } from '../../lib/db-errors.js';
import { databaseHealth } from '../../lib/db-health.js';
import { createDb } from '../../lib/db.js';
import { createLogger } from '../../lib/logger.js';

const onPostgres = inject('testDatabase') === 'postgres';

interface LoggedApp extends TestApp {
  lines: Record<string, unknown>[];
}

/** An app on `url` whose log lines the test reads. */
async function loggedApp(url: string, drop: () => Promise<void> = async () => undefined): Promise<LoggedApp> {
  const lines: Record<string, unknown>[] = [];
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'info', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' });
  const db = await createDb(config.databaseUrl);
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const deps = buildDeps(config, db, logger);
  const app = createApp(deps);
  return {
    app,
    deps,
    lines,
    request: supertest(app),
    close: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

const said = (t: LoggedApp, message: string) => t.lines.filter((l) => l.msg === message);

async function signIn(t: TestApp, email: string) {
  const c = new Client(t);
  await c.fetchCsrf();
  return c.post('/api/auth/login', { email, password: TEST_PASSWORD });
}

async function ready(t: TestApp) {
  const res = await t.request.get('/api/ready');
  return { status: res.status, body: ReadyResponse.parse(res.body) };
}

function expectUnavailable(res: { status: number; body: unknown }) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  const { error } = ErrorBody.parse(res.body);
  expect(error.code).toBe('DATABASE_UNAVAILABLE');
  expect(error.message).toMatch(/^Arbejdsbænken kan ikke gemme eller hente data lige nu/);
}

describe.skipIf(onPostgres)('SQLite that cannot be written', () => {
  let t: LoggedApp;
  let email: string;
  const raw = (sql: string) => t.deps.db.$queryRawUnsafe<Record<string, bigint | number>[]>(sql);

  beforeAll(async () => {
    const { url, drop } = await freshDatabaseUrl();
    t = await loggedApp(url, drop);
    email = (await createUser(t.deps, { role: 'DIGITAL_UNIT' })).email;
  });
  afterAll(() => t.close());

  it('when the database is read-only, then sign-in answers 503 in Danish, ready says read_only, and the cause is logged once', async () => {
    expect((await ready(t)).status).toBe(200);
    await raw('PRAGMA query_only = ON');
    try {
      expectUnavailable(await signIn(t, email));
      expectUnavailable(await signIn(t, email));
      expect(await ready(t)).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: 'read_only', migrations: 'unknown' } } });

      expect(said(t, OPERATOR_MESSAGES.read_only)).toHaveLength(1);
      expect(said(t, OPERATOR_MESSAGES.read_only)[0]).toMatchObject({ level: 50, database: { failure: 'read_only', code: 'SQLITE_READONLY' } });
      expect(JSON.stringify(t.lines)).not.toContain('DriverAdapterError');
      expect(said(t, 'unhandled error')).toEqual([]);
    } finally {
      await raw('PRAGMA query_only = OFF');
    }

    // Writable again: the probe succeeds, but a request failed moments ago, so ready waits a little longer.
    expect((await ready(t)).body.checks.database).toBe('read_only');
    databaseHealth(t.deps.db).holdMs = 0;
    expect(await ready(t)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } } });
    expect(said(t, 'database usable again')).toHaveLength(1);
    expect((await signIn(t, email)).status).toBe(200);
  });

  it('when the database is full, then a write answers 503, ready says full until there is room again, and the cause is logged once', async () => {
    const c = await signedIn(t, { email });
    const unitId = (await createUnit(t.deps)).id;
    // Make the file as large as it may ever be: no free pages, and no page more.
    await raw('PRAGMA incremental_vacuum');
    const [{ page_count: pages }] = (await raw('PRAGMA page_count')) as [{ page_count: bigint }];
    await raw(`PRAGMA max_page_count = ${pages}`);
    const trial = {
      title: 'Et forsøg med lange tekster',
      purpose: 'Formål. '.repeat(600),
      hypothesis: 'Hypotese. '.repeat(450),
      successCriteria: 'Kriterie. '.repeat(450),
      assistants: ['letter'],
      policyId: 'offentlig-information',
      startsAt: '2026-12-01',
      endsAt: '2027-02-01',
      unitId,
    };
    try {
      expectUnavailable(await c.post('/api/trials', trial));
      expectUnavailable(await c.post('/api/trials', trial));
      expect(await ready(t)).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: 'full', migrations: 'unknown' } } });
      expect(said(t, OPERATOR_MESSAGES.full)).toHaveLength(1);
      expect(said(t, OPERATOR_MESSAGES.full)[0]).toMatchObject({ database: { failure: 'full', code: 'SQLITE_FULL' } });
      expect(JSON.stringify(t.lines)).not.toContain('DriverAdapterError');
      // Reads still work: the people can see their work, only saving waits.
      expect((await c.get('/api/trials')).status).toBe(200);
    } finally {
      await raw('PRAGMA max_page_count = 1073741823');
    }
    expect(await ready(t)).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: 'ok', migrations: 'ok' } } });
    expect((await c.post('/api/trials', trial)).status).toBe(201);
  });
});

describe.skipIf(!onPostgres)('PostgreSQL in read-only mode', () => {
  let t: TestApp;
  let readOnly: LoggedApp;
  let email: string;
  let admin: pg.Client;
  let name: string;

  beforeAll(async () => {
    t = await createTestApp();
    email = (await createUser(t.deps)).email;
    const url = t.deps.config.databaseUrl;
    name = new URL(url).pathname.slice(1);
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // As on a standby or after an operator's emergency switch: every new session is read-only.
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    readOnly = await loggedApp(url);
  });
  afterAll(async () => {
    await readOnly.close();
    await admin.query(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
    await admin.end();
    await t.close();
  });

  it('when every transaction is read-only, then sign-in answers 503 in Danish, ready says read_only, and the cause is logged once', async () => {
    expectUnavailable(await signIn(readOnly, email));
    expectUnavailable(await signIn(readOnly, email));
    expect(await ready(readOnly)).toEqual({ status: 503, body: { status: 'not_ready', checks: { database: 'read_only', migrations: 'unknown' } } });
    expect(said(readOnly, OPERATOR_MESSAGES.read_only)).toHaveLength(1);
    expect(said(readOnly, OPERATOR_MESSAGES.read_only)[0]).toMatchObject({ database: { failure: 'read_only', code: '25006' } });
    expect(JSON.stringify(readOnly.lines)).not.toContain('DriverAdapterError');
  });
});

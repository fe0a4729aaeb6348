import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import supertest from 'supertest';
import { inject } from 'vitest';
import { buildDeps, createApp } from '../../server/src/app.js';
import { loadConfig, type Config } from '../../server/src/config/env.js';
import type { Deps } from '../../server/src/deps.js';
import { createDb } from '../../server/src/lib/db.js';
import { createLogger } from '../../server/src/lib/logger.js';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  request: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/** A database of its own for one test file: a copy of the migrated template (SQLite or PostgreSQL). */
export async function freshDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (inject('testDatabase') === 'postgres') {
    const name = `wb_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const url = new URL(inject('pgAdminUrl'));
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-db-'));
  const file = path.join(dir, 'test.db');
  fs.copyFileSync(inject('sqliteTemplate'), file);
  return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * createApp() on a fresh database with test-friendly settings: cheap password hashing (the production
 * minimum is enforced by config validation, not here), silent logs, and an injectable clock.
 */
export async function createTestApp(
  opts: { config?: Partial<Config>; env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const { url, drop } = await freshDatabaseUrl();
  const config = loadConfig(
    // Failed jobs are retried at once unless a test asks for the backoff (JOB_RETRY_BASE_SECONDS).
    { NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', JOB_RETRY_BASE_SECONDS: '0', ...opts.env },
    opts.config,
  );
  const db = await createDb(config.databaseUrl);
  const deps = buildDeps(config, db, createLogger(config.logLevel), opts.now ? { now: opts.now } : {});
  const app = createApp(deps);
  return {
    app,
    deps,
    request: supertest(app),
    close: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

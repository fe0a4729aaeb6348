import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildDeps } from '../server/src/app.js';
import { loadConfig } from '../server/src/config/env.js';
import { createDb } from '../server/src/lib/db.js';
import { createLogger } from '../server/src/lib/logger.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../server/src/modules/demo/demo.constants.js';
import { seedDemoOrganisation } from '../server/src/modules/demo/demo.service.js';

const root = path.resolve(import.meta.dirname, '..');

/** A SQLite file as a demo leaves it: migrated, with the demo organisation and its three accounts. */
async function demoDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'demo.db');
  fs.copyFileSync(inject('sqliteTemplate'), file);
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: `file:${file}`, LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' });
  const db = await createDb(config.databaseUrl);
  try {
    await seedDemoOrganisation(buildDeps(config, db, createLogger('silent')));
  } finally {
    await db.$disconnect();
  }
  return file;
}

describe('production and the published demo password', () => {
  it('when NODE_ENV=production meets a demo-seeded database, then the server exits 78 naming the demo accounts, not the password', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prod-demo-'));
    try {
      const file = await demoDatabase(dir);
      const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
          DATABASE_URL: `file:${file}`,
          PORT: '0',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        // Without the check the server starts and keeps running: the timeout ends it with no exit code.
        timeout: 30_000,
      });
      expect(res.status).toBe(78);
      for (const u of Object.values(DEMO_USERS)) expect(res.stderr).toContain(u.email);
      expect(res.stderr).toContain('demo password');
      expect(res.stderr).not.toContain(DEMO_PASSWORD);
      expect(res.stdout).not.toContain(DEMO_PASSWORD);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

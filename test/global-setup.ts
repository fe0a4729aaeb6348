import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { deployMigrations } from '../prisma/tools/schema-engine.js';
import { buildServer } from './build-server.js';
import { createDatabase, startThrowawayPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: 'sqlite' | 'postgres';
    /** SQLite: a migrated database file that each test file copies. */
    sqliteTemplate: string;
    /** PostgreSQL: admin URL of the throwaway cluster and the migrated template database's name. */
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * Migrates one template database per run; each test file then gets its own copy, which is much faster than
 * migrating per file. TEST_DATABASE=postgres starts a throwaway PostgreSQL cluster on 127.0.0.1 for the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
  if (kind !== 'sqlite' && process.env.TEST_DATABASE && process.env.TEST_DATABASE !== 'postgres') {
    throw new Error(`TEST_DATABASE must be "sqlite" or "postgres", not "${process.env.TEST_DATABASE}"`);
  }
  project.provide('testDatabase', kind);
  // Some tests start the real server as `npm start` does, built (shutdown, instances, startup-company).
  buildServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-test-'));
  const template = path.join(dir, 'template.db');
  await deployMigrations({ url: `file:${template}` });
  project.provide('sqliteTemplate', template);

  let stopPg: (() => Promise<void>) | undefined;
  if (kind === 'postgres') {
    const pg = await startThrowawayPostgres();
    stopPg = pg.stop;
    const templateUrl = await createDatabase(pg.url, 'workbench_template');
    await deployMigrations({ url: templateUrl });
    project.provide('pgAdminUrl', pg.url);
    project.provide('pgTemplate', 'workbench_template');
  } else {
    project.provide('pgAdminUrl', '');
    project.provide('pgTemplate', '');
  }

  return async () => {
    await stopPg?.();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

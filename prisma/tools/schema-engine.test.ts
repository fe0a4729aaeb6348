import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../test/postgres.js';
import { MIGRATIONS_DIRS, SCHEMA_PATHS } from './paths.js';
import {
  createMigration,
  deployMigrations,
  migrationStatus,
  readMigrationsList,
  resolveMigration,
} from './schema-engine.js';

const require = createRequire(import.meta.url);

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'schema-engine-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function localMigrations(provider: 'sqlite' | 'postgresql'): Promise<string[]> {
  return (await readMigrationsList(MIGRATIONS_DIRS[provider])).migrationDirectories.map((d) => d.path);
}

async function checksum(provider: 'sqlite' | 'postgresql', name: string): Promise<string> {
  const script = await readFile(path.join(MIGRATIONS_DIRS[provider], name, 'migration.sql'));
  return createHash('sha256').update(script).digest('hex');
}

/** A copy of a migrations folder that a test may add to. */
async function copyOfMigrations(provider: 'sqlite' | 'postgresql'): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, `${provider}-migrations-`));
  await cp(MIGRATIONS_DIRS[provider], dir, { recursive: true });
  return dir;
}

async function addMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

describe('the wasm schema engine package', () => {
  it('when prisma is upgraded, then @prisma/schema-engine-wasm must be pinned to the same engine build', () => {
    const enginesPkg = require.resolve('@prisma/engines/package.json');
    const { version: enginesVersion } = createRequire(enginesPkg)('@prisma/engines-version/package.json') as {
      version: string;
    };
    const wasmDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const { version: wasmVersion } = require(path.join(wasmDir, 'package.json')) as { version: string };

    expect(wasmVersion, 'pin @prisma/schema-engine-wasm in package.json to @prisma/engines-version').toBe(
      enginesVersion,
    );
  });

  it('when loaded by hand, then the wasm module imports nothing but its JS glue', async () => {
    const gluePath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const module = await WebAssembly.compile(await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm')));

    expect(new Set(WebAssembly.Module.imports(module).map((i) => i.module))).toEqual(new Set(['./schema_engine_bg.js']));
  });
});

describe('SQLite', () => {
  it('when deployed on a fresh file, then the tables and the standard _prisma_migrations rows exist, and a second deploy applies nothing', async () => {
    const file = path.join(tmp, 'nested', 'fresh.db');
    const local = await localMigrations('sqlite');

    const first = await deployMigrations({ url: `file:${file}` });
    const second = await deployMigrations({ url: `file:${file}` });
    const status = await migrationStatus({ url: `file:${file}` });

    expect(first.applied).toEqual(local);
    expect(second.applied).toEqual([]);
    expect(status).toEqual({ pending: [], applied: local, failed: [], unknown: [] });
    const db = new Database(file, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['_prisma_migrations', 'OrgUnit', 'User', 'Trial', 'AuditEvent']));
      const rows = db.prepare('SELECT * FROM _prisma_migrations ORDER BY started_at').all() as Record<string, unknown>[];
      expect(rows.map((r) => r.migration_name)).toEqual(local);
      for (const row of rows) {
        expect(row.checksum).toBe(await checksum('sqlite', String(row.migration_name)));
        expect(row.rolled_back_at).toBeNull();
        expect(row.applied_steps_count).toBe(1);
        // Epoch milliseconds, as the native engine writes them.
        expect(typeof row.finished_at).toBe('number');
        expect(typeof row.started_at).toBe('number');
      }
    } finally {
      db.close();
    }
  });

  it('when the database file does not exist, then status reports every migration pending and creates nothing', async () => {
    const file = path.join(tmp, 'missing.db');

    const status = await migrationStatus({ url: `file:${file}` });

    expect(status.pending).toEqual(await localMigrations('sqlite'));
    expect(status.applied).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('when deployed, then a PrismaClient with the better-sqlite3 adapter can write and read an OrgUnit', async () => {
    const url = `file:${path.join(tmp, 'client.db')}`;
    await deployMigrations({ url });
    const { PrismaClient } = await import('../../server/src/generated/sqlite/client.js');
    const prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url }) });
    try {
      const created = await prisma.orgUnit.create({ data: { name: 'Rødovre Kommune', code: 'RK' } });
      const read = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'RK' } });

      expect(read).toEqual(created);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('when a migration fails, then deploy stops with Prisma\'s error, status reports it failed, deploy refuses to continue until it is resolved', async () => {
    const migrationsDir = await copyOfMigrations('sqlite');
    await addMigration(migrationsDir, '99990101000000_broken', 'THIS IS NOT SQL;\n');
    const url = `file:${path.join(tmp, 'broken.db')}`;

    await expect(deployMigrations({ url, migrationsDir })).rejects.toThrow(
      /^P3018: migration 99990101000000_broken failed to apply: near "THIS": syntax error/,
    );
    const status = await migrationStatus({ url, migrationsDir });
    await expect(deployMigrations({ url, migrationsDir })).rejects.toThrow(/^P3009[\s\S]*resolve --rolled-back/);
    await writeFile(path.join(migrationsDir, '99990101000000_broken', 'migration.sql'), 'CREATE TABLE "Fixed" ("id" TEXT);\n');
    await resolveMigration({ url, migrationsDir, rolledBack: '99990101000000_broken' });
    const retried = await deployMigrations({ url, migrationsDir });

    expect(status.failed).toEqual(['99990101000000_broken']);
    expect(status.pending).toEqual(['99990101000000_broken']);
    expect(retried.applied).toEqual(['99990101000000_broken']);
    expect((await migrationStatus({ url, migrationsDir })).pending).toEqual([]);
  });

  it('when a migration is edited after it was applied, then deploy does not run it again (as prisma migrate deploy)', async () => {
    const migrationsDir = await copyOfMigrations('sqlite');
    const url = `file:${path.join(tmp, 'edited.db')}`;
    await deployMigrations({ url, migrationsDir });
    const [first] = await localMigrations('sqlite');
    await writeFile(path.join(migrationsDir, String(first), 'migration.sql'), '-- edited\n', { flag: 'a' });

    const result = await deployMigrations({ url, migrationsDir });

    expect(result.applied).toEqual([]);
  });

  it('when the schema has not changed, then createMigration creates nothing', async () => {
    const migrationsDir = await copyOfMigrations('sqlite');

    const result = await createMigration({ name: 'nothing', provider: 'sqlite', migrationsDir });

    expect(result).toEqual({ name: null, dir: null });
  });

  it('when the schema gains a column, then createMigration writes a migration that adds it and that deploys', async () => {
    const migrationsDir = await copyOfMigrations('sqlite');
    const schemaPath = path.join(tmp, 'schema-with-nickname.prisma');
    const schema = await readFile(SCHEMA_PATHS.sqlite, 'utf8');
    await writeFile(schemaPath, schema.replace(/^model OrgUnit \{\n/m, 'model OrgUnit {\n  nickname String?\n'));

    const result = await createMigration({
      name: 'OrgUnit kaldenavn æøå',
      provider: 'sqlite',
      migrationsDir,
      schemaPath,
      folderName: '99990101000000_orgunit_kaldenavn_aeoeaa',
    });

    expect(result.name).toBe('99990101000000_orgunit_kaldenavn_aeoeaa');
    const sql = await readFile(path.join(String(result.dir), 'migration.sql'), 'utf8');
    expect(sql).toContain('ALTER TABLE "OrgUnit" ADD COLUMN "nickname" TEXT');
    const deployed = await deployMigrations({ url: `file:${path.join(tmp, 'nickname.db')}`, migrationsDir });
    expect(deployed.applied.at(-1)).toBe(result.name);
  });
});

describe.runIf(process.env.TEST_DATABASE === 'postgres')('PostgreSQL', () => {
  let server: ThrowawayPostgres;
  beforeAll(async () => {
    server = await startThrowawayPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const urlOf = (database: string) => server.url.replace(/\/postgres$/, `/${database}`);

  it('when deployed on a database that does not exist yet, then it is created and migrated, and a second deploy applies nothing', async () => {
    const url = urlOf('fresh');
    const local = await localMigrations('postgresql');

    const before = await migrationStatus({ url });
    const first = await deployMigrations({ url });
    const second = await deployMigrations({ url });
    const status = await migrationStatus({ url });

    expect(before.pending).toEqual(local);
    expect(first.applied).toEqual(local);
    expect(second.applied).toEqual([]);
    expect(status).toEqual({ pending: [], applied: local, failed: [], unknown: [] });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows.map((r) => r.tablename)).toEqual(
        expect.arrayContaining(['_prisma_migrations', 'OrgUnit', 'User', 'Trial', 'AuditEvent']),
      );
      const rows = await client.query('SELECT * FROM _prisma_migrations ORDER BY started_at');
      expect(rows.rows.map((r: { migration_name: string }) => r.migration_name)).toEqual(local);
      for (const row of rows.rows as { migration_name: string; checksum: string; finished_at: Date | null }[]) {
        expect(row.checksum).toBe(await checksum('postgresql', row.migration_name));
        expect(row.finished_at).toBeInstanceOf(Date);
      }
    } finally {
      await client.end();
    }
  });

  it('when deployed, then a PrismaClient with the pg adapter can write and read an OrgUnit', async () => {
    const url = urlOf('client');
    await deployMigrations({ url });
    const { PrismaClient } = await import('../../server/src/generated/postgres/client.js');
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      const created = await prisma.orgUnit.create({ data: { name: 'Rødovre Kommune', code: 'RK' } });
      const read = await prisma.orgUnit.findUniqueOrThrow({ where: { code: 'RK' } });

      expect(read).toEqual(created);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('when a migration fails, then nothing of it stays applied and deploy reports Prisma\'s error', async () => {
    const migrationsDir = await copyOfMigrations('postgresql');
    await addMigration(migrationsDir, '99990101000000_broken', 'CREATE TABLE "Ok" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    const url = urlOf('broken');

    await expect(deployMigrations({ url, migrationsDir })).rejects.toThrow(/^P3018: migration 99990101000000_broken/);
    const status = await migrationStatus({ url, migrationsDir });

    expect(status.failed).toEqual(['99990101000000_broken']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const ok = await client.query(`SELECT to_regclass('public."Ok"') AS t`);
      // The whole script runs as one implicit transaction, like the native engine.
      expect(ok.rows[0]).toEqual({ t: null });
    } finally {
      await client.end();
    }
  });

  it('when a migration has a semicolon inside a string, then it is applied as written', async () => {
    const migrationsDir = await copyOfMigrations('postgresql');
    await addMigration(
      migrationsDir,
      '99990101000000_semicolon',
      `INSERT INTO "OrgUnit" ("id", "name", "code") VALUES ('x', 'Plan; del 2', 'X');\n`,
    );
    const url = urlOf('semicolon');

    await deployMigrations({ url, migrationsDir });

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT "name" FROM "OrgUnit" WHERE "id" = 'x'`);
      expect(rows).toEqual([{ name: 'Plan; del 2' }]);
    } finally {
      await client.end();
    }
  });

  it('when the schema has not changed, then createMigration creates nothing and leaves no temporary database', async () => {
    const migrationsDir = await copyOfMigrations('postgresql');

    const result = await createMigration({
      name: 'nothing',
      provider: 'postgresql',
      migrationsDir,
      postgresServerUrl: server.url,
    });

    expect(result).toEqual({ name: null, dir: null });
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database');
      expect(rows.map((r) => r.datname).filter((n) => /shadow|workbench_migrate/.test(n))).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

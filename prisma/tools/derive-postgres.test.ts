import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DERIVE_COMMAND, derivePostgresSchema, readDerivedSchema } from './derive-postgres.js';
import { MIGRATIONS_DIRS } from './paths.js';

const SOURCE = `// The data model (describes the SQLite file).
// Second line of that comment.

generator client {
  provider     = "prisma-client"
  output       = "../server/src/generated/sqlite"
  runtime      = "nodejs"
}

datasource db {
  provider = "sqlite"
}

/// A unit.
model OrgUnit {
  id   String @id @default(cuid())
  // provider = "sqlite" inside a model comment stays as it is
  name String
}
`;

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

describe('derivePostgresSchema', () => {
  it('when given the SQLite schema, then it switches provider and client output and keeps the models', () => {
    const derived = derivePostgresSchema(SOURCE);

    expect(derived.startsWith('// generated, do not edit')).toBe(true);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output       = "../../server/src/generated/postgres"');
    expect(derived).not.toContain('generated/sqlite');
    expect(derived).not.toContain('describes the SQLite file');
    expect(derived).toContain('/// A unit.\nmodel OrgUnit {\n  id   String @id @default(cuid())\n');
    expect(derived).toContain('// provider = "sqlite" inside a model comment stays as it is');
  });

  it('when the datasource is not SQLite, then it refuses instead of guessing', () => {
    expect(() => derivePostgresSchema(SOURCE.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /provider = "sqlite"/,
    );
  });

  it('when the client output is elsewhere, then it refuses instead of guessing', () => {
    expect(() => derivePostgresSchema(SOURCE.replace('generated/sqlite', 'generated/client'))).toThrow(/output/);
  });

  it('when derived twice, then the result is the same (CRLF or LF)', () => {
    expect(derivePostgresSchema(SOURCE.replaceAll('\n', '\r\n'))).toBe(derivePostgresSchema(SOURCE));
  });
});

describe('the committed PostgreSQL schema and migrations', () => {
  it('when prisma/schema.prisma changes, then prisma/postgres/schema.prisma is regenerated with it', async () => {
    const { expected, committed } = await readDerivedSchema();

    expect(committed, `prisma/postgres/schema.prisma is out of date: run \`${DERIVE_COMMAND}\``).toBe(expected);
  });

  it('when a migration is created, then it exists for both SQLite and PostgreSQL under the same name', async () => {
    const sqlite = await migrationNames(MIGRATIONS_DIRS.sqlite);
    const postgres = await migrationNames(MIGRATIONS_DIRS.postgresql);

    expect(sqlite.length).toBeGreaterThan(0);
    expect(
      postgres,
      'prisma/migrations and prisma/postgres/migrations must hold the same migrations: create them with ' +
        '`npm run db:migrate:create -- <name>`, which writes both',
    ).toEqual(sqlite);
  });

  it('when the lock files are read, then each migrations folder is locked to its own provider', async () => {
    const sqliteLock = await readFile(`${MIGRATIONS_DIRS.sqlite}/migration_lock.toml`, 'utf8');
    const postgresLock = await readFile(`${MIGRATIONS_DIRS.postgresql}/migration_lock.toml`, 'utf8');

    expect(sqliteLock).toContain('provider = "sqlite"');
    expect(postgresLock).toContain('provider = "postgresql"');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../config/env.js';
import type { Db, DbProvider } from './db.js';

export function migrationsDir(provider: DbProvider): string {
  return path.join(ROOT_DIR, 'prisma', provider === 'postgresql' ? 'postgres/migrations' : 'migrations');
}

/** Names of the migrations this build of the code expects, read once. */
export function expectedMigrations(provider: DbProvider): string[] {
  const dir = migrationsDir(provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** Expected migrations not (successfully) recorded in Prisma's own `_prisma_migrations` table. */
export async function pendingMigrations(db: Db, expected: string[]): Promise<string[]> {
  let applied: { migration_name: string }[];
  try {
    applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
  } catch {
    return expected;
  }
  const done = new Set(applied.map((m) => m.migration_name));
  return expected.filter((m) => !done.has(m));
}

import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../generated/sqlite/client.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export { Prisma } from '../generated/sqlite/client.js';
export type * from '../generated/sqlite/client.js';

/**
 * One Prisma client for the process. Both generated clients (SQLite and PostgreSQL) come from the same
 * schema, so the SQLite client's type describes either; the driver adapter is chosen by DATABASE_URL.
 */
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type DbProvider = 'sqlite' | 'postgresql';

export function providerOf(url: string): DbProvider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

export async function createDb(url: string): Promise<Db> {
  if (providerOf(url) === 'postgresql') {
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client.js'),
      import('@prisma/adapter-pg'),
    ]);
    // `?schema=name` selects a PostgreSQL schema, as in Prisma's own URLs; the migrations honour it too.
    const schema = new URL(url).searchParams.get('schema') ?? undefined;
    const client = new PgClient({ adapter: new PrismaPg({ connectionString: url }, schema ? { schema } : undefined) });
    return client as unknown as Db;
  }
  const file = url.slice('file:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new PrismaClient({ adapter: withStatementCache(new PrismaBetterSqlite3({ url, timeout: 5000 })) });
  // WAL lets readers proceed while a writer commits; NORMAL sync is safe with WAL and much faster.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  return client;
}

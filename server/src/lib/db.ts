import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Database } from 'better-sqlite3';
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

/**
 * Above this size an existing SQLite database is not switched to incremental auto-vacuum at start: the switch
 * is a full VACUUM, which rewrites the whole file (through the WAL, so it needs about twice its size free),
 * holds the only connection and the event loop until it is done (about a second per 100 MB), and would make a
 * large database start slowly or fail on a full disk. Such a database is switched by an operator (`PRAGMA auto_vacuum = INCREMENTAL; VACUUM;`) with
 * the server stopped (docs/decisions/0011-erasure-on-disk.md); until then erasure still works, the freed pages
 * are zeroed but stay in the file.
 */
export const AUTO_VACUUM_SWITCH_MAX_BYTES = 256 * 1024 * 1024;

/** The raw better-sqlite3 connection behind a SQLite client, for the maintenance that must not run in a transaction. */
const sqliteConnections = new WeakMap<Db, () => Database | undefined>();

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
  let connection: Database | undefined;
  const adapter = capturingConnection(withStatementCache(new PrismaBetterSqlite3({ url, timeout: 5000 })), (c) => (connection = c));
  const client = new PrismaClient({ adapter });
  sqliteConnections.set(client, () => connection);
  // WAL lets readers proceed while a writer commits; NORMAL sync is safe with WAL and much faster.
  await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await client.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await client.$executeRawUnsafe('PRAGMA foreign_keys = ON');
  // Erased content is overwritten with zeros where it lay (in its page and in pages that become free) instead of
  // only being marked free: otherwise every erased value stays readable in the file (GDPR Art. 17, Art. 5(1)(e)).
  await client.$queryRawUnsafe('PRAGMA secure_delete = ON');
  await switchToIncrementalAutoVacuum(client, file);
  return client;
}

/** Hands the connection each adapter opens to `onConnect` (Prisma opens one for the process). */
function capturingConnection(
  factory: SqlMigrationAwareDriverAdapterFactory,
  onConnect: (connection: Database) => void,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const connection = (adapter as unknown as { client?: Database }).client;
      if (connection) onConnect(connection);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Incremental auto-vacuum lets a sweep give the pages it freed back to the file system. A new database (or a
 * small one, see AUTO_VACUUM_SWITCH_MAX_BYTES) is switched here; the one-off VACUUM also drops whatever content
 * earlier deletions left behind before secure_delete was on. A database in use by another process stays as it
 * is until the next start: the switch is worth having, not worth refusing to start over.
 */
async function switchToIncrementalAutoVacuum(client: PrismaClient, file: string): Promise<void> {
  if ((await autoVacuumOf(client)) === 'incremental') return;
  if (file !== ':memory:' && sizeOf(file) + sizeOf(`${file}-wal`) > AUTO_VACUUM_SWITCH_MAX_BYTES) return;
  try {
    await client.$executeRawUnsafe('PRAGMA auto_vacuum = INCREMENTAL');
    await client.$executeRawUnsafe('VACUUM');
    await client.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch (err) {
    // Another process holds the file (SQLITE_BUSY after the busy timeout): try again at the next start.
    if (!/busy|locked/i.test(String((err as Error)?.message))) throw err;
  }
}

export type AutoVacuum = 'none' | 'full' | 'incremental';

async function autoVacuumOf(client: PrismaClient): Promise<AutoVacuum> {
  const [row] = await client.$queryRawUnsafe<{ auto_vacuum: bigint | number }[]>('PRAGMA auto_vacuum');
  return (['none', 'full', 'incremental'] as const)[Number(row?.auto_vacuum ?? 0)] ?? 'none';
}

/** What reclaimErasedSpace did, for the log (no content, only what the database reported). */
export type ReclaimReport =
  | { provider: 'sqlite'; autoVacuum: AutoVacuum; freedPages: number; walCheckpointed: boolean }
  | { provider: 'postgresql'; vacuumed: string[] };

/**
 * After content has been erased, make the database's own files stop holding it, as far as the database can.
 *
 * SQLite (with secure_delete on, see createDb): the erased bytes are zeros in the newest page images, but those
 * live in the write-ahead log until a checkpoint copies them over the old pages in the .db file, and the log
 * keeps the frames that carried the content when it was written. So: an incremental vacuum hands free pages
 * back (with auto_vacuum INCREMENTAL), then a TRUNCATE checkpoint folds the log into the file and empties it.
 * Both run on the app's one connection, outside any transaction and in one synchronous step.
 *
 * PostgreSQL: an update or delete leaves the old row version (dead tuple) in its page until VACUUM makes the
 * space reusable, and VACUUM does not zero it: the bytes remain until a new row overwrites them. VACUUM of the
 * tables that held content (not FULL, which locks them; not in a transaction, which VACUUM refuses) at least
 * makes that happen sooner. WAL segments, archives, replicas and backups keep their copies for their own
 * retention (docs/decisions/0011-erasure-on-disk.md).
 */
export async function reclaimErasedSpace(db: Db, provider: DbProvider, tables: readonly string[]): Promise<ReclaimReport> {
  if (provider === 'postgresql') {
    // Names are ours (quoted identifiers of the schema's tables), never input.
    for (const table of tables) {
      if (!/^[A-Za-z]+$/.test(table)) throw new Error(`not a table name: ${table}`);
    }
    if (tables.length) await db.$executeRawUnsafe(`VACUUM ${tables.map((t) => `"${t}"`).join(', ')}`);
    return { provider, vacuumed: [...tables] };
  }
  const connection = sqliteConnections.get(db)?.();
  if (!connection) {
    // Not a client from createDb (a wrapped one in a test): the same through Prisma.
    await db.$queryRawUnsafe('PRAGMA incremental_vacuum');
    const [row] = await db.$queryRawUnsafe<{ busy: bigint | number }[]>('PRAGMA wal_checkpoint(TRUNCATE)');
    return { provider, autoVacuum: await autoVacuumOf(db), freedPages: 0, walCheckpointed: Number(row?.busy ?? 1) === 0 };
  }
  // Prisma shares this connection between every request, and an interactive transaction keeps it open across
  // awaits: a checkpoint inside one fails, and a vacuum would become part of someone else's transaction. Wait
  // for a moment between transactions; from there the work below is synchronous, so nothing can start one.
  for (let waited = 0; connection.inTransaction; waited += 5) {
    if (waited >= 5000) throw new Error('the database connection stayed in a transaction');
    await sleep(5);
  }
  const count = (pragma: string) => Number(connection.pragma(pragma, { simple: true }) ?? 0);
  const autoVacuum = (['none', 'full', 'incremental'] as const)[count('auto_vacuum')] ?? 'none';
  const free = count('freelist_count');
  if (autoVacuum === 'incremental') connection.pragma('incremental_vacuum');
  const freedPages = free - count('freelist_count');
  const [checkpoint] = connection.pragma('wal_checkpoint(TRUNCATE)') as { busy: bigint | number }[];
  return { provider, autoVacuum, freedPages, walCheckpointed: Number(checkpoint?.busy ?? 1) === 0 };
}

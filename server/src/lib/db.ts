import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { Database } from 'better-sqlite3';
import { PrismaClient } from '../generated/sqlite/client.js';
import { retryingTransactions } from './db-retry.js';
import { databaseFailureOf, type DatabaseFailureInfo } from './db-errors.js';
import { DatabaseHealth, observingFailures, registerDatabaseHealth } from './db-health.js';
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
/** The file behind a SQLite client, for the free space on its disk. */
const sqliteFiles = new WeakMap<Db, string>();

export async function createDb(url: string): Promise<Db> {
  if (providerOf(url) === 'postgresql') {
    const [{ PrismaClient: PgClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client.js'),
      import('@prisma/adapter-pg'),
    ]);
    // `?schema=name` selects a PostgreSQL schema, as in Prisma's own URLs; the migrations honour it too.
    const schema = new URL(url).searchParams.get('schema') ?? undefined;
    // Every error the driver raises passes the health first (lib/db-health.ts), for readiness and the log.
    const health = new DatabaseHealth();
    const client = new PgClient({ adapter: observingFailures(new PrismaPg({ connectionString: url }, schema ? { schema } : undefined), health) });
    registerDatabaseHealth(client, health);
    // Several instances (and the retention sweep beside reviews) meet on one PostgreSQL: a transaction that loses
    // a deadlock is run again rather than answered with 500 (db-retry.ts). SQLite's writes are serial.
    return retryingTransactions(client) as unknown as Db;
  }
  const file = url.slice('file:'.length);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let connection: Database | undefined;
  const health = new DatabaseHealth();
  const adapter = observingFailures(
    capturingConnection(withStatementCache(new PrismaBetterSqlite3({ url, timeout: 5000 })), (c) => (connection = c)),
    health,
  );
  const client = new PrismaClient({ adapter });
  sqliteConnections.set(client, () => connection);
  sqliteFiles.set(client, file);
  registerDatabaseHealth(client, health);
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

/**
 * Below this much free space on the disk of a SQLite file, it counts as full: the next checkpoint or a growing
 * write-ahead log needs room, and SQLite then fails with SQLITE_FULL part-way through someone's request.
 */
export const MIN_FREE_DISK_BYTES = 1024 * 1024;

/**
 * Whether the database can be written now, cheaply, for readiness: null when it can, else what is wrong.
 *
 * SQLite: room to grow (pages below `max_page_count`, and at least MIN_FREE_DISK_BYTES free on the file's disk:
 * a full disk does not show in a write that fits the existing write-ahead log), then one committed write of the
 * header (`PRAGMA user_version` set to its own value: one page into the WAL), which fails when the file is
 * read-only, locked by another process, or the disk fails. Run on the app's one connection between
 * transactions, like reclaimErasedSpace, so it never becomes part of someone else's.
 *
 * PostgreSQL: whether a new transaction would be read-only (a standby, default_transaction_read_only). A full
 * disk there shows only in the writes that fail, which the health remembers (lib/db-health.ts).
 */
export async function probeWritable(db: Db, provider: DbProvider): Promise<DatabaseFailureInfo | null> {
  try {
    if (provider === 'postgresql') {
      const [row] = await db.$queryRawUnsafe<{ ro: string }[]>("SELECT current_setting('transaction_read_only') AS ro");
      return row?.ro === 'on' ? { failure: 'read_only', code: '25006' } : null;
    }
    const file = sqliteFiles.get(db);
    if (file && file !== ':memory:') {
      const disk = fs.statfsSync(path.dirname(path.resolve(file)));
      if (disk.bavail * disk.bsize < MIN_FREE_DISK_BYTES) return { failure: 'full', code: 'ENOSPC' };
    }
    const connection = sqliteConnections.get(db)?.();
    if (!connection) {
      const [pages] = await db.$queryRawUnsafe<{ page_count: bigint | number }[]>('PRAGMA page_count');
      const [max] = await db.$queryRawUnsafe<{ max_page_count: bigint | number }[]>('PRAGMA max_page_count');
      if (Number(pages?.page_count ?? 0) >= Number(max?.max_page_count ?? Infinity)) return { failure: 'full', code: 'SQLITE_FULL' };
      const [version] = await db.$queryRawUnsafe<{ user_version: bigint | number }[]>('PRAGMA user_version');
      await db.$executeRawUnsafe(`PRAGMA user_version = ${Number(version?.user_version ?? 0)}`);
      return null;
    }
    for (let waited = 0; connection.inTransaction; waited += 5) {
      // Busy all the time is no failure of the database: readiness then asks again next time.
      if (waited >= 1000) return null;
      await sleep(5);
    }
    const count = (pragma: string) => Number(connection.pragma(pragma, { simple: true }) ?? 0);
    if (count('page_count') >= count('max_page_count')) return { failure: 'full', code: 'SQLITE_FULL' };
    connection.pragma(`user_version = ${count('user_version')}`);
    return null;
  } catch (err) {
    const info = databaseFailureOf(err);
    if (info) return info;
    throw err;
  }
}

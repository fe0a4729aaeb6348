import { AppError } from './errors.js';

/**
 * What can be wrong with the database itself, as opposed to a request: the kinds an operator acts on. Each is
 * recognised from the driver's own code (SQLite's result codes, PostgreSQL's SQLSTATE), never from a message.
 */
export type DatabaseFailure = 'full' | 'read_only' | 'corrupt' | 'io_error' | 'busy' | 'unreachable';

export interface DatabaseFailureInfo {
  failure: DatabaseFailure;
  /** The driver's code, for the log: SQLITE_FULL, 53100, P1001 ... */
  code: string;
}

/** What the operator reads in the log, once per episode: what is wrong and what to do. */
export const OPERATOR_MESSAGES: Record<DatabaseFailure, string> = {
  full: 'database cannot store more: the disk (or the database size limit) is full; free disk space, then the server recovers by itself',
  read_only:
    'database is read-only: check the file permissions and the mount of the data directory (SQLite), or whether PostgreSQL is a standby or in read-only mode',
  corrupt: 'database file is damaged (corrupt pages): stop the server and restore the last backup',
  io_error: 'disk reported an input/output error reading or writing the database: check the disk and the system log',
  busy: 'database stayed locked or overloaded for too long (another process holds it, or the server lacks connections or memory)',
  unreachable: 'database does not answer: check that it is running and that DATABASE_URL points to it',
};

const SQLITE: readonly [RegExp, DatabaseFailure][] = [
  [/^SQLITE_FULL/, 'full'],
  [/^SQLITE_(READONLY|PERM)/, 'read_only'],
  [/^SQLITE_(CORRUPT|NOTADB)/, 'corrupt'],
  [/^SQLITE_IOERR/, 'io_error'],
  [/^SQLITE_(BUSY|LOCKED|PROTOCOL)/, 'busy'],
  [/^SQLITE_CANTOPEN/, 'unreachable'],
];

/** PostgreSQL SQLSTATE codes (appendix A of its manual) and their classes. */
const POSTGRES: Readonly<Record<string, DatabaseFailure>> = {
  '53100': 'full', // disk_full
  '25006': 'read_only', // read_only_sql_transaction (a standby, default_transaction_read_only)
  XX001: 'corrupt', // data_corrupted
  XX002: 'corrupt', // index_corrupted
  '58030': 'io_error', // io_error
  '58000': 'io_error', // system_error
  '53000': 'busy', // insufficient_resources
  '53200': 'busy', // out_of_memory
  '53300': 'busy', // too_many_connections
  '53400': 'busy', // configuration_limit_exceeded
  '55P03': 'busy', // lock_not_available
  '57P01': 'unreachable', // admin_shutdown
  '57P02': 'unreachable', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now
};

/** Prisma's own codes for a database it cannot reach or that did not answer in time. */
const PRISMA: Readonly<Record<string, DatabaseFailure>> = {
  P1001: 'unreachable',
  P1002: 'busy',
  P1008: 'busy',
  P1017: 'unreachable',
  P2024: 'busy',
};

/** Driver adapter kinds (@prisma/driver-adapter-utils) that are about the connection, not the query. */
const ADAPTER_KINDS: Readonly<Record<string, DatabaseFailure>> = {
  DatabaseNotReachable: 'unreachable',
  ConnectionClosed: 'unreachable',
  TooManyConnections: 'busy',
};

/** The operating system's codes, as drivers pass them on (a socket refused, a disk full under PostgreSQL's client). */
const SYSTEM: Readonly<Record<string, DatabaseFailure>> = {
  ENOSPC: 'full',
  EROFS: 'read_only',
  EIO: 'io_error',
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  ECONNRESET: 'unreachable',
  EHOSTUNREACH: 'unreachable',
};

function fromCode(code: string): DatabaseFailure | undefined {
  if (SYSTEM[code]) return SYSTEM[code];
  if (code.startsWith('SQLITE_')) return SQLITE.find(([pattern]) => pattern.test(code))?.[1];
  if (/^[0-9A-Z]{5}$/.test(code)) return POSTGRES[code] ?? (code.startsWith('08') ? 'unreachable' : undefined);
  return undefined;
}

interface Coded {
  name?: unknown;
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

/**
 * Whether an error says the database itself is unusable (full, read-only, corrupt, failing, locked, gone), and
 * which. Knows the shapes it arrives in: Prisma's request errors (with the driver adapter's error in `meta`),
 * the adapter's DriverAdapterError (its `cause` has the driver's `originalCode`), and the drivers' own errors
 * (better-sqlite3's `SQLITE_*` codes, pg's SQLSTATE). Anything else, a unique violation included, is null.
 */
export function databaseFailureOf(err: unknown, depth = 0): DatabaseFailureInfo | null {
  if (!err || typeof err !== 'object' || depth > 4) return null;
  const e = err as Coded;
  for (const code of [e.originalCode, e.code]) {
    if (typeof code !== 'string') continue;
    const failure = fromCode(code) ?? (e.name === 'PrismaClientKnownRequestError' || /^P\d{4}$/.test(code) ? PRISMA[code] : undefined);
    if (failure) return { failure, code };
  }
  if (typeof e.kind === 'string' && ADAPTER_KINDS[e.kind]) return { failure: ADAPTER_KINDS[e.kind]!, code: e.kind };
  return databaseFailureOf(e.meta?.driverAdapterError, depth + 1) ?? databaseFailureOf(e.cause, depth + 1);
}

/** The answer to a request that met an unusable database: 503, in Danish, and try again later. */
export function databaseUnavailable(): AppError {
  return new AppError(
    'DATABASE_UNAVAILABLE',
    'Arbejdsbænken kan ikke gemme eller hente data lige nu, fordi der er et problem med databasen. Det, du var i gang med, er ikke gemt. Prøv igen om lidt, og kontakt Digital Udvikling, hvis det bliver ved.',
    503,
    undefined,
    { 'Retry-After': '30' },
  );
}

/** For the error middleware: the AppError to answer with when `err` is a database failure, else null. */
export function databaseUnavailableError(err: unknown): AppError | null {
  return databaseFailureOf(err) ? databaseUnavailable() : null;
}

import fs from 'node:fs';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import Database from 'better-sqlite3';
import { databaseFailureOf, OPERATOR_MESSAGES, type DatabaseFailure, type DatabaseFailureInfo } from './db-errors.js';
import type { Logger } from './logger.js';

/**
 * How long readiness stays "not ready" after a request met a database failure, even when the probe succeeds:
 * the probe's one small write can pass while larger ones fail (PostgreSQL with a full disk recycles its WAL but
 * cannot grow a table). Every further failure starts the wait again.
 */
export const FAILURE_HOLD_MS = 30_000;

interface Episode extends DatabaseFailureInfo {
  since: number;
  lastSeen: number;
  /** Seen by a request (the probe may not see it) rather than by the probe. */
  byRequest: boolean;
  logged: boolean;
}

/**
 * What the process knows about its database's health: the failure seen last (by any query the driver ran, or by
 * the readiness probe) until a probe succeeds. The cause is logged once per episode, in an operator's words
 * (OPERATOR_MESSAGES), never once per failing request. Corruption does not heal: it stays until a restart, where
 * the start check (`checkSqliteIntegrity`) decides.
 */
export class DatabaseHealth {
  holdMs = FAILURE_HOLD_MS;
  private episode: Episode | null = null;
  private logger: Logger | undefined;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Where the cause is logged; the app attaches its logger when it builds its routes. */
  useLogger(logger: Logger): void {
    this.logger = logger;
    if (this.episode && !this.episode.logged) this.log(this.episode);
  }

  /** The failure readiness reports, or null when the database is usable. */
  get current(): DatabaseFailureInfo | null {
    return this.episode && { failure: this.episode.failure, code: this.episode.code };
  }

  /** Called with every error the driver raised; notes it when it is a database failure. */
  noteError(err: unknown): void {
    const info = databaseFailureOf(err);
    if (info) this.note(info, true);
  }

  /** The readiness probe's result: a failure, or null when the probe's write succeeded. */
  probed(result: DatabaseFailureInfo | null): void {
    if (result) {
      this.note(result, false);
      return;
    }
    const e = this.episode;
    if (!e || e.failure === 'corrupt') return;
    if (e.byRequest && this.clock() - e.lastSeen < this.holdMs) return;
    this.episode = null;
    this.logger?.info({ database: { failure: e.failure, code: e.code, forSeconds: Math.round((this.clock() - e.since) / 1000) } }, 'database usable again');
  }

  private note(info: DatabaseFailureInfo, byRequest: boolean): void {
    const now = this.clock();
    const e = this.episode;
    if (e && e.failure === info.failure) {
      e.lastSeen = now;
      e.byRequest ||= byRequest;
      return;
    }
    // A damaged file stays reported as damaged: a lock or a full disk seen later does not make it less so.
    if (e?.failure === 'corrupt') return;
    this.episode = { ...info, since: now, lastSeen: now, byRequest, logged: false };
    this.log(this.episode);
  }

  private log(e: Episode): void {
    if (!this.logger) return;
    e.logged = true;
    this.logger.error({ database: { failure: e.failure, code: e.code } }, OPERATOR_MESSAGES[e.failure]);
  }
}

/** Each Prisma client's health, created with it in createDb. */
const healthOf = new WeakMap<object, DatabaseHealth>();

/** The health of the database behind `db` (a client not made by createDb gets one nobody feeds). */
export function databaseHealth(db: object): DatabaseHealth {
  let health = healthOf.get(db);
  if (!health) healthOf.set(db, (health = new DatabaseHealth()));
  return health;
}

export function registerDatabaseHealth(db: object, health: DatabaseHealth): void {
  healthOf.set(db, health);
}

/** Wraps an object so that every error its methods throw or reject with is shown to `onError` first. */
function observed<T extends object>(target: T, onError: (err: unknown) => void): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        let out: unknown;
        try {
          out = (value as (...a: unknown[]) => unknown).apply(obj, args);
        } catch (err) {
          onError(err);
          throw err;
        }
        if (out && typeof (out as Promise<unknown>).then === 'function') {
          return (out as Promise<unknown>).then(
            // A transaction's queries and its COMMIT run on the object startTransaction returns.
            (result) => (prop === 'startTransaction' && result && typeof result === 'object' ? observed(result, onError) : result),
            (err: unknown) => {
              onError(err);
              throw err;
            },
          );
        }
        return out;
      };
    },
  });
}

/**
 * Wraps a driver adapter factory so that the health sees every error the driver raises, for requests, jobs and
 * sweeps alike: "the last write error seen from the driver", with its real code (SQLITE_FULL, 53100 ...), before
 * Prisma wraps it into an error that says only DriverAdapterError.
 */
export function observingFailures(factory: SqlMigrationAwareDriverAdapterFactory, health: DatabaseHealth): SqlMigrationAwareDriverAdapterFactory {
  const onError = (err: unknown) => health.noteError(err);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => observed(await factory.connect(), onError),
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

export type IntegrityResult = { ok: true } | { ok: false; failure: DatabaseFailure; message: string };

/**
 * The start check of a SQLite file: `PRAGMA quick_check` (the structure of every page and index, without
 * comparing index contents to tables, so it reads the file once: about a second per few hundred MB). A damaged
 * file is refused with a message that says what to do, before migrations, the demo seed or a sign-in touch it:
 * otherwise the server starts, says it is ready, and answers every sign-in with an error. A file that does not
 * exist yet is fine (the migrations create it); PostgreSQL checks its own pages (data checksums) and reports
 * damage as XX001/XX002, which databaseFailureOf maps.
 */
export function checkSqliteIntegrity(file: string): IntegrityResult {
  if (file === ':memory:' || !fs.existsSync(file)) return { ok: true };
  let connection: Database.Database | undefined;
  try {
    connection = new Database(file, { fileMustExist: true, timeout: 5000 });
    const rows = connection.pragma('quick_check(20)') as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((p) => p !== 'ok');
    if (!problems.length) return { ok: true };
    const found = `PRAGMA quick_check found ${problems.length >= 20 ? '20 or more problems' : `${problems.length} problem(s)`}, the first:`;
    return { ok: false, failure: 'corrupt', message: damaged(file, found, problems) };
  } catch (err) {
    const info = databaseFailureOf(err);
    if (info?.failure === 'corrupt') {
      // Damage where SQLite reads before it can check (the schema, a table's first page) stops quick_check itself.
      return { ok: false, failure: 'corrupt', message: damaged(file, 'PRAGMA quick_check stopped with:', [`${(err as Error).message} (${info.code})`]) };
    }
    if (info) return { ok: false, failure: info.failure, message: `The SQLite database ${file} cannot be checked: the ${OPERATOR_MESSAGES[info.failure]} (${info.code}).` };
    throw err;
  } finally {
    connection?.close();
  }
}

function damaged(file: string, found: string, problems: string[]): string {
  return [
    `The SQLite database ${file} is damaged: ${found}`,
    ...problems.slice(0, 3).map((p) => `  ${p.replace(/\s+/g, ' ').slice(0, 200)}`),
    'Stop here and restore the last backup of the file (with its -wal file, if any). To save what can be saved,',
    `copy the file aside and run: sqlite3 ${file} ".recover" | sqlite3 recovered.db`,
  ].join('\n');
}

/** The start check for DATABASE_URL: SQLite's quick_check; nothing to do for PostgreSQL (see checkSqliteIntegrity). */
export function startIntegrityCheck(databaseUrl: string): IntegrityResult {
  return databaseUrl.startsWith('file:') ? checkSqliteIntegrity(databaseUrl.slice('file:'.length)) : { ok: true };
}

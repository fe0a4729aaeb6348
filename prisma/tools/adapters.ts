// Driver adapter factories for the wasm schema engine, with the fixes it needs on top of the stock
// @prisma/adapter-better-sqlite3 and @prisma/adapter-pg 7.10 factories. Every connection handed to the engine is
// tracked so that it is closed when we are done, whatever the engine did: an unclosed SQLite connection keeps
// the exclusive lock the engine takes during migrations, an unclosed pg pool keeps the process alive.
import { randomUUID } from 'node:crypto';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';

export interface ManagedAdapterFactory extends SqlMigrationAwareDriverAdapterFactory {
  /** Closes every connection this factory opened (idempotent), then drops its temporary shadow databases. */
  disposeAll(): Promise<void>;
}

type Cleanup = () => Promise<void>;

class ConnectionTracker {
  private readonly cleanups: Cleanup[] = [];

  /** Makes `adapter.dispose()` idempotent and remembers it, with any extra cleanup to run after it. */
  track<A extends SqlDriverAdapter>(adapter: A, after?: Cleanup): A {
    const originalDispose = adapter.dispose.bind(adapter);
    let done: Promise<void> | undefined;
    const dispose = (): Promise<void> => {
      done ??= (async () => {
        await originalDispose();
        if (after) await after();
      })();
      return done;
    };
    adapter.dispose = dispose;
    this.cleanups.push(dispose);
    return adapter;
  }

  async disposeAll(): Promise<void> {
    const errors: unknown[] = [];
    // Newest first: shadow databases are dropped through connections opened before them.
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Closing database connections failed');
  }
}

// ---------------------------------------------------------------------------------------------------------
// SQLite

export interface SqliteFactoryOptions {
  /** Path of the database file (no `file:` prefix), or ':memory:'. */
  file: string;
  /** Where to replay the migrations when diffing; default an in-memory database. */
  shadowFile?: string;
}

export function sqliteAdapterFactory({ file, shadowFile = ':memory:' }: SqliteFactoryOptions): ManagedAdapterFactory {
  const tracker = new ConnectionTracker();
  // unixepoch-ms: the native engine writes `_prisma_migrations` timestamps as epoch milliseconds; so do we, so
  // that rows from both sort and read the same way.
  const main = new PrismaBetterSqlite3({ url: file, timeout: 5000 }, { timestampFormat: 'unixepoch-ms' });
  const shadow = new PrismaBetterSqlite3({ url: shadowFile });
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return tracker.track(await main.connect());
    },
    async connectToShadowDb() {
      const adapter = tracker.track(await shadow.connect());
      // The engine replays each migration on the shadow database as one raw command. better-sqlite3 prepares
      // one statement at a time, so a migration with several statements must go through exec (executeScript).
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => {
        if (query.args.length === 0) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        return executeRaw(query);
      };
      return adapter;
    },
    disposeAll: () => tracker.disposeAll(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

export interface PostgresFactoryOptions {
  /** postgres:// or postgresql:// URL of the database to migrate. `?schema=` selects the schema (default public). */
  url: string;
  /**
   * Server on which the shadow database is created as a temporary database and dropped afterwards; its user
   * needs CREATEDB. Default: the server of `url`, as Prisma does.
   */
  shadowServerUrl?: string;
}

/** Same URL with another database name; query parameters (sslmode, host=/socket, ...) are kept. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function schemaOf(url: string): string | undefined {
  return new URL(url).searchParams.get('schema') ?? undefined;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] } | undefined;

function retypeChar(result: unknown): unknown {
  const fields = (result as QueryResultLike)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

/**
 * The engine reads the catalog (pg_class.relkind, pg_constraint.contype, ...), whose columns have the one-byte
 * "char" type (oid 18). adapter-pg 7.10 rejects that type ("Column type 'char' could not be deserialized from
 * the database"), although pg returns it as a plain string. This client reports those columns as text.
 */
class CatalogFriendlyClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // pg.Pool calls query(config, values, callback); the adapter's own transactions use the promise form.
    const last: unknown = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: unknown, result: unknown) => void;
      args[args.length - 1] = (error: unknown, result: unknown) => callback(error, retypeChar(result));
    }
    const result: unknown = (super.query as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) return result.then(retypeChar);
    return result;
  }
}

function poolConfig(url: string, schema: string | undefined): pg.PoolConfig {
  return {
    connectionString: url,
    max: 2,
    Client: CatalogFriendlyClient as unknown as new () => pg.ClientBase,
    // Migration scripts name their tables without a schema, as Prisma writes them; like the native engine, we
    // make `?schema=` the search path so that they land in that schema.
    ...(schema ? { options: `-c search_path="${schema.replaceAll('"', '""')}"` } : {}),
  };
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

/**
 * adapter-pg 7.10 runs a script by splitting it on every ";" and sending the pieces one by one through the pool.
 * That breaks on a ";" inside a string or a DO block, and a failure leaves the first half applied. The native
 * engine sends the whole migration as one simple-protocol query, which PostgreSQL runs as one implicit
 * transaction; we do the same.
 */
function wholeScripts(adapter: PgAdapter): PgAdapter {
  const toDriverError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      toDriverError(error);
    }
  };
  return adapter;
}

export function postgresAdapterFactory({ url, shadowServerUrl = url }: PostgresFactoryOptions): ManagedAdapterFactory {
  const tracker = new ConnectionTracker();
  const schema = schemaOf(url);
  const main = new PrismaPg(poolConfig(url, schema), schema ? { schema } : undefined);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    async connect() {
      return tracker.track(wholeScripts(await main.connect()));
    },
    // adapter-pg's own connectToShadowDb cannot be used as is: with a connectionString the shadow pool still
    // connects to the main database, it drops the shadow database before closing the pool that uses it, and it
    // never closes the connection it created the database with.
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      const admin = await new PrismaPg(poolConfig(shadowServerUrl, undefined)).connect();
      try {
        await admin.executeScript(`CREATE DATABASE "${name}"`);
      } catch (error) {
        await admin.dispose();
        throw new Error(
          `Could not create a temporary shadow database on ${redact(shadowServerUrl)} (its user needs CREATEDB): ` +
            `${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const shadowUrl = withDatabase(shadowServerUrl, name);
      const shadowFactory = new PrismaPg(poolConfig(shadowUrl, schema), schema ? { schema } : undefined);
      const shadow = wholeScripts(await shadowFactory.connect());
      return tracker.track(shadow, async () => {
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
        } finally {
          await admin.dispose();
        }
      });
    },
    disposeAll: () => tracker.disposeAll(),
  };
}

/** URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<invalid URL>';
  }
}

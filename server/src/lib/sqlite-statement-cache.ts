import type { Database, Statement } from 'better-sqlite3';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * Prisma's better-sqlite3 adapter prepares every statement anew (`client.prepare(sql).bind(args)`), and SQLite's
 * parser and planner then cost more than running the statement: about a third of the database time of a run. The
 * SQL Prisma generates is parameterised and comes from a small set of shapes, so statements are kept per SQL text
 * and re-bound for each call. better-sqlite3's own `bind()` is permanent, so the adapter gets a thin view that
 * passes the arguments on each call instead; it uses only `reader`, `run()`, `columns()` and `raw().all()`.
 */
const MAX_STATEMENTS = 500;

interface BoundView {
  readonly reader: boolean;
  bind(args: unknown[]): BoundView;
  run(): ReturnType<Statement['run']>;
  columns(): ReturnType<Statement['columns']>;
  raw(): { all(): unknown[] };
}

/** A statement's result columns, asked for by the adapter on every call; they are fixed once it is prepared. */
const columnsOf = new WeakMap<Statement, ReturnType<Statement['columns']>>();

function view(stmt: Statement): BoundView {
  let bound: unknown[] = [];
  const self: BoundView = {
    reader: stmt.reader,
    bind(args) {
      bound = args;
      return self;
    },
    run: () => stmt.run(bound),
    columns: () => {
      let columns = columnsOf.get(stmt);
      if (!columns) {
        columns = stmt.columns();
        columnsOf.set(stmt, columns);
      }
      return columns;
    },
    raw: () => ({ all: () => stmt.raw(true).all(bound) }),
  };
  return self;
}

export function cacheStatements(db: Database, max = MAX_STATEMENTS): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  (db as unknown as { prepare(sql: string): BoundView }).prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      // Most recently used last, so the oldest is the one dropped when the cache is full.
      cache.delete(sql);
    } else {
      stmt = prepare(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return view(stmt);
  };
}

/** Wraps the adapter factory so that each connection it opens caches its prepared statements. */
export function withStatementCache(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  const wrap = async (open: () => Promise<SqlDriverAdapter>) => {
    const adapter = await open();
    const client = (adapter as unknown as { client?: Database }).client;
    // Should a future adapter version stop exposing its client, it simply runs uncached.
    if (client && typeof client.prepare === 'function') cacheStatements(client);
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => wrap(() => factory.connect()),
    connectToShadowDb: () => wrap(() => factory.connectToShadowDb()),
  };
}

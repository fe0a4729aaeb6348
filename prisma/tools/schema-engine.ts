// Prisma Migrate without the native schema engine: deploy, status and create run on Prisma's own schema engine
// compiled to WebAssembly, talking to the database through the same driver adapters the app uses. The engine
// writes the standard `_prisma_migrations` table, so `prisma migrate deploy` / `status` keep working on the same
// database wherever the native engine can be downloaded. See docs/decisions/0001-offline-prisma-migrations.md.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  postgresAdapterFactory,
  redact,
  sqliteAdapterFactory,
  withDatabase,
  type ManagedAdapterFactory,
} from './adapters.js';
import { MIGRATIONS_DIRS, SCHEMA_PATHS, providerOfUrl, sqliteFileOf, type Provider } from './paths.js';
import { NO_FILTER, openEngine, type MigrationList, type OpenedEngine, type SchemaFile } from './wasm-engine.js';

export type { Provider } from './paths.js';

export interface DatabaseOptions {
  /** `file:./data/x.db`, a path to a SQLite file, or `postgres://` / `postgresql://`. */
  url: string;
  /** Default: prisma/migrations (SQLite) or prisma/postgres/migrations (PostgreSQL). */
  migrationsDir?: string;
}

export interface DeployResult {
  /** Migrations applied by this call, oldest first; empty when the database was up to date. */
  applied: string[];
}

export interface StatusResult {
  /** Migrations in the folder not (successfully) applied to the database, including failed ones. */
  pending: string[];
  /** Migrations in the folder that are applied to the database. */
  applied: string[];
  /** Migrations that started but failed; `prisma migrate resolve` (or a fix by hand) is needed. */
  failed: string[];
  /** Migrations recorded in the database that the folder does not have (another branch, a deleted folder). */
  unknown: string[];
}

const EMPTY_MIGRATION = '-- This is an empty migration.\n';

// ---------------------------------------------------------------------------------------------------------
// deploy and status

/**
 * Applies the pending migrations, like `prisma migrate deploy`: same `_prisma_migrations` rows, same checks
 * (a failed migration stops it, and every later deploy, with Prisma's error code until it is resolved).
 * Creates the SQLite file (and its folder) or the PostgreSQL database when missing. Idempotent.
 */
export async function deployMigrations({ url, migrationsDir }: DatabaseOptions): Promise<DeployResult> {
  const provider = providerOfUrl(url);
  const list = await readMigrationsList(migrationsDir ?? MIGRATIONS_DIRS[provider]);
  if (provider === 'sqlite') {
    const file = sqliteFileOf(url);
    if (file !== ':memory:') await mkdir(path.dirname(file), { recursive: true });
  } else {
    await ensurePostgresDatabase(url);
  }
  return withEngine(factoryFor(url), undefined, async ({ call }) => {
    try {
      const { appliedMigrationNames } = await call((engine) =>
        engine.applyMigrations({ migrationsList: list, filters: NO_FILTER }),
      );
      return { applied: appliedMigrationNames };
    } catch (error) {
      throw explainDeployError(error);
    }
  });
}

const RESOLVE_HINT =
  'Fix the cause, then record what happened with `npx tsx prisma/tools/migrate.ts resolve --rolled-back <name>` ' +
  '(the migration left no changes, or you reverted them) or `--applied <name>` (you completed it by hand), and ' +
  'deploy again. https://pris.ly/d/migrate-resolve';

/** The wasm engine reports a failing migration without the native CLI's P3018 wrapper; we add the essentials. */
function explainDeployError(error: unknown): Error {
  const message = errorMessage(error);
  const failing = /with migration_name="([^"]+)"/.exec(message)?.[1];
  if (failing) {
    const reason = message.split('\n')[0];
    return new Error(
      `P3018: migration ${failing} failed to apply: ${reason}\n` +
        `Its failed attempt is recorded in _prisma_migrations (SQLite runs no migration in a transaction, so ` +
        `part of it may be applied). ${RESOLVE_HINT.replaceAll('<name>', failing)}`,
      { cause: error },
    );
  }
  if (message.startsWith('P3009')) return new Error(`${message}\n${RESOLVE_HINT}`, { cause: error });
  return error instanceof Error ? error : new Error(message);
}

/**
 * Records the outcome of a failed migration, like `prisma migrate resolve`: `rolledBack` marks the failed attempt
 * rolled back (deploy will try it again); `applied` records it as applied without running it.
 */
export async function resolveMigration({
  url,
  migrationsDir,
  rolledBack,
  applied,
}: DatabaseOptions & { rolledBack?: string; applied?: string }): Promise<void> {
  if ((rolledBack === undefined) === (applied === undefined)) {
    throw new Error('Give exactly one of rolledBack and applied');
  }
  const provider = providerOfUrl(url);
  const list = await readMigrationsList(migrationsDir ?? MIGRATIONS_DIRS[provider]);
  await withEngine(factoryFor(url), undefined, async ({ call }) => {
    if (rolledBack !== undefined) {
      await call((engine) => engine.markMigrationRolledBack({ migrationName: rolledBack }));
    } else if (applied !== undefined) {
      await call((engine) => engine.markMigrationApplied({ migrationName: applied, migrationsList: list }));
    }
  });
}

/** Compares the migrations folder with the database, like `prisma migrate status`. Never writes. */
export async function migrationStatus({ url, migrationsDir }: DatabaseOptions): Promise<StatusResult> {
  const provider = providerOfUrl(url);
  const list = await readMigrationsList(migrationsDir ?? MIGRATIONS_DIRS[provider]);
  const local = list.migrationDirectories.map((d) => d.path);
  // A database that does not exist has nothing applied (and opening a missing SQLite file would create it).
  const missing =
    provider === 'sqlite'
      ? sqliteFileOf(url) !== ':memory:' && !existsSync(sqliteFileOf(url))
      : !(await postgresDatabaseExists(url));
  if (missing) return { pending: local, applied: [], failed: [], unknown: [] };
  return withEngine(factoryFor(url), undefined, async ({ call }) => {
    const diagnosis = await call((engine) =>
      engine.diagnoseMigrationHistory({ migrationsList: list, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const failed = diagnosis.failedMigrationNames;
    let unapplied: string[] = [];
    let unknown: string[] = [];
    const history = diagnosis.history;
    if (!diagnosis.hasMigrationsTable) {
      unapplied = local;
    } else if (history?.diagnostic === 'databaseIsBehind') {
      unapplied = history.unappliedMigrationNames;
    } else if (history?.diagnostic === 'migrationsDirectoryIsBehind') {
      unknown = history.unpersistedMigrationNames;
    } else if (history?.diagnostic === 'historiesDiverge') {
      unapplied = history.unappliedMigrationNames;
      unknown = history.unpersistedMigrationNames;
    }
    const notApplied = new Set([...unapplied, ...failed]);
    return {
      pending: local.filter((name) => notApplied.has(name)),
      applied: local.filter((name) => !notApplied.has(name)),
      failed,
      unknown,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// create

export interface CreateMigrationOptions {
  /** Free text; becomes the slug after the timestamp (`add_reviews` in `20250101120000_add_reviews`). */
  name: string;
  provider: Provider;
  /** Full folder name to use, so that both providers get the same one. Default: `<UTC timestamp>_<slug>`. */
  folderName?: string;
  /** Write a migration even when the schema has no changes (it then holds "-- This is an empty migration."). */
  allowEmpty?: boolean;
  /**
   * PostgreSQL only: a server on which temporary databases may be created (and are dropped afterwards) to
   * replay the migrations on. Default: env POSTGRES_SHADOW_URL. Its user needs CREATEDB.
   */
  postgresServerUrl?: string;
  /** Defaults: the provider's schema file and migrations folder. */
  schemaPath?: string;
  migrationsDir?: string;
}

export interface CreateMigrationResult {
  /** Folder name of the new migration, or null when the schema has no changes and allowEmpty is false. */
  name: string | null;
  /** Absolute path of the new migration folder. */
  dir: string | null;
}

/**
 * Creates the next migration by diffing the migration history (replayed on a temporary database) against the
 * schema, like `prisma migrate dev --create-only`, then checks that it applies cleanly on top of the history.
 */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const { provider } = options;
  const schemaPath = options.schemaPath ?? SCHEMA_PATHS[provider];
  const migrationsDir = options.migrationsDir ?? MIGRATIONS_DIRS[provider];
  const folderName = options.folderName ?? migrationFolderName(options.name);
  const schemaFiles: SchemaFile[] = [{ path: schemaPath, content: await readFile(schemaPath, 'utf8') }];
  // Migrations apply in name order: a new one that sorts before the last one would run too early elsewhere.
  const last = (await readMigrationsList(migrationsDir)).migrationDirectories.at(-1)?.path;
  if (last !== undefined && folderName.localeCompare(last) <= 0) {
    throw new Error(`The new migration ${folderName} would not sort after the last one, ${last}: check the system clock`);
  }

  const target = await temporaryDatabase(provider, options.postgresServerUrl);
  try {
    return await withEngine(target.factory, schemaFiles, async ({ call }) => {
      // Bring the scratch database to the end of the history; this also proves the history still applies.
      let list = await readMigrationsList(migrationsDir);
      await call((engine) => engine.applyMigrations({ migrationsList: list, filters: NO_FILTER }));
      const { action } = await call((engine) => engine.devDiagnostic({ migrationsList: list, filters: NO_FILTER }));
      if (action.tag === 'reset') {
        throw new Error(`The migration history in ${migrationsDir} is inconsistent: ${action.reason}`);
      }
      const draft = await call((engine) =>
        engine.createMigration({
          draft: true,
          migrationName: folderName.replace(/^\d+_/, ''),
          migrationsList: list,
          schema: { files: schemaFiles },
          filters: NO_FILTER,
        }),
      );
      const script = draft.migrationScript ?? '';
      const empty = isEmptyScript(script);
      if (empty && !options.allowEmpty) return { name: null, dir: null };

      const dir = await writeMigration({
        migrationsDir,
        folderName,
        script: empty ? EMPTY_MIGRATION : script,
        extension: draft.extension,
        connectorType: draft.connectorType,
      });
      try {
        list = await readMigrationsList(migrationsDir);
        const { appliedMigrationNames } = await call((engine) =>
          engine.applyMigrations({ migrationsList: list, filters: NO_FILTER }),
        );
        if (appliedMigrationNames.join() !== folderName) {
          throw new Error(`Expected to apply only ${folderName}, applied [${appliedMigrationNames.join(', ')}]`);
        }
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw new Error(
          `The new ${provider} migration does not apply cleanly, so it was not kept: ${errorMessage(error)}`,
          { cause: error },
        );
      }
      return { name: folderName, dir };
    });
  } finally {
    await target.drop();
  }
}

/** `20250101120000_add_reviews`: UTC timestamp as Prisma writes it, then the slug of the name. */
export function migrationFolderName(name: string, now = new Date()): string {
  const slug = slugify(name);
  if (!slug) throw new Error(`"${name}" is not a usable migration name: use letters, digits and spaces`);
  const pad = (n: number) => String(n).padStart(2, '0');
  const timestamp =
    `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
    `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `${timestamp}_${slug}`;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}

function isEmptyScript(script: string): boolean {
  return script
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}

// ---------------------------------------------------------------------------------------------------------
// migrations folder, exactly as Prisma's CLI reads and writes it

/** The migrations folder as the engine expects it (same reading as Prisma's CLI). */
export async function readMigrationsList(baseDir: string, shadowDbInitScript = ''): Promise<MigrationList> {
  const lockPath = 'migration_lock.toml';
  const lockContent = await readFile(path.join(baseDir, lockPath), 'utf8').catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => {
        const filePath = 'migration.sql';
        const content = await readFile(path.join(baseDir, entry.name, filePath), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((error: unknown) => ({ tag: 'error' as const, value: errorMessage(error) }));
        return { path: entry.name, migrationFile: { path: filePath, content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: lockPath, content: lockContent },
    migrationDirectories,
    shadowDbInitScript,
  };
}

async function writeMigration(args: {
  migrationsDir: string;
  folderName: string;
  script: string;
  extension: string;
  connectorType: string;
}): Promise<string> {
  const dir = path.join(args.migrationsDir, args.folderName);
  if (existsSync(dir)) throw new Error(`The migration folder already exists: ${dir}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `migration.${args.extension}`), args.script, 'utf8');
  // Same text as Prisma's CLI writes, so that `prisma migrate dev` leaves the file untouched.
  await writeFile(
    path.join(args.migrationsDir, 'migration_lock.toml'),
    '# Please do not edit this file manually\n' +
      '# It should be added in your version-control system (e.g., Git)\n' +
      `provider = "${args.connectorType}"\n`,
    'utf8',
  );
  return dir;
}

// ---------------------------------------------------------------------------------------------------------
// connections

function factoryFor(url: string): ManagedAdapterFactory {
  return providerOfUrl(url) === 'sqlite'
    ? sqliteAdapterFactory({ file: sqliteFileOf(url) })
    : postgresAdapterFactory({ url });
}

async function withEngine<T>(
  factory: ManagedAdapterFactory,
  schemaFiles: SchemaFile[] | undefined,
  run: (engine: OpenedEngine) => Promise<T>,
): Promise<T> {
  let opened: OpenedEngine | undefined;
  try {
    opened = await openEngine(factory, schemaFiles);
    return await run(opened);
  } finally {
    opened?.free();
    await factory.disposeAll();
  }
}

interface TemporaryDatabase {
  factory: ManagedAdapterFactory;
  drop(): Promise<void>;
}

async function temporaryDatabase(provider: Provider, postgresServerUrl?: string): Promise<TemporaryDatabase> {
  if (provider === 'sqlite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-migrate-'));
    return {
      factory: sqliteAdapterFactory({ file: path.join(dir, 'scratch.db') }),
      drop: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = postgresServerUrl ?? process.env.POSTGRES_SHADOW_URL;
  if (!serverUrl) {
    throw new Error(
      'Creating a PostgreSQL migration needs a PostgreSQL server to replay the migrations on: set ' +
        'POSTGRES_SHADOW_URL (a user with CREATEDB) or use `npm run db:migrate:create`, which starts a throwaway one.',
    );
  }
  const name = `workbench_migrate_${randomUUID().replaceAll('-', '')}`;
  await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    factory: postgresAdapterFactory({ url: withDatabase(serverUrl, name), shadowServerUrl: serverUrl }),
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}"`),
  };
}

async function runOnServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(sql);
  } catch (error) {
    throw new Error(`${sql} failed on ${redact(url)}: ${errorMessage(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function postgresDatabaseExists(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    // 3D000: invalid_catalog_name, the database does not exist.
    if ((error as { code?: unknown }).code === '3D000') return false;
    throw new Error(`Cannot connect to ${redact(url)}: ${errorMessage(error)}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `prisma migrate deploy` creates a missing database; so do we (through the server's `postgres` database). */
async function ensurePostgresDatabase(url: string): Promise<void> {
  if (await postgresDatabaseExists(url)) return;
  const database = decodeURIComponent(new URL(url).pathname.slice(1));
  await runOnServer(withDatabase(url, 'postgres'), `CREATE DATABASE "${database.replaceAll('"', '""')}"`);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// Prisma Migrate for this project, offline (see docs/decisions/0001-offline-prisma-migrations.md).
//   tsx prisma/tools/migrate.ts create <name>   new migration for SQLite and PostgreSQL, same folder name
//   tsx prisma/tools/migrate.ts deploy          apply pending migrations to DATABASE_URL
//   tsx prisma/tools/migrate.ts status          pending/applied migrations of DATABASE_URL; exit 1 if any pending
//   tsx prisma/tools/migrate.ts resolve --rolled-back|--applied <name>   like `prisma migrate resolve`
// DATABASE_URL defaults to file:./data/workbench.db; a relative SQLite path is relative to the repository root.
// `create` replays the PostgreSQL history on POSTGRES_SHADOW_URL (a server whose user may create databases;
// temporary databases are created and dropped there) or, when unset, on a throwaway local cluster.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { redact } from './adapters.js';
import { writeDerivedSchema } from './derive-postgres.js';
import { generateClients } from './generate.js';
import { MIGRATIONS_DIRS, REPO_ROOT, providerOfUrl, sqliteFileOf } from './paths.js';
import {
  createMigration,
  deployMigrations,
  migrationFolderName,
  migrationStatus,
  resolveMigration,
  type CreateMigrationResult,
} from './schema-engine.js';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

export const DEFAULT_DATABASE_URL = 'file:./data/workbench.db';

const USAGE = `Usage:
  npm run db:migrate:create -- <name>   create a migration for both providers (from prisma/schema.prisma)
  npm run db:migrate                    apply pending migrations to DATABASE_URL
  npm run db:status                     show pending migrations of DATABASE_URL (exit 1 if any)
  tsx prisma/tools/migrate.ts resolve --rolled-back <name> | --applied <name>
                                        record the outcome of a failed migration (prisma migrate resolve)

DATABASE_URL: file:<path> (SQLite, relative to the repository root) or postgresql://...
              default ${DEFAULT_DATABASE_URL}
POSTGRES_SHADOW_URL (create): PostgreSQL server for temporary databases; default: a throwaway local cluster.`;

/** DATABASE_URL with a relative SQLite path made absolute against the repository root. */
export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (providerOfUrl(url) !== 'sqlite') return url;
  const file = sqliteFileOf(url, REPO_ROOT);
  return file === ':memory:' ? url : `file:${file}`;
}

function describeUrl(url: string): string {
  if (providerOfUrl(url) !== 'sqlite') return redact(url);
  const file = sqliteFileOf(url);
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function deploy(): Promise<number> {
  const url = databaseUrlFromEnv();
  const started = performance.now();
  const { applied } = await deployMigrations({ url });
  const ms = Math.round(performance.now() - started);
  if (applied.length === 0) console.log(`${describeUrl(url)}: no pending migrations (${ms} ms).`);
  else console.log(`${describeUrl(url)}: applied ${applied.join(', ')} (${ms} ms).`);
  return 0;
}

async function status(): Promise<number> {
  const url = databaseUrlFromEnv();
  const result = await migrationStatus({ url });
  const dir = path.relative(REPO_ROOT, MIGRATIONS_DIRS[providerOfUrl(url)]);
  console.log(`${describeUrl(url)} (${dir}): ${result.applied.length} applied, ${result.pending.length} pending.`);
  for (const name of result.pending) {
    const failed = result.failed.includes(name) ? ' (FAILED: fix the cause, then `resolve` it, see --help)' : '';
    console.log(`  pending: ${name}${failed}`);
  }
  for (const name of result.unknown) console.log(`  in the database but not in ${dir}: ${name}`);
  if (result.pending.length > 0) {
    console.log('Run `npm run db:migrate` to apply them.');
    return 1;
  }
  return 0;
}

async function checkPostgresServer(url: string): Promise<void> {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new Error('POSTGRES_SHADOW_URL must be a postgresql:// URL (or unset, for a throwaway local server)');
  }
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to POSTGRES_SHADOW_URL (${redact(url)}): ${String((error as Error).message)}`, {
      cause: error,
    });
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function create(name: string): Promise<number> {
  if (!name.trim()) {
    console.error(`A migration needs a name.\n\n${USAGE}`);
    return 2;
  }
  const folderName = migrationFolderName(name);
  if (await writeDerivedSchema()) console.log('Updated prisma/postgres/schema.prisma from prisma/schema.prisma.');

  // PostgreSQL first, so that a missing PostgreSQL fails before anything is written.
  let throwaway: ThrowawayPostgres | undefined;
  let postgresServerUrl = process.env.POSTGRES_SHADOW_URL?.trim() || undefined;
  const created: CreateMigrationResult[] = [];
  try {
    if (postgresServerUrl) {
      await checkPostgresServer(postgresServerUrl);
    } else {
      console.log('Starting a throwaway PostgreSQL to replay the PostgreSQL migrations on...');
      throwaway = await startThrowawayPostgres();
      postgresServerUrl = throwaway.url;
    }
    const sqlite = await createMigration({ provider: 'sqlite', name, folderName });
    created.push(sqlite);
    const postgres = await createMigration({
      provider: 'postgresql',
      name,
      folderName,
      postgresServerUrl,
      // Both providers always get the same migration names (a test checks it).
      allowEmpty: sqlite.name !== null,
    });
    created.push(postgres);
    if (sqlite.name === null && postgres.name !== null) {
      created.push(await createMigration({ provider: 'sqlite', name, folderName, allowEmpty: true }));
    }
  } catch (error) {
    for (const { dir } of created) if (dir) await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await throwaway?.stop();
  }

  const dirs = created.flatMap(({ dir }) => (dir ? [path.relative(REPO_ROOT, dir)] : []));
  if (dirs.length === 0) {
    console.log('The schema has no changes since the last migration: nothing created.');
    return 0;
  }
  console.log(`Created:\n${dirs.map((dir) => `  ${dir}/migration.sql`).join('\n')}`);
  console.log('Review both, then regenerating the clients...');
  await generateClients();
  return 0;
}

async function resolve(args: string[]): Promise<number> {
  const [flag, name] = args;
  if ((flag !== '--rolled-back' && flag !== '--applied') || !name) {
    console.error(`Usage: tsx prisma/tools/migrate.ts resolve --rolled-back <name> | --applied <name>`);
    return 2;
  }
  const url = databaseUrlFromEnv();
  await resolveMigration(flag === '--applied' ? { url, applied: name } : { url, rolledBack: name });
  console.log(`${describeUrl(url)}: marked ${name} ${flag === '--applied' ? 'applied' : 'rolled back'}.`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'create':
      return create(rest.filter((arg) => !arg.startsWith('--')).join(' '));
    case 'deploy':
      return deploy();
    case 'status':
      return status();
    case 'resolve':
      return resolve(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}

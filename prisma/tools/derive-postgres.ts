// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (SQLite, the source of truth). A datasource's
// provider cannot come from env, so PostgreSQL needs its own schema file; generating it keeps one data model.
//   tsx prisma/tools/derive-postgres.ts          writes the file
//   tsx prisma/tools/derive-postgres.ts --check  exits 1 when the committed file differs
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSTGRES_SCHEMA_PATH, REPO_ROOT, SQLITE_SCHEMA_PATH } from './paths.js';

const SQLITE_OUTPUT = '../server/src/generated/sqlite';
const POSTGRES_OUTPUT = '../../server/src/generated/postgres';

export const DERIVE_COMMAND = 'npm run db:derive';

const HEADER =
  '// generated, do not edit: derived from prisma/schema.prisma by prisma/tools/derive-postgres.ts.\n' +
  `// Change prisma/schema.prisma, then run \`${DERIVE_COMMAND}\` and \`npm run db:migrate:create -- <name>\`.\n`;

/**
 * The PostgreSQL schema for a SQLite schema: provider postgresql, client generated to
 * server/src/generated/postgres, the source's opening comment replaced by a "generated" header. Models are
 * copied unchanged. Throws when the source does not have the expected generator and datasource blocks, rather
 * than guessing.
 */
export function derivePostgresSchema(sqliteSchemaText: string): string {
  const text = sqliteSchemaText.replace(/\r\n/g, '\n');
  let body = stripLeadingComment(text);

  body = replaceInBlock(body, /^datasource\s+\w+\s*\{/m, /^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"', () =>
    'expected a datasource block with provider = "sqlite"',
  );
  body = replaceInBlock(
    body,
    /^generator\s+client\s*\{/m,
    new RegExp(`^(\\s*output\\s*=\\s*)"${escapeRegExp(SQLITE_OUTPUT)}"`, 'm'),
    `$1"${POSTGRES_OUTPUT}"`,
    () => `expected a generator client block with output = "${SQLITE_OUTPUT}"`,
  );
  if (/^\s*url\s*=/m.test(blockOf(body, /^datasource\s+\w+\s*\{/m) ?? '')) {
    throw new Error('prisma/schema.prisma: the datasource must not set url (the URL comes from DATABASE_URL at run time)');
  }
  return `${HEADER}\n${body.replace(/^\n+/, '')}`;
}

/** Drops the `//` comment lines at the very top (they describe the source file), keeping `///` doc comments. */
function stripLeadingComment(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && /^\/\/(?!\/)/.test(lines[i] ?? '')) i++;
  return lines.slice(i).join('\n');
}

function blockOf(text: string, opener: RegExp): string | undefined {
  const match = opener.exec(text);
  if (!match) return undefined;
  const end = text.indexOf('\n}', match.index);
  return end === -1 ? undefined : text.slice(match.index, end + 2);
}

function replaceInBlock(
  text: string,
  opener: RegExp,
  pattern: RegExp,
  replacement: string,
  problem: () => string,
): string {
  const block = blockOf(text, opener);
  if (block === undefined || !pattern.test(block)) throw new Error(`prisma/schema.prisma: ${problem()}`);
  return text.replace(block, block.replace(pattern, replacement));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export async function readDerivedSchema(): Promise<{ expected: string; committed: string | null }> {
  const expected = derivePostgresSchema(await readFile(SQLITE_SCHEMA_PATH, 'utf8'));
  const committed = await readFile(POSTGRES_SCHEMA_PATH, 'utf8').catch(() => null);
  return { expected, committed };
}

/** Writes prisma/postgres/schema.prisma; returns whether it changed. */
export async function writeDerivedSchema(): Promise<boolean> {
  const { expected, committed } = await readDerivedSchema();
  if (committed === expected) return false;
  await mkdir(path.dirname(POSTGRES_SCHEMA_PATH), { recursive: true });
  await writeFile(POSTGRES_SCHEMA_PATH, expected, 'utf8');
  return true;
}

async function main(argv: string[]): Promise<number> {
  const relative = path.relative(REPO_ROOT, POSTGRES_SCHEMA_PATH);
  if (argv.includes('--check')) {
    const { expected, committed } = await readDerivedSchema();
    if (committed === expected) {
      console.log(`${relative} is up to date.`);
      return 0;
    }
    console.error(
      `${relative} ${committed === null ? 'is missing' : 'differs from what prisma/schema.prisma gives'}. ` +
        `Run \`${DERIVE_COMMAND}\` and commit the result (with a migration for both providers if models changed).`,
    );
    return 1;
  }
  const changed = await writeDerivedSchema();
  console.log(changed ? `Wrote ${relative}.` : `${relative} is up to date.`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

// Where the schemas and migrations live, and how a DATABASE_URL maps to a provider.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type Provider = 'sqlite' | 'postgresql';

/** The nearest folder above this module with a package.json: the repository, from prisma/tools or dist/prisma/tools (the server's ROOT_DIR too). */
export const REPO_ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export const SQLITE_SCHEMA_PATH = path.join(REPO_ROOT, 'prisma', 'schema.prisma');
export const POSTGRES_SCHEMA_PATH = path.join(REPO_ROOT, 'prisma', 'postgres', 'schema.prisma');

export const SCHEMA_PATHS: Record<Provider, string> = {
  sqlite: SQLITE_SCHEMA_PATH,
  postgresql: POSTGRES_SCHEMA_PATH,
};

export const MIGRATIONS_DIRS: Record<Provider, string> = {
  sqlite: path.join(REPO_ROOT, 'prisma', 'migrations'),
  postgresql: path.join(REPO_ROOT, 'prisma', 'postgres', 'migrations'),
};

export function providerOfUrl(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:') || !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return 'sqlite';
  throw new Error(
    `Unsupported database URL "${url.split(':')[0]}:...": use file:<path> (SQLite) or postgresql://... (PostgreSQL)`,
  );
}

/**
 * The SQLite file a URL points at. Relative paths resolve against `baseDir` (default: the working directory,
 * which is what better-sqlite3 does with the same URL in the app).
 */
export function sqliteFileOf(url: string, baseDir = process.cwd()): string {
  const file = url.replace(/^file:/, '').replace(/\?.*$/, '');
  if (file === '' ) throw new Error('The SQLite database URL has no path (expected e.g. file:./data/workbench.db)');
  if (file === ':memory:') return file;
  return path.resolve(baseDir, file);
}

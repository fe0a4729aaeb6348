// A throwaway PostgreSQL cluster in a temp folder: for tests (through test/postgres.ts) and for creating
// PostgreSQL migrations without a server at hand. Trust auth on 127.0.0.1 only, fsync off: never for real data.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:PORT/postgres (superuser, trust auth). */
  url: string;
  /** Stops the server and deletes its folder. Idempotent. */
  stop(): Promise<void>;
}

export const POSTGRES_INSTALL_HINT =
  'PostgreSQL is not installed (initdb and pg_ctl were not found on PATH nor in /usr/lib/postgresql/*/bin). ' +
  'Install it with `apt-get install postgresql` (Debian/Ubuntu), or point the tests at a server of your own.';

interface PostgresBinaries {
  initdb: string;
  pgCtl: string;
}

export function findPostgresBinaries(): PostgresBinaries | undefined {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  for (const dir of dirs) {
    const initdb = path.join(dir, 'initdb');
    const pgCtl = path.join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return undefined;
}

/** PostgreSQL refuses to run as root; as root we hand the folder to the `postgres` user and run as it. */
interface RunAs {
  command(bin: string, args: string[]): [string, string[]];
  prepare(dir: string): Promise<void>;
}

async function runAs(): Promise<RunAs> {
  if (process.getuid?.() !== 0) {
    return { command: (bin, args) => [bin, args], prepare: async () => undefined };
  }
  let uid: number;
  let gid: number;
  try {
    uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  } catch {
    throw new Error(
      'Running as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as ' +
        '(`apt-get install postgresql` creates one).',
    );
  }
  return {
    command: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]],
    prepare: (dir) => chown(dir, uid, gid),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; about 1-2 s. Call stop() when done (it is also stopped when the process exits). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bins = findPostgresBinaries();
  if (!bins) throw new Error(POSTGRES_INSTALL_HINT);
  const as = await runAs();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'workbench-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const exec = async (bin: string, args: string[]) => {
    const [command, fullArgs] = as.command(bin, args);
    return run(command, fullArgs, { cwd: dir });
  };

  let started = false;
  const stopSync = () => {
    if (!started) return;
    started = false;
    try {
      const [command, args] = as.command(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop']);
      execFileSync(command, args, { stdio: 'ignore', cwd: dir });
    } catch {
      // Already stopped.
    }
  };
  process.once('exit', stopSync);

  const cleanUp = async () => {
    process.removeListener('exit', stopSync);
    if (started) {
      started = false;
      await exec(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await as.prepare(dir);
    await exec(bins.initdb, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '-N']);
    let lastError: unknown;
    for (let attempt = 0; attempt < 3 && !started; attempt++) {
      const port = await freePort();
      const options = [
        `-p ${port}`,
        '-c listen_addresses=127.0.0.1',
        `-k ${dir}`,
        // Throwaway data: durability off makes migrations and tests much faster.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
      ].join(' ');
      try {
        await exec(bins.pgCtl, ['-D', dataDir, '-l', logFile, '-w', '-t', '30', '-o', options, 'start']);
        started = true;
        const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
        await waitUntilReady(url);
        return { url, stop: cleanUp };
      } catch (error) {
        lastError = error;
        // Another process may have taken the port between freePort() and start: try another one.
        await exec(bins.pgCtl, ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
        started = false;
      }
    }
    const log = await readFile(logFile, 'utf8').catch(() => '');
    throw new Error(`PostgreSQL did not start: ${describe(lastError)}\n${log.slice(-2000)}`);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/** Creates an empty database next to `adminUrl`'s and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`Database name "${name}" must be lower-case letters, digits and _ (at most 63)`);
  }
  const client = new pg.Client({ connectionString: adminUrl });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const stderr = (error as Error & { stderr?: unknown }).stderr;
    return typeof stderr === 'string' && stderr.trim() ? stderr.trim() : error.message;
  }
  return String(error);
}

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseUrl: string;
  /** everything the server printed, for failure messages */
  output: () => string;
  /** the SQLite database file the server uses */
  databaseFile: string;
  /** Sends SIGTERM and waits for the exit (SIGKILL after `timeoutMs`); resolves to the exit code. */
  terminate: (timeoutMs?: number) => Promise<number | null>;
  /** The server process, as it names itself in the jobs it holds (workerId: host-pid-…). */
  pid: number;
  /** SIGKILL, as when the machine under an instance dies: nothing is finished or handed back. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the real server (built, by server/scripts/start.sh as `npm start` does) on a free port with a fresh SQLite
 * database and the demo organisation, and waits until GET /api/ready answers 200. `env` adds or overrides
 * settings (for example a model provider pointing at the fake one).
 */
export async function startServer({
  timeoutMs = 60_000,
  env = {},
  web = true,
  port: fixedPort,
}: {
  timeoutMs?: number;
  /** A port of the caller's choosing (an instance restarted behind a proxy comes back where it was). */
  port?: number;
  /** Settings; a function receives the server's own address first (e.g. for PUBLIC_URL). */
  env?: Record<string, string> | ((baseUrl: string) => Record<string, string>);
  /** false for tests of the API alone, which may run before the web app is built */
  web?: boolean;
} = {}): Promise<RunningServer> {
  if (web && !fs.existsSync(path.join(rootDir, 'dist/web/index.html'))) {
    throw new Error('dist/web/index.html is missing: the e2e global setup should have built the web app.');
  }
  const port = fixedPort ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const extraEnv = typeof env === 'function' ? env(baseUrl) : env;
  const databaseFile = path.join(dataDir, 'e2e.db');
  let log = '';
  // Built, started by the script `npm start` uses: what people run (the global setup built it).
  const child = spawn('sh', ['server/scripts/start.sh'], {
    cwd: rootDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${databaseFile}`,
      DEMO_SEED: 'true',
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (b: Buffer) => (log += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (log += b.toString()));

  const terminate = async (waitMs = 10_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const done = await Promise.race([exited(child).then(() => true), sleep(waitMs).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited(child);
      }
    }
    return child.exitCode;
  };
  const stop = async () => {
    await terminate();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server was not ready within ${timeoutMs / 1000} s:\n${log}`);
    }
    await sleep(250);
  }
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };
  return { baseUrl, output: () => log, databaseFile, terminate, kill, stop, pid: child.pid! };
}

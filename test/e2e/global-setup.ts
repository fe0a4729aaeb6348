import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../build-server.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The server serves dist/web; build it (and the server itself) from the current sources before any browser test, so a test never runs
 * against a stale bundle (a build takes about a second). It runs as its own process with NODE_ENV=production:
 * inside Vitest NODE_ENV is "test", which would give React's development build instead of what people get.
 */
export default function setup(): void {
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: rootDir, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`Building the web app failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  // The browser tests run the server as `npm start` does: built to dist/ (test/e2e/server.ts).
  buildServer();
}

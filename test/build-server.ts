import { spawnSync } from 'node:child_process';
import path from 'node:path';

const rootDir = path.resolve(import.meta.dirname, '..');

/**
 * Builds the server to dist/ from the current sources (`npm run build:server`, about 5 s), so that the tests that
 * start it as `npm start` does (test/e2e/server.ts) never run a stale or missing build.
 */
export function buildServer(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: rootDir, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`Building the server failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

/**
 * `npm test`: every check and every test suite, in order, stopping at the first failure.
 * Prerequisites are checked first; a missing one stops the run with the Debian package to install (never a
 * silent skip). Ends with one line "tests: N passed, N failed" summed over the Vitest runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBinaries, POSTGRES_INSTALL_HINT } from '../prisma/tools/throwaway-postgres.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const problems: string[] = [];
if (!fs.existsSync(chromium)) {
  problems.push(`Chromium was not found at ${chromium}. Install Debian's package: apt-get install chromium (or set CHROMIUM_PATH).`);
}
if (!findPostgresBinaries()) problems.push(POSTGRES_INSTALL_HINT);
const nginx = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
if (!fs.existsSync(nginx)) problems.push(`nginx was not found at ${nginx}. Install Debian's package: apt-get install nginx (or set NGINX_PATH).`);
if (problems.length) {
  process.stderr.write(`Cannot run every test:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(2);
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-reports-'));
let passed = 0;
let failed = 0;

function run(title: string, cmd: string, args: string[], env: Record<string, string> = {}, report?: string): void {
  process.stdout.write(`\n=== ${title} ===\n`);
  const started = Date.now();
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (report) {
    const file = path.join(reports, report);
    if (fs.existsSync(file)) {
      const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
      passed += r.numPassedTests;
      failed += r.numFailedTests;
    }
  }
  process.stdout.write(`--- ${title}: ${res.status === 0 ? 'ok' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  if (res.status !== 0) {
    if (!report || failed === 0) failed += 1;
    finish();
  }
}

function vitest(title: string, report: string, args: string[], env: Record<string, string> = {}): void {
  run(title, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reports, report)}`, ...args], env, report);
}

function finish(): never {
  fs.rmSync(reports, { recursive: true, force: true });
  process.stdout.write(`\ntests: ${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}

run('Type check (server)', 'npx', ['tsc', '-p', '.']);
run('Type check (web)', 'npx', ['tsc', '-p', 'web']);
run('Lint', 'npx', ['eslint', '.']);
vitest('Unit and API tests on SQLite', 'sqlite.json', []);
vitest('API tests on PostgreSQL', 'postgres.json', ['api.test', 'schema-engine'], { TEST_DATABASE: 'postgres' });
// The browser tests' global setup builds the web app (as production) and starts the real server.
vitest('Browser tests (Chromium)', 'e2e.json', ['--config', 'vitest.e2e.config.ts']);
finish();

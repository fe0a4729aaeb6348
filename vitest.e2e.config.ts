import { defineConfig } from 'vitest/config';

// Browser tests: the real server (child process) and Debian's Chromium via playwright-core.
// One file at a time: each file starts its own server on a free port with a fresh database.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});

import { defineConfig } from 'vitest/config';

// Unit and API tests. The browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'prisma/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.tsx'],
    exclude: ['**/node_modules/**', 'test/e2e/**'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

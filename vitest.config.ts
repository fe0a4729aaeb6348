import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Unit and API tests. The browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  // The web's import aliases (same as web/vite.config.ts), so web/**/*.test.tsx resolve like the build does.
  resolve: {
    alias: {
      '@contracts': path.resolve(import.meta.dirname, 'server/src/contracts'),
      '@dkfds': path.resolve(import.meta.dirname, 'node_modules/dkfds/dist'),
    },
  },
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

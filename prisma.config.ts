import { defineConfig } from 'prisma/config';

// Prisma's CLI reads this file. The app itself chooses its driver adapter from DATABASE_URL at run time
// (server/src/lib/db.ts); migrations are applied by prisma/tools/migrate.ts, which works offline.
export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? 'prisma/schema.prisma',
});

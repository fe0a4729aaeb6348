import { defineConfig } from 'prisma/config';

// Prisma's CLI reads this file. The app itself chooses its driver adapter from DATABASE_URL at run time
// (server/src/lib/db.ts); migrations are applied by prisma/tools/migrate.ts, which works offline. The
// datasource URL is here only so that the native `prisma migrate deploy|status` also work where available
// (with PRISMA_SCHEMA=prisma/postgres/schema.prisma for a PostgreSQL DATABASE_URL).
export default defineConfig({
  schema: process.env.PRISMA_SCHEMA ?? 'prisma/schema.prisma',
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/workbench.db' },
});

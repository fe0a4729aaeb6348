/**
 * Two instances started at the same moment on one empty PostgreSQL database, as an operator's rolling start or a
 * container platform does: both migrate and both would seed the demo organisation. The real server in two
 * processes (`node --import tsx server/src/main.ts`) on a throwaway PostgreSQL.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../server/src/lib/db.js';
import { verifyAuditChain } from '../server/src/modules/audit/audit.service.js';
import { startServer, type RunningServer } from './e2e/server.js';
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

let server: ThrowawayPostgres;
const running: RunningServer[] = [];

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await server?.stop();
});

describe('instances that start together', () => {
  it('on an empty database, both come up; the schema is migrated once, the demo organisation seeded once, and the audit chain holds', async () => {
    const url = await createDatabase(server.url, 'two_at_once');
    const env = { DATABASE_URL: url, LOG_LEVEL: 'info' };
    const started = await Promise.allSettled([startServer({ web: false, env }), startServer({ web: false, env })]);
    for (const s of started) if (s.status === 'fulfilled') running.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 2000) : 'ok'))).toEqual(['ok', 'ok']);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const units = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "OrgUnit" WHERE "code" = 'DEMO'`);
      expect(Number(units.rows[0]!.n)).toBe(1);
      const seeded = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE "action" = 'demo.seeded'`);
      expect(Number(seeded.rows[0]!.n)).toBe(1);
      const migrations = await client.query<{ name: string; n: string }>(
        `SELECT "migration_name" AS name, count(*) AS n FROM "_prisma_migrations" GROUP BY "migration_name" HAVING count(*) > 1`,
      );
      expect(migrations.rows).toEqual([]);
    } finally {
      await client.end();
    }
    const db = await createDb(url);
    try {
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await db.$disconnect();
    }
    // Both serve.
    for (const r of running) expect((await fetch(`${r.baseUrl}/api/ready`)).status).toBe(200);
    const logs = running.map((r) => r.output());
    expect(logs.filter((log) => log.includes('demo organisation created'))).toHaveLength(1);
  }, 120_000);
});

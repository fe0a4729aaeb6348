import { Router } from 'express';
import { HealthResponse, ReadyResponse } from '../../contracts/health.js';
import type { Deps } from '../../deps.js';
import { databaseFailureOf } from '../../lib/db-errors.js';
import { databaseHealth } from '../../lib/db-health.js';
import { probeWritable } from '../../lib/db.js';
import { expectedMigrations, pendingMigrations } from '../../lib/migrations.js';
import { jobQueueSummary } from '../jobs/jobs.service.js';

export function healthRoutes(deps: Deps): Router {
  const r = Router();
  const expected = expectedMigrations(deps.provider);
  let migrationsOk = false;
  // The database's health is fed by every query the driver runs; its cause is logged here, once per episode.
  const health = databaseHealth(deps.db);
  health.useLogger(deps.logger);

  /** Liveness: the process answers. Says nothing about the database on purpose. */
  r.get('/health', (_req, res) => {
    res.json(HealthResponse.parse({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
  });

  /**
   * Readiness: the database answers, can be written (a cheap probe: room to grow and one small committed write
   * on SQLite, read-only mode on PostgreSQL), has not just failed a request for a database reason, and every
   * migration this code expects is applied.
   */
  r.get('/ready', async (_req, res) => {
    let database: ReadyResponse['checks']['database'] = 'ok';
    try {
      await deps.db.$queryRawUnsafe('SELECT 1');
      health.probed(await probeWritable(deps.db, deps.provider));
      database = health.current?.failure ?? 'ok';
    } catch (err) {
      database = databaseFailureOf(err)?.failure ?? 'unreachable';
    }
    let pending: string[] = [];
    if (database === 'ok' && !migrationsOk) {
      pending = await pendingMigrations(deps.db, expected);
      // Once applied, migrations stay applied for this process; stop asking.
      migrationsOk = pending.length === 0;
    }
    const ready = database === 'ok' && pending.length === 0;
    // The queue is reported, not judged: a long queue is the operator's to read, not a reason to take the
    // instance out of the load balancer.
    const queue = ready ? await jobQueueSummary(deps).catch(() => undefined) : undefined;
    const body = ReadyResponse.parse({
      status: ready ? 'ready' : 'not_ready',
      checks: { database, migrations: database !== 'ok' ? 'unknown' : pending.length ? 'pending' : 'ok' },
      ...(pending.length ? { pendingMigrations: pending } : {}),
      ...(queue ? { queue } : {}),
    });
    res.status(ready ? 200 : 503).json(body);
  });
  return r;
}

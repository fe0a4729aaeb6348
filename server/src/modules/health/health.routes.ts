import { Router } from 'express';
import { HealthResponse, ReadyResponse } from '../../contracts/health.js';
import type { Deps } from '../../deps.js';
import { expectedMigrations, pendingMigrations } from '../../lib/migrations.js';

export function healthRoutes(deps: Deps): Router {
  const r = Router();
  const expected = expectedMigrations(deps.provider);
  let migrationsOk = false;

  /** Liveness: the process answers. Says nothing about the database on purpose. */
  r.get('/health', (_req, res) => {
    res.json(HealthResponse.parse({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }));
  });

  /** Readiness: the database answers and every migration this code expects is applied. */
  r.get('/ready', async (_req, res) => {
    let database: 'ok' | 'unreachable' = 'ok';
    try {
      await deps.db.$queryRawUnsafe('SELECT 1');
    } catch {
      database = 'unreachable';
    }
    let pending: string[] = [];
    if (database === 'ok' && !migrationsOk) {
      pending = await pendingMigrations(deps.db, expected);
      // Once applied, migrations stay applied for this process; stop asking.
      migrationsOk = pending.length === 0;
    }
    const ready = database === 'ok' && pending.length === 0;
    const body = ReadyResponse.parse({
      status: ready ? 'ready' : 'not_ready',
      checks: { database, migrations: database !== 'ok' ? 'unknown' : pending.length ? 'pending' : 'ok' },
      ...(pending.length ? { pendingMigrations: pending } : {}),
    });
    res.status(ready ? 200 : 503).json(body);
  });
  return r;
}

import { HealthResponse, ReadyResponse } from '../../contracts/health.js';
import { perApp, publicRoute, routes } from '../../api.js';
import { databaseFailureOf } from '../../lib/db-errors.js';
import { databaseHealth } from '../../lib/db-health.js';
import { probeWritable } from '../../lib/db.js';
import { expectedMigrations, pendingMigrations } from '../../lib/migrations.js';
import type { Deps } from '../../deps.js';
import { jobQueueSummary } from '../jobs/jobs.service.js';

/**
 * What readiness keeps for one app: the migrations this code expects, whether they were found applied (once
 * applied they stay applied for this process), and the database's health, fed by every query the driver runs and
 * logged here, once per episode. Made when the app is built, so that no failure before the first probe is missed.
 */
const readinessOf = perApp((deps) => {
  const health = databaseHealth(deps.db);
  health.useLogger(deps.logger);
  return { expected: expectedMigrations(deps.provider), health, migrationsOk: false };
});

/**
 * Readiness: the database answers, can be written (a cheap probe: room to grow and one small committed write
 * on SQLite, read-only mode on PostgreSQL), has not just failed a request for a database reason, and every
 * migration this code expects is applied.
 */
async function readiness(deps: Deps): Promise<ReadyResponse & { ready: boolean }> {
  const state = readinessOf(deps);
  let database: ReadyResponse['checks']['database'] = 'ok';
  try {
    await deps.db.$queryRawUnsafe('SELECT 1');
    state.health.probed(await probeWritable(deps.db, deps.provider));
    database = state.health.current?.failure ?? 'ok';
  } catch (err) {
    database = databaseFailureOf(err)?.failure ?? 'unreachable';
  }
  let pending: string[] = [];
  if (database === 'ok' && !state.migrationsOk) {
    pending = await pendingMigrations(deps.db, state.expected);
    state.migrationsOk = pending.length === 0;
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
  return { ...body, ready };
}

export const healthRoutes = routes(
  '',
  [
//@mount
    publicRoute({
      method: 'GET',
      path: '/health',
      operationId: 'getHealth',
      tag: 'system',
      summary: 'Liveness: the process answers',
      description: 'Says nothing about the database on purpose; use GET /api/ready for that.',
      responses: { 200: { description: 'The process is alive.', schema: HealthResponse } },
      errors: [],
      handle: () => ({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
    }),
    publicRoute({
      method: 'GET',
      path: '/ready',
      operationId: 'getReadiness',
      tag: 'system',
      summary: 'Readiness: the database answers, can be written, and every migration is applied',
      description:
        'For load balancers and deployments: 503 with the same body until the database is reachable, writable and migrated. `checks.database` names what is wrong: unreachable, full, read_only, corrupt, io_error or busy. Writable is probed cheaply (SQLite: room to grow and one small committed write; PostgreSQL: read-only mode), and after a request met a database failure readiness stays 503 until a probe succeeds at least 30 seconds after the last such failure. Such requests answer 503 DATABASE_UNAVAILABLE; the server log names the cause once.',
      responses: {
        200: { description: 'Ready to serve.', schema: ReadyResponse },
        503: { description: 'Not ready: the checks say why (database unreachable or not writable, migrations pending).', schema: ReadyResponse },
      },
      errors: [],
      handle: async ({ deps, res }) => {
        const { ready, ...body } = await readiness(deps);
        res.status(ready ? 200 : 503).json(body);
      },
    }),
  ],
  { setup: (deps) => void readinessOf(deps) },
);

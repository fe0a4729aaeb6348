import http, { type Server } from 'node:http';
import { buildDeps, createApp } from './app.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createDb } from './lib/db.js';
import { startIntegrityCheck } from './lib/db-health.js';
import { answerServerRefusals, HTTP_SERVER_OPTIONS } from './lib/http.js';
import { createLogger } from './lib/logger.js';
import { runOnceInWorker, siblingModule } from './lib/runtime.js';
import { withStartupLock } from './lib/startup-lock.js';
import { purgeExpiredSessions } from './modules/auth/auth.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo.constants.js';
import { demoPasswordRefusal, seedDemoOrganisation } from './modules/demo/demo.service.js';
import { startJobWorker } from './modules/jobs/jobs.service.js';
import { loadPolicies, PolicyLoadError } from './modules/policies/policies.loader.js';
import { startServingPolicyVersions } from './modules/policies/policy-versions.service.js';
import { startRetentionScheduler } from './modules/retention/retention.service.js';
import { runsInProgress } from './modules/runs/runs.service.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);

  // Validate the policies before touching the database: the server never starts half-configured.
  let policies;
  try {
    policies = loadPolicies(config.policiesDir);
  } catch (err) {
    if (err instanceof PolicyLoadError) {
      process.stderr.write(`${err.message}
Fix the policy file and start again. The server has not started.\n`);
      process.exit(78);
    }
    throw err;
  }
  logger.info({ policies: [...policies.keys()] }, 'policies loaded');

  // A damaged SQLite file is refused before migrations, the demo seed or a sign-in touch it (lib/db-health.ts).
  const integrity = startIntegrityCheck(config.databaseUrl);
  if (!integrity.ok) {
    process.stderr.write(`${integrity.message}\nThe server has not started.\n`);
    process.exit(78);
  }

  // Migrations and the demo seed run one instance at a time on a shared PostgreSQL (lib/startup-lock.ts).
  const { db, deps } = await withStartupLock(
    config.databaseUrl,
    () => logger.info('waiting for another instance to finish migrating and seeding'),
    async () => {
      if (config.autoMigrate) {
        // In a thread of its own, so that the schema engine (WebAssembly, about 30 MB) goes when it is done.
        const engine = siblingModule(import.meta.url, '../../prisma/tools/schema-engine');
        const { applied } = await runOnceInWorker<{ applied: string[] }>(engine, 'deployMigrations', [{ url: config.databaseUrl }]);
        if (applied.length) logger.info({ applied }, 'migrations applied');
      }

      const db = await createDb(config.databaseUrl);
      const deps = buildDeps(config, db, logger, { policies });
      // Which provider, never its key or address: the configuration holds secrets.
      logger.info({ provider: deps.providers.configured.kind, model: deps.providers.configured.model }, 'model provider configured');

      // Production never serves an account that signs in with the published demo password (exit 78 like bad config).
      const demoRefusal = await demoPasswordRefusal(deps);
      if (demoRefusal) {
        process.stderr.write(demoRefusal);
        await db.$disconnect();
        process.exit(78);
      }

      if (config.demoSeed) {
        const { created } = await seedDemoOrganisation(deps);
        if (created) logger.info('demo organisation created');
      }
      return { db, deps };
    },
  );

  const app = createApp(deps);
  // Once a shutdown has begun, a request that arrives (on a kept-alive connection) is not started: it gets 503
  // and may be sent again to another instance or after the restart. Requests in flight are counted, so the
  // shutdown can wait for them.
  let stopping = false;
  let inFlight = 0;
  const server: Server = http.createServer(HTTP_SERVER_OPTIONS, (req, res) => {
    if (stopping) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '5' });
      res.end(JSON.stringify({ error: { code: 'SHUTTING_DOWN', message: 'Serveren genstarter lige nu. Prøv igen om et øjeblik.', requestId: 'shutdown' } }));
      return;
    }
    inFlight += 1;
    res.once('close', () => (inFlight -= 1));
    app(req, res);
  });
  // Requests the HTTP parser refuses (headers too large, not HTTP) still get the one error shape.
  answerServerRefusals(server, logger);
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  logger.info({ port }, 'server listening');
  // Background jobs (transcription, indexing, retention) run in this process once it serves requests.
  const worker = startJobWorker(deps);
  // Content past its policy's retention date is erased on a schedule (RETENTION_INTERVAL_MINUTES, 0 = off).
  const retention = startRetentionScheduler(deps, config.retentionIntervalMinutes);
  // Which policy versions this instance serves, for the others on the database (docs/decisions/0016).
  const policyVersions = startServingPolicyVersions(deps);
  if (config.demoSeed) {
    // The console is where a person starting the demo looks; this is the only place sign-ins are printed.
    process.stdout.write(
      [
        '',
        `  Arbejdsbænken kører på http://${shownHost}:${port}`,
        '  Demo-logins (adgangskode for alle: ' + DEMO_PASSWORD + '):',
        `    Medarbejder:       ${DEMO_USERS.EMPLOYEE.email}`,
        `    Leder:             ${DEMO_USERS.LEADER.email}`,
        `    Digital Udvikling: ${DEMO_USERS.DIGITAL_UNIT.email}`,
        '',
      ].join('\n') + '\n',
    );
  }

  const sweeper = setInterval(() => {
    purgeExpiredSessions(deps).catch(() => logger.warn('session sweep failed'));
  }, 15 * 60_000);
  sweeper.unref();

  /**
   * SIGTERM/SIGINT: stop taking new connections and requests, let the requests in flight finish for up to
   * SHUTDOWN_GRACE_MS (a run whose connection is then cut is stored as CANCELLED by the runs pipeline), hand
   * running jobs back to the queue, then exit. Nothing acknowledged is lost, and no job is left RUNNING.
   */
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight }, 'shutting down');
    clearInterval(sweeper);
    policyVersions.stop();
    const force = setTimeout(() => {
      logger.error('forced exit after the grace period');
      process.exit(1);
    }, config.shutdownGraceMs + 15_000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    const drained = new Promise<void>((resolve) => {
      const started = Date.now();
      const check = setInterval(() => {
        if (inFlight === 0 || Date.now() - started >= config.shutdownGraceMs) {
          clearInterval(check);
          resolve();
        }
      }, 50);
    });
    void drained
      .then(async () => {
        if (inFlight > 0) logger.warn({ inFlight }, 'grace period over, closing the remaining connections');
        server.closeAllConnections();
        // Let the runs whose connections were cut store their outcome (CANCELLED) before the database goes.
        for (let i = 0; i < 100 && runsInProgress() > 0; i++) await new Promise((r) => setTimeout(r, 50));
        await Promise.all([
          worker.stop().catch(() => logger.warn('job worker did not stop cleanly')),
          retention.stop().catch(() => logger.warn('retention scheduler did not stop cleanly')),
        ]);
        await db.$disconnect();
      })
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Start failed: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});

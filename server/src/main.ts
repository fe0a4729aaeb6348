import http, { type Server } from 'node:http';
import { buildDeps, createApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config/env.js';
import type { Deps } from './deps.js';
import { createDb, type Db } from './lib/db.js';
import { startIntegrityCheck } from './lib/db-health.js';
import { answerServerRefusals, HTTP_SERVER_OPTIONS } from './lib/http.js';
import { createLogger, type Logger } from './lib/logger.js';
import { runOnceInWorker, siblingModule } from './lib/runtime.js';
import { withStartupLock } from './lib/startup-lock.js';
import { purgeExpiredSessions } from './modules/auth/auth.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo.constants.js';
import { demoPasswordRefusal, seedDemoOrganisation } from './modules/demo/demo.service.js';
import { type JobWorker, startJobWorker } from './modules/jobs/jobs.service.js';
import { loadPolicies, PolicyLoadError } from './modules/policies/policies.loader.js';
import { startServingPolicyVersions } from './modules/policies/policy-versions.service.js';
import { type RetentionScheduler, startRetentionScheduler } from './modules/retention/retention.service.js';
import { runsInProgress } from './modules/runs/runs.service.js';

/** Whether a shutdown has begun, and how many requests are in flight (the shutdown waits for them). */
interface RequestGate {
  stopping: boolean;
  inFlight: number;
}

/** What runs beside the requests once the server listens; the shutdown stops each of them. */
interface BackgroundWork {
  worker: JobWorker;
  retention: RetentionScheduler;
  policyVersions: { stop(): void };
  sweeper: NodeJS.Timeout;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);

  // Validate the policies before touching the database: the server never starts half-configured.
  const policies = loadPoliciesOrExit(config.policiesDir);
  logger.info({ policies: [...policies.keys()] }, 'policies loaded');

  refuseDamagedDatabase(config.databaseUrl);
  const { db, deps } = await prepareDatabase(config, logger, policies);

  const gate: RequestGate = { stopping: false, inFlight: 0 };
  const server = createHttpServer(createApp(deps), gate);
  // Requests the HTTP parser refuses (headers too large, not HTTP) still get the one error shape.
  answerServerRefusals(server, logger);
  const port = await listen(server, config);
  logger.info({ port }, 'server listening');

  const { worker, retention, policyVersions } = startBackgroundWork(deps, config);
  if (config.demoSeed) printDemoSignIns(config.host, port);
  const sweeper = startSessionSweeper(deps, logger);

  const shutdown = createShutdown({ config, logger, server, gate, db, background: { worker, retention, policyVersions, sweeper } });
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** The configuration, or exit 78 with its field errors on stderr. */
function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every setting.\n`);
      process.exit(78);
    }
    throw err;
  }
}

/** The declared policies, or exit 78 saying which file to fix. */
function loadPoliciesOrExit(dir: string): Deps['policies'] {
  try {
    return loadPolicies(dir);
  } catch (err) {
    if (err instanceof PolicyLoadError) {
      process.stderr.write(`${err.message}
Fix the policy file and start again. The server has not started.\n`);
      process.exit(78);
    }
    throw err;
  }
}

/** A damaged SQLite file is refused before migrations, the demo seed or a sign-in touch it (lib/db-health.ts). */
function refuseDamagedDatabase(databaseUrl: string): void {
  const integrity = startIntegrityCheck(databaseUrl);
  if (!integrity.ok) {
    process.stderr.write(`${integrity.message}\nThe server has not started.\n`);
    process.exit(78);
  }
}

/**
 * Migrates (when AUTO_MIGRATE), connects, refuses the published demo password in production and seeds the demo
 * organisation (when DEMO_SEED). One instance at a time on a shared PostgreSQL (lib/startup-lock.ts).
 */
async function prepareDatabase(config: Config, logger: Logger, policies: Deps['policies']): Promise<{ db: Db; deps: Deps }> {
  return withStartupLock(
    config.databaseUrl,
    () => logger.info('waiting for another instance to finish migrating and seeding'),
    async () => {
      if (config.autoMigrate) await applyMigrations(config.databaseUrl, logger);

      const db = await createDb(config.databaseUrl);
      const deps = buildDeps(config, db, logger, { policies });
      // Which provider, never its key or address: the configuration holds secrets.
      logger.info({ provider: deps.providers.configured.kind, model: deps.providers.configured.model }, 'model provider configured');

      await refuseDemoPassword(deps, db);

      if (config.demoSeed) {
        const { created } = await seedDemoOrganisation(deps);
        if (created) logger.info('demo organisation created');
      }
      return { db, deps };
    },
  );
}

/** In a thread of its own, so that the schema engine (WebAssembly, about 30 MB) goes when it is done. */
async function applyMigrations(databaseUrl: string, logger: Logger): Promise<void> {
  const engine = siblingModule(import.meta.url, '../../prisma/tools/schema-engine');
  const { applied } = await runOnceInWorker<{ applied: string[] }>(engine, 'deployMigrations', [{ url: databaseUrl }]);
  if (applied.length) logger.info({ applied }, 'migrations applied');
}

/** Production never serves an account that signs in with the published demo password (exit 78 like bad config). */
async function refuseDemoPassword(deps: Deps, db: Db): Promise<void> {
  const demoRefusal = await demoPasswordRefusal(deps);
  if (demoRefusal) {
    process.stderr.write(demoRefusal);
    await db.$disconnect();
    process.exit(78);
  }
}

/**
 * Once a shutdown has begun, a request that arrives (on a kept-alive connection) is not started: it gets 503
 * and may be sent again to another instance or after the restart. Requests in flight are counted, so the
 * shutdown can wait for them.
 */
function createHttpServer(app: ReturnType<typeof createApp>, gate: RequestGate): Server {
  return http.createServer(HTTP_SERVER_OPTIONS, (req, res) => {
    if (gate.stopping) {
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '5' });
      res.end(JSON.stringify({ error: { code: 'SHUTTING_DOWN', message: 'Serveren genstarter lige nu. Prøv igen om et øjeblik.', requestId: 'shutdown' } }));
      return;
    }
    gate.inFlight += 1;
    res.once('close', () => (gate.inFlight -= 1));
    app(req, res);
  });
}

/** Listens on PORT and HOST; the port it really got (PORT=0 picks a free one). */
async function listen(server: Server, config: Config): Promise<number> {
  server.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : config.port;
}

function startBackgroundWork(deps: Deps, config: Config): Omit<BackgroundWork, 'sweeper'> {
  // Background jobs (transcription, indexing, retention) run in this process once it serves requests.
  const worker = startJobWorker(deps);
  // Content past its policy's retention date is erased on a schedule (RETENTION_INTERVAL_MINUTES, 0 = off).
  const retention = startRetentionScheduler(deps, config.retentionIntervalMinutes);
  // Which policy versions this instance serves, for the others on the database (docs/decisions/0016).
  const policyVersions = startServingPolicyVersions(deps);
  return { worker, retention, policyVersions };
}

/** The console is where a person starting the demo looks; this is the only place sign-ins are printed. */
function printDemoSignIns(host: string, port: number): void {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
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

function startSessionSweeper(deps: Deps, logger: Logger): NodeJS.Timeout {
  const sweeper = setInterval(() => {
    purgeExpiredSessions(deps).catch(() => logger.warn('session sweep failed'));
  }, 15 * 60_000);
  sweeper.unref();
  return sweeper;
}

interface ShutdownParts {
  config: Config;
  logger: Logger;
  server: Server;
  gate: RequestGate;
  db: Db;
  background: BackgroundWork;
}

/**
 * SIGTERM/SIGINT: stop taking new connections and requests, let the requests in flight finish for up to
 * SHUTDOWN_GRACE_MS (a run whose connection is then cut is stored as CANCELLED by the runs pipeline), hand
 * running jobs back to the queue, then exit. Nothing acknowledged is lost, and no job is left RUNNING.
 */
function createShutdown(parts: ShutdownParts): (signal: string) => void {
  const { config, logger, server, gate, background } = parts;
  return (signal) => {
    if (gate.stopping) return;
    gate.stopping = true;
    logger.info({ signal, inFlight: gate.inFlight }, 'shutting down');
    clearInterval(background.sweeper);
    background.policyVersions.stop();
    armForcedExit(logger, config.shutdownGraceMs + 15_000);
    server.close();
    server.closeIdleConnections();
    void waitForRequestsInFlight(gate, config.shutdownGraceMs)
      .then(() => closeRemaining(parts))
      .finally(() => {
        logger.info('stopped');
        process.exit(0);
      });
  };
}

function armForcedExit(logger: Logger, afterMs: number): void {
  const force = setTimeout(() => {
    logger.error('forced exit after the grace period');
    process.exit(1);
  }, afterMs);
  force.unref();
}

/** Resolves when no request is in flight, or when the grace period is over. */
function waitForRequestsInFlight(gate: RequestGate, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (gate.inFlight === 0 || Date.now() - started >= graceMs) {
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
}

/** Cuts the connections still open, lets the cut runs store their outcome, stops the background work and the database. */
async function closeRemaining({ logger, server, gate, db, background }: ShutdownParts): Promise<void> {
  if (gate.inFlight > 0) logger.warn({ inFlight: gate.inFlight }, 'grace period over, closing the remaining connections');
  server.closeAllConnections();
  // Let the runs whose connections were cut store their outcome (CANCELLED) before the database goes.
  for (let i = 0; i < 100 && runsInProgress() > 0; i++) await new Promise((r) => setTimeout(r, 50));
  await Promise.all([
    background.worker.stop().catch(() => logger.warn('job worker did not stop cleanly')),
    background.retention.stop().catch(() => logger.warn('retention scheduler did not stop cleanly')),
  ]);
  await db.$disconnect();
}

main().catch((err: unknown) => {
  process.stderr.write(`Start failed: ${(err as Error)?.message ?? String(err)}\n`);
  process.exit(1);
});

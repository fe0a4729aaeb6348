import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config/env.js';
import type { Deps } from './deps.js';
import { providerOf, type Db } from './lib/db.js';
import {
  apiNotFound,
  errorMiddleware,
  refuseNulInBody,
  refuseNulInUrl,
  requestIdMiddleware,
  requireHostHeader,
  requestLogMiddleware,
} from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { compression, serveWeb } from './lib/serve-web.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { csrfMiddleware, passwordChangeGate, sessionMiddleware } from './modules/auth/auth.middleware.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { LoginLimiter } from './modules/auth/rate-limit.js';
import { databaseFailureBook } from './modules/auth/sign-in-book.js';
import { loadPolicies } from './modules/policies/policies.loader.js';
import { policiesRoutes } from './modules/policies/policies.routes.js';
import { createProviderRegistry } from './modules/providers/providers.registry.js';
import { runsRoutes } from './modules/runs/runs.routes.js';
import { reviewsRoutes } from './modules/reviews/reviews.routes.js';
import { baselineRoutes, experiencesRoutes, reflectionsRoutes } from './modules/experiences/experiences.routes.js';
import { documentsRoutes } from './modules/documents/documents.routes.js';
import { filesRoutes } from './modules/files/files.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { retentionRoutes } from './modules/retention/retention.routes.js';
import { minutesRoutes } from './modules/assistants/minutes/minutes.routes.js';
import { openapiRoutes } from './modules/openapi/openapi.routes.js';
import { boardRoutes, publicRoutes, trialInsightsRoutes } from './modules/insights/insights.routes.js';
import { trialsRoutes } from './modules/trials/trials.routes.js';
import { unitsRoutes, usersRoutes } from './modules/users/users.routes.js';
import { complianceRoutes } from './modules/compliance/compliance.routes.js';

/**
 * Everything services need. Loads the policies (an invalid policy file throws PolicyLoadError here) and builds
 * the model providers from the configuration, once.
 */
export function buildDeps(
  config: Config,
  db: Db,
  logger: Logger,
  opts: { now?: () => Date; policies?: Deps['policies']; providers?: Deps['providers'] } = {},
): Deps {
  const now = opts.now ?? (() => new Date());
  return {
    policies: opts.policies ?? loadPolicies(config.policiesDir),
    providers: opts.providers ?? createProviderRegistry(config.ai),
    db,
    provider: providerOf(config.databaseUrl),
    config,
    logger,
    // In the database, so that every instance on it counts the same failures (sign-in-book.ts).
    loginLimiter: new LoginLimiter(config.login, databaseFailureBook(db, providerOf(config.databaseUrl), now)),
    now,
  };
}

/** Builds the Express app. Never listens: main.ts does that, tests use supertest on the returned app. */
export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  // A hop count or the proxies' addresses, never `true` (config/env.ts): req.ip is what sign-in limits count.
  app.set('trust proxy', deps.config.trustProxy);
  app.set('query parser', 'simple');

  app.use(requestIdMiddleware());
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
          'upgrade-insecure-requests': deps.config.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: deps.config.cookieSecure,
    }),
  );
  app.use(requestLogMiddleware(deps.logger));
  app.use(compression());
  app.use(requireHostHeader);
  app.use(refuseNulInUrl);

  const api = express.Router();
  api.use(express.json({ limit: deps.config.bodyLimit }));
  api.use(refuseNulInBody);
  api.use(cookieParser());
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(healthRoutes(deps));
  api.use(openapiRoutes());
  // The public AI register: no sign-in, so before the session and CSRF checks.
  api.use('/public', publicRoutes(deps));
  api.use(sessionMiddleware(deps));
  api.use(csrfMiddleware(deps));
  api.use(passwordChangeGate());
  api.use('/auth', authRoutes(deps));
  api.use('/users', usersRoutes(deps));
  api.use('/units', unitsRoutes(deps));
  api.use('/audit', auditRoutes(deps));
  api.use('/trials/:trialId/documents', documentsRoutes(deps));
  api.use('/trials/:trialId/reflections', reflectionsRoutes(deps));
  api.use('/trials/:trialId/baseline', baselineRoutes(deps));
  api.use('/trials/:trialId/compliance', complianceRoutes(deps));
  api.use('/trials/:trialId', trialInsightsRoutes(deps));
  api.use('/trials', trialsRoutes(deps));
  api.use('/insights', boardRoutes(deps));
  api.use('/policies', policiesRoutes(deps));
  api.use('/runs', runsRoutes(deps));
  // After the runs routes: these add GET /, /:id/reviews, /:id/final and /:id/experience beside them.
  api.use('/runs', reviewsRoutes(deps));
  api.use('/runs', experiencesRoutes(deps));
  api.use('/files', filesRoutes(deps));
  api.use('/jobs', jobsRoutes(deps));
  api.use('/retention', retentionRoutes(deps));
  api.use('/trials', minutesRoutes(deps));
  api.use(apiNotFound);
  app.use('/api', api);

  serveWeb(app, deps.config.webDist);
  app.use(errorMiddleware(deps.logger));
  return app;
}

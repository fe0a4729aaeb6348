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
import { routerOf } from './api.js';
import { endpointsOf, type EndpointDoc } from './lib/route.js';

/*
 * Every endpoint of the API, in the order Express tries them: each group's routes are defined once (lib/route.ts)
 * and both mounted here and described in the OpenAPI document (API_ENDPOINTS).
 */
/** Before the session: health, this API's description and the public AI register need no sign-in. */
const BEFORE_SESSION = [healthRoutes, openapiRoutes(() => API_ENDPOINTS), publicRoutes];
/** After the session, CSRF and password-change checks. Specific mounts come before the general ones they share a prefix with. */
const AFTER_SESSION = [
  authRoutes,
  usersRoutes,
  unitsRoutes,
  auditRoutes,
  documentsRoutes,
  reflectionsRoutes,
  baselineRoutes,
  complianceRoutes,
  trialInsightsRoutes,
  trialsRoutes,
  boardRoutes,
  policiesRoutes,
  // Three groups share /api/runs: the runs own POST / and GET /:id, reviews and experiences add theirs beside them.
  runsRoutes,
  reviewsRoutes,
  experiencesRoutes,
  filesRoutes,
  jobsRoutes,
  retentionRoutes,
  minutesRoutes,
];

/** What the OpenAPI document describes (GET /api/openapi.json, npm run openapi). */
export const API_ENDPOINTS: readonly EndpointDoc[] = endpointsOf([...BEFORE_SESSION, ...AFTER_SESSION]);

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
  for (const group of BEFORE_SESSION) api.use(group.mount || '/', routerOf(group, deps));
  api.use(sessionMiddleware(deps));
  api.use(csrfMiddleware(deps));
  api.use(passwordChangeGate());
  for (const group of AFTER_SESSION) api.use(group.mount || '/', routerOf(group, deps));
  api.use(apiNotFound);
  app.use('/api', api);

  serveWeb(app, deps.config.webDist);
  app.use(errorMiddleware(deps.logger));
  return app;
}

import type { Config } from './config/env.js';
import type { Db, DbProvider } from './lib/db.js';
import type { Logger } from './lib/logger.js';
import type { LoginLimiter } from './modules/auth/rate-limit.js';
import type { LoadedPolicy } from './modules/policies/policies.loader.js';
import type { ProviderRegistry } from './modules/providers/providers.registry.js';

/** What services need from the outside world, built once in createApp (tests build their own). */
export interface Deps {
  db: Db;
  provider: DbProvider;
  config: Config;
  logger: Logger;
  loginLimiter: LoginLimiter;
  /** The declared data-use policies, loaded and validated once at start. */
  policies: Map<string, LoadedPolicy>;
  /** The model providers: the configured one and the offline engine. Only the runs pipeline calls them. */
  providers: ProviderRegistry;
  now: () => Date;
}

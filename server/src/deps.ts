import type { Config } from './config/env.js';
import type { Db, DbProvider } from './lib/db.js';
import type { Logger } from './lib/logger.js';
import type { LoginLimiter } from './modules/auth/rate-limit.js';

/** What services need from the outside world, built once in createApp (tests build their own). */
export interface Deps {
  db: Db;
  provider: DbProvider;
  config: Config;
  logger: Logger;
  loginLimiter: LoginLimiter;
  now: () => Date;
}

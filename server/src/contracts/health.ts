import { z } from 'zod';
import { JobQueueSummary } from './jobs.js';

export const HealthResponse = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    /**
     * ok, or what is wrong with the database: it does not answer, or it answers but cannot be written (full,
     * read_only, corrupt, io_error, busy). The server's log says the same in words, once.
     */
    database: z.enum(['ok', 'unreachable', 'full', 'read_only', 'corrupt', 'io_error', 'busy']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
  }),
  pendingMigrations: z.array(z.string()).optional(),
  /** When the database answers: how the job queue stands (counts and the oldest wait), for the operator. */
  queue: JobQueueSummary.optional(),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;

import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });
export const ReadyResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
  }),
  pendingMigrations: z.array(z.string()).optional(),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;

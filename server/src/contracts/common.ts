import { z } from 'zod';

/** The `:id` of a route: any record's id (cuid), bounded so a long path is refused before it reaches a query. */
export const IdParam = z.object({ id: z.string().min(1).max(100) });
/** The `:trialId` of a route under /api/trials/:trialId. */
export const TrialParam = z.object({ trialId: z.string().min(1).max(100) });

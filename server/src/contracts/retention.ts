import { z } from 'zod';

/** How many items an overview lists per group; the counts are always complete. */
export const RETENTION_ITEMS_LIMIT = 200;

export const RetentionTrigger = z.enum(['scheduled', 'manual']);
export type RetentionTrigger = z.infer<typeof RetentionTrigger>;

/** A run or a document whose content is due for erasure: identifiers and dates only, never content. */
export const RetentionItem = z.object({
  kind: z.enum(['run', 'document']),
  id: z.string(),
  trialId: z.string(),
  trialTitle: z.string(),
  policyId: z.string(),
  /** The policy's Danish title; its id when the policy is no longer on the server. */
  policyTitle: z.string(),
  retainUntil: z.string(),
});
export type RetentionItem = z.infer<typeof RetentionItem>;

export const RetentionGroup = z.object({
  runs: z.number().int().nonnegative(),
  documents: z.number().int().nonnegative(),
  /** Oldest first, at most RETENTION_ITEMS_LIMIT. */
  items: z.array(RetentionItem).max(RETENTION_ITEMS_LIMIT),
});
export type RetentionGroup = z.infer<typeof RetentionGroup>;

/** One pass of the retention job, in counts. */
export const RetentionSweepView = z.object({
  id: z.string(),
  trigger: RetentionTrigger,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  runsPurged: z.number().int().nonnegative(),
  documentsPurged: z.number().int().nonnegative(),
  /** A stable code when the pass failed part-way; what was purged before the failure stays purged. */
  errorCode: z.string().nullable(),
  startedById: z.string().nullable(),
});
export type RetentionSweepView = z.infer<typeof RetentionSweepView>;

/** GET /api/retention (digital unit only). */
export const RetentionOverview = z.object({
  /** Past their retention date and not yet purged: the next sweep removes them. */
  due: RetentionGroup,
  /** Due within the next 7 days. */
  upcoming: RetentionGroup,
  /** The latest 20 sweeps, newest first. */
  sweeps: z.array(RetentionSweepView).max(20),
  purgedTotals: z.object({
    runs: z.number().int().nonnegative(),
    documents: z.number().int().nonnegative(),
  }),
  /** When the scheduled sweep runs next; null when scheduling is disabled (RETENTION_INTERVAL_MINUTES=0). */
  nextScheduledAt: z.string().nullable(),
});
export type RetentionOverview = z.infer<typeof RetentionOverview>;

/** POST /api/retention/sweeps: the manual pass that just ran. */
export const RetentionSweepResponse = z.object({ sweep: RetentionSweepView });
export type RetentionSweepResponse = z.infer<typeof RetentionSweepResponse>;

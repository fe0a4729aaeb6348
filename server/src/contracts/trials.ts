import { z } from 'zod';

export const TrialStatus = z.enum(['DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED']);
export type TrialStatus = z.infer<typeof TrialStatus>;

export const TrialSummary = z.object({
  id: z.string(),
  title: z.string(),
  purpose: z.string(),
  status: TrialStatus,
  unit: z.object({ id: z.string(), name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  policyId: z.string(),
  assistants: z.array(z.string()),
  participantCount: z.number(),
  /** What the viewer may do with this trial: leaders of its unit and the digital unit administer it. */
  canAdminister: z.boolean(),
  /** The viewer takes part in the trial, so may use its assistants (while it is active). */
  isParticipant: z.boolean().default(false),
});
export type TrialSummary = z.infer<typeof TrialSummary>;

export const TrialList = z.object({ trials: z.array(TrialSummary) });
export type TrialList = z.infer<typeof TrialList>;

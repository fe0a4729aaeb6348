import { z } from 'zod';

/** One commitment: who does what by when. `owner` and `due` are null when the meeting did not say. */
export const ActionItem = z.object({
  owner: z.string().nullable(),
  task: z.string().min(1),
  due: z.string().nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/** The structured minutes: what the language model must return, and what `details` of a minutes run holds. */
export const Minutes = z.object({
  summary: z.string(),
  attendees: z.array(z.string()),
  decisions: z.array(z.string()),
  actionItems: z.array(ActionItem),
});
export type Minutes = z.infer<typeof Minutes>;

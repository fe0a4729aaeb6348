import { z } from 'zod';
import { MinutesReferences, TranscriptRef } from '../../../contracts/minutes.js';

export { MinutesReferences, TranscriptRef };

/** One commitment: who does what by when. `owner` and `due` are null when the meeting did not say. */
export const ActionItem = z.object({
  owner: z.string().nullable(),
  task: z.string().min(1),
  due: z.string().nullable(),
});
export type ActionItem = z.infer<typeof ActionItem>;

/**
 * The structured minutes: what the language model must return, and what `details` of a minutes run holds.
 * The optional parts (agenda, proposals, information, references) came later; an answer without them is valid.
 */
export const Minutes = z.object({
  summary: z.string(),
  attendees: z.array(z.string()),
  decisions: z.array(z.string()),
  actionItems: z.array(ActionItem),
  /** The items on the agenda, as the meeting named them. */
  agenda: z.array(z.string()).optional(),
  /** Proposals made but not agreed: recorded as proposals, never as decisions. */
  proposals: z.array(z.string()).optional(),
  /** What the meeting was told and took note of ("til efterretning"). */
  information: z.array(z.string()).optional(),
  references: MinutesReferences.optional(),
});
export type Minutes = z.infer<typeof Minutes>;

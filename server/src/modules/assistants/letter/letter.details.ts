import { z } from 'zod';
import { CHECKLIST_ITEMS } from './letter.checklist.js';

/**
 * The letter assistant's `details` on a run, as they go over HTTP. Kept next to the assistant for now; when the
 * web shows the checklist it moves to server/src/contracts (which import nothing but zod) so both sides parse it.
 */
export const LetterRunDetails = z.object({
  /** Set only by the offline engine: it is not a language model, and says so. */
  engine: z.string().optional(),
  lixBefore: z.number(),
  lixAfter: z.number(),
  checklist: z.array(z.object({ item: z.enum(CHECKLIST_ITEMS), present: z.boolean(), evidence: z.string().optional() })),
  /** What the offline engine changed, in Danish. */
  changes: z.array(z.string()).optional(),
});
export type LetterRunDetails = z.infer<typeof LetterRunDetails>;

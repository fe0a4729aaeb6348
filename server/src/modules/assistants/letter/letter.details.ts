import { z } from 'zod';
import { CHECKLIST_ITEMS } from './letter.checklist.js';
import { lix } from './letter.lix.js';

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

/**
 * The letter assistant's last step (Assistant.finish), on the server after the placeholders are restored: LIX
 * before and after counted on the letter as the caseworker wrote it and on the restored draft, so the figures
 * are those of the texts the citizen would read, not of their pseudonymised stand-ins.
 */
export function finishLetterDetails(details: Record<string, unknown>, texts: { input: string; draft: string }): Record<string, unknown> {
  return { ...details, lixBefore: lix(texts.input), lixAfter: lix(texts.draft) };
}

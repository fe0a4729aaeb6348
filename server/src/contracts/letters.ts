import { z } from 'zod';

/** What a letter to a citizen must say, in the order the checklist shows it (server: letter.checklist.ts). */
export const CHECKLIST_ITEMS = ['decision', 'reason', 'action', 'deadline', 'complaint', 'contact'] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEMS)[number];

/** The letter assistant's `details` on a run (RunView.details): LIX before and after, the checklist. */
export const LetterRunDetails = z.object({
  /** Set only by the offline engine: it is not a language model, and says so. */
  engine: z.string().optional(),
  lixBefore: z.number(),
  lixAfter: z.number(),
  checklist: z.array(z.object({ item: z.enum(CHECKLIST_ITEMS), present: z.boolean(), evidence: z.string().optional() })),
  /** What the offline engine changed, in Danish. */
  changes: z.array(z.string()).optional(),
  /** How many parts a letter too long for the model's context was rewritten in. */
  parts: z.number().int().positive().optional(),
});
export type LetterRunDetails = z.infer<typeof LetterRunDetails>;

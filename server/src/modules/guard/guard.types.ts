import { z } from 'zod';

// The kinds of personal data are part of the policy language, so they are defined once, in the contract that
// the policies and the web share.
import { DataClass, SPECIAL_CATEGORIES } from '../../contracts/policies.js';

export { DataClass };
/** GDPR Art. 9 special categories plus Art. 10 criminal offences. */
export const SPECIAL_CLASSES = SPECIAL_CATEGORIES;

/**
 * A recognised span. Offsets are JavaScript string offsets (UTF-16 code units), `end` exclusive, so
 * `text.slice(start, end)` is the value. `confidence` is in (0, 1]; absent means "not scored".
 */
export const Entity = z.object({
  type: DataClass,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().gt(0).lte(1).optional(),
});
export type Entity = z.infer<typeof Entity>;

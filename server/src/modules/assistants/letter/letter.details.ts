import { lix } from './letter.lix.js';

/** The shape lives in contracts/, where the web reads it too. */
export { LetterRunDetails } from '../../../contracts/letters.js';

/**
 * The letter assistant's last step (Assistant.finish), on the server after the placeholders are restored: LIX
 * before and after counted on the letter as the caseworker wrote it and on the restored draft, so the figures
 * are those of the texts the citizen would read, not of their pseudonymised stand-ins.
 */
export function finishLetterDetails(details: Record<string, unknown>, texts: { input: string; draft: string }): Record<string, unknown> {
  return { ...details, lixBefore: lix(texts.input), lixAfter: lix(texts.draft) };
}

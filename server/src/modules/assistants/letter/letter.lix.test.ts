import { describe, expect, it } from 'vitest';
import { developmentLetters, ownLetters, sharedLetters } from '../../../../../test/fixtures/letters/letters.js';
import type { DataClass } from '../../../contracts/policies.js';
import { pseudonymise, restore } from '../../guard/pseudonymise.js';
import { scan } from '../../guard/scan.js';
import { letterAssistant } from './letter.assistant.js';
import { finishLetterDetails } from './letter.details.js';
import { lix, lixCounts } from './letter.lix.js';
import { rewriteLetter } from './letter.rewrite.js';

// What the letters policy (borgerbreve-maskering) replaces by placeholders before an assistant sees the text.
const MASKED = new Set<DataClass>(['CPR', 'PHONE', 'EMAIL', 'ADDRESS', 'POSTCODE_CITY', 'BANK_ACCOUNT', 'PERSON']);

describe('LIX', () => {
  it.each([...sharedLetters(), ...ownLetters()].map((l) => [l.id, l] as const))('%s has the LIX written down for it (within 0.5)', (_id, letter) => {
    expect(Math.abs(lix(letter.text) - letter.lix)).toBeLessThanOrEqual(0.5);
  });

  it('counts words as runs of letters or digits, and long words as more than six characters', () => {
    // "e-mail" is two words, "1.150" two, "kommunen" long, "Klagevejledning" long.
    expect(lixCounts('Send en e-mail om 1.150 kr til kommunen')).toMatchObject({ words: 10, longWords: 1, sentences: 1 });
  });

  it('ends a sentence at . ! ? : before whitespace and at every line break, but not inside 1.150, 10.30 or koege.dk', () => {
    // Klagevejledning | Du kan klage. | Ring kl. | 10.30 til koege.dk! | Beløb: | 1.150 kr. ("kl. " ends one, as in classic LIX)
    expect(lixCounts('Klagevejledning\nDu kan klage. Ring kl. 10.30 til koege.dk! Beløb: 1.150 kr.').sentences).toBe(6);
  });

  it('counts a placeholder as one short word, so masked and restored texts compare', () => {
    expect(lixCounts('Kære [NAVN_1], ring til [TELEFON_1].')).toMatchObject({ words: 5, longWords: 0, sentences: 1 });
  });

  it('gives 0 for a text without words', () => {
    expect(lix(' \n – \n')).toBe(0);
  });

  describe('LIX of the original text, not of its pseudonymised stand-in', () => {
    it.each(developmentLetters().map((l) => [l.id, l] as const))(
      '%s: the figures the run stores (finish, after restoring) are the LIX of the letter and of the restored draft, exactly',
      (_id, letter) => {
        const masked = pseudonymise(letter.text, scan(letter.text), MASKED);
        const draft = restore(rewriteLetter(masked.text).text, masked.mapping);
        const estimate = { lixBefore: lix(masked.text), lixAfter: lix(rewriteLetter(masked.text).text) };

        const details = letterAssistant.finish!(estimate, { input: letter.text, draft });

        expect(details).toMatchObject({ lixBefore: letter.lix, lixAfter: lix(draft) });
      },
    );

    it('a placeholder counts one short word where the address it stands for counts four, so the pseudonymised figure is off', () => {
      const letter = 'Mødet holdes i skolens mødelokale, Lindbjergvej 10, 7400 Herning, om formiddagen.';
      const masked = 'Mødet holdes i skolens mødelokale, [ADRESSE_1], [POSTNR_BY_1], om formiddagen.';
      expect(lix(masked)).not.toBe(lix(letter));
      expect(finishLetterDetails({ lixBefore: lix(masked) }, { input: letter, draft: letter }).lixBefore).toBe(lix(letter));
    });

    it('keeps everything else in the details as it is', () => {
      const details = { engine: 'x', lixBefore: 1, lixAfter: 2, checklist: [], changes: ['a'] };
      expect(finishLetterDetails(details, { input: 'Kort tekst.', draft: 'Kort.' })).toEqual({ ...details, lixBefore: lix('Kort tekst.'), lixAfter: lix('Kort.') });
    });
  });
});

import { describe, expect, it } from 'vitest';
import { ownLetters, sharedLetters } from '../../../../../test/fixtures/letters/letters.js';
import { lix, lixCounts } from './letter.lix.js';

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
});

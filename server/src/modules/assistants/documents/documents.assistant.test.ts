import { describe, expect, it } from 'vitest';
import { citedNumbers } from './documents.assistant.js';

describe('citedNumbers', () => {
  it('finds [1], [2] and [1, 3] and ignores numbers of sources that were not sent and placeholders', () => {
    expect(citedNumbers('Ja [2]. Se også [1, 3] og [TELEFON_1].', 3)).toEqual([1, 2, 3]);
    expect(citedNumbers('Se [4] og [0].', 3)).toEqual([]);
    expect(citedNumbers('Jeg kan ikke finde svaret i prøvehandlingens dokumenter.', 2)).toEqual([]);
  });
});

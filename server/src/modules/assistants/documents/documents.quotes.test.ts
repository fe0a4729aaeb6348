import { describe, expect, it } from 'vitest';
import { checkQuotes } from './documents.quotes.js';

const SOURCES = ['Hovedferien skal søges senest\n1. marts. Lederen svarer senest 1. april.', 'Kontakt [NAVN_1] på telefon [TELEFON_1].'];

describe('quotes in a model’s answer, checked against the sources it was sent', () => {
  it('keeps a quote that stands in the cited source, whitespace aside, and the answer is unchanged', () => {
    const answer = 'Du skal søge i god tid: »Hovedferien skal søges senest 1. marts.« [1] Ring til »[NAVN_1] på telefon [TELEFON_1]« [2].';
    const checked = checkQuotes(answer, SOURCES);
    expect(checked).toEqual({
      text: answer,
      removed: 0,
      kept: [
        { n: 1, quote: 'Hovedferien skal søges senest 1. marts.' },
        { n: 2, quote: '[NAVN_1] på telefon [TELEFON_1]' },
      ],
    });
  });

  it('removes and counts a quote that is not in the source it cites, in another source, or cites a source never sent; the references stay', () => {
    const answer = [
      'Reglen er: »Ferien kan altid flyttes.« [1].',
      'Og »Lederen svarer senest 1. april.« [2].',
      'Se også “Hovedferien skal søges senest 1. marts.” [7].',
      'Men "Lederen svarer senest 1. april." [1, 2] står der.',
    ].join(' ');
    const checked = checkQuotes(answer, SOURCES);
    expect(checked.removed).toBe(3);
    expect(checked.kept).toEqual([{ n: 1, quote: 'Lederen svarer senest 1. april.' }]);
    expect(checked.text).toBe('Reglen er: [1]. Og [2]. Se også [7]. Men "Lederen svarer senest 1. april." [1, 2] står der.');
  });

  it('leaves quotation marks without a reference alone: only quotes presented as a source’s words are checked', () => {
    const answer = 'Du spurgte om »sommerferie«, og svaret er 1. marts [1].';
    expect(checkQuotes(answer, SOURCES)).toEqual({ text: answer, removed: 0, kept: [] });
  });
});

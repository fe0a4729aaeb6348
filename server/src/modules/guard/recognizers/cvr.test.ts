import { describe, expect, it } from 'vitest';
import { type DataClass } from '../guard.types.js';
import { scan } from '../scan.js';

const found = (text: string, type: DataClass): string[] =>
  scan(text)
    .filter((e) => e.type === type)
    .map((e) => text.slice(e.start, e.end));

describe('CVR numbers', () => {
  it.each([
    ['Viggo Petersen, Kolding Beton A/S (CVR 72225120)', '72225120'],
    ['CVR-nr. 76 12 25 47', '76 12 25 47'],
    ['CVR-nr.: 29 19 46 02', '29 19 46 02'],
    ['cvr nummer 55301646', '55301646'],
    ['CVR-nummer: 55301646', '55301646'],
  ])('finds the labelled, valid CVR number in %j', (text, cvr) => {
    expect(found(text, 'CVR')).toEqual([cvr]);
  });

  it('does not report a labelled number that fails modulus 11, neither as CVR nor as a phone number', () => {
    const text = 'CVR 72225121';
    expect(found(text, 'CVR')).toEqual([]);
    expect(found(text, 'PHONE')).toEqual([]);
  });

  it('does not take an unlabelled 8-digit number that passes modulus 11 for a CVR number', () => {
    expect(found('Ring på 72225120', 'CVR')).toEqual([]);
  });
});

describe('CVR numbers with lower-case or abbreviated labels, any first digit and grouped digits', () => {
  it.each([
    ['Entreprenør: Holm Byg ApS, cvr: 10137918, står for arbejdet.', '10137918'],
    ['Leverandøren (cvr.nr. 10275822) har sendt tilbud.', '10275822'],
    ['Kaffehuset ApS, CVR 1041 3737', '1041 3737'],
    ['CVR-nr. 10 68 95 62', '10 68 95 62'],
    ['Firmaet har CVR-nummer 1082 7469.', '1082 7469'],
  ])('finds the CVR number in %j', (text, cvr) => {
    expect(found(text, 'CVR')).toEqual([cvr]);
  });

  it('does not take a grouped number starting with 1 for a CVR number without a label', () => {
    expect(found('Der er 1041 3737 poster i registeret.', 'CVR')).toEqual([]);
  });
});

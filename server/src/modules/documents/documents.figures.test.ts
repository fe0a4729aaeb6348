import { describe, expect, it } from 'vitest';
import { conditionCredit, figuresOf, sameUnit } from './documents.figures.js';

const only = (text: string) => figuresOf(text).map(({ value, unit, bound, inclusive }) => ({ value, unit, bound, inclusive }));

describe('figures and the conditions rules set on them', () => {
  it('reads amounts, number words, ordinals and times of day, with what they count', () => {
    expect(only('Købet koster 12.500 kr.')).toEqual([{ value: 12500, unit: 'kr', bound: null, inclusive: false }]);
    expect(only('Min datter på otte år er syg.')).toEqual([{ value: 8, unit: 'år', bound: null, inclusive: false }]);
    expect(only('Fra den femte fraværsdag skal du ringe.')).toEqual([{ value: 5, unit: 'fraværsdag', bound: 'min', inclusive: true }]);
    expect(only('Han ringede klokken 15.')).toEqual([{ value: 15, unit: 'kl', bound: null, inclusive: false }]);
  });

  it('reads the bound of a tier, before the figure or after its unit, however far back the comparator stands in the clause', () => {
    expect(only('Tilbud under 30.000 kr. kræver ingen godkendelse.')[0]).toMatchObject({ value: 30000, bound: 'max', inclusive: false });
    expect(only('Køb på 30.000 kr. eller mere skal godkendes.')[0]).toMatchObject({ value: 30000, bound: 'min', inclusive: true });
    expect(only('Fra og med det år, hvor du fylder 58, får du en ekstra dag.')[0]).toMatchObject({ value: 58, unit: 'fyld', bound: 'min', inclusive: true });
    expect(only('I de første to fraværsdage kræves ingen attest.')[0]).toMatchObject({ value: 2, bound: 'max', inclusive: true });
    expect(only('For kørsel efter de første 10.000 km får du den lave sats.')[0]).toMatchObject({ value: 10000, unit: 'km', bound: 'min' });
  });

  it('reads a range written with a dash or "til" as both bounds, the first figure taking the unit of the second', () => {
    expect(only('| 25–49 | 4 timer |').slice(0, 2)).toEqual([
      { value: 25, unit: '', bound: 'min', inclusive: true },
      { value: 49, unit: '', bound: 'max', inclusive: true },
    ]);
    expect(only('Det tager 2-4 uger.').map((f) => [f.value, f.bound])).toEqual([[2, 'min'], [4, 'max']]);
    expect(only('Teams på fra 5 til 24 kolleger').map((f) => [f.value, f.unit, f.bound])).toEqual([[5, 'kolleg', 'min'], [24, 'kolleg', 'max']]);
    // Not a range: a date span of ordinals, and two figures of different units.
    expect(only('Lukket 1.-3. maj').every((f) => f.bound === null)).toBe(true);
    expect(only('Fra 8 kr. til 16 km')[1]!.bound).toBeNull();
  });

  it('a unit written out is the one abbreviated, and a compound counts what its last word counts', () => {
    expect(sameUnit(figuresOf('18.000 kilometer')[0]!.unit, figuresOf('15.000 km')[0]!.unit)).toBe(true);
    expect(sameUnit(figuresOf('30 kilo')[0]!.unit, figuresOf('25 kg')[0]!.unit)).toBe(true);
    expect(sameUnit('fridag', 'seniordag')).toBe(true);
    expect(sameUnit('kr', 'km')).toBe(false);
  });

  it('of two tiers the question’s figure meets, the tighter one gets more credit, and one it fails still counts a little', () => {
    const asked = figuresOf('Jeg fylder 61 i år.');
    const from57 = conditionCredit(asked, figuresOf('Fra det år, du fylder 57, får du én dag.'));
    const from60 = conditionCredit(asked, figuresOf('Fra det år, du fylder 60, får du tre dage.'));
    const from63 = conditionCredit(asked, figuresOf('Fra det år, du fylder 63, får du fem dage.'));
    expect(from60).toBeGreaterThan(from57);
    expect(from57).toBeGreaterThan(from63);
    expect(from63).toBeGreaterThan(0);
    expect(conditionCredit(asked, figuresOf('Ordningen gælder alle.'))).toBe(0);
  });

  it('reads a range ("mellem 12 og 24 måneder") and meets it with a span in other units ("halvandet år", "fire årtier")', () => {
    expect(only('siger du op mellem 12 og 24 måneder efter')).toEqual([
      { value: 12, unit: 'måned', bound: 'min', inclusive: true },
      { value: 24, unit: 'måned', bound: 'max', inclusive: true },
    ]);
    const asked = figuresOf('Jeg blev færdig for halvandet år siden.');
    expect(asked).toMatchObject([{ value: 1.5, unit: 'år' }]);
    expect(conditionCredit(asked, figuresOf('siger du op mellem 12 og 24 måneder efter'))).toBeGreaterThan(1);
    expect(conditionCredit(asked, figuresOf('siger du op inden 12 måneder efter'))).toBeLessThan(1);
    expect(conditionCredit(asked, figuresOf('siger du op senere end 24 måneder efter'))).toBeLessThan(1);
    // The same amount without a condition: the row of the table for it.
    const decades = figuresOf('ansat i fire årtier');
    expect(conditionCredit(decades, figuresOf('| 40 års jubilæum | Gave op til 1.500 kr. |'))).toBeGreaterThan(conditionCredit(decades, figuresOf('| 25 års jubilæum | Gave op til 1.000 kr. |')));
  });
});

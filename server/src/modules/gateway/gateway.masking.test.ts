import { describe, expect, it } from 'vitest';
import { withEveryOccurrence } from './gateway.masking.js';

const at = (text: string, value: string, from = 0) => {
  const start = text.indexOf(value, from);
  return { start, end: start + value.length };
};

describe('masking every occurrence of a value the guard found', () => {
  it('adds the occurrences the guard did not mark, as whole words only', () => {
    const text = 'Sagen om Hansen. Hansen har klaget, men Hansensvej og THansen er noget andet.';
    const spans = withEveryOccurrence(text, [{ type: 'PERSON', ...at(text, 'Hansen') }]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Hansen', 'Hansen']);
    expect(spans[1]).toEqual({ type: 'PERSON', ...at(text, 'Hansen', 10) });
  });

  it('masks a person’s name in the genitive, leaving the s outside', () => {
    const text = 'Frida Lauritzen skriver. Frida Lauritzens mor ringede.';
    const spans = withEveryOccurrence(text, [{ type: 'PERSON', ...at(text, 'Frida Lauritzen') }]);
    expect(spans).toHaveLength(2);
    expect(text.slice(spans[1]!.end, spans[1]!.end + 1)).toBe('s');
  });

  it('leaves spans it was given alone and adds nothing for very short values', () => {
    const text = 'Bo og Bo. CPR 070761-1006 og igen 070761-1006.';
    const cpr = { type: 'CPR' as const, ...at(text, '070761-1006') };
    const spans = withEveryOccurrence(text, [{ type: 'PERSON', ...at(text, 'Bo') }, cpr]);
    expect(spans.filter((s) => s.type === 'PERSON')).toHaveLength(1);
    expect(spans.filter((s) => s.type === 'CPR')).toHaveLength(2);
  });
});

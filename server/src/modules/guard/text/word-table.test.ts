import { describe, expect, it } from 'vitest';
import { SuffixTable, WordTable } from './word-table.js';

describe('word table', () => {
  it('finds words in any case without building substrings, and merges flags added twice', () => {
    const t = new WordTable();
    t.add('København', 1);
    t.add('københavn', 2);
    t.add('ø', 4);
    t.freeze();
    const text = 'i KØBENHAVN og ø';
    expect(t.flagsOf(text, 2, 11)).toBe(3);
    expect(t.flagsOf(text, 15, 16)).toBe(4);
    expect(t.flagsOf(text, 12, 14)).toBe(0);
  });
});

describe('suffix table', () => {
  it('matches endings with a minimum stem and ORs the flags of every matching ending', () => {
    const t = new SuffixTable();
    t.add('vej', 1, 2);
    t.add('parkvej', 2, 2);
    t.add('kræft', 4, 3);
    t.freeze();
    const text = 'Nørreparkvej, Vej, brystkræft, kræft';
    expect(t.match(text, 0, 12)).toBe(3);
    expect(t.match(text, 14, 17)).toBe(0);
    expect(t.match(text, 19, 29)).toBe(4);
    expect(t.match(text, 31, 36)).toBe(0);
  });
});

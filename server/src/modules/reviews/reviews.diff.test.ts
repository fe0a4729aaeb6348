import { describe, expect, it } from 'vitest';
import { diffLines, editSize, unifiedDiff } from './reviews.diff.js';

describe('the line diff of an edit', () => {
  it('when nothing changed, then the diff is empty and the size is 0', () => {
    expect(unifiedDiff('a\nb\nc', 'a\nb\nc')).toBe('');
    expect(editSize('a\nb\nc', 'a\nb\nc')).toBe(0);
  });

  it('when one line is changed, then the diff shows it as removed and added with its context', () => {
    expect(unifiedDiff('Kære borger\nDu får svar.\nHilsen', 'Kære borger\nDu får svar i morgen.\nHilsen')).toBe(
      ['--- udkast', '+++ endelig', '@@ -1,3 +1,3 @@', ' Kære borger', '-Du får svar.', '+Du får svar i morgen.', ' Hilsen', ''].join('\n'),
    );
  });

  it('when one word is changed in a long line, then the size counts the word, not the line', () => {
    // "modtag" out, "få" in: the shared "et din ansøgning." is not counted.
    expect(editSize('Vi har modtaget din ansøgning.', 'Vi har fået din ansøgning.')).toBe(8);
    expect(editSize('abc', 'abXc')).toBe(1);
    expect(editSize('abc', 'ac')).toBe(1);
  });

  it('when lines are added and removed, then every character and line break is counted', () => {
    expect(editSize('a\nb', 'a\nb\ncd')).toBe(3);
    expect(editSize('a\nxy\nb', 'a\nb')).toBe(3);
    expect(editSize('', 'hej')).toBe(4);
  });

  it('keeps the longest common subsequence of lines', () => {
    const ops = diffLines('a\nb\nc\nd', 'a\nc\nd\ne');
    expect(ops.map((o) => o.kind + o.line)).toEqual([' a', '-b', ' c', ' d', '+e']);
  });

  it('makes separate hunks for changes far apart, with correct line numbers', () => {
    const before = Array.from({ length: 20 }, (_, i) => `linje ${i + 1}`).join('\n');
    const after = before.replace('linje 2\n', 'linje to\n').replace('linje 18\n', '');
    const diff = unifiedDiff(before, after);
    expect(diff.match(/^@@.*@@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,5 @@']);
  });

  it('when the texts are very large, then it still answers with a full replacement rather than stalling', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join('\n');
    const diff = unifiedDiff(before, after);
    expect(diff.split('\n').filter((l) => l.startsWith('-a')).length).toBe(3000);
    expect(editSize(before, after)).toBeGreaterThan(0);
  });
});

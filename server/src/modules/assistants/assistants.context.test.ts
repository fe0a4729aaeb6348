import { describe, expect, it } from 'vitest';
import { cutText, estimateTokens, joinSegments, packSegments, splitParagraphs } from './assistants.context.js';

const rejoin = (parts: { text: string; sep: string }[][]) => parts.map((p, i) => (i === 0 ? '' : p[0]!.sep) + joinSegments(p)).join('');

describe('splitting a text that does not fit the model', () => {
  it('counts tokens on the safe side: 3 characters a token', () => {
    expect(estimateTokens('abcdefg')).toBe(3);
  });

  it('packs paragraphs in order into parts that fit, and the parts joined with their separators are the text', () => {
    const text = ['Første afsnit.', 'Andet afsnit er lidt længere.', 'Tredje.\nMed en linje mere.', 'Fjerde afsnit.'].join('\n\n');
    const parts = splitParagraphs(text, 40);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(joinSegments(p).length).toBeLessThanOrEqual(40);
    expect(rejoin(parts)).toBe(text);
  });

  it('cuts a paragraph too long for a part at its sentences, then at spaces, then anywhere; never loses a character', () => {
    const long = 'En sætning her. En anden sætning der! En tredje? ' + 'x'.repeat(50) + ' slut';
    const pieces = cutText(long, 20);
    for (const p of pieces) expect(p.text.length).toBeLessThanOrEqual(20);
    expect(joinSegments(pieces)).toBe(long);
    expect(pieces[0]!.text).toBe('En sætning her.');
  });

  it('keeps a segment that is longer than a part as a part of its own rather than dropping it', () => {
    const parts = packSegments([{ text: 'kort', sep: '' }, { text: 'meget meget lang', sep: '\n' }, { text: 'kort', sep: '\n' }], 8);
    expect(parts.map((p) => p.map((s) => s.text))).toEqual([['kort'], ['meget meget lang'], ['kort']]);
  });
});

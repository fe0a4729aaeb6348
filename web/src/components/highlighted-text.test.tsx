import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlighted-text';

const h = (start: number, end: number) => ({ start, end, label: 'l', tag: 't' });
const texts = (pieces: ReturnType<typeof splitHighlights>) => pieces.map((p) => `${p.kind}:${p.text}`);

describe('splitHighlights', () => {
  it('cuts the text into plain and marked pieces in order, whatever order the highlights come in', () => {
    expect(texts(splitHighlights('abcdefgh', [h(6, 8), h(1, 3)]))).toEqual(['text:a', 'mark:bc', 'text:def', 'mark:gh']);
  });

  it('when highlights overlap, then no character is repeated or lost', () => {
    const pieces = splitHighlights('abcdefgh', [h(1, 5), h(3, 7), h(2, 4)]);
    expect(texts(pieces)).toEqual(['text:a', 'mark:bcde', 'mark:fg', 'text:h']);
    expect(pieces.map((p) => p.text).join('')).toBe('abcdefgh');
  });

  it('clips positions outside the text and ignores empty ones', () => {
    expect(texts(splitHighlights('abc', [h(-4, 1), h(2, 2), h(2, 99)]))).toEqual(['mark:a', 'text:b', 'mark:c']);
    expect(splitHighlights('', [h(0, 3)])).toEqual([]);
  });
});

/**
 * Texts longer than a model's context window (AI_CONTEXT_TOKENS) are sent in parts, never cut off: a
 * transcript at turn boundaries, a letter at paragraph boundaries, and only a single turn or paragraph that is
 * itself too long at sentence ends (then at spaces). Every piece of the text is in exactly one part, in order,
 * and joining the parts with the separators they had gives the text back unchanged.
 */

/**
 * Characters per token, on the safe side: tokenizers give 3.5-4.5 characters of Danish per token, so counting
 * 3 overestimates, and a part that fits by this count fits the model.
 */
export const CHARS_PER_TOKEN = 3;

export const estimateTokens = (text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN);

/** A piece of text and what stood before it in the whole ('' for the first). */
export interface Segment {
  text: string;
  sep: string;
}

/** The pieces of a text that is too long for `maxChars`: at sentence ends first, then at spaces, then anywhere. */
export function cutText(text: string, maxChars: number, sep = ''): Segment[] {
  if (text.length <= maxChars) return [{ text, sep }];
  for (const boundary of [/(?<=[.!?:;])(\s+)/u, /(\s+)/u]) {
    const pieces = text.split(boundary);
    if (pieces.length < 3) continue;
    // split() with a group alternates text and separator: [t0, s1, t1, s2, t2 ...].
    const segments: Segment[] = [{ text: pieces[0]!, sep }];
    for (let i = 1; i < pieces.length; i += 2) segments.push({ text: pieces[i + 1]!, sep: pieces[i]! });
    return packSegments(segments, maxChars).map((part, i) => ({ text: joinSegments(part), sep: i === 0 ? sep : part[0]!.sep }))
      .flatMap((s) => cutText(s.text, maxChars, s.sep));
  }
  const out: Segment[] = [];
  for (let i = 0; i < text.length; i += maxChars) out.push({ text: text.slice(i, i + maxChars), sep: i === 0 ? sep : '' });
  return out;
}

/** The text of a run of segments, with the separators between them (not the one before the first). */
export function joinSegments(segments: Segment[]): string {
  return segments.map((s, i) => (i === 0 ? s.text : s.sep + s.text)).join('');
}

/**
 * Packs segments in order into parts of at most `maxChars` (separators counted), as few as will do. A segment
 * longer than `maxChars` is a part of its own; callers cut those first (cutText) when they must fit.
 */
export function packSegments(segments: Segment[], maxChars: number): Segment[][] {
  const parts: Segment[][] = [];
  let current: Segment[] = [];
  let length = 0;
  for (const s of segments) {
    const added = current.length ? s.sep.length + s.text.length : s.text.length;
    if (current.length && length + added > maxChars) {
      parts.push(current);
      current = [];
      length = 0;
    }
    length += current.length ? s.sep.length + s.text.length : s.text.length;
    current.push(s);
  }
  if (current.length) parts.push(current);
  return parts;
}

/** A letter's paragraphs (split at blank lines) in parts of at most `maxChars`; a long paragraph at its sentences. */
export function splitParagraphs(text: string, maxChars: number): Segment[][] {
  const pieces = text.split(/(\n[ \t]*\n\s*)/u);
  const segments: Segment[] = [];
  for (let i = 0; i < pieces.length; i += 2) segments.push(...cutText(pieces[i]!, maxChars, i === 0 ? '' : pieces[i - 1]!));
  return packSegments(segments, maxChars);
}

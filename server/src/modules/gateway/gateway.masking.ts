import type { DataClass } from '../../contracts/policies.js';

export interface MaskSpan {
  type: DataClass;
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isEdge = (text: string, i: number) => i < 0 || i >= text.length || !WORD_CHAR.test(text[i]!);

/**
 * A safety net under the guard: once a value is known to be personal data (the guard found it somewhere in
 * the text), every other whole-word occurrence of it is masked too, also where the guard's context rules did
 * not fire. A masked text must leave with no original value, not with most of them. A person's genitive s
 * ("Hansens") stays outside the span, as the pseudonymiser expects.
 */
export function withEveryOccurrence(text: string, spans: readonly MaskSpan[]): MaskSpan[] {
  const all: MaskSpan[] = [...spans];
  const overlaps = (start: number, end: number) => all.some((s) => s.start < end && start < s.end);
  const seen = new Set<string>();
  for (const span of spans) {
    const value = text.slice(span.start, span.end);
    const key = `${span.type}\u0000${value}`;
    // Very short values ("Bo", "Ib") would mask ordinary words; the guard's own finding is all we trust there.
    if (value.trim().length < 3 || seen.has(key)) continue;
    seen.add(key);
    for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + 1)) {
      const end = i + value.length;
      const genitive = span.type === 'PERSON' && text[end] === 's' && isEdge(text, end + 1);
      if (!isEdge(text, i - 1) || !(isEdge(text, end) || genitive) || overlaps(i, end)) continue;
      all.push({ type: span.type, start: i, end });
    }
  }
  return all.sort((a, b) => a.start - b.start);
}

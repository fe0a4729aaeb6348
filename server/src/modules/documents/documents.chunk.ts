import type { ParseConfig } from '../../config/env.js';
import { runParseTask } from '../files/files.service.js';
import { siblingModule } from '../../lib/runtime.js';

export interface ChunkSpan {
  ordinal: number;
  text: string;
  /** Offsets into the document's text: `text === document.slice(startChar, endChar)`. */
  startChar: number;
  endChar: number;
  /** The Markdown heading of the section the chunk lies in (without the #), when there is one. */
  heading: string | null;
}

/** A passage is at most about this long; a section up to MAX_SECTION stays one passage. */
export const CHUNK_SIZE = 1000;
const MAX_SECTION = 1500;
const MERGE_LIMIT = 500;

interface Span {
  start: number;
  end: number;
}

const HEADING = /^#{1,6}[ \t]+(.+?)[ \t#]*$/gm;

/** The Markdown headings of a text: where the heading line starts and ends, and its title. */
function headingsOf(text: string): { at: number; end: number; title: string }[] {
  return [...text.matchAll(HEADING)].map((m) => ({ at: m.index, end: m.index + m[0].length, title: m[1]!.trim() }));
}

/** `span` without the whitespace at its ends (empty when it is only whitespace). */
function trimmed(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The parts of `span` between the matches of `separator`, trimmed, empty ones left out. */
function splitOn(text: string, span: Span, separator: RegExp): Span[] {
  const out: Span[] = [];
  const re = new RegExp(separator.source, 'gu');
  re.lastIndex = span.start;
  let from = span.start;
  for (let m = re.exec(text); m && m.index < span.end; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(trimmed(text, { start: from, end: Math.min(m.index + m[0].length, span.end) }));
    from = m.index + m[0].length;
  }
  if (from < span.end) out.push(trimmed(text, { start: from, end: span.end }));
  return out.filter((s) => s.end > s.start);
}

/** From paragraphs down to words: the places a piece too long for one passage is cut, in order of preference. */
const FINER = [/\n/, /(?<=[.!?;:])[ \t]+/, /[ \t]+/];

/** Pieces of `span` no longer than CHUNK_SIZE, cut at the coarsest boundary that makes them fit. */
function pieces(text: string, span: Span, level = 0): Span[] {
  if (span.end - span.start <= CHUNK_SIZE) return [span];
  if (level >= FINER.length) {
    // One "word" longer than a passage (a URL, a table without spaces): cut it where it must be cut.
    const out: Span[] = [];
    for (let s = span.start; s < span.end; s += CHUNK_SIZE) out.push({ start: s, end: Math.min(span.end, s + CHUNK_SIZE) });
    return out;
  }
  const parts = splitOn(text, span, FINER[level]!);
  if (parts.length <= 1) return pieces(text, span, level + 1);
  return pack(text, parts.flatMap((p) => pieces(text, p, level + 1)));
}

/**
 * Consecutive pieces joined into passages of about equal length, none longer than CHUNK_SIZE (unless a piece
 * is). A paragraph that ends in a colon stays with what follows it: "… på disse dage:" is what makes the list
 * below it an answer.
 */
function pack(text: string, parts: Span[]): Span[] {
  const total = parts.at(-1)!.end - parts[0]!.start;
  const target = total / Math.ceil(total / CHUNK_SIZE);
  const out: Span[] = [];
  let current: Span | null = null;
  for (const p of parts) {
    if (!current) {
      current = { ...p };
      continue;
    }
    const leadIn = text.slice(current.start, current.end).trimEnd().endsWith(':');
    const joined = p.end - current.start;
    const full = current.end - current.start >= target;
    if (joined > CHUNK_SIZE || (full && !leadIn)) {
      out.push(current);
      current = { ...p };
    } else current.end = p.end;
  }
  if (current) out.push(current);
  return out;
}

/** A section's body in passages: whole when it is short enough, otherwise cut at paragraphs first. */
function sectionChunks(text: string, body: Span): Span[] {
  const span = trimmed(text, body);
  if (span.end <= span.start) return [];
  if (span.end - span.start <= MAX_SECTION) return [span];
  const paragraphs = splitOn(text, span, /\n[ \t]*\n/);
  return pack(text, paragraphs.flatMap((p) => pieces(text, p)));
}

/**
 * Splits a document into passages that never straddle two sections: a Markdown document is cut at its headings,
 * a section longer than MAX_SECTION at its paragraphs (then lines, sentences, words), and each passage knows the
 * heading of its section, so retrieval can use the heading as context and a citation can name it. The heading
 * line itself is not part of the passage. Offsets point into the text, so a citation can point to the passage.
 */
export function chunkText(text: string, opts: { markdown: boolean }): ChunkSpan[] {
  const headings = opts.markdown ? headingsOf(text) : [];
  const sections: { body: Span; heading: string | null }[] = [];
  sections.push({ body: { start: 0, end: headings[0]?.at ?? text.length }, heading: null });
  headings.forEach((h, i) => sections.push({ body: { start: h.end, end: headings[i + 1]?.at ?? text.length }, heading: h.title }));
  const spans: (Span & { heading: string | null; whole: boolean })[] = [];
  for (const { body, heading } of sections) {
    const parts = sectionChunks(text, body);
    for (const s of parts) spans.push({ ...s, heading, whole: parts.length === 1 });
  }
  // Short whole sections that follow one another share a passage while it stays under MERGE_LIMIT (headings
  // inside it included): a handbook of thousands of three-line sections would otherwise be stored as thousands
  // of rows, and storing a row is the costly part of indexing. Retrieval sees each heading inside it.
  const merged: typeof spans = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && last.whole && s.whole && s.end - last.start <= MERGE_LIMIT) last.end = s.end;
    else merged.push({ ...s });
  }
  return merged.map((s, ordinal) => ({ ordinal, text: text.slice(s.start, s.end), startChar: s.start, endChar: s.end, heading: s.heading }));
}

/** A passage by its place only: the worker sends these back, and the text is sliced on the main thread. */
export type ChunkPlace = Omit<ChunkSpan, 'text'>;

/** The worker task of chunkInWorker. */
export function chunkPlaces(text: string, markdown: boolean): ChunkPlace[] {
  return chunkText(text, { markdown }).map(({ text: _text, ...place }) => place);
}

const CHUNK_MODULE = siblingModule(import.meta.url, './documents.chunk');

/**
 * chunkText in the parse pool (docs/decisions/0012): splitting megabytes of text takes long enough to be felt by
 * every other request. Only the places come back; slicing the text here is cheap.
 */
export async function chunkInWorker(limits: ParseConfig, text: string, opts: { markdown: boolean }): Promise<ChunkSpan[]> {
  const places = await runParseTask<ChunkPlace[]>(limits, { module: CHUNK_MODULE, fn: 'chunkPlaces', args: [text, opts.markdown], background: true });
  return places.map((p) => ({ ...p, text: text.slice(p.startChar, p.endChar) }));
}

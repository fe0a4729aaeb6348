import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { ParseConfig } from '../../config/env.js';
import { runParseTask } from '../files/files.limits.js';

export interface ChunkSpan {
  ordinal: number;
  text: string;
  /** Offsets into the document's text: `text === document.slice(startChar, endChar)`. */
  startChar: number;
  endChar: number;
  /** The nearest Markdown heading at or before the chunk (without the #), when there is one. */
  heading: string | null;
}

export const CHUNK_SIZE = 1000;
export const CHUNK_OVERLAP = 150;

/** The Markdown headings of a text with where each starts. */
function headingsOf(text: string): { at: number; title: string }[] {
  return [...text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].map((m) => ({ at: m.index, title: m[1]!.trim() }));
}

/**
 * Splits a document into overlapping passages with LangChain's recursive splitter (on Markdown structure first
 * when the text is Markdown) and finds each passage's place in the text, so a citation can point to it.
 */
export async function chunkText(text: string, opts: { markdown: boolean }): Promise<ChunkSpan[]> {
  const params = { chunkSize: CHUNK_SIZE, chunkOverlap: CHUNK_OVERLAP };
  const splitter = opts.markdown
    ? RecursiveCharacterTextSplitter.fromLanguage('markdown', params)
    : new RecursiveCharacterTextSplitter(params);
  const pieces = await splitter.splitText(text);
  const headings = headingsOf(text);
  const out: ChunkSpan[] = [];
  let cursor = 0;
  let h = -1;
  for (const piece of pieces) {
    // The splitter trims and may overlap, but never rewrites: each piece is found at or after the previous start.
    let start = text.indexOf(piece, cursor);
    if (start < 0) start = text.indexOf(piece);
    if (start < 0) continue;
    cursor = start + 1;
    while (h + 1 < headings.length && headings[h + 1]!.at <= start) h++;
    out.push({ ordinal: out.length, text: piece, startChar: start, endChar: start + piece.length, heading: h >= 0 ? headings[h]!.title : null });
  }
  return out;
}

/** A passage by its place only: the worker sends these back, and the text is sliced on the main thread. */
export type ChunkPlace = Omit<ChunkSpan, 'text'>;

/** The worker task of chunkInWorker. */
export async function chunkPlaces(text: string, markdown: boolean): Promise<ChunkPlace[]> {
  return (await chunkText(text, { markdown })).map(({ text: _text, ...place }) => place);
}

const CHUNK_MODULE = new URL('./documents.chunk.ts', import.meta.url);

/**
 * chunkText in the parse pool (docs/decisions/0012): splitting megabytes of text takes the splitter long
 * enough to be felt by every other request. Only the places come back; slicing the text here is cheap.
 */
export async function chunkInWorker(limits: ParseConfig, text: string, opts: { markdown: boolean }): Promise<ChunkSpan[]> {
  const places = await runParseTask<ChunkPlace[]>(limits, { module: CHUNK_MODULE, fn: 'chunkPlaces', args: [text, opts.markdown], background: true });
  return places.map((p) => ({ ...p, text: text.slice(p.startChar, p.endChar) }));
}

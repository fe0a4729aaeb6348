import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';

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

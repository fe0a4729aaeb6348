import { DEFAULT_PARSE, type ParseConfig } from '../../config/env.js';
import { emptyFile, fileTooLarge, unsupportedFile } from './files.errors.js';
import { inspectZip, runParseTask, transferableCopy } from './files.limits.js';
import type { FileKind } from './files.parse.js';
import { siblingModule } from '../../lib/runtime.js';

export type { FileKind } from './files.parse.js';
export { decodeText } from './files.parse.js';
export { emptyFile, fileTooLarge, pdfNoText, unreadableFile, unsupportedFile } from './files.errors.js';

/** The parsers, loaded in the parse pool's workers (never on the main thread). */
const PARSE_MODULE = siblingModule(import.meta.url, './files.parse');

export interface ExtractInput {
  buffer: Buffer;
  filename: string;
  mimeType?: string;
}

export interface Extracted {
  text: string;
  kind: FileKind;
}

const TEXT_EXTENSIONS: Record<string, FileKind> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
  '.vtt': 'vtt',
};

function extensionOf(filename: string): string {
  const m = /\.[A-Za-z0-9]+$/.exec(filename.trim());
  return m ? m[0].toLowerCase() : '';
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * The kind of a file, decided by its first bytes (a renamed .exe is not a PDF because it says .pdf), with the
 * extension only choosing between the plain-text kinds. Returns null for anything we do not read.
 */
export function detectKind(buffer: Buffer, filename: string, mimeType = ''): FileKind | null {
  const ext = extensionOf(filename);
  // %PDF- may follow a little junk: readers accept it within the first 1024 bytes, and so do we.
  if (buffer.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip: only a Word document (word/document.xml inside) is ours; .xlsx, .pptx and plain zips are not.
    return buffer.includes('word/') ? 'docx' : null;
  }
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0])) return null; // old binary .doc/.xls
  if (ext in TEXT_EXTENSIONS) return TEXT_EXTENSIONS[ext]!;
  if (ext === '' && (mimeType.startsWith('text/') || mimeType === '')) return 'text';
  if (mimeType === 'text/markdown') return 'markdown';
  if (mimeType === 'text/vtt') return 'vtt';
  if (mimeType === 'text/plain') return 'text';
  return null;
}

/**
 * Text from an uploaded file, for an assistant's input or a trial's knowledge base. Never logs or keeps the
 * content; errors name what is wrong and what to do, in Danish, with a stable code.
 *
 * Only the cheap checks run here, on the main thread: size, kind by magic bytes, and for a .docx its zip
 * directory (parts, claimed unpacked size, compression). The parsing runs in the parse pool, within `limits`
 * (docs/decisions/0012), so no file can hold up other requests or take the server down.
 */
export async function extractText(input: ExtractInput, opts: { maxBytes?: number; limits?: ParseConfig } = {}): Promise<Extracted> {
  const { buffer, filename, mimeType } = input;
  const limits = opts.limits ?? DEFAULT_PARSE;
  if (opts.maxBytes !== undefined && buffer.length > opts.maxBytes) throw fileTooLarge(opts.maxBytes);
  if (buffer.length === 0) throw emptyFile();
  const kind = detectKind(buffer, filename, mimeType);
  if (!kind) throw unsupportedFile();
  if (kind === 'docx') inspectZip(buffer, limits);
  const { bytes, transfer } = transferableCopy(buffer);
  const text = await runParseTask<string>(limits, { module: PARSE_MODULE, fn: 'parseFile', args: [bytes, kind, limits], transfer });
  return { text, kind };
}

import type { ParseConfig } from '../../config/env.js';
import { AppError } from '../../lib/errors.js';
import { badEncoding, emptyFile, limitReached, pdfNoText, unreadableFile } from './files.errors.js';
import { checkCharacters, checkUnpackedPdf, checkUnpackedZip, inspectZip } from './files.limits.js';

/**
 * The parsers of uploaded files. They run in a worker of the parse pool (extractText in files.extract.ts sends
 * them there), never on the server's main thread: each is bounded by the file's limits here, and by the
 * worker's heap and wall time around it.
 */

export type FileKind = 'pdf' | 'docx' | 'markdown' | 'text' | 'vtt';

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw badEncoding();
  }
}

/**
 * UTF-8 with or without a byte-order mark; UTF-16 when it has one (Notepad's "Unicode"). Anything that is not
 * valid text (NUL bytes, invalid UTF-8 or UTF-16, many control characters) is refused with 422 UNREADABLE_FILE
 * rather than guessed at or decoded with replacement characters: a knowledge base or a draft built on mangled
 * text is worse than a clear "save it again as UTF-8". Never throws anything but that AppError.
 */
export function decodeText(buffer: Uint8Array): string {
  let text: string;
  if (startsWith(buffer, [0xff, 0xfe])) text = decodeStrict('utf-16le', buffer.subarray(2));
  else if (startsWith(buffer, [0xfe, 0xff])) text = decodeStrict('utf-16be', buffer.subarray(2));
  else {
    const body = startsWith(buffer, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
    if (body.includes(0)) throw unreadableFile();
    text = decodeStrict('utf-8', body);
  }
  // eslint-disable-next-line no-control-regex
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > 0 && control / Math.max(1, text.length) > 0.001) throw unreadableFile();
  return text.replace(/\r\n?/g, '\n');
}

/** The text of a Teams transcript: "Name: what they said" per cue, without ids and timings. */
export function vttToText(vtt: string): string {
  if (!/^WEBVTT/.test(vtt.trimStart())) throw unreadableFile();
  const lines: string[] = [];
  for (const block of vtt.split(/\n\s*\n/)) {
    const rows = block.split('\n');
    const timing = rows.findIndex((r) => r.includes('-->'));
    if (timing < 0) continue;
    const cue = rows.slice(timing + 1).join(' ').trim();
    if (!cue) continue;
    const voice = /^<v(?:\.[^ >]*)? ([^>]+)>([\s\S]*?)(?:<\/v>)?$/.exec(cue);
    lines.push(voice ? `${voice[1]!.trim()}: ${voice[2]!.replace(/<[^>]+>/g, '').trim()}` : cue.replace(/<[^>]+>/g, ''));
  }
  return lines.join('\n');
}

const ours = (err: unknown): err is AppError => err instanceof AppError;

/** The text layer of a PDF, page by page, within the limits on unpacked streams, pages and characters. */
async function pdfText(buffer: Buffer, limits: ParseConfig): Promise<string> {
  checkUnpackedPdf(buffer, limits);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(buffer),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // Errors only: pdf.js warns on console about fonts, which says nothing the person can act on.
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch {
    throw unreadableFile();
  }
  try {
    if (doc.numPages > limits.maxPages) throw limitReached('pages', limits.maxPages);
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      const out: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          out.push(line);
          line = '';
        }
      }
      if (line) out.push(line);
      const text = out.join('\n').replace(/[ \t]+\n/g, '\n');
      chars += text.length + 2;
      if (chars > limits.maxChars) throw limitReached('characters', limits.maxChars);
      pages.push(text);
      page.cleanup();
    }
    return pages.join('\n\n');
  } catch (err) {
    if (ours(err)) throw err;
    throw unreadableFile();
  } finally {
    await doc.destroy();
  }
}

/** The raw text of a Word document (mammoth), once the zip has been checked part by part. */
export async function docxRawText(buffer: Buffer, limits: ParseConfig): Promise<string> {
  checkUnpackedZip(buffer, inspectZip(buffer, limits), limits);
  try {
    const { default: mammoth } = await import('mammoth');
    const { value } = await mammoth.extractRawText({ buffer });
    return checkCharacters(value, limits);
  } catch (err) {
    if (ours(err)) throw err;
    throw unreadableFile();
  }
}

/** A Buffer over the bytes a worker received (no copy). */
export const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The worker task of extractText: the file's text, normalised (\n line ends, no NUL), or the refusal that says
 * why not. The kind has been decided (and a zip inspected) on the main thread already.
 */
export async function parseFile(bytes: Uint8Array, kind: FileKind, limits: ParseConfig): Promise<string> {
  const buffer = asBuffer(bytes);
  let text: string;
  switch (kind) {
    case 'pdf':
      text = await pdfText(buffer, limits);
      if (!/[\p{L}\p{N}]/u.test(text)) throw pdfNoText();
      break;
    case 'docx':
      text = await docxRawText(buffer, limits);
      break;
    case 'vtt':
      text = vttToText(checkCharacters(decodeText(buffer), limits));
      break;
    default:
      text = checkCharacters(decodeText(buffer), limits);
  }
  text = text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
  if (!/[\p{L}\p{N}]/u.test(text)) throw emptyFile();
  return text;
}

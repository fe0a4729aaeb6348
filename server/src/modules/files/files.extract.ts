import mammoth from 'mammoth';
import { AppError } from '../../lib/errors.js';

export type FileKind = 'pdf' | 'docx' | 'markdown' | 'text' | 'vtt';

export interface ExtractInput {
  buffer: Buffer;
  filename: string;
  mimeType?: string;
}

export interface Extracted {
  text: string;
  kind: FileKind;
}

const SUPPORTED = 'Brug en PDF, et Word-dokument (.docx), Markdown (.md), en tekstfil (.txt) eller en Teams-udskrift (.vtt).';

export const unsupportedFile = () => new AppError('UNSUPPORTED_FILE', `Filtypen understøttes ikke. ${SUPPORTED}`, 415);
export const unreadableFile = () =>
  new AppError('UNREADABLE_FILE', 'Filen kan ikke læses. Den er måske beskadiget eller beskyttet med adgangskode. Gem den igen, og prøv en gang til.', 422);
export const pdfNoText = () =>
  new AppError('PDF_NO_TEXT', "PDF'en indeholder ingen tekst, kun billeder. Brug en PDF med tekst, eller kopiér teksten ind.", 422);
export const emptyFile = () => new AppError('EMPTY_FILE', 'Filen er tom, eller der er ingen tekst i den. Vælg en fil med tekst.', 422);
export const fileTooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `Filen er for stor. Den må højst fylde ${formatMb(maxBytes)} MB. Del den op, eller kopiér den relevante tekst ind.`, 413, {
    maxBytes,
  });

function formatMb(bytes: number): string {
  return (Math.round((bytes / 1024 / 1024) * 10) / 10).toLocaleString('da-DK');
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
 * UTF-8 with or without a byte-order mark; UTF-16 when it has one (Notepad's "Unicode"). Anything that is not
 * valid text (NUL bytes, invalid UTF-8, many control characters) is refused rather than guessed at.
 */
export function decodeText(buffer: Buffer): string {
  let text: string;
  if (startsWith(buffer, [0xff, 0xfe])) text = new TextDecoder('utf-16le', { fatal: true }).decode(buffer.subarray(2));
  else if (startsWith(buffer, [0xfe, 0xff])) text = new TextDecoder('utf-16be', { fatal: true }).decode(buffer.subarray(2));
  else {
    const body = startsWith(buffer, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
    if (body.includes(0)) throw unreadableFile();
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw unreadableFile();
    }
  }
  // eslint-disable-next-line no-control-regex
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (control > 0 && control / Math.max(1, text.length) > 0.001) throw unreadableFile();
  return text.replace(/\r\n?/g, '\n');
}

/** The text of a Teams transcript: "Name: what they said" per cue, without ids and timings. */
function vttToText(vtt: string): string {
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

async function pdfText(buffer: Buffer): Promise<string> {
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
    const pages: string[] = [];
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
      pages.push(out.join('\n').replace(/[ \t]+\n/g, '\n'));
    }
    return pages.join('\n\n');
  } catch {
    throw unreadableFile();
  } finally {
    await doc.destroy();
  }
}

async function docxText(buffer: Buffer): Promise<string> {
  try {
    const { value } = await mammoth.extractRawText({ buffer });
    return value;
  } catch {
    throw unreadableFile();
  }
}

/**
 * Text from an uploaded file, for an assistant's input or a trial's knowledge base. Never logs or keeps the
 * content; errors name what is wrong and what to do, in Danish, with a stable code.
 */
export async function extractText(input: ExtractInput, opts: { maxBytes?: number } = {}): Promise<Extracted> {
  const { buffer, filename, mimeType } = input;
  if (opts.maxBytes !== undefined && buffer.length > opts.maxBytes) throw fileTooLarge(opts.maxBytes);
  if (buffer.length === 0) throw emptyFile();
  const kind = detectKind(buffer, filename, mimeType);
  if (!kind) throw unsupportedFile();
  let text: string;
  switch (kind) {
    case 'pdf':
      text = await pdfText(buffer);
      if (!/[\p{L}\p{N}]/u.test(text)) throw pdfNoText();
      break;
    case 'docx':
      text = await docxText(buffer);
      break;
    case 'vtt':
      text = vttToText(decodeText(buffer));
      break;
    default:
      text = decodeText(buffer);
  }
  text = text.replace(/\r\n?/g, '\n').replaceAll('\u0000', '');
  if (!/[\p{L}\p{N}]/u.test(text)) throw emptyFile();
  return { text, kind };
}

import type { ParseConfig } from '../../config/env.js';
import { AppError } from '../../lib/errors.js';
import { checkCharacters, inspectZip, runParseTask, transferableCopy } from '../files/files.service.js';
import { asBuffer, decodeText, docxRawText } from '../files/files.service.js';
import { readTranscript, turnsToText, type TranscriptFormat } from './transcripts.parse.js';
import { siblingModule } from '../../lib/runtime.js';

/**
 * An uploaded transcript (Teams .vtt or .docx, or a text file) read into "Name: text" lines, in the parse
 * pool's workers like every other file (docs/decisions/0012): a bomb of a .docx, or megabytes of lines for the
 * transcript's regular expressions, never hold up the server.
 */

export type TranscriptKind = 'docx' | 'vtt' | 'text';

export interface TranscriptFile {
  text: string;
  format: TranscriptFormat;
  attendees: string[];
}

const READ_MODULE = siblingModule(import.meta.url, './transcripts.read');

const unreadableDocx = () =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', 'Word-filen kan ikke læses. Gem den igen som .docx, eller upload udskriften som .vtt.', 415);

/** A limit's refusal passes through as it is; any other trouble with a Word file is the minutes' own 415. */
const asDocxRefusal = (err: unknown) =>
  err instanceof AppError && (err.code === 'FILE_LIMIT_EXCEEDED' || err.code === 'FILE_TOO_COMPLEX') ? err : unreadableDocx();

/** The worker task: text (UTF-8, or UTF-16 with its mark; anything else 422), format and attendees. */
export async function readTranscriptTask(bytes: Uint8Array, kind: TranscriptKind, limits: ParseConfig): Promise<TranscriptFile> {
  const buffer = asBuffer(bytes);
  let raw: string;
  if (kind === 'docx') {
    try {
      // mammoth's raw text has a blank line after each paragraph; a transcript reads line by line.
      raw = (await docxRawText(buffer, limits)).replace(/\n{2,}/g, '\n');
    } catch (err) {
      throw asDocxRefusal(err);
    }
  } else {
    raw = checkCharacters(decodeText(buffer), limits);
  }
  const transcript = readTranscript(raw);
  const text = transcript.format === 'notes' ? raw.trim() : turnsToText(transcript.turns);
  return { text, format: transcript.format, attendees: transcript.attendees };
}

/** Reads an uploaded transcript within the parse limits; the zip directory of a .docx is checked first, here. */
export async function readTranscriptFile(limits: ParseConfig, buffer: Buffer, kind: TranscriptKind): Promise<TranscriptFile> {
  if (kind === 'docx') {
    try {
      inspectZip(buffer, limits);
    } catch (err) {
      throw asDocxRefusal(err);
    }
  }
  const { bytes, transfer } = transferableCopy(buffer);
  return runParseTask<TranscriptFile>(
    limits,
    { module: READ_MODULE, fn: 'readTranscriptTask', args: [bytes, kind, limits], transfer },
    kind === 'docx' ? unreadableDocx : undefined,
  );
}

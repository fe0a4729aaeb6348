import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { type AppError, badRequest } from '../../lib/errors.js';
import { findNul, nulRefused } from '../../lib/http.js';
import { fileTooLarge } from './files.extract.js';

export interface UploadedFile {
  buffer: Buffer;
  filename: string;
  mimeType: string;
  size: number;
}

/**
 * One file in the multipart field `file`, held in memory (never written to disk) and no larger than
 * `maxBytes`. Multer's errors become the API's own: 413 PAYLOAD_TOO_LARGE, 400 VALIDATION_FAILED, and the
 * multipart parser's (busboy: a form cut off, no boundary, a malformed part header) 400 MALFORMED_REQUEST.
 */
export function singleFileUpload(maxBytes: number, opts: { tooLarge?: () => AppError } = {}): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 },
    // Danish file names (æ, ø, å) arrive as UTF-8 from browsers.
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(opts.tooLarge?.() ?? fileTooLarge(maxBytes));
        return next(badRequest('VALIDATION_FAILED', 'Send én fil i feltet "file".', { multer: err.code }));
      }
      // With memory storage nothing but the request itself can fail here: every other error is busboy's
      // refusal of a malformed form, so the client's fault.
      if (err) return next(malformedForm());
      // The form's text fields, like JSON bodies, never carry a NUL character into the database.
      const nul = req.body === undefined ? undefined : findNul(req.body);
      next(nul ? nulRefused(nul) : undefined);
    });
  };
}

const malformedForm = () =>
  badRequest('MALFORMED_REQUEST', 'Filen kom ikke helt frem, eller formularen er ugyldig. Vælg filen igen, og send den.');

/**
 * Control characters (NUL, bell, ...) and the bidirectional overrides that can make "rapport\u202Etxt.exe" read
 * as a text file: never part of a name a person chose, so dropped.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A file name fit to store and show: NFC, no control characters, at most 255 characters (whole code points). */
export function cleanFilename(name: string): string {
  const cleaned = Array.from(name.normalize('NFC').replace(UNSAFE_IN_NAME, '')).slice(0, 255).join('').trim();
  return cleaned || 'fil';
}

/** The uploaded file, or 400 when the request carried none. */
export function requireFile(req: Request): UploadedFile {
  const f = req.file;
  if (!f) throw badRequest('VALIDATION_FAILED', 'Vælg en fil at sende (feltet "file").');
  return { buffer: f.buffer, filename: cleanFilename(f.originalname), mimeType: f.mimetype, size: f.size };
}

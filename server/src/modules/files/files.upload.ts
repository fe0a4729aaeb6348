import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import { badRequest } from '../../lib/errors.js';
import { fileTooLarge } from './files.extract.js';

export interface UploadedFile {
  buffer: Buffer;
  filename: string;
  mimeType: string;
  size: number;
}

/**
 * One file in the multipart field `file`, held in memory (never written to disk) and no larger than
 * `maxBytes`. Multer's errors become the API's own: 413 PAYLOAD_TOO_LARGE, 400 VALIDATION_FAILED.
 */
export function singleFileUpload(maxBytes: number): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12 },
    // Danish file names (æ, ø, å) arrive as UTF-8 from browsers.
    defParamCharset: 'utf8',
  }).single('file');
  return (req, res, next) => {
    upload(req, res, (err: unknown) => {
      if (!err) return next();
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(fileTooLarge(maxBytes));
        return next(badRequest('VALIDATION_FAILED', 'Send én fil i feltet "file".', { multer: err.code }));
      }
      next(err);
    });
  };
}

/** The uploaded file, or 400 when the request carried none. */
export function requireFile(req: Request): UploadedFile {
  const f = req.file;
  if (!f) throw badRequest('VALIDATION_FAILED', 'Vælg en fil at sende (feltet "file").');
  return { buffer: f.buffer, filename: f.originalname.normalize('NFC').slice(0, 255), mimeType: f.mimetype, size: f.size };
}

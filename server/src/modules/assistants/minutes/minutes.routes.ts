import { Router, type RequestHandler } from 'express';
import { MinutesUploadResponse } from '../../../contracts/minutes.js';
import type { Deps } from '../../../deps.js';
import { AppError, badRequest } from '../../../lib/errors.js';
import { requireActor } from '../../auth/auth.middleware.js';
import { cleanFilename, singleFileUpload } from '../../files/files.service.js';
import { registerJobHandler } from '../../jobs/jobs.service.js';
import { MAX_AUDIO_BYTES, TRANSCRIPTION_JOB, transcribeJob, uploadForMinutes } from './minutes.uploads.js';
import { TrialParam } from '../../../contracts/common.js';


/**
 * One file in the field `file`, in memory only, up to the size of an audio recording; multer's and the multipart
 * parser's errors become the API's own (files.upload.ts), a recording too large says what to do.
 */
function singleFile(): RequestHandler {
  return singleFileUpload(MAX_AUDIO_BYTES, {
    tooLarge: () =>
      new AppError('PAYLOAD_TOO_LARGE', `Filen er for stor. Den må højst fylde ${MAX_AUDIO_BYTES / 1024 / 1024} MB. Del optagelsen op, og prøv igen.`, 413),
  });
}

/** Mounted under /api/trials: POST /:trialId/minutes/uploads. Registers the TRANSCRIPTION job handler. */
export function minutesRoutes(deps: Deps): Router {
  registerJobHandler('TRANSCRIPTION', transcribeJob, TRANSCRIPTION_JOB);
  const r = Router();
  r.post(
    '/:trialId/minutes/uploads',
    // Signed in before the body is read: nobody else makes the server hold 25 MB.
    (req, _res, next) => {
      requireActor(req);
      next();
    },
    singleFile(),
    async (req, res) => {
      const actor = requireActor(req);
      const { trialId } = TrialParam.parse(req.params);
      const f = req.file;
      if (!f) throw badRequest('VALIDATION_FAILED', 'Vælg en fil at sende: en Teams-udskrift (.vtt eller .docx) eller en optagelse.');
      const result = await uploadForMinutes(deps, actor, trialId, {
        buffer: f.buffer,
        filename: cleanFilename(f.originalname),
        mimeType: f.mimetype,
      });
      res.status('job' in result ? 202 : 200).json(MinutesUploadResponse.parse(result));
    },
  );
  return r;
}

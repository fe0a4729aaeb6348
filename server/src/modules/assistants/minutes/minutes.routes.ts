import { type RequestHandler } from 'express';
import { MinutesJobUpload, MinutesTextUpload, MinutesUploadResponse } from '../../../contracts/minutes.js';
import { TrialParam } from '../../../contracts/common.js';
import { PARSE_REFUSALS, TAKE_PART, route, routes } from '../../../api.js';
import { AppError, badRequest } from '../../../lib/errors.js';
import { cleanFilename, singleFileUpload } from '../../files/files.upload.service.js';
import { registerJobHandler } from '../../jobs/jobs.service.js';
import { MAX_AUDIO_BYTES, TRANSCRIPTION_JOB, transcribeJob, uploadForMinutes } from './minutes.uploads.js';

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
export const minutesRoutes = routes(
  '/trials',
  [
    route({
      method: 'POST',
      path: '/:trialId/minutes/uploads',
      operationId: 'uploadForMinutes',
      tag: 'runs',
      summary: 'A transcript (udskrift) or recording for the minutes (referat) assistant',
      description:
        'A Teams transcript (.vtt, .docx) or notes answer at once with the text (200); a recording starts a transcription job (202) under the policy.',
      access: TAKE_PART,
      body: { kind: 'file', description: 'One file in the form field `file`: a Teams transcript (.vtt or .docx), plain-text notes, or an audio recording.' },
      responses: {
        200: { description: 'The text of the transcript, ready for POST /api/runs.', schema: MinutesTextUpload },
        202: { description: 'A recording: transcription has started; poll GET /api/jobs/{id}.', schema: MinutesJobUpload },
      },
      errors: [
        'FORBIDDEN',
        'NOT_FOUND',
        'BRIEFING_REQUIRED',
        'ASSISTANT_NOT_ENABLED',
        'TRIAL_NOT_ACTIVE',
        'POLICY_NOT_APPROVED',
        'POLICY_UNAVAILABLE',
        'POLICY_VIOLATION',
        'UNSUPPORTED_MEDIA_TYPE',
        ...PARSE_REFUSALS,
      ],
      // Signed in before the body is read (the kit checks before the middleware): nobody else makes the server hold 25 MB.
      middleware: () => [singleFile()],
      params: TrialParam,
      handle: async ({ deps, req, res, actor, params }) => {
        const f = req.file;
        if (!f) throw badRequest('VALIDATION_FAILED', 'Vælg en fil at sende: en Teams-udskrift (.vtt eller .docx) eller en optagelse.');
        const result = await uploadForMinutes(deps, actor, params.trialId, { buffer: f.buffer, filename: cleanFilename(f.originalname), mimeType: f.mimetype });
        res.status('job' in result ? 202 : 200).json(MinutesUploadResponse.parse(result));
      },
    }),
  ],
  { setup: () => registerJobHandler('TRANSCRIPTION', transcribeJob, TRANSCRIPTION_JOB) },
);

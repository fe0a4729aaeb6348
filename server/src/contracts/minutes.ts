import { z } from 'zod';
import { JobView } from './jobs.js';

/** How an uploaded transcript was read. */
export const TranscriptFormat = z.enum(['vtt', 'teams-docx', 'speaker-lines', 'notes']);
export type TranscriptFormat = z.infer<typeof TranscriptFormat>;

/**
 * POST /api/trials/:trialId/minutes/uploads, field `file`.
 * A transcript (.vtt, .docx, .txt) is read at once: 200 with its text as "Name: text" lines, for the person to
 * check and run. A recording is transcribed in the background: 202 with the job; when it has SUCCEEDED, its
 * `runId` is the minutes run made from the transcript.
 */
export const MinutesTextUpload = z.object({
  text: z.string(),
  format: TranscriptFormat,
  attendees: z.array(z.string()),
});
export const MinutesJobUpload = z.object({ job: JobView });
export const MinutesUploadResponse = z.union([MinutesTextUpload, MinutesJobUpload]);
export type MinutesUploadResponse = z.infer<typeof MinutesUploadResponse>;

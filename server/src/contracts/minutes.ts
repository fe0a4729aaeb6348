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

/**
 * The kinds of meeting a municipality writes minutes for. The person picks one on the minutes page; both engines
 * use it (server/src/modules/assistants/minutes/minutes.templates.ts holds the headings and the prompt's words).
 */
export const MinutesTemplateId = z.enum(['teammoede', 'med-udvalg', 'styregruppe', 'borgermoede']);
export type MinutesTemplateId = z.infer<typeof MinutesTemplateId>;
export const DEFAULT_MINUTES_TEMPLATE: MinutesTemplateId = 'teammoede';

/**
 * One place in the transcript that a decision or task rests on: a WebVTT cue (its id and start time) or a line
 * of the text that was run, with who said it and what was said there.
 */
export const TranscriptRef = z.object({
  id: z.number().int().positive(),
  line: z.number().int().positive(),
  cue: z.string().optional(),
  at: z.string().optional(),
  speaker: z.string().nullable(),
  text: z.string(),
});
export type TranscriptRef = z.infer<typeof TranscriptRef>;

/** `details.references` of a minutes run: the cited places, and per decision and task the ids it rests on. */
export const MinutesReferences = z.object({
  sources: z.array(TranscriptRef),
  decisions: z.array(z.array(z.number().int())),
  actionItems: z.array(z.array(z.number().int())),
  proposals: z.array(z.array(z.number().int())).optional(),
});
export type MinutesReferences = z.infer<typeof MinutesReferences>;

/**
 * `details` of a minutes run (RunView.details), read leniently: runs made before templates and references were
 * added have only summary, attendees, decisions and actionItems.
 */
export const MinutesDetails = z.object({
  /** Set only by the offline engine: it is not a language model, and says so. */
  engine: z.string().optional(),
  template: MinutesTemplateId.optional(),
  summary: z.string().default(''),
  attendees: z.array(z.string()).default([]),
  agenda: z.array(z.string()).optional(),
  decisions: z.array(z.string()).default([]),
  proposals: z.array(z.string()).optional(),
  information: z.array(z.string()).optional(),
  actionItems: z.array(z.object({ owner: z.string().nullish(), task: z.string(), due: z.string().nullish() })).default([]),
  references: MinutesReferences.optional(),
});
export type MinutesDetails = z.infer<typeof MinutesDetails>;

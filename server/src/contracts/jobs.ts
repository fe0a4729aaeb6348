import { z } from 'zod';

export const JobType = z.enum(['TRANSCRIPTION', 'INDEXING', 'MINUTES', 'RETENTION']);
export type JobType = z.infer<typeof JobType>;

export const JobStatus = z.enum(['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED']);
export type JobStatus = z.infer<typeof JobStatus>;

/** A background job as people see it: progress and a Danish message, never content. */
export const JobView = z.object({
  id: z.string(),
  type: JobType,
  status: JobStatus,
  /** 0-100 */
  progress: z.number().int().min(0).max(100),
  /** Danish, for the person waiting: what the job is doing now, or why it failed. */
  message: z.string().nullable(),
  /** FAILED jobs: a stable code (a provider failure kind such as `timeout`, or an error code such as `POLICY_VIOLATION`). */
  errorCode: z.string().nullable(),
  /** The run the job produced or belongs to (a transcription job's minutes run). */
  runId: z.string().nullable(),
  documentId: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof JobView>;

/** GET /api/jobs/:id, and any route that starts a job. */
export const JobResponse = z.object({ job: JobView });
export type JobResponse = z.infer<typeof JobResponse>;

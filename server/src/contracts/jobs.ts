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

/** A job as the digital unit sees it in the queue: kind, state, age and holder; never its payload or result. */
export const JobQueueItem = z.object({
  id: z.string(),
  type: JobType,
  status: JobStatus,
  attempts: z.number().int().nonnegative(),
  errorCode: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The instance (host, process, worker) that holds a RUNNING job, and until when its lease runs. */
  workerId: z.string().nullable(),
  leaseUntil: z.string().nullable(),
});
export type JobQueueItem = z.infer<typeof JobQueueItem>;

/** How the queue stands: what waits, what runs, what failed in the last day (dead: its instance died on the last attempt). */
export const JobQueueSummary = z.object({
  queued: z.number().int().nonnegative(),
  running: z.number().int().nonnegative(),
  failedLastDay: z.number().int().nonnegative(),
  deadLastDay: z.number().int().nonnegative(),
  /** Seconds the oldest queued job has waited; null when none waits. */
  oldestQueuedSeconds: z.number().int().nonnegative().nullable(),
});
export type JobQueueSummary = z.infer<typeof JobQueueSummary>;

/** GET /api/jobs: the digital unit's view of the queue. */
export const JobQueueResponse = z.object({
  summary: JobQueueSummary,
  /** Queued and running jobs, then the failed ones of the last day, newest first; at most JOB_QUEUE_LIMIT. */
  jobs: z.array(JobQueueItem),
});
export type JobQueueResponse = z.infer<typeof JobQueueResponse>;
export const JOB_QUEUE_LIMIT = 100;

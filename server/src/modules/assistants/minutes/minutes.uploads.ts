import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JobView } from '../../../contracts/jobs.js';
import type { TranscriptFormat } from '../../../contracts/minutes.js';
import type { Deps } from '../../../deps.js';
import { localDay } from '../../../lib/dates.js';
import { AppError, badRequest, conflict, notFound } from '../../../lib/errors.js';
import type { Actor } from '../../auth/auth.types.js';
import { enqueueJob, JobFailure, toJobView, unfinishedJobPayloads, type Job, type JobContext, type JobHandlerOptions } from '../../jobs/jobs.service.js';
import { requireTranscriber, transcribeForTrial } from '../../gateway/gateway.service.js';
import { executeRun, requireRunsLeftToday } from '../../runs/runs.service.js';
import { findTrialWithMembership, requireCurrentBriefing, requireParticipant } from '../../trials/trials.service.js';
import { findJobCreator } from '../../users/users.service.js';
import { readTranscriptFile } from '../../transcripts/transcripts.service.js';

export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export { NO_TRANSCRIPTION } from '../../gateway/gateway.service.js';
const WRONG_FORMAT =
  'Filtypen kan ikke bruges til et referat. Upload en Teams-udskrift (.vtt eller .docx), en tekstfil (.txt) eller en lydfil (.mp3, .m4a, .wav, .webm, .ogg, .mp4).';

const AUDIO_EXT = new Set(['.mp3', '.m4a', '.wav', '.webm', '.ogg', '.oga', '.mp4', '.mpeg', '.mpga', '.flac']);

export interface Upload {
  buffer: Buffer;
  filename: string;
  mimeType: string;
}

type Kind = 'vtt' | 'docx' | 'text' | 'audio';

function kindOf(file: Upload): Kind | null {
  const ext = path.extname(file.filename).toLowerCase();
  const head = file.buffer.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return ext === '.docx' || file.buffer.includes('word/') ? 'docx' : null;
  }
  if (ext === '.vtt' || file.buffer.subarray(0, 16).toString('utf8').replace(/^\uFEFF/, '').startsWith('WEBVTT')) return 'vtt';
  if (AUDIO_EXT.has(ext) || file.mimeType.startsWith('audio/')) return 'audio';
  if (ext === '.txt' || ext === '.md' || file.mimeType.startsWith('text/plain')) return 'text';
  return null;
}

const tooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `Filen er for stor. Den må højst fylde ${max / 1024 / 1024} MB. Del optagelsen eller udskriften op, og prøv igen.`, 413, {
    maxBytes: max,
  });

/** The trial, when the person takes part in it and it uses the minutes assistant. */
async function requireMinutesTrial(deps: Deps, actor: Actor, trialId: string) {
  const trial = await findTrialWithMembership(deps.db, trialId, actor.id);
  if (!trial) throw notFound('Prøvehandlingen');
  // A recording is sent for transcription before executeRun sees it, so the same person checks come first here.
  requireCurrentBriefing(requireParticipant(actor, trial, trial.participants[0]), trial);
  if (!(JSON.parse(trial.assistants) as string[]).includes('minutes')) {
    throw conflict('ASSISTANT_NOT_ENABLED', 'Referatassistenten er ikke slået til i prøvehandlingen. Vælg en af prøvehandlingens assistenter.');
  }
  return trial;
}

/**
 * A recording leaves the server before executeRun can check anything, so the trial's own check comes first
 * here: it is running today. The gateway then checks the policy and the provider (requireTranscriber).
 */
function requireRunnable(deps: Deps, trial: { status: string; startsAt: Date; endsAt: Date }): void {
  const today = localDay(deps.now());
  if (trial.status !== 'ACTIVE' || today < localDay(trial.startsAt) || today > localDay(trial.endsAt)) {
    throw conflict('TRIAL_NOT_ACTIVE', 'Prøvehandlingen kører ikke lige nu, så optagelsen kan ikke sendes til udskrift. Spørg lederen af prøvehandlingen.', {
      status: trial.status,
    });
  }
}

/**
 * Where a recording waits for its transcription, and then its transcript for the minutes: private temp files
 * (0600 in a 0700 folder) named by a random reference, never by the person's file name. Both are deleted when
 * the job ends for good; the transcript replaces the recording as soon as it exists, so a recording that was
 * transcribed is never sent again. Neither is ever in the job's payload or result, which stay content-free.
 */
/** Where earlier versions kept recordings (one instance's temporary folder); emptied of left-overs at start. */
const LEGACY_AUDIO_DIR = () => path.join(os.tmpdir(), 'workbench-audio');

/**
 * How many minutes runs one recording may make. The runs pipeline already retries the provider inside a run
 * (PROVIDER_MAX_RETRIES); one more run after a failed one gives a passing fault a second chance, while a model
 * that keeps failing leaves at most this many FAILED runs (each counts towards the person's daily limit).
 */
const MAX_MINUTES_RUNS = 2;

export type UploadResult = { text: string; format: TranscriptFormat; attendees: string[] } | { job: JobView };

export async function uploadForMinutes(deps: Deps, actor: Actor, trialId: string, file: Upload): Promise<UploadResult> {
  const trial = await requireMinutesTrial(deps, actor, trialId);
  if (file.buffer.length === 0) throw badRequest('VALIDATION_FAILED', 'Filen er tom. Vælg en udskrift eller en optagelse med indhold.');
  const kind = kindOf(file);
  if (!kind) throw new AppError('UNSUPPORTED_MEDIA_TYPE', WRONG_FORMAT, 415);

  if (kind !== 'audio') {
    if (file.buffer.length > MAX_TEXT_BYTES) throw tooLarge(MAX_TEXT_BYTES);
    // Read in the parse pool, within the parse limits (docs/decisions/0012): never on this thread.
    const { text, format, attendees } = await readTranscriptFile(deps.config.parse, file.buffer, kind);
    if (!text.trim()) throw badRequest('VALIDATION_FAILED', 'Der er ingen tekst i filen. Vælg en udskrift med indhold.');
    return { text, format, attendees };
  }

  if (file.buffer.length > MAX_AUDIO_BYTES) throw tooLarge(MAX_AUDIO_BYTES);
  requireRunnable(deps, trial);
  requireTranscriber(deps, trial);
  // The recording becomes a run: refused now, before it is stored or sent, when the day's runs are used up.
  await requireRunsLeftToday(deps, actor, trial.id, deps.policies.get(trial.policyId)!.policy);
  const ref = randomBytes(16).toString('hex');
  // In the database, not on this instance's disk: another instance may take the job over (its lease expired).
  await deps.db.keptRecording.create({ data: { ref, audio: new Uint8Array(file.buffer), createdAt: deps.now() } });
  const job = await enqueueJob(deps, {
    type: 'TRANSCRIPTION',
    // Content-free: where the audio waits, its type and size. Not the file name, which can name a person.
    payload: { trialId, audioRef: ref, mimeType: file.mimeType, ext: path.extname(file.filename).toLowerCase(), sizeBytes: file.buffer.length },
    createdById: actor.id,
  });
  return { job: toJobView(job) };
}

interface TranscriptionPayload {
  trialId: string;
  audioRef: string;
  mimeType: string;
  ext: string;
}

/**
 * The TRANSCRIPTION job: the recording to text at the provider the policy allows, then the text through the
 * one governed pipeline (executeRun), so the policy and the guard apply to the transcript as to typed text.
 * The transcript is kept only as the run's input, under the policy's retention; the job's result is the runId.
 *
 * An attempt retries only the step that failed: once the transcript exists (in its private file), the next
 * attempt goes straight to the minutes. The job's attempts (MAX_ATTEMPTS) are the only retries of a
 * transcription, so a recording is sent at most that many times, each within TRANSCRIPTION_TIMEOUT_MS.
 */
export async function transcribeJob(job: Job, ctx: JobContext): Promise<{ runId: string }> {
  const { deps } = ctx;
  const payload = JSON.parse(job.payload) as Partial<TranscriptionPayload>;
  // Retention clears the payload of a job whose run it erased: nothing is left to work on.
  if (!payload.audioRef || !payload.trialId) throw new JobFailure('AUDIO_GONE', 'Optagelsen findes ikke længere på serveren. Upload den igen.');
  const p = payload as TranscriptionPayload;
  await ctx.progress(5, 'Forbereder optagelsen');
  const user = job.createdById ? await findJobCreator(deps.db, job.createdById) : null;
  if (!user || !user.active) throw new JobFailure('FORBIDDEN', 'Personen, der uploadede optagelsen, har ikke længere adgang.');
  const actor: Actor = { id: user.id, role: user.role, unitId: user.unitId, sessionId: `job:${job.id}` };
  const trial = await requireMinutesTrial(deps, actor, p.trialId);
  // Checked again: the trial may have been paused, or its policy changed, while the job waited.
  requireRunnable(deps, trial);
  requireTranscriber(deps, trial);

  const text = (await readKeptTranscript(deps, p.audioRef)) ?? (await transcribeRecording(ctx, trial, p));
  await ctx.progress(60, 'Udskriften er klar. Laver referatet');
  return { runId: await makeMinutes(ctx, job, actor, p.trialId, text) };
}

/** Step 1: the recording to text. The transcript then replaces the recording, in one write. */
async function transcribeRecording(ctx: JobContext, trial: { policyId: string; status: string }, p: TranscriptionPayload): Promise<string> {
  const kept = await ctx.deps.db.keptRecording.findUnique({ where: { ref: p.audioRef }, select: { audio: true } });
  if (!kept?.audio) throw new JobFailure('AUDIO_GONE', 'Optagelsen findes ikke længere på serveren. Upload den igen.');
  const audio = Buffer.from(kept.audio);
  await ctx.progress(10, 'Laver en udskrift af optagelsen');
  const transcript = await transcribeForTrial(ctx.deps, trial, { buffer: audio, filename: `lyd${p.ext}`, mimeType: p.mimeType }, ctx.signal);
  const text = transcript.trim();
  if (!text) {
    throw new JobFailure('EMPTY_TRANSCRIPT', 'Der blev ikke hørt nogen tale i optagelsen. Tjek lyden, eller upload en Teams-udskrift i stedet.');
  }
  // The transcript in, the recording out, in one statement: it is not needed again.
  await ctx.deps.db.keptRecording.update({ where: { ref: p.audioRef }, data: { transcript: text, audio: null } });
  return text;
}

async function readKeptTranscript(deps: Deps, ref: string): Promise<string | null> {
  const kept = await deps.db.keptRecording.findUnique({ where: { ref }, select: { transcript: true } });
  return kept?.transcript ?? null;
}

/**
 * Step 2: the transcript through executeRun. A run the model failed on is linked to the job at once, so the
 * job's final state names the last run; the minutes are tried again only while fewer than MAX_MINUTES_RUNS
 * runs have failed (a job that already links a run has had its second chance).
 */
async function makeMinutes(ctx: JobContext, job: Job, actor: Actor, trialId: string, text: string): Promise<string> {
  const earlierRuns = job.runId ? 1 : 0;
  try {
    const run = await executeRun(ctx.deps, actor, { trialId, assistant: 'minutes', input: text }, { signal: ctx.signal });
    return run.id;
  } catch (err) {
    if (err instanceof AppError && (err.code === 'PROVIDER_FAILED' || err.code === 'PROVIDER_TIMEOUT')) {
      const runId = (err.details as { runId?: unknown } | undefined)?.runId;
      if (typeof runId === 'string') await ctx.linkRun(runId);
      throw new JobFailure(err.code, err.message, earlierRuns + 1 < MAX_MINUTES_RUNS);
    }
    throw err;
  }
}

/** Deletes what the job kept, once it has ended for good (the worker calls this, not between attempts). */
async function removeKept(job: Job, deps: Deps): Promise<void> {
  const { audioRef } = JSON.parse(job.payload) as Partial<TranscriptionPayload>;
  if (!audioRef) return;
  await deps.db.keptRecording.deleteMany({ where: { ref: audioRef } });
}

/** Kept recordings older than this that no unfinished job names are left over (the upload is long done). */
const LEFTOVER_AFTER_MS = 60 * 60_000;

/**
 * Removes recordings and transcripts that no queued or running job names any more: left by a job deleted by
 * hand, by a job whose payload retention cleared, or by a crash between storing a recording and its job's row.
 * Also empties the folder where earlier versions kept them on disk. Runs when the job worker starts.
 */
export async function removeLeftoverRecordings(deps: Deps): Promise<number> {
  const unfinished = await unfinishedJobPayloads(deps, 'TRANSCRIPTION');
  const wanted = unfinished.map((payload) => (JSON.parse(payload) as Partial<TranscriptionPayload>).audioRef).filter((r): r is string => Boolean(r));
  const { count } = await deps.db.keptRecording.deleteMany({
    where: { createdAt: { lt: new Date(deps.now().getTime() - LEFTOVER_AFTER_MS) }, ref: { notIn: wanted } },
  });
  await fs.rm(LEGACY_AUDIO_DIR(), { recursive: true, force: true }).catch(() => undefined);
  if (count) deps.logger.info({ removed: count }, 'left-over recordings removed');
  return count;
}

/** How the jobs worker treats TRANSCRIPTION jobs besides running them. */
export const TRANSCRIPTION_JOB: JobHandlerOptions = {
  onEnd: (job, deps) => removeKept(job, deps),
  onWorkerStart: async (deps) => void (await removeLeftoverRecordings(deps)),
};

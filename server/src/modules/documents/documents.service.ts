import { createHash } from 'node:crypto';
import type { DocumentUploadResponse, DocumentView, SearchResponse } from '../../contracts/documents.js';
import type { Deps } from '../../deps.js';
import type { Document } from '../../lib/db.js';
import { conflict, forbidden, notFound } from '../../lib/errors.js';
import { pacer } from '../../lib/pacing.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import { extractText, type FileKind } from '../files/files.service.js';
import { enqueueJob, JobFailure, type Job, type JobContext } from '../jobs/jobs.service.js';
import type { UploadedFile } from '../files/files.service.js';
import { findTrialWithMembership } from '../trials/trials.service.js';
import { findJobCreator } from '../users/users.service.js';
import { chunkInWorker } from './documents.chunk.js';
import { embedDocumentChunks, type EmbeddingOutcome } from './documents.embed.js';
import { invalidateTrialIndex, retrievePassages } from './documents.index.js';

// For other modules, which reach this one through its service (eslint.config.js, module-boundary).
export { invalidateTrialIndex } from './documents.index.js';

// What the documents assistant needs: passages for a question, and whether there is anything to search.
export { countReadyDocuments, retrievePassages, type Passage } from './documents.index.js';

// What the retention sweep needs: the documents due and their erasure.
export { countErasedDocuments, documentErasureQueue, eraseDocumentContent, findDocumentsDueForErasure } from './documents.erasure.js';

const DAY_MS = 86_400_000;
/**
 * Passages stored per statement: a batch is some milliseconds of work for the query compiler and driver. Counted
 * in characters, since a document of many short sections has many short passages and the cost per statement is
 * mostly fixed; at most CHUNK_BATCH_ROWS of them.
 */
const CHUNK_BATCH_CHARS = 50_000;
const CHUNK_BATCH_ROWS = 250;

const MIME_OF: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  text: 'text/plain',
  vtt: 'text/vtt',
};

type Access = 'read' | 'administer';

/**
 * The trial, when the person may do this with its knowledge base. Administrators upload and delete;
 * participants (and administrators) list and search. To anyone else the trial does not exist; a participant
 * who tries to change it is told they may not.
 */
async function trialFor(deps: Deps, actor: Actor, trialId: string, access: Access) {
  const trial = await findTrialWithMembership(deps.db, trialId, actor.id);
  if (!trial) throw notFound('Prøvehandlingen');
  const admin = canAdministerTrial(actor, trial);
  const participant = trial.participants.length > 0;
  if (!admin && !participant) throw notFound('Prøvehandlingen');
  if (access === 'administer' && !admin) {
    throw forbidden('Kun prøvehandlingens leder kan tilføje og slette dokumenter i vidensbasen.');
  }
  return trial;
}

function toView(d: Document & { _count?: { chunks: number } }): DocumentView {
  return {
    id: d.id,
    trialId: d.trialId,
    filename: d.filename,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    status: d.status,
    chars: d.text === null ? null : d.text.length,
    chunks: d._count?.chunks ?? 0,
    errorCode: d.errorCode,
    createdAt: d.createdAt.toISOString(),
    retainUntil: d.retainUntil?.toISOString() ?? null,
  };
}

/**
 * Stores an uploaded file's text in the trial's knowledge base and queues its indexing. The original file is
 * not kept: only its text (content, until the policy's retention date), its hash, size and name. The text is
 * extracted here, so an unreadable file is refused at once rather than failing later in a job.
 */
export async function uploadDocument(deps: Deps, actor: Actor, trialId: string, file: UploadedFile): Promise<DocumentUploadResponse> {
  const trial = await trialFor(deps, actor, trialId, 'administer');
  const { text, kind } = await extractText(file, { maxBytes: deps.config.uploadMaxBytes, limits: deps.config.parse });
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const duplicate = await deps.db.document.findFirst({ where: { trialId, sha256, status: { not: 'PURGED' } }, select: { id: true } });
  if (duplicate) {
    throw conflict('CONFLICT', 'Dokumentet findes allerede i prøvehandlingens vidensbase.', { documentId: duplicate.id });
  }
  const policy = deps.policies.get(trial.policyId)?.policy;
  const now = deps.now();
  const doc = await deps.db.$transaction(async (tx) => {
    const created = await tx.document.create({
      data: {
        trialId,
        filename: file.filename,
        mimeType: MIME_OF[kind],
        sizeBytes: file.buffer.length,
        sha256,
        status: 'INDEXING',
        text,
        uploadedById: actor.id,
        // Without a policy on the server (it has gone since the trial began) keep it briefly rather than forever.
        retainUntil: new Date(now.getTime() + (policy?.retentionDays ?? 30) * DAY_MS),
        createdAt: now,
      },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'document.uploaded',
      resourceType: 'document',
      resourceId: created.id,
      unitId: trial.unitId,
      details: { trialId, kind, sizeBytes: created.sizeBytes, chars: text.length },
    });
    return created;
  });
  const job = await enqueueJob(deps, { type: 'INDEXING', payload: { trialId }, documentId: doc.id, createdById: actor.id });
  deps.logger.info({ documentId: doc.id, trialId, kind, sizeBytes: doc.sizeBytes, jobId: job.id }, 'document uploaded');
  return { document: toView(doc), jobId: job.id };
}

/** The INDEXING job's handler (registered by documentsRoutes). */
export async function indexDocumentJob(
  job: Job,
  ctx: JobContext,
): Promise<{ documentId: string; chunks: number; embeddings: EmbeddingOutcome }> {
  if (!job.documentId) throw new JobFailure('INDEXING_FAILED', 'Jobbet mangler sit dokument.');
  await ctx.progress(10, 'Gør dokumentet søgbart');
  const chunks = await indexDocument(ctx.deps, job.documentId);
  // Searchable by BM25 from here; vectors, where configured and allowed, only add to it and never fail it.
  // Attributed to the person who uploaded the document: their upload is what sends its passages for embedding.
  const creator = job.createdById ? await findJobCreator(ctx.deps.db, job.createdById) : null;
  const uploader = creator ? { id: creator.id, role: creator.role } : null;
  const embeddings = chunks > 0 ? await embedDocumentChunks(ctx.deps, job.documentId, uploader) : 'skipped';
  return { documentId: job.documentId, chunks, embeddings };
}

/**
 * Splits a document's text into passages with their offsets and headings and makes them searchable. Safe to
 * run again: it replaces the document's passages. A document deleted meanwhile is left alone.
 */
export async function indexDocument(deps: Deps, documentId: string, actor: Pick<Actor, 'id' | 'role'> | null = null): Promise<number> {
  const doc = await deps.db.document.findUnique({ where: { id: documentId }, include: { trial: { select: { unitId: true } } } });
  if (!doc || doc.text === null || doc.status === 'PURGED') return 0;
  try {
    // Split in the parse pool, and stored in short batches with a turn of the event loop between them, outside
    // one long transaction: a document of megabytes holds up neither the event loop nor the database
    // (docs/decisions/0012). The passages are not searchable until the document is READY.
    const spans = await chunkInWorker(deps.config.parse, doc.text, { markdown: doc.mimeType === 'text/markdown' });
    await deps.db.chunk.deleteMany({ where: { documentId } });
    const pace = pacer();
    for (let i = 0; i < spans.length; ) {
      let end = i;
      for (let chars = 0; end < spans.length && end - i < CHUNK_BATCH_ROWS && chars < CHUNK_BATCH_CHARS; end++) chars += spans[end]!.text.length;
      await deps.db.chunk.createMany({
        data: spans
          .slice(i, end)
          .map((s) => ({ documentId, ordinal: s.ordinal, text: s.text, startChar: s.startChar, endChar: s.endChar, heading: s.heading })),
      });
      i = end;
      await pace();
    }
    await deps.db.$transaction(async (tx) => {
      // A document deleted while this ran stays deleted: no passages, no READY.
      const current = await tx.document.findUnique({ where: { id: documentId }, select: { status: true } });
      if (!current || current.status === 'PURGED') {
        await tx.chunk.deleteMany({ where: { documentId } });
        return;
      }
      await tx.document.update({ where: { id: documentId }, data: { status: 'READY', errorCode: null } });
      await recordAudit(tx, deps.provider, {
        actor,
        action: 'document.indexed',
        resourceType: 'document',
        resourceId: documentId,
        unitId: doc.trial.unitId,
        details: { trialId: doc.trialId, chunks: spans.length },
      });
    });
    deps.logger.info({ documentId, chunks: spans.length }, 'document indexed');
    return spans.length;
  } catch (err) {
    // No half-stored passages stay behind (a FAILED document is never searched, but they would take room).
    await deps.db.chunk.deleteMany({ where: { documentId } });
    await deps.db.document.updateMany({ where: { id: documentId, status: { not: 'PURGED' } }, data: { status: 'FAILED', errorCode: 'INDEXING_FAILED' } });
    deps.logger.error({ documentId, err: { name: (err as Error)?.name } }, 'document indexing failed');
    throw new JobFailure('INDEXING_FAILED', 'Dokumentet kunne ikke gøres søgbart. Slet det, og prøv at uploade det igen.');
  } finally {
    invalidateTrialIndex(doc.trialId);
  }
}

export async function listDocuments(deps: Deps, actor: Actor, trialId: string): Promise<DocumentView[]> {
  await trialFor(deps, actor, trialId, 'read');
  const rows = await deps.db.document.findMany({
    where: { trialId, status: { not: 'PURGED' } },
    include: { _count: { select: { chunks: true } } },
    orderBy: { createdAt: 'desc' },
  });
  return rows.map(toView);
}

/** Removes a document's text and passages at once; the row stays, content-free, for the audit trail. */
export async function deleteDocument(deps: Deps, actor: Actor, trialId: string, documentId: string): Promise<void> {
  const trial = await trialFor(deps, actor, trialId, 'administer');
  const doc = await deps.db.document.findFirst({
    where: { id: documentId, trialId, status: { not: 'PURGED' } },
    include: { _count: { select: { chunks: true } } },
  });
  if (!doc) throw notFound('Dokumentet');
  await deps.db.$transaction(async (tx) => {
    await tx.chunk.deleteMany({ where: { documentId } });
    await tx.document.update({ where: { id: documentId }, data: { status: 'PURGED', text: null, purgedAt: deps.now() } });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'document.deleted',
      resourceType: 'document',
      resourceId: documentId,
      unitId: trial.unitId,
      details: { trialId, sizeBytes: doc.sizeBytes, chunks: doc._count.chunks },
    });
  });
  invalidateTrialIndex(trialId);
  deps.logger.info({ documentId, trialId }, 'document deleted');
}

/** The passages of the trial's knowledge base that best match a question (for people, not for a model). */
export async function searchDocuments(deps: Deps, actor: Actor, trialId: string, q: string, limit: number): Promise<SearchResponse['results']> {
  await trialFor(deps, actor, trialId, 'read');
  const passages = await retrievePassages(deps, trialId, q, limit, actor);
  return passages.map((p) => ({
    documentId: p.documentId,
    filename: p.filename,
    heading: p.heading,
    quote: p.quote,
    startChar: p.startChar,
    endChar: p.endChar,
    score: p.score,
  }));
}

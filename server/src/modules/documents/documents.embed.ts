import type { Deps } from '../../deps.js';
import type { Actor } from '../auth/auth.types.js';
import { embedForTrial, embeddingsConfigured } from '../gateway/gateway.service.js';
import { findTrialWithUnit } from '../trials/trials.service.js';
import { encodeVector } from './retrieval.hybrid.js';

/** Stored as the document's errorCode when its passages could not be embedded: it stays READY, BM25 only. */
export const EMBEDDINGS_UNAVAILABLE = 'EMBEDDINGS_UNAVAILABLE';

export type EmbeddingOutcome = 'embedded' | 'skipped' | typeof EMBEDDINGS_UNAVAILABLE;

/**
 * Embeds a ready document's passages, when an embeddings model is configured and the trial's policy allows it,
 * and stores the vectors (Chunk.embedding, Float32 little-endian). Passages the policy would block get none.
 * Never fails the document: BM25 already serves it, so any failure is recorded as EMBEDDINGS_UNAVAILABLE on the
 * document (still READY) and logged without content.
 */
export async function embedDocumentChunks(deps: Deps, documentId: string, actor: Pick<Actor, 'id' | 'role'> | null): Promise<EmbeddingOutcome> {
  if (!embeddingsConfigured(deps)) return 'skipped';
  try {
    const doc = await deps.db.document.findUnique({ where: { id: documentId }, select: { trialId: true, status: true } });
    // Deleted (or failed) meanwhile: nothing to add to.
    if (!doc || doc.status !== 'READY') return 'skipped';
    const trial = await findTrialWithUnit(deps.db, doc.trialId);
    if (!trial) return 'skipped';
    const chunks = await deps.db.chunk.findMany({ where: { documentId }, select: { id: true, text: true }, orderBy: { ordinal: 'asc' } });
    if (chunks.length === 0) return 'embedded';
    const result = await embedForTrial(
      deps,
      actor,
      trial,
      chunks.map((c) => c.text),
      { purpose: 'index', documentId },
    );
    if (!result) return 'skipped';
    const updates = chunks.flatMap((c, i) => {
      const v = result.vectors[i];
      return v ? [deps.db.chunk.update({ where: { id: c.id }, data: { embedding: encodeVector(v) } })] : [];
    });
    if (updates.length) await deps.db.$transaction(updates);
    deps.logger.info({ documentId, embedded: updates.length, chunks: chunks.length }, 'document passages embedded');
    return 'embedded';
  } catch (err) {
    // A provider failure (or anything else) after the passages are stored leaves a searchable document.
    await deps.db.document.updateMany({ where: { id: documentId, status: 'READY' }, data: { errorCode: EMBEDDINGS_UNAVAILABLE } });
    const e = err as { name?: string; kind?: string };
    deps.logger.warn({ documentId, err: { name: e?.name, kind: e?.kind } }, 'document passages not embedded');
    return EMBEDDINGS_UNAVAILABLE;
  }
}

/**
 * The knowledge base's documents as the retention sweep erases them (documents.service.ts is the front door): the
 * documents module owns its tables (STYLE.md: queries stay inside the owning module), retention decides when.
 */
import type { Db, Tx } from '../../lib/db.js';

/** The oldest unpurged documents whose retention date has passed, up to `take`, with what their audit event names. */
export function findDocumentsDueForErasure(db: Db, now: Date, take: number) {
  return db.document.findMany({
    where: { retainUntil: { lte: now }, purgedAt: null },
    select: { id: true, retainUntil: true, trialId: true, trial: { select: { unitId: true, policyId: true } } },
    orderBy: { retainUntil: 'asc' },
    take,
  });
}

/**
 * Erases a document's text and its passages, in the sweep's transaction; the row stays, content-free, as PURGED.
 * Only while still unpurged, so a sweep running alongside never erases (and audits) it twice: false when it was.
 */
export async function eraseDocumentContent(tx: Tx, documentId: string, now: Date): Promise<boolean> {
  const { count } = await tx.document.updateMany({
    where: { id: documentId, purgedAt: null },
    data: { text: null, status: 'PURGED', purgedAt: now },
  });
  if (count === 0) return false;
  await tx.chunk.deleteMany({ where: { documentId } });
  return true;
}

/** How many unpurged documents have their retention date in the window, and the first `take` of them. */
export function documentErasureQueue(db: Db, retainUntil: { lte: Date; gt?: Date }, take: number) {
  const where = { retainUntil, purgedAt: null };
  return Promise.all([
    db.document.count({ where }),
    db.document.findMany({
      where,
      select: { id: true, trialId: true, retainUntil: true, trial: { select: { title: true, policyId: true } } },
      orderBy: { retainUntil: 'asc' },
      take,
    }),
  ]);
}

export function countErasedDocuments(db: Db): Promise<number> {
  return db.document.count({ where: { purgedAt: { not: null } } });
}

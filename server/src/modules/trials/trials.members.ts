/** Who takes part in a trial (trials.service.ts is the front door). */
import { type SetParticipantsRequest, type TrialDetail } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { activeUserIdsAmong } from '../users/users.service.js';
import { requireAdmin, requireNotClosed, detailOf } from './trials.access.js';

// ---------------------------------------------------------------------------------------------------------
// Participants

export async function setParticipants(deps: Deps, actor: Actor, id: string, input: SetParticipantsRequest): Promise<TrialDetail> {
  const { trial } = await requireAdmin(deps, actor, id);
  requireNotClosed(trial);
  const wanted = [...new Set(input.userIds)];
  const known = new Set(await activeUserIdsAmong(deps.db, wanted));
  const unknown = wanted.filter((u) => !known.has(u));
  if (unknown.length > 0) {
    throw new AppError('UNKNOWN_USER', 'En eller flere af de valgte personer findes ikke eller er deaktiveret. Vælg dem igen.', 422, {
      userIds: unknown,
    });
  }
  const current = await deps.db.trialParticipant.findMany({ where: { trialId: id }, select: { userId: true } });
  const had = new Set(current.map((p) => p.userId));
  const added = wanted.filter((u) => !had.has(u));
  const removed = [...had].filter((u) => !known.has(u));
  if (added.length === 0 && removed.length === 0) return detailOf(deps, actor, id);
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    if (removed.length) await tx.trialParticipant.deleteMany({ where: { trialId: id, userId: { in: removed } } });
    if (added.length) await tx.trialParticipant.createMany({ data: added.map((userId) => ({ trialId: id, userId, invitedAt: now })) });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.participants_changed',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { added: added.length, removed: removed.length, addedIds: added, removedIds: removed },
    });
  });
  return detailOf(deps, actor, id);
}

import type { TrialSummary } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.js';

/**
 * The trials a person may see: employees those they take part in, leaders their own unit's (and those they
 * take part in elsewhere), the digital unit all of them.
 */
export async function listTrials(deps: Deps, actor: Actor): Promise<TrialSummary[]> {
  const where =
    actor.role === 'DIGITAL_UNIT'
      ? {}
      : actor.role === 'LEADER'
        ? { OR: [{ unitId: actor.unitId }, { participants: { some: { userId: actor.id } } }] }
        : { participants: { some: { userId: actor.id } }, status: { not: 'DRAFT' as const } };
  const rows = await deps.db.trial.findMany({
    where,
    include: {
      unit: { select: { id: true, name: true } },
      _count: { select: { participants: true } },
      participants: { where: { userId: actor.id }, select: { userId: true, briefingVersion: true } },
    },
    orderBy: [{ status: 'asc' }, { startsAt: 'desc' }],
  });
  return rows.map((t) => ({
    id: t.id,
    title: t.title,
    purpose: t.purpose,
    status: t.status,
    unit: t.unit,
    startsAt: t.startsAt.toISOString(),
    endsAt: t.endsAt.toISOString(),
    policyId: t.policyId,
    assistants: JSON.parse(t.assistants) as string[],
    participantCount: t._count.participants,
    canAdminister: canAdministerTrial(actor, t),
    isParticipant: t.participants.length > 0,
    briefingRequired: t.participants.some((p) => (p.briefingVersion ?? 0) < t.briefingRevision),
  }));
}

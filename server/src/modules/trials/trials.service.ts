import { type TrialDetail, type TrialStatus, type TrialSummary } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import { hasCurrentBriefing } from './trials.participation.js';

import { TRIAL, loadAccess, participantSees, type Charter, charterOf, detailOf } from './trials.access.js';

export { hasCurrentBriefing, requireCurrentBriefing, requireParticipant } from './trials.participation.js';
export { listRevisions, createTrial, updateTrial } from './trials.charter.js';
export { transitionTrial, confirmPolicy } from './trials.status.js';
export { setParticipants } from './trials.members.js';
export { getBriefing, acknowledgeBriefing } from './trials.briefing.js';
export { toDecisionView } from './trials.access.js';
export type { Charter } from './trials.access.js';
// The trial tables as other modules read and change them (STYLE.md: queries stay inside the owning module).
export {
  assistantsOfTrial,
  createTrialDecision,
  findParticipantBriefings,
  findPublishedTrials,
  findSameDecisionSince,
  findTrialsForBoard,
  findTrialWithMembership,
  findTrialWithUnit,
  isParticipant,
  listTrialDecisions,
  loadRunGate,
  policiesOfTrials,
  setTrialPublished,
  type DecisionInput,
  type RunGate,
} from './trials.data.js';

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
    briefingRequired: t.participants.some((p) => !hasCurrentBriefing(p, t)),
  }));
}


export async function getTrial(deps: Deps, actor: Actor, id: string): Promise<TrialDetail> {
  const a = await loadAccess(deps, actor, id);
  if (!a.admin && !participantSees(a)) throw notFound(TRIAL);
  return detailOf(deps, actor, a.trial.id);
}

/** What the compliance drafts rest on: the charter as stored and who acknowledged which briefing when. */
export interface TrialComplianceFacts {
  id: string;
  unitId: string;
  unit: string;
  status: TrialStatus;
  charter: Charter;
  briefingRevision: number;
  participants: { name: string; briefedAt: Date | null; current: boolean }[];
}

/**
 * The trial's charter and briefing record for its compliance drafts, for its administrators and the data
 * protection adviser (`adviser`, checked by the caller); everyone else gets 404, as for the trial itself.
 */
export async function complianceFactsOf(deps: Deps, actor: Actor, id: string, adviser: boolean): Promise<TrialComplianceFacts> {
  const t = await deps.db.trial.findUnique({
    where: { id },
    include: {
      unit: { select: { name: true } },
      participants: { include: { user: { select: { name: true } } }, orderBy: { user: { name: 'asc' } } },
    },
  });
  if (!t) throw notFound(TRIAL);
  if (!adviser && !canAdministerTrial(actor, t)) {
    // A participant knows the trial exists; to anyone else it does not.
    if (t.status !== 'DRAFT' && t.participants.some((p) => p.userId === actor.id)) {
      throw forbidden('Kun lederen af prøvehandlingen, Digital Udvikling og databeskyttelsesrådgiveren kan se dokumentationen.');
    }
    throw notFound(TRIAL);
  }
  return {
    id: t.id,
    unitId: t.unitId,
    unit: t.unit.name,
    status: t.status,
    charter: charterOf(t),
    briefingRevision: t.briefingRevision,
    participants: t.participants.map((p) => ({ name: p.user.name, briefedAt: p.briefedAt, current: hasCurrentBriefing(p, t) })),
  };
}

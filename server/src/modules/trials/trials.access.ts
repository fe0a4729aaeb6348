/** Who may see and change a trial, the charter as it is stored, and the trial as its page shows it: shared by the trial's services. */
import type { AssistantId } from '../../contracts/policies.js';
import {
  DecisionCriterion,
  END_BEFORE_START_MESSAGE,
  type TrialDecisionView,
  type TrialDetail,
  type SuccessCriterion,
  type TrialQuestion,
} from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import type { Trial, TrialDecision, Tx } from '../../lib/db.js';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  notFound,
} from '../../lib/errors.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import type { LoadedPolicy } from '../policies/policy-rules.service.js';
import { assistantsNotAllowed } from '../policies/policies.service.js';
import { ASSISTANT_NAMES } from '../policies/policy-rules.service.js';
import { allowedTransitions, assistantsNotAllowedMessage } from './trials.lifecycle.js';
import { hasCurrentBriefing } from './trials.participation.js';

// ---------------------------------------------------------------------------------------------------------
// Access

export const TRIAL = 'Prøvehandlingen';

export interface Access {
  trial: Trial;
  admin: boolean;
  participant: { briefedAt: Date | null; briefingVersion: number | null } | null;
}

export async function loadAccess(deps: Deps, actor: Actor, id: string): Promise<Access> {
  const trial = await deps.db.trial.findUnique({ where: { id } });
  if (!trial) throw notFound(TRIAL);
  const participant = await deps.db.trialParticipant.findUnique({
    where: { trialId_userId: { trialId: id, userId: actor.id } },
    select: { briefedAt: true, briefingVersion: true },
  });
  return { trial, admin: canAdministerTrial(actor, trial), participant };
}

/** Participants know a trial once it has started; a draft is the administrators' own until then. */
export function participantSees(a: Access): boolean {
  return a.participant !== null && a.trial.status !== 'DRAFT';
}

/** Administrators only. Others who know the trial get 403; to everyone else it does not exist (404). */
export async function requireAdmin(deps: Deps, actor: Actor, id: string): Promise<Access> {
  const a = await loadAccess(deps, actor, id);
  if (a.admin) return a;
  if (participantSees(a)) throw forbidden('Kun lederen af prøvehandlingen og Digital Udvikling kan ændre den.');
  throw notFound(TRIAL);
}

export function requireNotClosed(trial: Trial): void {
  if (trial.status === 'CLOSED') {
    throw conflict('TRIAL_CLOSED', 'Prøvehandlingen er afsluttet og kan ikke længere ændres.');
  }
}

// ---------------------------------------------------------------------------------------------------------
// The charter as stored

export function parseQuestions(json: string): TrialQuestion[] {
  const raw = JSON.parse(json) as unknown[];
  // Older rows held plain strings; they are read with positional ids.
  return raw.map((q, i) => (typeof q === 'string' ? { id: `q${i + 1}`, text: q } : (q as TrialQuestion)));
}

export interface Charter {
  title: string;
  purpose: string;
  hypothesis: string;
  successCriteria: string;
  briefing: string;
  assistants: AssistantId[];
  questions: TrialQuestion[];
  criteria: SuccessCriterion[];
  possiblyHighRisk: boolean;
  policyId: string;
  policyVersion: string;
  startsAt: Date;
  endsAt: Date;
}

export function charterOf(t: Trial): Charter {
  return {
    title: t.title,
    purpose: t.purpose,
    hypothesis: t.hypothesis,
    successCriteria: t.successCriteria,
    briefing: t.briefing,
    assistants: JSON.parse(t.assistants) as AssistantId[],
    questions: parseQuestions(t.questions),
    criteria: JSON.parse(t.criteria) as SuccessCriterion[],
    possiblyHighRisk: t.possiblyHighRisk,
    policyId: t.policyId,
    policyVersion: t.policyVersion,
    startsAt: t.startsAt,
    endsAt: t.endsAt,
  };
}

export function snapshot(c: Charter): string {
  return JSON.stringify({ ...c, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() });
}

export function charterData(c: Charter) {
  return {
    title: c.title,
    purpose: c.purpose,
    hypothesis: c.hypothesis,
    successCriteria: c.successCriteria,
    briefing: c.briefing,
    assistants: JSON.stringify(c.assistants),
    questions: JSON.stringify(c.questions),
    criteria: JSON.stringify(c.criteria),
    possiblyHighRisk: c.possiblyHighRisk,
    policyId: c.policyId,
    policyVersion: c.policyVersion,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
  };
}

export function requireKnownPolicy(deps: Deps, policyId: string) {
  const loaded = deps.policies.get(policyId);
  if (!loaded) {
    throw new AppError('UNKNOWN_POLICY', 'Datapolitikken findes ikke på serveren. Vælg en af de godkendte datapolitikker.', 422, {
      policyId,
    });
  }
  return loaded;
}

/** Why the policy does not allow some of these assistants, in Danish; null when it allows them all. */
export function notAllowedMessage(loaded: LoadedPolicy, assistants: readonly AssistantId[], changed = false): string | null {
  const refused = assistantsNotAllowed(loaded, assistants);
  if (refused.length === 0) return null;
  return assistantsNotAllowedMessage(loaded.policy.title.da, refused.map((a) => ASSISTANT_NAMES[a].da), changed);
}

/**
 * The charter and its policy agree: a trial never enables an assistant its policy does not allow, so nobody
 * finds out only when a participant's run is refused.
 */
export function requireAllowedAssistants(loaded: LoadedPolicy, assistants: readonly AssistantId[], changed = false): void {
  const message = notAllowedMessage(loaded, assistants, changed);
  if (message) {
    throw new AppError('ASSISTANT_NOT_ALLOWED_BY_POLICY', message, 422, {
      policyId: loaded.policy.id,
      assistants: assistantsNotAllowed(loaded, assistants),
    });
  }
}

export function requireEndAfterStart(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) {
    throw badRequest('VALIDATION_FAILED', END_BEFORE_START_MESSAGE, [{ path: ['endsAt'], message: END_BEFORE_START_MESSAGE, code: 'custom' }]);
  }
}


/** A recorded adopt / adjust / stop decision as the trial page and the review board show it. */
/** The criteria recorded with a decision; a row that does not parse counts as none rather than failing the page. */
export function decisionCriteriaOf(json: string): DecisionCriterion[] {
  try {
    const parsed = DecisionCriterion.array().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function toDecisionView(d: TrialDecision & { decidedBy: { name: string } }): TrialDecisionView {
  return {
    id: d.id,
    outcome: d.outcome,
    rationale: d.rationale,
    evidence: d.evidence,
    criteria: decisionCriteriaOf(d.criteria),
    decidedBy: { name: d.decidedBy.name },
    createdAt: d.createdAt.toISOString(),
  };
}


export async function detailOf(deps: Deps, actor: Actor, id: string): Promise<TrialDetail> {
  const t = await deps.db.trial.findUniqueOrThrow({
    where: { id },
    include: {
      unit: { select: { id: true, name: true } },
      participants: { include: { user: { select: { name: true, email: true } } }, orderBy: { invitedAt: 'asc' } },
      _count: { select: { runs: true } },
      decisions: { orderBy: { createdAt: 'desc' }, take: 1, include: { decidedBy: { select: { name: true } } } },
    },
  });
  const admin = canAdministerTrial(actor, t);
  const decision = t.decisions[0] ?? null;
  const mine = t.participants.find((p) => p.userId === actor.id) ?? null;
  const loaded = deps.policies.get(t.policyId);
  const c = charterOf(t);
  return {
    id: t.id,
    title: c.title,
    purpose: c.purpose,
    hypothesis: c.hypothesis,
    successCriteria: c.successCriteria,
    briefing: c.briefing,
    assistants: c.assistants,
    questions: c.questions,
    criteria: c.criteria,
    possiblyHighRisk: c.possiblyHighRisk,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    status: t.status,
    version: t.version,
    briefingRevision: t.briefingRevision,
    published: t.published,
    unit: t.unit,
    policy: {
      id: t.policyId,
      title: loaded?.policy.title.da ?? t.policyId,
      version: t.policyVersion,
      currentVersion: loaded?.version ?? null,
      approved: loaded ? loaded.missingApprovals.length === 0 : false,
      approvedOn: loaded?.approvedOn ?? null,
      assistantsNotAllowed: loaded ? assistantsNotAllowed(loaded, c.assistants) : [],
    },
    participants: admin
      ? t.participants.map((p) => ({
          userId: p.userId,
          name: p.user.name,
          email: p.user.email,
          invitedAt: p.invitedAt.toISOString(),
          briefedAt: p.briefedAt?.toISOString() ?? null,
          briefedCurrent: hasCurrentBriefing(p, t),
        }))
      : [],
    canAdminister: admin,
    isParticipant: mine !== null,
    myBriefing: mine
      ? { acknowledged: hasCurrentBriefing(mine, t), briefedAt: mine.briefedAt?.toISOString() ?? null }
      : null,
    runCount: t._count.runs,
    latestDecision: decision ? toDecisionView(decision) : null,
    allowedTransitions: admin ? allowedTransitions(t.status) : [],
  };
}


export function versionConflict(current: number): AppError {
  return conflict(
    'VERSION_CONFLICT',
    'Prøvehandlingen er blevet ændret af en anden, siden du åbnede den. Hent den nyeste udgave, og lav dine ændringer igen.',
    { currentVersion: current },
  );
}

/** Applies a version-guarded write: only when the row is still at the version the editor started from. */
export async function bumpVersion(tx: Tx, id: string, from: number, data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.trial.updateMany({ where: { id, version: from }, data: { ...data, version: from + 1 } });
  // Someone else changed it between our read and this write: the transaction rolls back, nothing is half-written.
  if (count === 0) throw versionConflict(from + 1);
}

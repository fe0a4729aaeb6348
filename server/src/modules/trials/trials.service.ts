import type { AssistantId } from '../../contracts/policies.js';
import {
  DecisionCriterion,
  END_BEFORE_START_MESSAGE,
  type AcknowledgeBriefingRequest,
  type BriefingView,
  type CreateTrialRequest,
  type SetParticipantsRequest,
  type TransitionRequest,
  type TrialDecisionView,
  type TrialDetail,
  type SuccessCriterion,
  type TrialQuestion,
  type TrialRevisionView,
  type TrialStatus,
  type TrialSummary,
  type UpdateTrialRequest,
} from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { localDay } from '../../lib/dates.js';
import type { Trial, TrialDecision, Tx } from '../../lib/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import type { LoadedPolicy } from '../policies/policy-rules.service.js';
import { assistantsNotAllowed } from '../policies/policies.service.js';
import { ASSISTANT_NAMES } from '../policies/policy-rules.service.js';
import { plainLanguage } from '../policies/policy-rules.service.js';
import { ASSISTANT_BRIEFING, OFFLINE_ENGINE_NOTE } from './trials.briefing.js';
import {
  activationProblems,
  allowedTransitions,
  assistantsNotAllowedMessage,
  canTransition,
  looseningChanges,
} from './trials.lifecycle.js';
import { hasCurrentBriefing } from './trials.participation.js';

export { hasCurrentBriefing, requireCurrentBriefing, requireParticipant } from './trials.participation.js';

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

// ---------------------------------------------------------------------------------------------------------
// Access

const TRIAL = 'Prøvehandlingen';

interface Access {
  trial: Trial;
  admin: boolean;
  participant: { briefedAt: Date | null; briefingVersion: number | null } | null;
}

async function loadAccess(deps: Deps, actor: Actor, id: string): Promise<Access> {
  const trial = await deps.db.trial.findUnique({ where: { id } });
  if (!trial) throw notFound(TRIAL);
  const participant = await deps.db.trialParticipant.findUnique({
    where: { trialId_userId: { trialId: id, userId: actor.id } },
    select: { briefedAt: true, briefingVersion: true },
  });
  return { trial, admin: canAdministerTrial(actor, trial), participant };
}

/** Participants know a trial once it has started; a draft is the administrators' own until then. */
function participantSees(a: Access): boolean {
  return a.participant !== null && a.trial.status !== 'DRAFT';
}

/** Administrators only. Others who know the trial get 403; to everyone else it does not exist (404). */
async function requireAdmin(deps: Deps, actor: Actor, id: string): Promise<Access> {
  const a = await loadAccess(deps, actor, id);
  if (a.admin) return a;
  if (participantSees(a)) throw forbidden('Kun lederen af prøvehandlingen og Digital Udvikling kan ændre den.');
  throw notFound(TRIAL);
}

function requireNotClosed(trial: Trial): void {
  if (trial.status === 'CLOSED') {
    throw conflict('TRIAL_CLOSED', 'Prøvehandlingen er afsluttet og kan ikke længere ændres.');
  }
}

// ---------------------------------------------------------------------------------------------------------
// The charter as stored

function parseQuestions(json: string): TrialQuestion[] {
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

function charterOf(t: Trial): Charter {
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

function snapshot(c: Charter): string {
  return JSON.stringify({ ...c, startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString() });
}

function charterData(c: Charter) {
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

function requireKnownPolicy(deps: Deps, policyId: string) {
  const loaded = deps.policies.get(policyId);
  if (!loaded) {
    throw new AppError('UNKNOWN_POLICY', 'Datapolitikken findes ikke på serveren. Vælg en af de godkendte datapolitikker.', 422, {
      policyId,
    });
  }
  return loaded;
}

/** Why the policy does not allow some of these assistants, in Danish; null when it allows them all. */
function notAllowedMessage(loaded: LoadedPolicy, assistants: readonly AssistantId[], changed = false): string | null {
  const refused = assistantsNotAllowed(loaded, assistants);
  if (refused.length === 0) return null;
  return assistantsNotAllowedMessage(loaded.policy.title.da, refused.map((a) => ASSISTANT_NAMES[a].da), changed);
}

/**
 * The charter and its policy agree: a trial never enables an assistant its policy does not allow, so nobody
 * finds out only when a participant's run is refused.
 */
function requireAllowedAssistants(loaded: LoadedPolicy, assistants: readonly AssistantId[], changed = false): void {
  const message = notAllowedMessage(loaded, assistants, changed);
  if (message) {
    throw new AppError('ASSISTANT_NOT_ALLOWED_BY_POLICY', message, 422, {
      policyId: loaded.policy.id,
      assistants: assistantsNotAllowed(loaded, assistants),
    });
  }
}

function requireEndAfterStart(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() < startsAt.getTime()) {
    throw badRequest('VALIDATION_FAILED', END_BEFORE_START_MESSAGE, [{ path: ['endsAt'], message: END_BEFORE_START_MESSAGE, code: 'custom' }]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** A recorded adopt / adjust / stop decision as the trial page and the review board show it. */
/** The criteria recorded with a decision; a row that does not parse counts as none rather than failing the page. */
function decisionCriteriaOf(json: string): DecisionCriterion[] {
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

async function detailOf(deps: Deps, actor: Actor, id: string): Promise<TrialDetail> {
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

export async function listRevisions(deps: Deps, actor: Actor, id: string): Promise<TrialRevisionView[]> {
  await requireAdmin(deps, actor, id);
  const rows = await deps.db.trialRevision.findMany({
    where: { trialId: id },
    include: { changedBy: { select: { name: true } } },
    orderBy: { version: 'desc' },
  });
  return rows.map((r) => ({
    version: r.version,
    charter: JSON.parse(r.charter) as Record<string, unknown>,
    changedById: r.changedById,
    changedByName: r.changedBy.name,
    createdAt: r.createdAt.toISOString(),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Creating and changing the charter

export async function createTrial(deps: Deps, actor: Actor, input: CreateTrialRequest): Promise<TrialDetail> {
  const unitId = input.unitId ?? actor.unitId;
  if (actor.role === 'EMPLOYEE') throw forbidden('Kun ledere og Digital Udvikling kan oprette prøvehandlinger.');
  // A leader sets up trials for their own unit only; the digital unit for any.
  if (!canAdministerTrial(actor, { unitId })) {
    throw forbidden('Du kan kun oprette prøvehandlinger for din egen enhed.');
  }
  const unit = await deps.db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) throw badRequest('VALIDATION_FAILED', 'Enheden findes ikke. Vælg en anden enhed.', [{ path: ['unitId'], message: 'unknown unit', code: 'custom' }]);
  const loaded = requireKnownPolicy(deps, input.policyId);
  const charter: Charter = {
    title: input.title,
    purpose: input.purpose,
    hypothesis: input.hypothesis,
    successCriteria: input.successCriteria,
    briefing: input.briefing,
    assistants: input.assistants,
    questions: input.questions,
    criteria: input.criteria,
    possiblyHighRisk: input.possiblyHighRisk,
    policyId: input.policyId,
    policyVersion: loaded.version,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
  };
  requireEndAfterStart(charter.startsAt, charter.endsAt);
  requireAllowedAssistants(loaded, charter.assistants);
  const created = await deps.db.$transaction(async (tx) => {
    const t = await tx.trial.create({
      data: { ...charterData(charter), unitId, status: 'DRAFT', version: 1, briefingRevision: 1, createdById: actor.id },
    });
    await tx.trialRevision.create({ data: { trialId: t.id, version: 1, charter: snapshot(charter), changedById: actor.id } });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.created',
      resourceType: 'trial',
      resourceId: t.id,
      unitId,
      details: { version: 1, policyId: charter.policyId, policyVersion: charter.policyVersion, assistants: charter.assistants },
    });
    return t;
  });
  return detailOf(deps, actor, created.id);
}

const CHARTER_FIELDS = [
  'title',
  'purpose',
  'hypothesis',
  'successCriteria',
  'briefing',
  'assistants',
  'questions',
  'criteria',
  'possiblyHighRisk',
  'policyId',
  'startsAt',
  'endsAt',
] as const;

/** Changes that alter what participants acknowledged: they read the briefing again before their next run. */
const BRIEFING_FIELDS: readonly string[] = ['briefing', 'policyId', 'assistants'];

function versionConflict(current: number): AppError {
  return conflict(
    'VERSION_CONFLICT',
    'Prøvehandlingen er blevet ændret af en anden, siden du åbnede den. Hent den nyeste udgave, og lav dine ændringer igen.',
    { currentVersion: current },
  );
}

/** Applies a version-guarded write: only when the row is still at the version the editor started from. */
async function bumpVersion(tx: Tx, id: string, from: number, data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.trial.updateMany({ where: { id, version: from }, data: { ...data, version: from + 1 } });
  // Someone else changed it between our read and this write: the transaction rolls back, nothing is half-written.
  if (count === 0) throw versionConflict(from + 1);
}

export async function updateTrial(deps: Deps, actor: Actor, id: string, input: UpdateTrialRequest): Promise<TrialDetail> {
  const { trial } = await requireAdmin(deps, actor, id);
  requireNotClosed(trial);
  if (trial.version !== input.expectedVersion) throw versionConflict(trial.version);

  const before = charterOf(trial);
  const after: Charter = {
    ...before,
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.purpose !== undefined ? { purpose: input.purpose } : {}),
    ...(input.hypothesis !== undefined ? { hypothesis: input.hypothesis } : {}),
    ...(input.successCriteria !== undefined ? { successCriteria: input.successCriteria } : {}),
    ...(input.briefing !== undefined ? { briefing: input.briefing } : {}),
    ...(input.assistants !== undefined ? { assistants: input.assistants } : {}),
    ...(input.questions !== undefined ? { questions: input.questions } : {}),
    ...(input.criteria !== undefined ? { criteria: input.criteria } : {}),
    ...(input.possiblyHighRisk !== undefined ? { possiblyHighRisk: input.possiblyHighRisk } : {}),
    ...(input.startsAt !== undefined ? { startsAt: new Date(input.startsAt) } : {}),
    ...(input.endsAt !== undefined ? { endsAt: new Date(input.endsAt) } : {}),
  };
  if (input.policyId !== undefined && input.policyId !== before.policyId) {
    after.policyId = input.policyId;
    after.policyVersion = requireKnownPolicy(deps, input.policyId).version;
  }
  requireEndAfterStart(after.startsAt, after.endsAt);

  const same = (k: (typeof CHARTER_FIELDS)[number]) => {
    const x = before[k];
    const y = after[k];
    return x instanceof Date && y instanceof Date ? x.getTime() === y.getTime() : JSON.stringify(x) === JSON.stringify(y);
  };
  const changed = CHARTER_FIELDS.filter((k) => !same(k));
  if (changed.length === 0) return detailOf(deps, actor, id);
  // Checked against the policy file on the server now, also when only another field changed: a charter that
  // disagrees with its policy is not saved until the assistant is removed (or another policy chosen).
  const policyNow = deps.policies.get(after.policyId);
  if (policyNow) requireAllowedAssistants(policyNow, after.assistants);

  const runs = await deps.db.run.count({ where: { trialId: id }, take: 1 });
  const loosened = runs > 0 ? looseningChanges(before, after) : [];
  if (loosened.length > 0 && input.confirmLoosening !== true) {
    throw conflict(
      'CHARTER_LOOSENING_NEEDS_CONFIRMATION',
      `Prøvehandlingen har allerede kørsler, og ændringen løsner rammen: ${loosened.map((l) => l.da).join(', ')}. Bekræft ændringen, hvis den er tilsigtet.`,
      { loosened },
    );
  }

  const version = trial.version + 1;
  const rebrief = changed.some((k) => BRIEFING_FIELDS.includes(k));
  await deps.db.$transaction(async (tx) => {
    await bumpVersion(tx, id, trial.version, { ...charterData(after), ...(rebrief ? { briefingRevision: version } : {}) });
    await tx.trialRevision.create({ data: { trialId: id, version, charter: snapshot(after), changedById: actor.id } });
    // Field names and versions only: the charter's texts stay out of the audit trail.
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.updated',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { fields: [...changed], fromVersion: trial.version, toVersion: version, briefingRevision: rebrief ? version : trial.briefingRevision },
    });
    if (loosened.length > 0) {
      await recordAudit(tx, deps.provider, {
        actor,
        action: 'trial.loosened',
        resourceType: 'trial',
        resourceId: id,
        unitId: trial.unitId,
        details: { loosened: loosened.map((l) => l.code), fromVersion: trial.version, toVersion: version },
      });
    }
  });
  return detailOf(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------------------
// Lifecycle

export async function transitionTrial(deps: Deps, actor: Actor, id: string, input: TransitionRequest): Promise<TrialDetail> {
  const { trial } = await requireAdmin(deps, actor, id);
  const from: TrialStatus = trial.status;
  const to = input.status;
  if (!canTransition(from, to)) {
    throw conflict('INVALID_TRANSITION', `En prøvehandling kan ikke gå fra ${STATUS_DA[from]} til ${STATUS_DA[to]}.`, {
      from,
      to,
      allowed: allowedTransitions(from),
    });
  }
  const loaded = deps.policies.get(trial.policyId);
  const data: { status: TrialStatus; policyVersion?: string } = { status: to };
  if (to === 'ACTIVE') {
    const participantCount = await deps.db.trialParticipant.count({ where: { trialId: id } });
    const reasons = activationProblems({
      briefing: trial.briefing,
      assistants: JSON.parse(trial.assistants) as string[],
      participantCount,
      missingApprovals: loaded ? loaded.missingApprovals : null,
      endsAtDay: localDay(trial.endsAt),
      todayDay: localDay(deps.now()),
      assistantsNotAllowed: loaded ? notAllowedMessage(loaded, JSON.parse(trial.assistants) as AssistantId[]) : null,
    });
    if (reasons.length > 0) {
      throw conflict('TRIAL_NOT_READY', `Prøvehandlingen kan ikke sættes i gang endnu: ${reasons.map((r) => r.da).join(' ')}`, { reasons });
    }
    // The policy the trial runs under is the one on the server at the moment it starts.
    data.policyVersion = loaded!.version;
  }
  await deps.db.$transaction(async (tx) => {
    // Guarded on the status we checked, so two simultaneous transitions cannot both pass.
    const { count } = await tx.trial.updateMany({ where: { id, status: from }, data });
    if (count === 0) throw conflict('INVALID_TRANSITION', 'Prøvehandlingens status er lige blevet ændret af en anden. Hent den igen.', { from, to });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.status_changed',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { from, to, ...(data.policyVersion ? { policyVersion: data.policyVersion } : {}), reasonGiven: Boolean(input.reason) },
    });
  });
  return detailOf(deps, actor, id);
}

const STATUS_DA: Record<TrialStatus, string> = {
  DRAFT: 'kladde',
  ACTIVE: 'aktiv',
  PAUSED: 'på pause',
  CLOSED: 'afsluttet',
};

export async function confirmPolicy(deps: Deps, actor: Actor, id: string): Promise<TrialDetail> {
  const { trial } = await requireAdmin(deps, actor, id);
  requireNotClosed(trial);
  const loaded = deps.policies.get(trial.policyId);
  if (!loaded) {
    throw conflict('POLICY_UNAVAILABLE', 'Prøvehandlingens datapolitik findes ikke på serveren. Vælg en anden datapolitik.', {
      policyId: trial.policyId,
    });
  }
  if (loaded.version === trial.policyVersion) return detailOf(deps, actor, id);
  // Confirming a version that no longer allows one of the trial's assistants would let the charter and its
  // policy disagree: the leader removes the assistant from the charter first, then confirms.
  requireAllowedAssistants(loaded, charterOf(trial).assistants, true);
  const version = trial.version + 1;
  const after: Charter = { ...charterOf(trial), policyVersion: loaded.version };
  await deps.db.$transaction(async (tx) => {
    // Participants read the changed policy before their next run.
    await bumpVersion(tx, id, trial.version, { policyVersion: loaded.version, briefingRevision: version });
    await tx.trialRevision.create({ data: { trialId: id, version, charter: snapshot(after), changedById: actor.id } });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.policy_confirmed',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { policyId: trial.policyId, from: trial.policyVersion, to: loaded.version, version },
    });
  });
  return detailOf(deps, actor, id);
}

// ---------------------------------------------------------------------------------------------------------
// Participants

export async function setParticipants(deps: Deps, actor: Actor, id: string, input: SetParticipantsRequest): Promise<TrialDetail> {
  const { trial } = await requireAdmin(deps, actor, id);
  requireNotClosed(trial);
  const wanted = [...new Set(input.userIds)];
  const found = await deps.db.user.findMany({ where: { id: { in: wanted }, active: true }, select: { id: true } });
  const known = new Set(found.map((u) => u.id));
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

// ---------------------------------------------------------------------------------------------------------
// Briefing (AI Act Art. 4: participants know what they are using before they use it)

async function requireBriefingAccess(deps: Deps, actor: Actor, id: string) {
  const a = await loadAccess(deps, actor, id);
  // Only those who take part read and acknowledge; a draft is shown to its administrators only.
  if (!a.participant || (a.trial.status === 'DRAFT' && !a.admin)) throw notFound(TRIAL);
  return { trial: a.trial, participant: a.participant };
}

function briefingOf(deps: Deps, trial: Trial, participant: { briefedAt: Date | null; briefingVersion: number | null }): BriefingView {
  const loaded = deps.policies.get(trial.policyId);
  const offline = loaded?.policy.providers.some((p) => p.provider === 'offline') ?? false;
  const acknowledged = hasCurrentBriefing(participant, trial);
  return {
    trialId: trial.id,
    trialTitle: trial.title,
    briefing: trial.briefing,
    assistants: (JSON.parse(trial.assistants) as AssistantId[]).map((id) => ({
      id,
      name: ASSISTANT_NAMES[id].da,
      whatItIs: ASSISTANT_BRIEFING[id].whatItIs,
      failureModes: [...ASSISTANT_BRIEFING[id].failureModes, ...(offline ? [OFFLINE_ENGINE_NOTE] : [])],
    })),
    policy: {
      id: trial.policyId,
      title: loaded?.policy.title.da ?? trial.policyId,
      plain: loaded ? plainLanguage(loaded.policy) : { may: [], mayNot: [], must: [] },
    },
    briefingRevision: trial.briefingRevision,
    acknowledged,
    briefedAt: acknowledged ? (participant.briefedAt?.toISOString() ?? null) : null,
  };
}

export async function getBriefing(deps: Deps, actor: Actor, id: string): Promise<BriefingView> {
  const { trial, participant } = await requireBriefingAccess(deps, actor, id);
  return briefingOf(deps, trial, participant);
}

export async function acknowledgeBriefing(
  deps: Deps,
  actor: Actor,
  id: string,
  input: AcknowledgeBriefingRequest,
): Promise<BriefingView> {
  const { trial } = await requireBriefingAccess(deps, actor, id);
  if (input.briefingRevision !== trial.briefingRevision) {
    throw conflict('BRIEFING_OUTDATED', 'Introduktionen er blevet ændret, siden du åbnede den. Læs den nye udgave, og bekræft igen.', {
      briefingRevision: trial.briefingRevision,
    });
  }
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    // Guarded on the revision just checked: a briefing changed meanwhile is not acknowledged unread.
    const { count } = await tx.trialParticipant.updateMany({
      where: { trialId: id, userId: actor.id, trial: { briefingRevision: input.briefingRevision } },
      data: { briefedAt: now, briefingVersion: input.briefingRevision },
    });
    if (count === 0) {
      throw conflict('BRIEFING_OUTDATED', 'Introduktionen er blevet ændret, siden du åbnede den. Læs den nye udgave, og bekræft igen.');
    }
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'trial.briefing_acknowledged',
      resourceType: 'trial',
      resourceId: id,
      unitId: trial.unitId,
      details: { briefingRevision: input.briefingRevision },
    });
  });
  return getBriefing(deps, actor, id);
}

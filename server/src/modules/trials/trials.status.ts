/** Moving a trial through its lifecycle and confirming a changed policy (trials.service.ts is the front door). */
import type { AssistantId } from '../../contracts/policies.js';
import { type TransitionRequest, type TrialDetail, type TrialStatus } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { localDay } from '../../lib/dates.js';
import { conflict } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { activationProblems, allowedTransitions, canTransition } from './trials.lifecycle.js';
import { requireAdmin, requireNotClosed, type Charter, charterOf, snapshot, notAllowedMessage, requireAllowedAssistants, detailOf, bumpVersion } from './trials.access.js';

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

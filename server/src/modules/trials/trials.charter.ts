/** Creating a trial and changing its charter, each change versioned and audited (trials.service.ts is the front door). */
import { type CreateTrialRequest, type TrialDetail, type TrialRevisionView, type UpdateTrialRequest } from '../../contracts/trials.js';
import type { Deps } from '../../deps.js';
import { badRequest, conflict, forbidden } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { canAdministerTrial } from '../auth/permissions.service.js';
import { trialHasRuns } from '../runs/run-records.service.js';
import { unitExists } from '../users/users.service.js';
import { looseningChanges } from './trials.lifecycle.js';
import { requireAdmin, requireNotClosed, type Charter, charterOf, snapshot, charterData, requireKnownPolicy, requireAllowedAssistants, requireEndAfterStart, detailOf, versionConflict, bumpVersion } from './trials.access.js';

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
  if (!(await unitExists(deps.db, unitId))) throw badRequest('VALIDATION_FAILED', 'Enheden findes ikke. Vælg en anden enhed.', [{ path: ['unitId'], message: 'unknown unit', code: 'custom' }]);
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

  const loosened = (await trialHasRuns(deps.db, id)) ? looseningChanges(before, after) : [];
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

import type { ComplianceApprovalRequest, ComplianceDocument, ComplianceKind, ComplianceList } from '../../contracts/compliance.js';
import { actionFor, DataClass } from '../../contracts/policies.js';
import type { Deps } from '../../deps.js';
import { danishDate, localDay } from '../../lib/dates.js';
import { AppError, conflict, notFound } from '../../lib/errors.js';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { humanOversightOf, ORGANISATION } from '../insights/insights.service.js';
import { allowsProvider, destinationOf } from '../policies/policy-rules.service.js';
import { finalTextDocx } from '../reviews/reviews.service.js';
import { complianceFactsOf } from '../trials/trials.service.js';
import { isDataProtectionAdviser } from '../users/users.service.js';
import { changesBetween, draftOf, factsFor, hashOf, kindsOf, markdownOf, type DraftFacts } from './compliance.drafts.js';

/** The facts of a trial now: its charter, the policy it runs under, the provider a run goes to, the briefing record. */
async function factsOf(deps: Deps, actor: Actor, trialId: string, adviser: boolean) {
  const t = await complianceFactsOf(deps, actor, trialId, adviser);
  const c = t.charter;
  const loaded = deps.policies.get(c.policyId);
  const policy = loaded?.policy;
  // The provider a run goes to: the configured one when the policy allows it, else the offline engine.
  const provider = deps.providers.choose((kind, model) => (policy ? allowsProvider(policy, kind, model) : kind === 'offline'));
  const facts: DraftFacts = {
    organisation: ORGANISATION,
    title: c.title,
    purpose: c.purpose,
    hypothesis: c.hypothesis,
    unit: t.unit,
    period: { startsAt: localDay(c.startsAt), endsAt: localDay(c.endsAt) },
    assistants: c.assistants,
    possiblyHighRisk: c.possiblyHighRisk,
    policy: loaded
      ? { id: c.policyId, version: loaded.approvedOn ?? loaded.version.slice(0, 12), title: loaded.policy.title.da, approvals: loaded.policy.approvals, missingApprovals: loaded.missingApprovals }
      : null,
    dataClasses: policy
      ? (Object.fromEntries(DataClass.options.map((k) => [k, { local: actionFor(policy.dataClasses[k], 'local'), external: actionFor(policy.dataClasses[k], 'external') }])) as DraftFacts['dataClasses'])
      : null,
    humanOversight: humanOversightOf(policy?.humanReview),
    retentionDays: policy?.retentionDays ?? null,
    limits: policy?.limits ?? null,
    disclosureLabel: policy?.disclosureLabel.da ?? null,
    recipient: { kind: provider.kind, model: provider.model, destination: policy ? destinationOf(policy, provider.kind, provider.baseUrl) : 'external' },
    briefingRevision: t.briefingRevision,
    participants: t.participants.map((p) => ({ name: p.name, briefedAt: p.briefedAt?.toISOString() ?? null, current: p.current })),
  };
  return { trial: t, facts };
}

async function documentOf(deps: Deps, trialId: string, kind: ComplianceKind, facts: DraftFacts): Promise<ComplianceDocument> {
  const picked = factsFor(kind, facts);
  const factsHash = hashOf(picked);
  const { title, sections } = draftOf(kind, facts);
  const last = await deps.db.complianceApproval.findFirst({
    where: { trialId, kind },
    orderBy: [{ approvedAt: 'desc' }, { id: 'desc' }],
    include: { approvedBy: { select: { name: true } } },
  });
  const current = last?.factsHash === factsHash;
  return {
    kind,
    title,
    factsHash,
    sections,
    approval: last ? { approvedBy: { name: last.approvedBy.name }, approvedAt: last.approvedAt.toISOString(), current } : null,
    outdated: last !== null && !current,
    changes: last && !current ? changesBetween(JSON.parse(last.facts) as Partial<DraftFacts>, picked) : [],
  };
}

/** Every draft of a trial, each with whether the adviser signed off its current version and what changed since. */
export async function listCompliance(deps: Deps, actor: Actor, trialId: string): Promise<ComplianceList> {
  const adviser = await isDataProtectionAdviser(deps.db, actor.id);
  const { trial, facts } = await factsOf(deps, actor, trialId, adviser);
  const documents = [];
  for (const kind of kindsOf(facts)) documents.push(await documentOf(deps, trial.id, kind, facts));
  return { organisation: ORGANISATION, trial: { id: trial.id, title: facts.title, possiblyHighRisk: facts.possiblyHighRisk }, documents, canApprove: adviser };
}

async function oneDocument(deps: Deps, actor: Actor, trialId: string, kind: ComplianceKind, adviser: boolean) {
  const { trial, facts } = await factsOf(deps, actor, trialId, adviser);
  if (!kindsOf(facts).includes(kind)) throw notFound('Dokumentet');
  return { trial, facts, document: await documentOf(deps, trial.id, kind, facts) };
}

/**
 * The data protection adviser signs off the version they read: `factsHash` must be the draft's version now, or
 * a change made while they read it would be signed off unseen (409 COMPLIANCE_DRAFT_CHANGED).
 */
export async function approveCompliance(deps: Deps, actor: Actor, trialId: string, kind: ComplianceKind, input: ComplianceApprovalRequest): Promise<ComplianceDocument> {
  const adviser = await isDataProtectionAdviser(deps.db, actor.id);
  const { trial, facts, document } = await oneDocument(deps, actor, trialId, kind, adviser);
  if (!adviser) {
    throw new AppError('NOT_DATA_PROTECTION_ADVISER', 'Kun databeskyttelsesrådgiveren kan godkende udkastet.', 403);
  }
  if (input.factsHash !== document.factsHash) {
    throw conflict('COMPLIANCE_DRAFT_CHANGED', 'Udkastet er ændret, siden du åbnede det. Læs den nye version, og godkend den igen.', { factsHash: document.factsHash });
  }
  await deps.db.$transaction(async (tx) => {
    await tx.complianceApproval.create({
      data: { trialId: trial.id, kind, factsHash: document.factsHash, facts: JSON.stringify(factsFor(kind, facts)), approvedById: actor.id },
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'compliance.approved',
      resourceType: 'trial',
      resourceId: trial.id,
      unitId: trial.unitId,
      details: { kind, factsHash: document.factsHash },
    });
  });
  return documentOf(deps, trial.id, kind, facts);
}

/** The draft as a Word file, audited as an export of the trial's documentation. */
export async function exportComplianceDocx(deps: Deps, actor: Actor, trialId: string, kind: ComplianceKind): Promise<{ file: Buffer; fileName: string }> {
  const adviser = await isDataProtectionAdviser(deps.db, actor.id);
  const { trial, facts, document } = await oneDocument(deps, actor, trialId, kind, adviser);
  const status = document.approval?.current
    ? `Godkendt af databeskyttelsesrådgiveren ${danishDate(new Date(document.approval.approvedAt))}`
    : document.outdated
      ? 'Udkast: ændret siden databeskyttelsesrådgiverens godkendelse'
      : 'Udkast: ikke godkendt af databeskyttelsesrådgiveren';
  const file = await finalTextDocx({
    organisation: ORGANISATION,
    title: document.title,
    approvedOn: danishDate(deps.now()),
    text: markdownOf(document.title, ORGANISATION, facts.title, document.sections),
    markdown: true,
    label: `${status} · version ${document.factsHash.slice(0, 12)}`,
  });
  await recordAuditAlone(deps.db, deps.provider, {
    actor,
    action: 'compliance.exported',
    resourceType: 'trial',
    resourceId: trial.id,
    unitId: trial.unitId,
    details: { kind, factsHash: document.factsHash, format: 'docx' },
  });
  return { file, fileName: `${kind}-${localDay(deps.now())}.docx` };
}

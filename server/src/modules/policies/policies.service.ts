import {
  type AssistantId,
  type PolicyDetail,
  type PolicySummary,
  type PreviewResponse,
} from '../../contracts/policies.js';
import type { Deps } from '../../deps.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../auth/auth.types.js';
import { destinationOfProvider, guardText, providerFor } from '../gateway/gateway.service.js';
import type { LoadedPolicy } from './policies.loader.js';
import { actionOf } from './policy.evaluate.js';
import { plainLanguage } from './policy.plain.js';


function summary(l: LoadedPolicy): PolicySummary {
  const p = l.policy;
  return {
    id: p.id,
    version: l.version,
    title: p.title,
    explanation: p.explanation,
    status: l.missingApprovals.length ? 'AWAITING_APPROVAL' : 'APPROVED',
    missingApprovals: l.missingApprovals,
    approvedOn: l.approvedOn,
    assistants: p.assistants,
    providers: p.providers,
  };
}

export function listPolicies(deps: Deps): PolicySummary[] {
  return [...deps.policies.values()].map(summary).sort((a, b) => a.title.da.localeCompare(b.title.da, 'da'));
}

export function requirePolicy(deps: Deps, id: string): LoadedPolicy {
  const found = deps.policies.get(id);
  if (!found) throw notFound('Datapolitikken');
  return found;
}

/** The assistants among `assistants` that the policy does not allow, in the order given; empty when all fit. */
export function assistantsNotAllowed(l: LoadedPolicy, assistants: readonly AssistantId[]): AssistantId[] {
  return assistants.filter((a) => !l.policy.assistants.includes(a));
}

export function getPolicy(deps: Deps, id: string): PolicyDetail {
  const l = requirePolicy(deps, id);
  const p = l.policy;
  return {
    ...summary(l),
    dataClasses: p.dataClasses,
    humanReview: p.humanReview,
    retentionDays: p.retentionDays,
    limits: p.limits,
    disclosureLabel: p.disclosureLabel,
    approvals: p.approvals,
    plain: plainLanguage(p),
  };
}

/**
 * What would happen to this text under the policy, before anything is sent: the decision, the reasons in
 * plain Danish, where the findings are (to highlight them in the person's own text) and what the provider
 * would receive. Nothing is stored and nothing is logged: the text only passes through memory.
 */
export function previewPolicy(
  deps: Deps,
  _actor: Actor,
  id: string,
  input: { text: string; assistant?: AssistantId },
): PreviewResponse {
  const l = requirePolicy(deps, id);
  // Judged for where a run would send the text now, exactly as the gateway would send it.
  const provider = providerFor(deps, l.policy);
  const guarded = guardText(l.policy, input.text, destinationOfProvider(provider), input.assistant ? { assistant: input.assistant } : {});
  const { evaluation } = guarded;
  const destination = evaluation.destination;
  return {
    policyId: l.policy.id,
    policyVersion: l.version,
    decision: evaluation.decision,
    reasons: evaluation.reasons,
    counts: evaluation.counts,
    findings: guarded.entities.map((e) => ({ type: e.type, start: e.start, end: e.end, action: actionOf(l.policy, e.type, destination) })),
    maskedText: guarded.text,
  };
}

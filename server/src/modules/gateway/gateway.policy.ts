import type { PolicyFile } from '../../contracts/policies.js';
import type { Deps } from '../../deps.js';
import { conflict } from '../../lib/errors.js';
import type { LoadedPolicy } from '../policies/policy-rules.service.js';
import { servedPolicyVersion } from '../policies/policy-versions.service.js';
import { allowsProvider } from '../policies/policy-rules.service.js';
import type { Provider } from '../providers/providers.types.js';

/** What the text is sent for: it decides the wording of a refusal, not the rule. */
export type Purpose = 'run' | 'transcription';

const NOT_SIGNED_OFF: Record<Purpose, string> = {
  run: 'Prøvehandlingens datapolitik er ikke godkendt af alle (jura, IT-sikkerhed og databeskyttelsesrådgiveren), så den kan ikke bruges endnu. Kontakt Digital Udvikling.',
  transcription:
    'Prøvehandlingens datapolitik er ikke godkendt af alle endnu, så optagelsen kan ikke sendes til udskrift. Kontakt Digital Udvikling.',
};

/**
 * The trial's policy when it may govern work: it is on the server (else 409 POLICY_UNAVAILABLE) and signed off
 * by legal, IT security and the DPO (else 409 POLICY_NOT_APPROVED). A draft trial may look with an unsigned
 * policy (a run of a draft trial is refused for other reasons first).
 */
export function requireUsablePolicy(deps: Deps, trial: { policyId: string; status: string }, purpose: Purpose = 'run'): LoadedPolicy {
  const loaded = deps.policies.get(trial.policyId);
  if (!loaded) {
    throw conflict('POLICY_UNAVAILABLE', 'Prøvehandlingens datapolitik findes ikke på serveren. Kontakt Digital Udvikling.', {
      policyId: trial.policyId,
    });
  }
  if (loaded.missingApprovals.length > 0 && trial.status !== 'DRAFT') {
    throw conflict('POLICY_NOT_APPROVED', NOT_SIGNED_OFF[purpose], { policyId: trial.policyId, missingApprovals: loaded.missingApprovals });
  }
  return loaded;
}

/**
 * The policy version that governs a trial's work: the one the trial recorded (at activation or the leader's
 * last confirmation). Usually this instance's own file. During a rolling deploy it may not be: the version is
 * then taken from the database as long as some instance served it within POLICY_ROLLOUT_MINUTES, so every
 * instance governs the trial alike, whichever has the new file first (docs/decisions/0016). Once no instance
 * serves it, the trial's runs stop with 409 POLICY_CHANGED everywhere until the leader confirms the new version.
 */
export async function requireTrialPolicy(
  deps: Deps,
  trial: { policyId: string; status: string; policyVersion: string },
  purpose: Purpose = 'run',
): Promise<LoadedPolicy> {
  const own = requireUsablePolicy(deps, trial, purpose);
  if (own.version === trial.policyVersion) return own;
  const served = await servedPolicyVersion(deps, trial.policyId, trial.policyVersion);
  if (!served) {
    throw conflict(
      'POLICY_CHANGED',
      'Datapolitikken er ændret, siden prøvehandlingen blev sat op. Lederen skal bekræfte den nye version, før assistenten kan bruges.',
      { policyId: trial.policyId, recorded: trial.policyVersion, current: own.version },
    );
  }
  if (served.missingApprovals.length > 0 && trial.status !== 'DRAFT') {
    throw conflict('POLICY_NOT_APPROVED', NOT_SIGNED_OFF[purpose], { policyId: trial.policyId, missingApprovals: served.missingApprovals });
  }
  return served;
}

/** The policy when it is on the server and signed off; null otherwise (for work that falls back instead of failing). */
export function approvedPolicy(deps: Deps, policyId: string): PolicyFile | null {
  const loaded = deps.policies.get(policyId);
  return loaded && loaded.missingApprovals.length === 0 ? loaded.policy : null;
}

/** The policy lists the provider, with this model or "*". */
export const providerAllowed = (policy: PolicyFile, provider: Pick<Provider, 'kind' | 'model'>, model = provider.model): boolean =>
  allowsProvider(policy, provider.kind, model);

/**
 * The provider a request under this policy goes to: the configured one when the policy allows it, else the
 * offline engine when it does, else the configured one (which evaluation then refuses, with its reason).
 */
export function providerFor(deps: Deps, policy: PolicyFile): Provider {
  return deps.providers.choose((kind, model) => allowsProvider(policy, kind, model));
}

import type { AssistantId } from '../../contracts/policies.js';
import type { CharterLooseningDetails, TrialNotReadyDetails, TrialStatus } from '../../contracts/trials.js';

/**
 * The lifecycle of a trial. A draft is started once; a running trial can pause and resume; closing is final,
 * so the experience it gathered stays comparable with what it was set up to test.
 */
const TRANSITIONS: Record<TrialStatus, readonly TrialStatus[]> = {
  DRAFT: ['ACTIVE'],
  ACTIVE: ['PAUSED', 'CLOSED'],
  PAUSED: ['ACTIVE', 'CLOSED'],
  CLOSED: [],
};

export function allowedTransitions(from: TrialStatus): TrialStatus[] {
  return [...TRANSITIONS[from]];
}

export function canTransition(from: TrialStatus, to: TrialStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export type NotReadyReason = TrialNotReadyDetails['reasons'][number];

/** What a trial must have before people may use it with real work; empty when it is ready. */
export function activationProblems(t: {
  briefing: string;
  assistants: readonly string[];
  participantCount: number;
  /** null: the policy is no longer on the server. */
  missingApprovals: readonly string[] | null;
  endsAtDay: string;
  todayDay: string;
  /** Why the policy does not allow some of the charter's assistants (assistantsNotAllowedMessage); null when all fit. */
  assistantsNotAllowed?: string | null;
}): NotReadyReason[] {
  const reasons: NotReadyReason[] = [];
  if (t.briefing.trim() === '') {
    reasons.push({ code: 'NO_BRIEFING', da: 'Skriv en introduktion, som deltagerne skal læse og bekræfte, før de bruger assistenten.' });
  }
  if (t.assistants.length === 0) {
    reasons.push({ code: 'NO_ASSISTANT', da: 'Vælg mindst én assistent.' });
  }
  if (t.assistantsNotAllowed) {
    reasons.push({ code: 'ASSISTANT_NOT_ALLOWED_BY_POLICY', da: t.assistantsNotAllowed });
  }
  if (t.participantCount === 0) {
    reasons.push({ code: 'NO_PARTICIPANTS', da: 'Tilføj mindst én deltager.' });
  }
  if (t.missingApprovals === null) {
    reasons.push({ code: 'POLICY_UNAVAILABLE', da: 'Datapolitikken findes ikke længere på serveren. Vælg en anden datapolitik.' });
  } else if (t.missingApprovals.length > 0) {
    reasons.push({
      code: 'POLICY_NOT_APPROVED',
      da: 'Datapolitikken er ikke godkendt af både jura, IT-sikkerhed og databeskyttelsesrådgiveren. Kontakt Digital Udvikling.',
    });
  }
  if (t.endsAtDay < t.todayDay) {
    reasons.push({ code: 'ENDED', da: 'Slutdatoen er passeret. Flyt slutdatoen frem, før prøvehandlingen sættes i gang.' });
  }
  return reasons;
}

/**
 * The Danish sentence that says which of the charter's assistants the policy does not allow and what to do.
 * `names` are the assistants' Danish names; `changed` when a new version of the trial's own policy dropped them.
 */
export function assistantsNotAllowedMessage(policyTitle: string, names: readonly string[], changed = false): string {
  const quoted = names.map((n) => `»${n}«`);
  const list = quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} og ${quoted[quoted.length - 1]}`;
  const them = names.length === 1 ? 'assistenten' : 'assistenterne';
  return changed
    ? `Den nye version af datapolitikken »${policyTitle}« tillader ikke ${list}. Ret rammen, og fjern ${them}, før du bekræfter den nye version.`
    : `Datapolitikken »${policyTitle}« tillader ikke ${list}. Fjern ${them}, eller vælg en anden datapolitik.`;
}

export type Loosening = CharterLooseningDetails['loosened'][number];

interface LooseningCharter {
  assistants: readonly AssistantId[];
  policyId: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * What a change would allow that the charter did not allow before: more assistants, another policy, a longer
 * period. Once runs exist, these change the terms people already worked under, so they are never made silently.
 */
export function looseningChanges(before: LooseningCharter, after: LooseningCharter): Loosening[] {
  const out: Loosening[] = [];
  const added = after.assistants.filter((a) => !before.assistants.includes(a));
  if (added.length) out.push({ code: 'ASSISTANT_ADDED', da: `flere assistenter (${added.join(', ')})` });
  if (after.policyId !== before.policyId) out.push({ code: 'POLICY_CHANGED', da: 'en anden datapolitik' });
  if (after.endsAt.getTime() > before.endsAt.getTime()) out.push({ code: 'ENDS_LATER', da: 'en senere slutdato' });
  if (after.startsAt.getTime() < before.startsAt.getTime()) out.push({ code: 'STARTS_EARLIER', da: 'en tidligere startdato' });
  return out;
}

import {
  DataClass,
  actionFor,
  type AssistantId,
  type DataAction,
  type Decision,
  type Destination,
  type PolicyFile,
  type ProviderKind,
  type Reason,
} from '../../contracts/policies.js';
import { ASSISTANT_NAMES, CLASS_WORDS, capitalise } from './policy.words.js';

export interface Span {
  type: DataClass;
  start: number;
  end: number;
}

export interface EvaluationRequest {
  assistant?: AssistantId;
  provider?: ProviderKind;
  model?: string;
  /** The provider's base URL, to tell the municipality's own servers (the policy's localBaseUrls) from others. */
  baseUrl?: string;
  /** Where the text goes, when it is known without a provider to check (the preview names the one a run would use). */
  destination?: Destination;
  inputChars: number;
}

export interface Evaluation {
  decision: Decision;
  reasons: Reason[];
  counts: { type: DataClass; count: number; action: DataAction }[];
  /** Spans the policy masks: to be replaced by placeholders before anything leaves the server. */
  toMask: Span[];
  /** Whether a second approver is required for this input. */
  fourEyes: boolean;
  /** Where the text would go; null when no provider was named (then every class gets its stricter action). */
  destination: Destination | null;
}

const ORDER: Record<DataAction, number> = { block: 0, mask: 1, warn: 2, allow: 3 };

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

/**
 * Local is the offline engine (nothing leaves the server) or a provider at a base URL the policy itself lists as
 * the municipality's own. Everything else is external, also the same provider kind at another URL: an operator
 * who points AI_PROVIDER elsewhere does not thereby make the policy's local terms apply there.
 */
/** "et CPR-nummer" → det, "en adresse" → den, "helbredsoplysninger" → dem. */
const pronounOf = (one: string) => (one.startsWith('et ') ? 'det' : one.startsWith('en ') ? 'den' : 'dem');

export function destinationOf(policy: PolicyFile, provider: ProviderKind, baseUrl?: string): Destination {
  if (provider === 'offline') return 'local';
  const rule = policy.providers.find((p) => p.provider === provider);
  return baseUrl !== undefined && rule?.localBaseUrls?.some((u) => sameUrl(u, baseUrl)) ? 'local' : 'external';
}

/** The policy lists the provider, with this model or "*". */
export function allowsProvider(policy: PolicyFile, kind: ProviderKind, model: string): boolean {
  const rule = policy.providers.find((p) => p.provider === kind);
  return !!rule && (rule.models.includes('*') || rule.models.includes(model));
}

/** The action for a class: for the destination, or, when it is not known, the stricter of the two. */
export function actionOf(policy: PolicyFile, type: DataClass, destination: Destination | null): DataAction {
  const rule = policy.dataClasses[type] ?? 'block';
  if (destination) return actionFor(rule, destination);
  const [local, external] = [actionFor(rule, 'local'), actionFor(rule, 'external')];
  return ORDER[local] <= ORDER[external] ? local : external;
}

/**
 * Decides what a request may do under a policy, from what the guard found in its text. Pure: no I/O, no
 * text, only types and positions, so the decision can be stored and explained without the content.
 */
export function evaluatePolicy(policy: PolicyFile, spans: Span[], req: EvaluationRequest): Evaluation {
  const reasons: Reason[] = [];
  let blocked = false;

  if (req.assistant && !policy.assistants.includes(req.assistant)) {
    blocked = true;
    reasons.push({
      code: 'ASSISTANT_NOT_ALLOWED',
      da: `${ASSISTANT_NAMES[req.assistant].da} må ikke bruges under denne datapolitik.`,
      en: `${ASSISTANT_NAMES[req.assistant].en} may not be used under this policy.`,
    });
  }
  if (req.provider) {
    const rule = policy.providers.find((p) => p.provider === req.provider);
    const modelOk = rule && (rule.models.includes('*') || (req.model !== undefined && rule.models.includes(req.model)));
    if (!modelOk) {
      blocked = true;
      reasons.push({
        code: 'PROVIDER_NOT_ALLOWED',
        da: 'Den valgte sprogmodel må ikke bruges under denne datapolitik. Vælg en af de tilladte.',
        en: 'The chosen model may not be used under this policy. Choose one of the allowed models.',
      });
    }
  }
  if (req.inputChars > policy.limits.maxInputChars) {
    blocked = true;
    reasons.push({
      code: 'INPUT_TOO_LARGE',
      da: `Teksten er på ${req.inputChars.toLocaleString('da-DK')} tegn; denne prøvehandling tillader højst ${policy.limits.maxInputChars.toLocaleString('da-DK')}. Del den op, eller fjern det, der ikke er nødvendigt.`,
      en: `The text has ${req.inputChars.toLocaleString('en-GB')} characters; this trial allows at most ${policy.limits.maxInputChars.toLocaleString('en-GB')}.`,
    });
  }

  const destination = req.provider ? destinationOf(policy, req.provider, req.baseUrl) : (req.destination ?? null);
  const byType = new Map<DataClass, number>();
  for (const s of spans) byType.set(s.type, (byType.get(s.type) ?? 0) + 1);
  const counts = [...byType.entries()]
    .map(([type, count]) => ({ type, count, action: actionOf(policy, type, destination) }))
    .sort((a, b) => ORDER[a.action] - ORDER[b.action] || DataClass.options.indexOf(a.type) - DataClass.options.indexOf(b.type));

  let masked = false;
  for (const { type, count, action } of counts) {
    const w = CLASS_WORDS[type];
    const one = { da: count === 1 ? w.da[0] : w.da[1], en: count === 1 ? w.en[0] : w.en[1] };
    if (action === 'block') {
      blocked = true;
      reasons.push({
        code: 'DATA_CLASS_BLOCKED',
        dataClass: type,
        da: `Teksten indeholder ${one.da}, og denne prøvehandling tillader ikke ${w.da[1]}. Fjern ${count === 1 ? pronounOf(w.da[0]) : 'dem'}, og prøv igen.`,
        en: `The text contains ${one.en}, and this trial does not allow ${w.en[1]}. Remove ${count === 1 ? 'it' : 'them'} and try again.`,
      });
    } else if (action === 'mask') {
      masked = true;
      reasons.push({
        code: 'DATA_CLASS_MASKED',
        dataClass: type,
        da: `${capitalise(w.da[1])} (${count}) erstattes med pladsholdere, før teksten sendes, og sættes tilbage i dit udkast.`,
        en: `${capitalise(w.en[1])} (${count}) are replaced by placeholders before the text is sent, and restored in your draft.`,
      });
    } else if (action === 'warn') {
      reasons.push({
        code: 'DATA_CLASS_WARNING',
        dataClass: type,
        da: `Teksten indeholder ${one.da}. Det er tilladt, men overvej om ${count === 1 ? 'det' : 'de'} er nødvendig${count === 1 ? 't' : 'e'}.`,
        en: `The text contains ${one.en}. This is allowed, but consider whether it is needed.`,
      });
    }
  }

  const present = new Set(byType.keys());
  const second = policy.humanReview.secondApprover;
  const fourEyes = second === 'always' || (typeof second === 'object' && second.whenPresent.some((c) => present.has(c)));

  return {
    decision: blocked ? 'blocked' : masked ? 'masked' : 'allowed',
    reasons,
    counts,
    toMask: blocked ? [] : spans.filter((s) => actionOf(policy, s.type, destination) === 'mask'),
    fourEyes,
    destination,
  };
}

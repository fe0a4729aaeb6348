import type { AssistantId, DataClass, PolicyFile } from '../../contracts/policies.js';
import type { Entity } from '../guard/guard.types.js';
import { countKeptInLinks, pseudonymise, restore, type PseudonymMapping } from '../guard/guard.service.js';
import { scan } from '../guard/guard.service.js';
import { evaluatePolicy, type Evaluation } from '../policies/policy-rules.service.js';
import type { Provider } from '../providers/providers.types.js';
import { withEveryOccurrence, type MaskSpan } from './gateway.masking.js';

/** Where a text goes: the provider, the model, and its base URL (the policy's local servers are told by it). */
export interface Destination {
  kind: Provider['kind'];
  model: string;
  baseUrl?: string | undefined;
}

export const destinationOfProvider = (provider: Provider, model = provider.model): Destination => ({
  kind: provider.kind,
  model,
  ...(provider.baseUrl ? { baseUrl: provider.baseUrl } : {}),
});

export interface GuardedText {
  /** What the guard found, in the original text. */
  entities: Entity[];
  evaluation: Evaluation;
  /** The spans replaced by placeholders: the policy's, and every other whole-word occurrence of their values. */
  masked: MaskSpan[];
  /** The text as it may leave the server, with placeholders; null when the policy blocks it (then send nothing). */
  text: string | null;
  /** Placeholder → original, including those of the mapping passed in. */
  mapping: PseudonymMapping;
}

/**
 * Scan → evaluate → mask → pseudonymise, for one text bound for `destination`. Pass the mapping of texts sent
 * before with the same request so that one value keeps one placeholder and one mapping restores the answer.
 */
export function guardText(
  policy: PolicyFile,
  text: string,
  destination: Destination,
  opts: { assistant?: AssistantId; inputChars?: number; mapping?: PseudonymMapping } = {},
): GuardedText {
  const entities = scan(text);
  const evaluation = evaluatePolicy(policy, entities, {
    ...(opts.assistant ? { assistant: opts.assistant } : {}),
    provider: destination.kind,
    model: destination.model,
    ...(destination.baseUrl ? { baseUrl: destination.baseUrl } : {}),
    inputChars: opts.inputChars ?? text.length,
  });
  if (evaluation.decision === 'blocked') return { entities, evaluation, masked: [], text: null, mapping: { ...opts.mapping } };
  const masked = withEveryOccurrence(text, evaluation.toMask);
  const result = pseudonymise(text, masked, new Set<DataClass>(masked.map((s) => s.type)), opts.mapping);
  return { entities, evaluation, masked, text: result.text, mapping: result.mapping };
}

/**
 * Further texts that leave with one request (knowledge-base passages with a question) under the same policy and
 * destination: each is guarded like the first and shares its placeholders, so `mapping()` restores all.
 */
export function protector(policy: PolicyFile, destination: Destination, mapping: PseudonymMapping) {
  let current = mapping;
  return {
    protect(text: string): string | null {
      // The extra text's length is the assistant's to bound: only its content is judged here.
      const guarded = guardText(policy, text, destination, { inputChars: 0, mapping: current });
      if (guarded.text === null) return null;
      current = guarded.mapping;
      return guarded.text;
    },
    mapping: (): PseudonymMapping => current,
  };
}

/** The answer with the originals put back. */
export const restoreText = (text: string, mapping: PseudonymMapping): string => restore(text, mapping);

/** Placeholders the model put inside a link, which stay placeholders (what a planted instruction looks like). */
export const placeholdersKeptInLinks = (text: string, mapping: PseudonymMapping): number => countKeptInLinks(text, mapping);

/** Puts the originals back into every string of an assistant's structured result. */
export function restoreDeep(value: unknown, mapping: PseudonymMapping): Record<string, unknown> {
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? restore(v, mapping)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
          : v;
  return walk(value) as Record<string, unknown>;
}

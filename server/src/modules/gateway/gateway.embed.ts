import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { ProviderError } from '../providers/providers.types.js';
import { destinationOfProvider, guardText } from './gateway.guard.js';
import { approvedPolicy, providerAllowed } from './gateway.policy.js';

/** Texts per request to the embeddings endpoint: well under every provider's limit on inputs per call. */
export const EMBED_BATCH_SIZE = 64;

export interface TrialEmbeddings {
  provider: string;
  model: string;
  /** One per text, in order; null where the policy would block the text, so it was not sent. */
  vectors: (Float32Array | null)[];
  sent: number;
  skippedBlocked: number;
}

export interface EmbedOptions {
  /** What the vectors are for: knowledge-base passages being indexed, or a question being searched with. */
  purpose: 'index' | 'query';
  signal?: AbortSignal;
  /** The document being indexed, for the audit trail. */
  documentId?: string;
  /** The run a question is embedded for (the knowledge-base assistant's search), for the audit trail. */
  runId?: string;
}

/** The trial whose policy governs the texts (the caller reads it: trials are above the gateway). */
export interface EmbeddingTrial {
  id: string;
  unitId: string;
  policyId: string;
}

/** Whether an embeddings model is configured at all: when not, nothing is embedded and nothing need be read. */
export function embeddingsConfigured(deps: Pick<Deps, 'providers'>): boolean {
  return Boolean(deps.providers.configured.embed && deps.providers.configured.embeddingModel);
}

/**
 * The governed way to embeddings, the gateway's guardText as for a run's text (docs/decisions/0004 and 0007). Returns null,
 * having sent nothing, when no embeddings model is configured, the trial's policy is gone, the policy is
 * not approved, or it does not allow the configured provider with the embeddings model (the same rule as for
 * a run: the provider is listed with that model or "*"). Otherwise each text meets the guard as a run's input
 * does: scan, then the policy; a text the policy would block is not sent and gets no vector, a masked one is
 * sent with placeholders only. One audit event per call, with counts and never text. A provider failure is
 * audited and thrown as the ProviderError it is: callers fall back to BM25.
 */
export async function embedForTrial(
  deps: Deps,
  actor: Pick<Actor, 'id' | 'role'> | null,
  trial: EmbeddingTrial,
  texts: readonly string[],
  opts: EmbedOptions,
): Promise<TrialEmbeddings | null> {
  const provider = deps.providers.configured;
  const model = provider.embeddingModel;
  if (!provider.embed || !model) return null;
  // A policy not yet signed off governs no real work (as for runs); a missing one allows nothing.
  const policy = approvedPolicy(deps, trial.policyId);
  const allowed = !!policy && providerAllowed(policy, provider, model);
  const destination = destinationOfProvider(provider, model);

  const audit = async (details: Record<string, string | number | boolean>) => {
    await deps.db.$transaction((tx) =>
      recordAudit(tx, deps.provider, {
        actor,
        action: 'documents.embedded',
        resourceType: opts.documentId ? 'document' : 'trial',
        resourceId: opts.documentId ?? trial.id,
        unitId: trial.unitId,
        details: {
          trialId: trial.id,
          ...(opts.runId ? { runId: opts.runId } : {}),
          purpose: opts.purpose,
          provider: provider.kind,
          model,
          texts: texts.length,
          ...details,
        },
      }),
    );
  };
  if (!allowed || !policy) {
    // Nothing leaves the server; the trail shows that the policy, not a failure, kept the texts here.
    await audit({ allowed: false, sent: 0, skipped_blocked: 0, tokens: 0 });
    return null;
  }

  const outgoing: { index: number; text: string }[] = [];
  let masked = 0;
  texts.forEach((text, index) => {
    // Each text gets its own placeholders: a vector needs no restoring, so no mapping is kept.
    const guarded = guardText(policy, text, destination);
    if (guarded.text === null) return;
    if (guarded.masked.length) masked++;
    outgoing.push({ index, text: guarded.text });
  });

  const vectors: (Float32Array | null)[] = texts.map(() => null);
  let sent = 0;
  let tokens = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < outgoing.length; i += EMBED_BATCH_SIZE) {
      const batch = outgoing.slice(i, i + EMBED_BATCH_SIZE);
      const result = await provider.embed(
        batch.map((b) => b.text),
        opts.signal,
      );
      sent += batch.length;
      tokens += result.usage.promptTokens;
      batch.forEach((b, k) => (vectors[b.index] = result.vectors[k]!));
    }
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    await audit({ allowed: true, sent, skipped_blocked: texts.length - outgoing.length, masked, tokens, errorCode: err.kind });
    deps.logger.warn({ trialId: trial.id, purpose: opts.purpose, provider: provider.kind, model, kind: err.kind, httpStatus: err.status, sent }, 'embeddings call failed');
    throw err;
  }
  const skippedBlocked = texts.length - outgoing.length;
  await audit({ allowed: true, sent, skipped_blocked: skippedBlocked, masked, tokens });
  deps.logger.info(
    { trialId: trial.id, purpose: opts.purpose, provider: provider.kind, model, sent, skippedBlocked, durationMs: Math.round(performance.now() - started) },
    'texts embedded',
  );
  return { provider: provider.kind, model, vectors, sent, skippedBlocked };
}

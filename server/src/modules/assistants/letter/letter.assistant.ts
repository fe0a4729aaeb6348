import type { Assistant, AssistantRequest, AssistantResult } from '../assistant.types.js';
import { OFFLINE_NOTICE } from '../../providers/providers.types.js';
import { ProviderError } from '../../providers/providers.types.js';
import { checkLetter } from './letter.checklist.js';
import { finishLetterDetails } from './letter.details.js';
import { lix } from './letter.lix.js';
import { rewriteWithModel } from './letter.llm.js';
import { rewriteLetter } from './letter.rewrite.js';

/**
 * "Mød Mig På Skrift": a letter to a citizen rewritten in plain Danish (klarsprog).
 *
 * Whatever writes the draft, the code checks the letter as the caseworker wrote it (the checklist: decision,
 * reason, action, deadline, complaint guidance, contact) and counts LIX before and after, so the caseworker
 * sees what the letter contains and whether it got easier to read without trusting a model's own account.
 * - offline provider: the deterministic rule engine (letter.rewrite.ts); nothing is sent anywhere, and the
 *   details say it is no language model (the draft stays clean, ready to edit and send).
 * - any other provider: the Danish system prompt and the pseudonymised letter; an empty answer, or one that
 *   lost a placeholder of the input (a name, an address, a phone number that the letter needs), is malformed
 *   and the pipeline records a FAILED run rather than offering a draft with facts missing.
 */
export const letterAssistant: Assistant = {
  id: 'letter',
  // LIX before and after, counted again on the real texts once the pipeline has restored them.
  finish: finishLetterDetails,
  async run(req: AssistantRequest): Promise<AssistantResult> {
    const original = req.text.trim();
    const checklist = checkLetter(original);
    const lixBefore = lix(original);

    if (req.provider.kind === 'offline') {
      if (req.signal?.aborted) throw new ProviderError('cancelled', 'offline');
      const { text, changes } = rewriteLetter(original);
      req.onToken?.(text);
      return {
        draft: text,
        details: { engine: OFFLINE_NOTICE, lixBefore, lixAfter: lix(text), checklist, changes },
        provider: 'offline',
        model: req.provider.model,
        usage: { promptTokens: 0, completionTokens: 0 },
      };
    }

    // In parts when the letter does not fit the model's context; each part keeps its placeholders (letter.llm.ts).
    const { draft, completion, parts } = await rewriteWithModel(req.provider, original, {
      ...(req.signal ? { signal: req.signal } : {}),
      ...(req.onToken ? { onToken: req.onToken } : {}),
    });
    return {
      draft,
      details: { lixBefore, lixAfter: lix(draft), checklist, ...(parts > 1 ? { parts } : {}) },
      provider: completion.provider,
      model: completion.model,
      usage: completion.usage,
    };
  },
};

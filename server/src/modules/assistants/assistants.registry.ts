import type { AssistantId } from '../../contracts/policies.js';
import type { Assistant, AssistantRequest, AssistantResult } from './assistant.types.js';
import { SYSTEM_PROMPTS } from './assistants.prompts.js';

/**
 * A plain prompt-and-complete assistant: the system prompt for its kind, the pseudonymised text as the user
 * message. The specialised assistants (letter, minutes, documents) replace it as they are built.
 */
function promptAssistant(id: AssistantId): Assistant {
  return {
    id,
    async run(req: AssistantRequest): Promise<AssistantResult> {
      const completion = await req.provider.complete({
        system: SYSTEM_PROMPTS[id],
        user: req.text,
        assistant: id,
        ...(req.signal ? { signal: req.signal } : {}),
        ...(req.onToken ? { onToken: req.onToken } : {}),
      });
      return { draft: completion.text, details: {}, provider: completion.provider, model: completion.model, usage: completion.usage };
    },
  };
}

const ASSISTANTS: Record<AssistantId, Assistant> = {
  letter: promptAssistant('letter'),
  minutes: promptAssistant('minutes'),
  documents: promptAssistant('documents'),
};

export function getAssistant(id: AssistantId): Assistant {
  return ASSISTANTS[id];
}

import { OFFLINE_NOTICE } from '../../providers/providers.types.js';
import { ProviderError } from '../../providers/providers.types.js';
import type { Assistant, AssistantRequest, AssistantResult } from '../assistant.types.js';
import { extractMinutes } from './minutes.extract.js';
import { minutesFromModel } from './minutes.llm.js';
import { renderMinutes } from './minutes.render.js';
import { DEFAULT_MINUTES_TEMPLATE, minutesTemplate } from './minutes.templates.js';

/**
 * Roboref: minutes from a Teams transcript (.vtt or .docx text), "Name: text" lines or notes. The offline
 * engine extracts with rules; a language model gets the transcript as compact "Name: text" lines and returns
 * JSON that zod checks. Either way the draft is rendered by code and `details` holds the structure.
 */
export const minutesAssistant: Assistant = {
  id: 'minutes',
  async run(req: AssistantRequest): Promise<AssistantResult> {
    if (req.signal?.aborted) throw new ProviderError('cancelled', req.provider.kind);
    // The meeting template the person chose: its headings for either engine (minutes.templates.ts).
    const template = req.options?.template ?? DEFAULT_MINUTES_TEMPLATE;
    if (req.provider.kind === 'offline') {
      const minutes = extractMinutes(req.text);
      const draft = renderMinutes(minutes, `${OFFLINE_NOTICE}: referatet er lavet med faste regler. Tjek beslutninger, opgaver og frister mod mødet.`, template);
      req.onToken?.(draft);
      return { draft, details: { engine: 'offline', template, ...minutes }, provider: 'offline', model: req.provider.model, usage: { promptTokens: 0, completionTokens: 0 } };
    }
    // Numbered cues in parts that fit the model's context, the answers held to their schema and merged, and
    // references to cues the model was not given removed and counted (minutes.llm.ts).
    const { minutes, completion, parts, removedReferences } = await minutesFromModel(req.provider, req.text, req.signal, {
      instructions: minutesTemplate(template).prompt,
    });
    const draft = renderMinutes(minutes, undefined, template);
    req.onToken?.(draft);
    return {
      draft,
      details: { engine: 'model', template, ...minutes, parts, removedReferences },
      provider: completion.provider,
      model: completion.model,
      usage: completion.usage,
    };
  },
};

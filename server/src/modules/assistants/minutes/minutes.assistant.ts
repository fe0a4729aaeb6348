import { OFFLINE_NOTICE } from '../../providers/providers.offline.js';
import { ProviderError } from '../../providers/providers.types.js';
import { readTranscript, turnsToText } from '../../transcripts/transcripts.parse.js';
import type { Assistant, AssistantRequest, AssistantResult } from '../assistant.types.js';
import { extractMinutes } from './minutes.extract.js';
import { minutesFromModel } from './minutes.llm.js';
import { renderMinutes } from './minutes.render.js';
import type { Minutes } from './minutes.types.js';

/**
 * Roboref: minutes from a Teams transcript (.vtt or .docx text), "Name: text" lines or notes. The offline
 * engine extracts with rules; a language model gets the transcript as compact "Name: text" lines and returns
 * JSON that zod checks. Either way the draft is rendered by code and `details` holds the structure.
 */
export const minutesAssistant: Assistant = {
  id: 'minutes',
  async run(req: AssistantRequest): Promise<AssistantResult> {
    if (req.signal?.aborted) throw new ProviderError('cancelled', req.provider.kind);
    if (req.provider.kind === 'offline') {
      const minutes = extractMinutes(req.text);
      const draft = renderMinutes(minutes, `${OFFLINE_NOTICE}: referatet er lavet med faste regler. Tjek beslutninger, opgaver og frister mod mødet.`);
      req.onToken?.(draft);
      return { draft, details: { engine: 'offline', ...minutes }, provider: 'offline', model: req.provider.model, usage: { promptTokens: 0, completionTokens: 0 } };
    }
    const transcript = readTranscript(req.text);
    const compact = transcript.format === 'notes' ? req.text.trim() : turnsToText(transcript.turns);
    const { minutes: fromModel, completion } = await minutesFromModel(req.provider, compact, req.signal);
    // The speakers are known for certain; the model may add those named in notes but not drop a speaker.
    const attendees = [...transcript.attendees, ...fromModel.attendees.filter((a) => !transcript.attendees.includes(a))];
    const minutes: Minutes = { ...fromModel, attendees };
    const draft = renderMinutes(minutes);
    req.onToken?.(draft);
    return { draft, details: { engine: 'model', ...minutes }, provider: completion.provider, model: completion.model, usage: completion.usage };
  },
};

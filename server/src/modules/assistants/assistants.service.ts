import type { AssistantId } from '../../contracts/policies.js';
import type { Assistant } from './assistant.types.js';
import { documentsAssistant } from './documents/documents.assistant.js';
import { letterAssistant } from './letter/letter.assistant.js';
import { minutesAssistant } from './minutes/minutes.assistant.js';

/** The assistants a trial can enable. Only the runs pipeline calls them, after the policy and the guard. */
const ASSISTANTS: Record<AssistantId, Assistant> = {
  letter: letterAssistant,
  minutes: minutesAssistant,
  documents: documentsAssistant,
};

export function getAssistant(id: AssistantId): Assistant {
  return ASSISTANTS[id];
}

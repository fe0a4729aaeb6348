import { DEFAULT_CONTEXT_TOKENS } from '../../../config/env.js';
import { ProviderError, type Completion, type Provider } from '../../providers/providers.types.js';
import { CHARS_PER_TOKEN, estimateTokens, joinSegments, splitParagraphs } from '../assistants.context.js';
import { answerCleaner, letterPrompt, missingPlaceholders, stripPreamble } from './letter.prompt.js';

/** The rewrite is about as long as the letter, a little longer at most: the rest of the context is the answer's. */
const INPUT_SHARE = 0.45;

function partNote(i: number, count: number): string {
  return `Brevet er for langt til ét svar og kommer i ${count} dele; dette er del ${i}. Omskriv kun denne del, og begynd og slut, hvor den begynder og slutter: delene sættes sammen bagefter.`;
}

/**
 * The most characters of the letter one request may carry: the context (AI_CONTEXT_TOKENS) less the system
 * prompt and a note on the part, split between the letter and its rewrite.
 */
export function letterPartChars(contextTokens: number, system: string): number {
  const room = contextTokens - estimateTokens(system) - estimateTokens(partNote(99, 99)) - 100;
  return Math.max(400, Math.floor(room * INPUT_SHARE) * CHARS_PER_TOKEN);
}

/**
 * A letter rewritten by a language model. One that does not fit the model's context is sent in parts at
 * paragraph boundaries (a single paragraph too long at its sentences), each part rewritten on its own and the
 * rewrites joined with the separators the parts had: nothing is cut off. Each part must keep its own
 * placeholders (a name, an address, a phone number the letter needs), or the answer is malformed. The stream
 * gets the same cleaning and joins as the stored draft, so the two agree.
 */
export async function rewriteWithModel(
  provider: Provider,
  letter: string,
  options: { signal?: AbortSignal; onToken?: (token: string) => void } = {},
): Promise<{ draft: string; completion: Completion; parts: number }> {
  const { system } = await letterPrompt('');
  const parts = splitParagraphs(letter, letterPartChars(provider.contextTokens ?? DEFAULT_CONTEXT_TOKENS, system));
  const drafts: string[] = [];
  let usage = { promptTokens: 0, completionTokens: 0 };
  let last: Completion | undefined;
  for (const [i, part] of parts.entries()) {
    const text = joinSegments(part);
    const prompt = await letterPrompt(text);
    if (i > 0) options.onToken?.(part[0]!.sep);
    const stream = options.onToken ? answerCleaner(options.onToken) : undefined;
    const completion = await provider.complete({
      system: parts.length > 1 ? `${prompt.system} ${partNote(i + 1, parts.length)}` : prompt.system,
      user: prompt.user,
      assistant: 'letter',
      ...(options.signal ? { signal: options.signal } : {}),
      ...(stream ? { onToken: (t: string) => stream.push(t) } : {}),
    });
    stream?.end();
    const draft = stripPreamble(completion.text);
    if (!draft.trim() || missingPlaceholders(text, draft).length > 0) throw new ProviderError('malformed', completion.provider);
    drafts.push(i === 0 ? draft : part[0]!.sep + draft);
    usage = { promptTokens: usage.promptTokens + completion.usage.promptTokens, completionTokens: usage.completionTokens + completion.usage.completionTokens };
    last = completion;
  }
  return { draft: drafts.join(''), completion: { ...last!, usage }, parts: parts.length };
}

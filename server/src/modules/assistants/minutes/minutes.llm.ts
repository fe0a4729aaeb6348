import { ChatPromptTemplate } from '@langchain/core/prompts';
import { ProviderError, type Completion, type Provider } from '../../providers/providers.types.js';
import { Minutes } from './minutes.types.js';

/**
 * The prompt for a language model. The structure is asked for as JSON and checked with zod; the Markdown is
 * made by code (minutes.render.ts). Braces in the example are doubled: the template treats {x} as a variable.
 */
export const MINUTES_PROMPT = ChatPromptTemplate.fromMessages([
  [
    'system',
    [
      'Du skriver mødereferater for en dansk kommune. Du får en mødeudskrift eller mødenoter.',
      'Find deltagerne (dem der taler eller nævnes som deltagere), beslutningerne og opgaverne.',
      'En beslutning er noget, mødet blev enigt om. Forslag, der afvises, udskydes ("det tager vi op næste gang") eller står åbne, er ikke beslutninger.',
      'En opgave er en deltagers tilsagn om at gøre noget: ansvarlig (deltagerens fulde navn, som det står i teksten), opgaven kort på dansk med et verbum i navneform, og fristen præcis som den blev sagt (fx "inden onsdag", "i dag"), eller null.',
      'Forsigtige "måske" og idéer, som ingen påtager sig, er ikke opgaver.',
      'Teksten kan indeholde pladsholdere i firkantede parenteser, fx [NAVN_1]. De står i stedet for personoplysninger. Gengiv hver pladsholder nøjagtigt, som den står, og gæt aldrig på, hvad den dækker over.',
      'Tilføj intet, der ikke står i teksten.',
      'Svar kun med ét JSON-objekt, uden forklaring og uden kodeblok, på formen:',
      '{{"summary": "resumé på 2-4 sætninger", "attendees": ["navn"], "decisions": ["beslutning"], "actionItems": [{{"owner": "navn eller null", "task": "opgave", "due": "frist eller null"}}]}}',
    ].join('\n'),
  ],
  ['human', '{transcript}'],
]);

/** The JSON inside an answer: models wrap it in a code block or a sentence now and then despite the instruction. */
export function parseMinutesJson(text: string, provider: Provider['kind']): Minutes {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(text);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) throw new ProviderError('malformed', provider);
  let json: unknown;
  try {
    json = JSON.parse(body.slice(start, end + 1));
  } catch {
    throw new ProviderError('malformed', provider);
  }
  const parsed = Minutes.safeParse(json);
  if (!parsed.success) throw new ProviderError('malformed', provider);
  return parsed.data;
}

/** Asks the model for the structured minutes of a (pseudonymised) transcript. */
export async function minutesFromModel(
  provider: Provider,
  transcript: string,
  signal?: AbortSignal,
): Promise<{ minutes: Minutes; completion: Completion }> {
  const messages = await MINUTES_PROMPT.formatMessages({ transcript });
  const text = (i: number) => {
    const c = messages[i]!.content;
    return typeof c === 'string' ? c : JSON.stringify(c);
  };
  const completion = await provider.complete({ system: text(0), user: text(1), assistant: 'minutes', ...(signal ? { signal } : {}) });
  return { minutes: parseMinutesJson(completion.text, provider.kind), completion };
}

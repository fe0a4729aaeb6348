import { z } from 'zod';
import { ProviderError, type Completion, type CompletionRequest, type Provider } from '../providers/providers.types.js';

/** What a structured answer cost: every call counts, the repair too. */
export interface StructuredCompletion<T> {
  value: T;
  completion: Completion;
  /** Calls made: 1, or 2 when the first answer had to be repaired. */
  calls: number;
}

/** The JSON schema of a zod schema, as the provider is told it (zod 4's own conversion: one source of truth). */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'output' }) as Record<string, unknown>;
}

/**
 * The JSON object inside an answer: models wrap it in a code block or a sentence now and then, even when told
 * not to. Returns the parsed value, or the reason it could not be read (said back to the model in the repair).
 */
export function readJson(text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(text);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, problem: 'Svaret indeholdt intet JSON-objekt.' };
  try {
    return { ok: true, value: JSON.parse(body.slice(start, end + 1)) };
  } catch {
    return { ok: false, problem: 'Svaret var ikke gyldig JSON.' };
  }
}

/** The validation problems, by path and zod's own message: never the values, which would only echo the text. */
function problemsOf(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((i) => `- ${i.path.length ? i.path.join('.') : '(hele svaret)'}: ${i.message}`)
    .join('\n');
}

function check<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; problem: string } {
  const read = readJson(text);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: `Svaret passede ikke til skemaet:\n${problemsOf(parsed.error)}` };
}

const sum = (a: Completion['usage'], b: Completion['usage']) => ({ promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens });

/**
 * Asks for one JSON object of `schema`: the schema goes with the request (as the provider's structured output,
 * AI_STRUCTURED_OUTPUT), the answer is validated with zod, and an invalid answer is sent back once with what is
 * wrong and a request for the corrected JSON. A second invalid answer is `malformed`: the pipeline then stores a
 * FAILED run rather than a draft built on a guess. One repair, not more: each try resends the whole text.
 */
export async function completeStructured<T>(
  provider: Provider,
  req: Omit<CompletionRequest, 'responseFormat' | 'followUps' | 'onToken'>,
  schema: z.ZodType<T>,
  name: string,
): Promise<StructuredCompletion<T>> {
  const request: CompletionRequest = { ...req, responseFormat: { name, schema: jsonSchemaOf(schema) } };
  const first = await provider.complete(request);
  const checked = check(schema, first.text);
  if (checked.ok) return { value: checked.value, completion: first, calls: 1 };

  const second = await provider.complete({
    ...request,
    followUps: [
      { role: 'assistant', content: first.text },
      {
        role: 'user',
        content: `${checked.problem}\n\nSvar igen med ét rettet JSON-objekt, der følger skemaet, og intet andet. Bevar pladsholderne, som de står.`,
      },
    ],
  });
  const repaired = check(schema, second.text);
  if (!repaired.ok) throw new ProviderError('malformed', second.provider);
  return { value: repaired.value, completion: { ...second, usage: sum(first.usage, second.usage) }, calls: 2 };
}

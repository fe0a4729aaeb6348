import { z } from 'zod';
import { scan } from './scan.js';

const InputLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

export interface StreamResult {
  lines: number;
  failed: number;
}

/**
 * The core of `npm run pii:scan`: reads JSON Lines {"id", "text"} and writes {"id", "entities"} per line, in
 * order, as each line arrives. A malformed line is reported on `error` with its line number and skipped; the
 * caller decides the exit code from `failed`. Blank lines are ignored.
 */
export async function scanJsonLines(
  lines: AsyncIterable<string>,
  write: (line: string) => void | Promise<void>,
  error: (message: string) => void,
): Promise<StreamResult> {
  let n = 0;
  let failed = 0;
  for await (const raw of lines) {
    n++;
    const line = raw.trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (err) {
      failed++;
      error(`linje ${n}: ikke gyldig JSON (${(err as Error).message})`);
      continue;
    }
    const parsed = InputLine.safeParse(json);
    if (!parsed.success) {
      failed++;
      const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(linjen)'}: ${i.message}`).join('; ');
      error(`linje ${n}: forventede {"id": tekst eller tal, "text": tekst} (${fields})`);
      continue;
    }
    const entities = scan(parsed.data.text).map((e) => ({ type: e.type, start: e.start, end: e.end }));
    await write(JSON.stringify({ id: parsed.data.id, entities }) + '\n');
  }
  return { lines: n, failed };
}

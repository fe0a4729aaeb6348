import type { ZodType } from 'zod';
import { scan } from './scan.js';

export interface StreamResult {
  lines: number;
  failed: number;
}

/** What a block of input lines gave: the output lines joined, and the malformed lines by their number in the block. */
export interface BlockResult {
  output: string;
  errors: { line: number; message: string }[];
  lines: number;
}

type LineResult = { output: string } | { error: string } | null;

/**
 * The schema of an input line, loaded only when a line fails the quick check in `readLine`: zod takes longer to
 * load than a small input takes to scan, and it is needed only to say what is wrong with a line.
 */
let inputLine: Promise<ZodType<{ id: string | number; text: string }>> | undefined;
function loadInputLine(): NonNullable<typeof inputLine> {
  inputLine ??= import('zod').then(({ z }) => z.object({ id: z.union([z.string(), z.number()]), text: z.string() }));
  return inputLine;
}

/**
 * One input line: its output line, the reason it is malformed (without the line number), or null for a blank
 * line. The quick check accepts exactly what the schema accepts (an object whose id is a string or a finite
 * number and whose text is a string); anything else goes to the schema, which decides and words the reason.
 */
async function readLine(raw: string): Promise<LineResult> {
  const line = raw.trim();
  if (line === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (err) {
    return { error: `ikke gyldig JSON (${(err as Error).message})` };
  }
  let id: string | number;
  let text: string;
  const o = json as { id?: unknown; text?: unknown } | null;
  if (
    typeof o === 'object' &&
    o !== null &&
    !Array.isArray(o) &&
    (typeof o.id === 'string' || (typeof o.id === 'number' && Number.isFinite(o.id))) &&
    typeof o.text === 'string'
  ) {
    id = o.id;
    text = o.text;
  } else {
    const parsed = (await loadInputLine()).safeParse(json);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(linjen)'}: ${i.message}`).join('; ');
      return { error: `forventede {"id": tekst eller tal, "text": tekst} (${fields})` };
    }
    id = parsed.data.id;
    text = parsed.data.text;
  }
  const entities = scan(text).map((e) => ({ type: e.type, start: e.start, end: e.end }));
  return { output: JSON.stringify({ id, entities }) + '\n' };
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
    const r = await readLine(raw);
    if (r === null) continue;
    if ('error' in r) {
      failed++;
      error(`linje ${n}: ${r.error}`);
      continue;
    }
    await write(r.output);
  }
  return { lines: n, failed };
}

/** Line breaks as node:readline reads them with crlfDelay: Infinity (CRLF, LF or a lone CR). */
const LINE_BREAK = /\r\n|\n|\r/;

/**
 * A block of whole lines (what a worker of `pii-scan.parallel.ts` gets): the same lines, output and messages
 * as `scanJsonLines` gives for them, with line numbers counted from 1 in the block. A last line without a line
 * break counts only when it is not empty, as readline counts it.
 */
export async function scanBlock(block: string): Promise<BlockResult> {
  const lines = block.split(LINE_BREAK);
  if (lines[lines.length - 1] === '') lines.pop();
  const out: string[] = [];
  const errors: BlockResult['errors'] = [];
  for (let i = 0; i < lines.length; i++) {
    const r = await readLine(lines[i]!);
    if (r === null) continue;
    if ('error' in r) errors.push({ line: i + 1, message: r.error });
    else out.push(r.output);
  }
  return { output: out.join(''), errors, lines: lines.length };
}

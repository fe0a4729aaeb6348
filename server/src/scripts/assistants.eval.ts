/**
 * `npm run eval:letters`, `npm run eval:minutes`, `npm run eval:documents`: the three assistants scored over the
 * HTTP API on the offline engine (createApp on a fresh SQLite database), against a set's gold. Prints the measures
 * of issue #13's table per set, as a Markdown table. Options:
 *   --set blind|blind-2|blind-3|blind-4|dev-3|own|shared|dev|all
 *                                which set (default blind = the newest blind batch in
 *                                test/fixtures/BLIND-ASSISTANTS.md: score it once per change and never tune on it;
 *                                dev = every set that may be tuned on)
 *   --limit N                    only the first N cases of each set (0 = all)
 *   --verbose                    what went wrong, case by case (ids and the fixtures' own words)
 */
import { startEvalApp, formatReport, parseSetArgs, type EvalApp, type ScoreReport, type SetName } from './assistants-eval.harness.js';
import { scoreDocuments } from './assistants-eval.documents.js';
import { scoreLetters } from './assistants-eval.letters.js';
import { scoreMinutes } from './assistants-eval.minutes.js';

const SCORERS: Record<string, (e: EvalApp, set: SetName, limit?: number) => Promise<ScoreReport>> = {
  letters: scoreLetters,
  minutes: scoreMinutes,
  documents: scoreDocuments,
};

async function main(): Promise<void> {
  const [assistant, ...rest] = process.argv.slice(2);
  const scorer = assistant ? SCORERS[assistant] : undefined;
  if (!scorer) throw new Error(`Name the assistant first: letters, minutes or documents (got "${assistant ?? ''}")`);
  const { sets, limit } = parseSetArgs(rest);
  const verbose = rest.includes('--verbose');
  const e = await startEvalApp();
  try {
    for (const set of sets) process.stdout.write(`${formatReport(await scorer(e, set, limit), verbose)}\n`);
  } finally {
    await e.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

/**
 * `npm run eval:letters`, `npm run eval:minutes`, `npm run eval:documents`: the three assistants scored over the
 * HTTP API on the offline engine (createApp on a fresh SQLite database), against a set's gold. Prints the measures
 * of issue #13's table per set, as a Markdown table. Options:
 *   --set blind|blind-8|blind-2|blind-3|blind-4|blind-6|blind-7|dev-3|own|shared|dev|all
 *                                which set (default blind = blind batch 5 in test/fixtures/BLIND-ASSISTANTS.md,
 *                                blind-8 = batch 8, documents only: score them once per change and never tune on
 *                                them; dev = every set that may be tuned on; all = every set the assistant has)
 *   --limit N                    only the first N cases of each set (0 = all)
 *   --verbose                    what went wrong, case by case (ids and the fixtures' own words)
 */
import { startEvalApp, formatReport, parseSetArgs, type EvalApp, type ScoreReport, type SetFiles, type SetName } from './assistants-eval.harness.js';
import { scoreDocuments, SETS as DOCUMENT_SETS } from './assistants-eval.documents.js';
import { scoreLetters, SETS as LETTER_SETS } from './assistants-eval.letters.js';
import { scoreMinutes, SETS as MINUTES_SETS } from './assistants-eval.minutes.js';

interface Scorer {
  score: (e: EvalApp, set: SetName, limit?: number) => Promise<ScoreReport>;
  sets: SetFiles<unknown>;
}

const SCORERS: Record<string, Scorer> = {
  letters: { score: scoreLetters, sets: LETTER_SETS },
  minutes: { score: scoreMinutes, sets: MINUTES_SETS },
  documents: { score: scoreDocuments, sets: DOCUMENT_SETS },
};

async function main(): Promise<void> {
  const [assistant, ...rest] = process.argv.slice(2);
  const scorer = assistant ? SCORERS[assistant] : undefined;
  if (!scorer) throw new Error(`Name the assistant first: letters, minutes or documents (got "${assistant ?? ''}")`);
  const { sets: asked, limit } = parseSetArgs(rest);
  // Not every assistant has every batch: a set this one lacks is skipped, and said so.
  const sets = asked.filter((s) => scorer.sets[s]);
  for (const s of asked) if (!scorer.sets[s]) process.stderr.write(`The ${assistant} assistant has no set "${s}": skipped.\n`);
  if (!sets.length) throw new Error(`The ${assistant} assistant has none of the sets asked for (${asked.join(', ')})`);
  const verbose = rest.includes('--verbose');
  const e = await startEvalApp();
  try {
    for (const set of sets) process.stdout.write(`${formatReport(await scorer.score(e, set, limit), verbose)}\n`);
  } finally {
    await e.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

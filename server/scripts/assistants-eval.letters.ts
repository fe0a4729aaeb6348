/**
 * The letter assistant, scored over the API: each letter is pasted into POST /api/runs (assistant `letter`,
 * policy borgerbreve-maskering) and the run's draft and `details` (lixBefore, lixAfter, checklist) are compared with
 * the set's gold: its hand-set checklist, its stored LIX, and (blind set) the facts every rewrite must keep.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  FIXTURES,
  fixed,
  lix,
  nOf,
  ratio,
  readJsonl,
  sendRun,
  take,
  trialWith,
  type EvalApp,
  type ScoreReport,
  setFiles,
  type SetFiles,
  type SetName,
} from './assistants-eval.harness.js';
import { CHECKLIST_ITEMS, LetterRunDetails, type ChecklistItemId } from '../src/contracts/letters.js';

const POLICY = 'borgerbreve-maskering';

interface Letter {
  id: string;
  text: string;
  checklist: Record<ChecklistItemId, boolean>;
  lix: number;
}

/** What the run view's `details` says for a letter (RunView.details), read with its contract as the web does. */
const LetterDetails = LetterRunDetails.pick({ lixBefore: true, lixAfter: true, checklist: true });

const dir = path.join(FIXTURES, 'letters');
export const SETS: SetFiles<string> = {
  blind: 'blind-5.jsonl',
  'blind-4': 'blind-4.jsonl',
  'blind-2': 'blind-2.jsonl',
  'blind-3': 'blind-3.jsonl',
  'dev-3': 'dev-3.jsonl',
  own: 'letters.jsonl',
  shared: 'shared-sample.jsonl',
};

/** Facts (amounts, dates, § references, phones, e-mails, account numbers) per letter, where the set lists them. */
function factsFor(set: SetName): Record<string, Record<string, string[]>> | null {
  const file = path.join(dir, setFiles(SETS, set, 'letters').replace(/\.jsonl$/, '.facts.json'));
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string[]>>) : null;
}

/** Spaces normalised (a non-breaking space, a line break or two spaces are one space), as the set's README allows. */
const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ');

export async function scoreLetters(e: EvalApp, set: SetName, limit = 0): Promise<ScoreReport> {
  const letters = take(readJsonl<Letter>(path.join(dir, setFiles(SETS, set, 'letters'))), limit);
  const facts = factsFor(set);
  const { trialId, person } = await trialWith(e, 'letter', POLICY);
  const notes: string[] = [];
  let refused = 0;
  let lower = 0;
  let itemsRight = 0;
  let items = 0;
  let factsKept = 0;
  let factsAll = 0;
  let lixBeforeRight = 0;
  let scored = 0;
  const refusals: string[] = [];
  for (const letter of letters) {
    const outcome = await sendRun(await person(), trialId, 'letter', letter.text);
    if (!outcome.ok) {
      refused++;
      refusals.push(outcome.code);
      notes.push(`${letter.id}: refused (${outcome.status} ${outcome.code})`);
      continue;
    }
    scored++;
    const output = outcome.run.output ?? '';
    const details = LetterDetails.safeParse(outcome.run.details);
    const after = lix(output);
    if (after < letter.lix) lower++;
    else notes.push(`${letter.id}: LIX not lower (${letter.lix} -> ${after})`);
    if (details.success) {
      const got = new Map(details.data.checklist.map((c) => [c.item, c.present]));
      for (const item of CHECKLIST_ITEMS) {
        items++;
        if ((got.get(item) ?? false) === letter.checklist[item]) itemsRight++;
        else notes.push(`${letter.id}: checklist ${item} is ${got.get(item) ?? 'missing'}, gold ${letter.checklist[item]}`);
      }
      if (Math.round(details.data.lixBefore * 10) / 10 === letter.lix) lixBeforeRight++;
      else notes.push(`${letter.id}: project's LIX before ${details.data.lixBefore}, original ${letter.lix}`);
    } else {
      items += CHECKLIST_ITEMS.length;
      notes.push(`${letter.id}: details not in the letter shape`);
    }
    for (const [kind, values] of Object.entries(facts?.[letter.id] ?? {})) {
      for (const v of values) {
        factsAll++;
        if (norm(output).includes(norm(v))) factsKept++;
        else notes.push(`${letter.id}: ${kind} "${v}" not kept`);
      }
    }
  }
  const refusedText = refused ? ` (${refused} refused: ${[...new Set(refusals)].join(', ')})` : '';
  return {
    assistant: 'letters',
    set,
    cases: letters.length,
    refused,
    notes,
    measures: [
      { measure: 'LIX lower after rewriting', value: `${nOf(lower, letters.length)}${refusedText}`, fraction: ratio(lower, letters.length) },
      { measure: 'checklist items right', value: `${fixed(ratio(itemsRight, items))} (${itemsRight} of ${items})`, fraction: ratio(itemsRight, items) },
      {
        measure: 'amounts, dates, § references, phones, e-mails kept',
        value: facts ? `${nOf(factsKept, factsAll)}${refused ? ' (in the letters not refused)' : ''}` : 'n/a (no facts list for this set)',
        fraction: facts ? ratio(factsKept, factsAll) : null,
      },
      { measure: "project's LIX-before equals LIX of the original", value: nOf(lixBeforeRight, scored), fraction: ratio(lixBeforeRight, scored) },
    ],
  };
}

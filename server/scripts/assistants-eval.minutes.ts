/**
 * The minutes assistant, scored over the API the way a person makes minutes: the transcript file is uploaded to
 * POST /api/trials/:trialId/minutes/uploads (a Teams .vtt as it is, the text of a Teams .docx as a .docx, notes
 * as a .txt), the text the server reads back is run with POST /api/runs (assistant `minutes`, policy
 * interne-referater), and the run's `details` (attendees, decisions, actionItems) are compared with the gold
 * minutes.
 *
 * Matching is the project's own (server/src/modules/assistants/minutes/minutes.score.ts, also used by the minutes
 * tests): a gold decision is found when some decision shares content words with it at a Dice overlap of at least
 * MATCH_THRESHOLD; an action item matches when the owner is the same and the tasks overlap by that much (greedy,
 * one to one, best overlap first), and its due date is right when it is the same text (case aside).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { docx } from '../../test/fixtures/documents/make-files.js';
import { CSRF_HEADER } from '../src/contracts/auth.js';
import { MinutesTextUpload } from '../src/contracts/minutes.js';
import { MATCH_THRESHOLD, scoreActionItems, taskOverlap } from '../src/modules/assistants/minutes/minutes.score.js';
import {
  FIXTURES,
  fixed,
  nOf,
  ratio,
  sendRun,
  take,
  trialWith,
  type EvalApp,
  type ScoreReport,
  setFiles,
  type SetFiles,
  type SetName,
} from './assistants-eval.harness.js';

const POLICY = 'interne-referater';

interface GoldItem {
  owner: string | null;
  task: string;
  due: string | null;
}
interface Meeting {
  id: string;
  file: string;
  attendees: string[];
  decisions: string[];
  actionItems: GoldItem[];
}

/** The minutes in a run's `details` (RunView.details), read leniently like the web does. */
const MinutesDetails = z.object({
  attendees: z.array(z.string()).default([]),
  decisions: z.array(z.string()).default([]),
  actionItems: z.array(z.object({ owner: z.string().nullish(), task: z.string(), due: z.string().nullish() })).default([]),
});

const dir = path.join(FIXTURES, 'minutes');
export const SETS: SetFiles<{ dir: string; gold: string }> = {
  blind: { dir: path.join(dir, 'blind-5'), gold: 'gold.json' },
  'blind-4': { dir: path.join(dir, 'blind-4'), gold: 'gold.json' },
  'blind-3': { dir: path.join(dir, 'blind-3'), gold: 'gold.json' },
  'blind-2': { dir: path.join(dir, 'blind-2'), gold: 'gold.json' },
  'dev-3': { dir: path.join(dir, 'dev-3'), gold: 'gold.json' },
  own: { dir, gold: 'gold.json' },
  shared: { dir: path.join(dir, 'shared'), gold: 'transcripts.gold.json' },
};

function meetings(set: SetName): Meeting[] {
  const { dir: d, gold } = setFiles(SETS, set, 'minutes');
  type Gold = Record<string, { file?: string; attendees: string[]; decisions: string[]; action_items: GoldItem[] }>;
  return Object.entries(JSON.parse(fs.readFileSync(path.join(d, gold), 'utf8')) as Gold).map(([id, g]) => ({
    id,
    file: path.join(d, g.file ?? `${id}.vtt`),
    attendees: g.attendees,
    decisions: g.decisions,
    actionItems: g.action_items,
  }));
}

/** The file a person would have: the text of a Teams .docx export goes back into a .docx, one paragraph a line. */
function asUploaded(file: string): { buffer: Buffer; filename: string } {
  const text = fs.readFileSync(file, 'utf8');
  const base = path.basename(file);
  if (base.endsWith('.teams-docx.txt')) return { buffer: docx(text.split('\n')), filename: base.replace(/\.teams-docx\.txt$/, '.docx') };
  return { buffer: Buffer.from(text, 'utf8'), filename: base };
}

function f1(tp: number, got: number, gold: number): { p: number | null; r: number | null; f: number | null } {
  const p = ratio(tp, got);
  const r = ratio(tp, gold);
  return { p, r, f: p !== null && r !== null ? (p + r > 0 ? (2 * p * r) / (p + r) : 0) : null };
}

export async function scoreMinutes(e: EvalApp, set: SetName, limit = 0): Promise<ScoreReport> {
  const cases = take(meetings(set), limit);
  const { trialId, person } = await trialWith(e, 'minutes', POLICY);
  const notes: string[] = [];
  const refusals: string[] = [];
  const att = { tp: 0, got: 0, gold: 0 };
  const dec = { found: 0, gold: 0 };
  const items = { tp: 0, got: 0, gold: 0, due: 0 };
  for (const m of cases) {
    const c = await person();
    const file = asUploaded(m.file);
    const up = await c.agent.post(`/api/trials/${trialId}/minutes/uploads`).set(CSRF_HEADER, c.csrf).attach('file', file.buffer, file.filename);
    if (up.status !== 200) {
      refusals.push(`upload ${up.status}`);
      notes.push(`${m.id}: upload refused (${up.status})`);
      continue;
    }
    const outcome = await sendRun(c, trialId, 'minutes', MinutesTextUpload.parse(up.body).text);
    if (!outcome.ok) {
      refusals.push(outcome.code);
      notes.push(`${m.id}: refused (${outcome.status} ${outcome.code})`);
      continue;
    }
    const got = MinutesDetails.parse(outcome.run.details ?? {});
    const goldAttendees = new Set(m.attendees);
    att.tp += new Set(got.attendees.filter((a) => goldAttendees.has(a))).size;
    att.got += new Set(got.attendees).size;
    att.gold += goldAttendees.size;
    for (const a of m.attendees.filter((x) => !got.attendees.includes(x))) notes.push(`${m.id}: attendee missed: ${a}`);
    for (const a of got.attendees.filter((x) => !goldAttendees.has(x))) notes.push(`${m.id}: attendee extra: ${a}`);
    for (const g of m.decisions) {
      dec.gold++;
      if (got.decisions.some((d) => taskOverlap(d, g) >= MATCH_THRESHOLD)) dec.found++;
      else notes.push(`${m.id}: decision missed: ${g}`);
    }
    const s = scoreActionItems(
      got.actionItems.map((a) => ({ owner: a.owner ?? null, task: a.task, due: a.due ?? null })),
      m.actionItems,
    );
    items.tp += s.matched.length;
    items.got += got.actionItems.length;
    items.gold += m.actionItems.length;
    items.due += s.matched.filter((x) => x.dueOk).length;
    for (const x of s.missed) notes.push(`${m.id}: item missed: ${x.owner}: ${x.task} (${x.due ?? '-'})`);
    for (const x of s.extra) notes.push(`${m.id}: item extra:  ${x.owner}: ${x.task} (${x.due ?? '-'})`);
    for (const x of s.matched.filter((y) => !y.dueOk)) notes.push(`${m.id}: due "${x.got.due ?? '-'}", gold "${x.gold.due ?? '-'}"`);
  }
  const refused = refusals.length;
  const scored = cases.length - refused;
  const a = f1(att.tp, att.got, att.gold);
  const i = f1(items.tp, items.got, items.gold);
  const refusedText = refused ? `, ${refused} of ${cases.length} refused (${[...new Set(refusals)].join(', ')})` : '';
  return {
    assistant: 'minutes',
    set,
    cases: cases.length,
    refused,
    notes,
    measures: [
      { measure: 'attendees F1', value: `${fixed(a.f, 2)} (P ${fixed(a.p, 2)}, R ${fixed(a.r, 2)}; ${scored} scored${refusedText})`, fraction: a.f },
      { measure: `decisions recall (overlap ≥ ${MATCH_THRESHOLD})`, value: `${fixed(ratio(dec.found, dec.gold), 2)} (${nOf(dec.found, dec.gold)})`, fraction: ratio(dec.found, dec.gold) },
      {
        measure: 'action items F1 (same owner, task overlap)',
        value: `${fixed(i.f, 2)} (P ${fixed(i.p, 2)}, R ${fixed(i.r, 2)}; ${items.tp} matched, ${items.got} found, ${items.gold} gold)`,
        fraction: i.f,
      },
      { measure: 'due dates on matched items', value: `${fixed(ratio(items.due, items.tp), 2)} (${nOf(items.due, items.tp)})`, fraction: ratio(items.due, items.tp) },
    ],
  };
}

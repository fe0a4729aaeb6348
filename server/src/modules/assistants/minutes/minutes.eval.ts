/**
 * Prints how the offline minutes engine does against the gold minutes: attendees, decision recall, and action
 * items (owner exact, task by token overlap >= MATCH_THRESHOLD, then due). Run: npx tsx server/src/modules/assistants/minutes/minutes.eval.ts
 */
import { extractMinutes } from './minutes.extract.js';
import { loadGold } from './minutes.gold.js';
import { decisionRecall, MATCH_THRESHOLD, scoreActionItems } from './minutes.score.js';

const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const totals: Record<string, { got: number; gold: number; matched: number; due: number }> = {};

out(`id          set     attendees  decisions  items P    R     due ok (of matched)   [task match: owner exact, overlap >= ${MATCH_THRESHOLD}]`);
for (const c of loadGold()) {
  const m = extractMinutes(c.text);
  const s = scoreActionItems(m.actionItems, c.actionItems);
  const due = s.matched.filter((x) => x.dueOk).length;
  const t = (totals[c.set] ??= { got: 0, gold: 0, matched: 0, due: 0 });
  t.got += m.actionItems.length;
  t.gold += c.actionItems.length;
  t.matched += s.matched.length;
  t.due += due;
  out(
    `${c.id.padEnd(12)}${c.set.padEnd(8)}${(JSON.stringify(m.attendees) === JSON.stringify(c.attendees) ? 'exact' : 'differ').padEnd(11)}${pct(decisionRecall(m.decisions, c.decisions)).padEnd(11)}${pct(s.precision).padEnd(5)}${pct(s.recall).padEnd(6)}${due}/${s.matched.length}`,
  );
  for (const x of s.missed) out(`    missed: ${x.owner}: ${x.task} (${x.due ?? '-'})`);
  for (const x of s.extra) out(`    extra:  ${x.owner}: ${x.task} (${x.due ?? '-'})`);
}
for (const [set, t] of Object.entries(totals)) {
  out(`${set}: precision ${pct(t.matched / t.got)} (${t.matched}/${t.got}), recall ${pct(t.matched / t.gold)} (${t.matched}/${t.gold}), due right ${t.due}/${t.matched}`);
}

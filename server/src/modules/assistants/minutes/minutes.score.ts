import type { ActionItem } from './minutes.types.js';

/** Words that carry no task meaning: the overlap is measured on the rest. */
const STOP = new Set(
  'og i på til af at det den de en et om for med som er har der så vi jeg du han hun dem sig skal kan vil ikke også alle lige bare fra ud op ind nye ny'.split(' '),
);

export function contentTokens(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

/** Same word, or the same first 5 letters ("ringe"/"ringer"), or one inside the other ("adgange"/"systemadgange"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return true;
  return (a.length >= 5 && b.includes(a)) || (b.length >= 5 && a.includes(b));
}

/** Dice coefficient of content tokens with the loose word match above: 1 is the same words, 0 none in common. */
export function taskOverlap(a: string, b: string): number {
  const x = contentTokens(a);
  const y = contentTokens(b);
  if (!x.length || !y.length) return 0;
  const used = new Set<number>();
  let hits = 0;
  for (const w of x) {
    const k = y.findIndex((v, i) => !used.has(i) && sameWord(w, v));
    if (k >= 0) {
      used.add(k);
      hits++;
    }
  }
  return (2 * hits) / (x.length + y.length);
}

export const MATCH_THRESHOLD = 0.3;

export interface ItemScore {
  matched: { gold: ActionItem; got: ActionItem; overlap: number; dueOk: boolean }[];
  missed: ActionItem[];
  extra: ActionItem[];
  precision: number;
  recall: number;
}

/** Greedy one-to-one matching: owner exact, task overlap at least MATCH_THRESHOLD, best overlap first. */
export function scoreActionItems(got: ActionItem[], gold: ActionItem[]): ItemScore {
  const pairs: { g: number; p: number; o: number }[] = [];
  gold.forEach((g, gi) =>
    got.forEach((p, pi) => {
      const o = taskOverlap(p.task, g.task);
      if (p.owner === g.owner && o >= MATCH_THRESHOLD) pairs.push({ g: gi, p: pi, o });
    }),
  );
  pairs.sort((a, b) => b.o - a.o);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const matched: ItemScore['matched'] = [];
  for (const { g, p, o } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    matched.push({ gold: gold[g]!, got: got[p]!, overlap: Math.round(o * 100) / 100, dueOk: (gold[g]!.due ?? '').toLowerCase() === (got[p]!.due ?? '').toLowerCase() });
  }
  return {
    matched,
    missed: gold.filter((_, i) => !usedG.has(i)),
    extra: got.filter((_, i) => !usedP.has(i)),
    precision: got.length ? matched.length / got.length : 1,
    recall: gold.length ? matched.length / gold.length : 1,
  };
}

/** Decisions: a gold sentence is found when some extracted decision overlaps it by at least the threshold. */
export function decisionRecall(got: string[], gold: string[]): number {
  if (!gold.length) return 1;
  return gold.filter((g) => got.some((d) => taskOverlap(d, g) >= MATCH_THRESHOLD)).length / gold.length;
}

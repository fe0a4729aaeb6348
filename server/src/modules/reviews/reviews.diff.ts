/**
 * A unified line diff of a reviewer's edit, and its size in characters. Written here rather than taken from a
 * package: it is small, and the diff is evidence in the trial (how much a person had to change), so we want to
 * know exactly what it counts.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Above this many line pairs the LCS table would be too large; the edit is then shown as one replacement. */
const MAX_CELLS = 4_000_000;
const CONTEXT = 3;

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** Longest common subsequence of lines between the common prefix and suffix, as a list of operations. */
export function diffLines(before: string, after: string): Op[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: Op[] = a.slice(0, start).map((line) => ({ kind: ' ', line }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const n = midA.length;
  const m = midB.length;
  if (n * m > MAX_CELLS) {
    for (const line of midA) ops.push({ kind: '-', line });
    for (const line of midB) ops.push({ kind: '+', line });
  } else {
    // lcs[i * (m + 1) + j] = length of the LCS of midA[i..] and midB[j..].
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] =
          midA[i] === midB[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (midA[i] === midB[j]) {
        ops.push({ kind: ' ', line: midA[i]! });
        i++;
        j++;
      } else if (lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!) {
        ops.push({ kind: '-', line: midA[i++]! });
      } else {
        ops.push({ kind: '+', line: midB[j++]! });
      }
    }
    while (i < n) ops.push({ kind: '-', line: midA[i++]! });
    while (j < m) ops.push({ kind: '+', line: midB[j++]! });
  }
  for (const line of a.slice(endA)) ops.push({ kind: ' ', line });
  return ops;
}

/** Unified diff with three lines of context; '' when nothing changed. */
export function unifiedDiff(before: string, after: string, labels = { before: 'udkast', after: 'endelig' }): string {
  const ops = diffLines(before, after);
  if (ops.every((o) => o.kind === ' ')) return '';
  const out = [`--- ${labels.before}`, `+++ ${labels.after}`];
  // Line numbers (1-based) before each op, in the old and the new text.
  const posA: number[] = [];
  const posB: number[] = [];
  let la = 1;
  let lb = 1;
  for (const o of ops) {
    posA.push(la);
    posB.push(lb);
    if (o.kind !== '+') la++;
    if (o.kind !== '-') lb++;
  }
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    const from = Math.max(0, k - CONTEXT);
    let to = k;
    // Extend the hunk while the next change is within twice the context.
    for (;;) {
      while (to < ops.length && ops[to]!.kind !== ' ') to++;
      let next = to;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - to <= 2 * CONTEXT) to = next;
      else break;
    }
    const end = Math.min(ops.length, to + CONTEXT);
    const hunk = ops.slice(from, end);
    const oldCount = hunk.filter((o) => o.kind !== '+').length;
    const newCount = hunk.filter((o) => o.kind !== '-').length;
    const oldStart = oldCount === 0 ? posA[from]! - 1 : posA[from]!;
    const newStart = newCount === 0 ? posB[from]! - 1 : posB[from]!;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.line}`);
    k = end;
  }
  return out.join('\n') + '\n';
}

/**
 * Characters inserted plus deleted. Within each run of changed lines the removed and the added text are compared
 * after their common beginning and end, so changing one word in a long line counts that word, not the line.
 */
export function editSize(before: string, after: string): number {
  const ops = diffLines(before, after);
  let size = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.kind === ' ') {
      k++;
      continue;
    }
    const removed: string[] = [];
    const added: string[] = [];
    while (k < ops.length && ops[k]!.kind !== ' ') {
      (ops[k]!.kind === '-' ? removed : added).push(ops[k]!.line);
      k++;
    }
    // A whole line also takes its line break with it.
    const del = removed.length ? removed.join('\n') + '\n' : '';
    const ins = added.length ? added.join('\n') + '\n' : '';
    let p = 0;
    while (p < del.length && p < ins.length && del[p] === ins[p]) p++;
    let s = 0;
    while (s < del.length - p && s < ins.length - p && del[del.length - 1 - s] === ins[ins.length - 1 - s]) s++;
    size += del.length - p - s + (ins.length - p - s);
  }
  return size;
}

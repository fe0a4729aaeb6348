import { DataClass, type Entity } from './guard.types.js';
import { type AnnotatedText } from './pii-corpus.js';

export interface Counts {
  gold: number;
  predicted: number;
  /** Gold entities matched exactly (same type, start and end). */
  exactHits: number;
  /** Predictions that exactly match a gold entity. */
  exactCorrect: number;
  /** Gold entities overlapped by a prediction of the same type. */
  overlapHits: number;
  /** Predictions that overlap a gold entity of the same type. */
  overlapCorrect: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeReport {
  type: DataClass;
  counts: Counts;
  exact: Scores;
  overlap: Scores;
}

export interface EvaluationReport {
  texts: number;
  types: TypeReport[];
  /** Decoys (CPR-shaped strings that are not CPR numbers) overlapped by a predicted CPR. */
  decoysFlagged: { id: string; value: string }[];
  /** Per-text misses and false positives, for reading. */
  errors: { id: string; kind: 'miss' | 'false_positive'; type: DataClass; value: string }[];
}

function scores(hitsGold: number, gold: number, correctPred: number, predicted: number): Scores {
  // With nothing to find and nothing found, a type is perfect; this keeps absent types from failing targets.
  const precision = predicted === 0 ? 1 : correctPred / predicted;
  const recall = gold === 0 ? 1 : hitsGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Scores a recognizer on annotated texts: exact-span and overlap precision/recall/F1 per type. */
export function evaluate(docs: AnnotatedText[], recognise: (text: string) => Entity[]): EvaluationReport {
  const counts = new Map<DataClass, Counts>();
  for (const t of DataClass.options) counts.set(t, { gold: 0, predicted: 0, exactHits: 0, exactCorrect: 0, overlapHits: 0, overlapCorrect: 0 });
  const decoysFlagged: EvaluationReport['decoysFlagged'] = [];
  const errors: EvaluationReport['errors'] = [];
  for (const doc of docs) {
    const predicted = recognise(doc.text);
    for (const g of doc.entities) {
      const c = counts.get(g.type)!;
      c.gold++;
      if (predicted.some((p) => p.type === g.type && p.start === g.start && p.end === g.end)) c.exactHits++;
      if (predicted.some((p) => p.type === g.type && overlaps(p, g))) c.overlapHits++;
      else errors.push({ id: doc.id, kind: 'miss', type: g.type, value: g.value });
    }
    for (const p of predicted) {
      const c = counts.get(p.type)!;
      c.predicted++;
      if (doc.entities.some((g) => g.type === p.type && g.start === p.start && g.end === p.end)) c.exactCorrect++;
      if (doc.entities.some((g) => g.type === p.type && overlaps(p, g))) c.overlapCorrect++;
      else errors.push({ id: doc.id, kind: 'false_positive', type: p.type, value: doc.text.slice(p.start, p.end) });
    }
    for (const d of doc.decoys ?? []) {
      if (predicted.some((p) => p.type === 'CPR' && overlaps(p, d))) decoysFlagged.push({ id: doc.id, value: d.value });
    }
  }
  const types: TypeReport[] = [];
  for (const [type, c] of counts) {
    if (c.gold === 0 && c.predicted === 0) continue;
    types.push({
      type,
      counts: c,
      exact: scores(c.exactHits, c.gold, c.exactCorrect, c.predicted),
      overlap: scores(c.overlapHits, c.gold, c.overlapCorrect, c.predicted),
    });
  }
  return { texts: docs.length, types, decoysFlagged, errors };
}

/** A fixed-width table of the report, for the CLI and test output. */
export function formatReport(report: EvaluationReport): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const lines = [
    `${report.texts} texts`,
    'type                  gold  pred |  exact P     R    F1 | overlap P    R    F1',
    ...report.types.map(
      (t) =>
        `${t.type.padEnd(20)} ${String(t.counts.gold).padStart(5)} ${String(t.counts.predicted).padStart(5)} |` +
        `${pct(t.exact.precision)}${pct(t.exact.recall)}${pct(t.exact.f1)} |${pct(t.overlap.precision)}${pct(t.overlap.recall)}${pct(t.overlap.f1)}`,
    ),
    `CPR-shaped decoys flagged as CPR: ${report.decoysFlagged.length}`,
  ];
  return lines.join('\n');
}

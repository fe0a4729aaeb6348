import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DataClass, SPECIAL_CLASSES } from './guard.types.js';
import { type EvaluationReport, evaluate, formatReport } from './evaluate.js';
import { parseAnnotatedJsonl, parseMarkedCorpus } from './pii-corpus.js';
import { scan } from './scan.js';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/guard');
const load = (file: string) => parseAnnotatedJsonl(fs.readFileSync(path.join(fixtures, file), 'utf8'));

const IDENTIFIERS: DataClass[] = ['CPR', 'PHONE', 'EMAIL', 'CVR', 'BANK_ACCOUNT'];

function typeReport(report: EvaluationReport, type: DataClass) {
  return report.types.find((t) => t.type === type);
}

/** The targets of the guard's issue, on one annotated corpus. */
function expectTargets(report: EvaluationReport): void {
  const table = formatReport(report);
  for (const type of IDENTIFIERS) {
    const t = typeReport(report, type);
    if (!t) continue;
    expect(t.exact.recall, `${type} exact recall\n${table}`).toBeGreaterThanOrEqual(0.98);
    expect(t.exact.precision, `${type} exact precision\n${table}`).toBeGreaterThanOrEqual(0.97);
  }
  for (const type of ['PERSON', 'ADDRESS'] as const) {
    expect(typeReport(report, type)!.overlap.recall, `${type} overlap recall\n${table}`).toBeGreaterThanOrEqual(0.9);
  }
  // Special categories: all together, and each type with enough examples for a ratio to mean something.
  const special = report.types.filter((t) => SPECIAL_CLASSES.includes(t.type));
  const gold = special.reduce((n, t) => n + t.counts.gold, 0);
  const hits = special.reduce((n, t) => n + t.counts.overlapHits, 0);
  expect(hits / gold, `special categories overlap recall\n${table}`).toBeGreaterThanOrEqual(0.85);
  for (const t of special.filter((s) => s.counts.gold >= 5)) {
    expect(t.overlap.recall, `${t.type} overlap recall\n${table}`).toBeGreaterThanOrEqual(0.85);
  }
  // No CPR-shaped decoy (marked decoys, or anything not annotated) is reported as a CPR number.
  expect(report.decoysFlagged, table).toEqual([]);
  expect(typeReport(report, 'CPR')!.exact.precision, `CPR precision\n${table}`).toBe(1);
}

describe('evaluation against annotated Danish texts', () => {
  it('meets the targets on the shared sample (30 texts)', () => {
    const docs = load('da-sample.jsonl');
    expect(docs).toHaveLength(30);
    expectTargets(evaluate(docs, scan));
  });

  it("meets the targets on the guard's own corpus (letters, case notes, minutes, e-mails, texts without personal data, decoys)", () => {
    const docs = load('da-corpus.jsonl');
    expect(docs.length).toBeGreaterThanOrEqual(40);
    expectTargets(evaluate(docs, scan));
  });

  it('finds nothing at all in the texts without personal data', () => {
    for (const doc of [...load('da-sample.jsonl'), ...load('da-corpus.jsonl')].filter((d) => d.kind === 'no_pii')) {
      expect(scan(doc.text), doc.id).toEqual([]);
    }
  });

  it('scores exact and overlapping matches separately', () => {
    const report = evaluate(
      [{ id: 'x', kind: 'case_note', text: 'slidgigt i højre skulder', entities: [{ type: 'HEALTH', start: 0, end: 24, value: 'slidgigt i højre skulder' }] }],
      () => [{ type: 'HEALTH', start: 0, end: 8 }],
    );
    const health = report.types.find((t) => t.type === 'HEALTH')!;
    expect(health.exact.recall).toBe(0);
    expect(health.overlap.recall).toBe(1);
  });
});

describe('test corpus files', () => {
  it('the JSON Lines corpus is built from its marked-up source (run server/scripts/pii-corpus-build.ts after editing)', () => {
    const source = parseMarkedCorpus(fs.readFileSync(path.join(fixtures, 'da-corpus.src.txt'), 'utf8'));
    expect(load('da-corpus.jsonl')).toEqual(source);
  });

  it('every annotated value sits at its offsets', () => {
    for (const doc of [...load('da-sample.jsonl'), ...load('da-corpus.jsonl')]) {
      for (const e of doc.entities) expect(doc.text.slice(e.start, e.end), doc.id).toBe(e.value);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../../test/support/app.js';
import { scoreDocuments } from './assistants-eval.documents.js';
import { formatReport, parseSetArgs, startEvalApp, type EvalApp, type ScoreReport } from './assistants-eval.harness.js';
import { scoreLetters } from './assistants-eval.letters.js';
import { scoreMinutes } from './assistants-eval.minutes.js';

// The scoring scripts on a bounded sample of our own (tuned) sets: they run through the API and print sane
// measures. Not target values: those are for the blind set, scored by `npm run eval:*` once per change.

function expectSane(r: ScoreReport, cases: number, measures: string[]) {
  expect(r.cases).toBe(cases);
  expect(r.refused).toBeGreaterThanOrEqual(0);
  expect(r.refused).toBeLessThanOrEqual(cases);
  expect(r.measures.map((m) => m.measure)).toEqual(measures);
  for (const m of r.measures) {
    if (m.fraction !== null) {
      expect(m.fraction).toBeGreaterThanOrEqual(0);
      expect(m.fraction).toBeLessThanOrEqual(1);
    }
  }
  const printed = formatReport(r);
  expect(printed).toContain('| assistant | measure | value |');
  for (const m of measures) expect(printed).toContain(`| ${m} |`);
}

describe('the assistants scoring scripts, over the API on the offline engine', () => {
  let e: EvalApp;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabaseUrl();
    drop = db.drop;
    e = await startEvalApp({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await e.close();
    await drop();
  });

  it('reads --set and --limit, and refuses an unknown set', () => {
    expect(parseSetArgs(['--set', 'all', '--limit', '3'])).toEqual({ sets: ['blind', 'blind-8', 'blind-2', 'blind-3', 'blind-4', 'blind-6', 'blind-7', 'dev-3', 'own', 'shared'], limit: 3 });
    expect(parseSetArgs(['--set=own'])).toEqual({ sets: ['own'], limit: 0 });
    // "dev" is every set that may be tuned on: never the blind one.
    expect(parseSetArgs(['--set', 'dev'])).toEqual({ sets: ['blind-2', 'blind-3', 'blind-4', 'blind-6', 'blind-7', 'dev-3', 'own', 'shared'], limit: 0 });
    expect(parseSetArgs([])).toEqual({ sets: ['blind'], limit: 0 });
    expect(() => parseSetArgs(['--set', 'tuned'])).toThrow(/one of blind, blind-8, blind-2, blind-3, blind-4, blind-6, blind-7, dev-3, own, shared, dev or all/);
  });

  it('letters: two of our own letters give the four letter measures, with counts that add up', { timeout: 60_000 }, async () => {
    const r = await scoreLetters(e, 'own', 2);
    expectSane(r, 2, [
      'LIX lower after rewriting',
      'checklist items right',
      'amounts, dates, § references, phones, e-mails kept',
      "project's LIX-before equals LIX of the original",
    ]);
    // Six checklist items per letter the policy let through.
    expect(r.measures[1]!.value).toContain(`of ${(2 - r.refused) * 6})`);
    // Our own set has no facts list, so that measure says so rather than inventing a figure.
    expect(r.measures[2]!.fraction).toBeNull();
  });

  it('minutes: two of our own transcripts, uploaded as files, give F1, recall and due-date figures', { timeout: 60_000 }, async () => {
    const r = await scoreMinutes(e, 'own', 2);
    expectSane(r, 2, [
      'attendees F1',
      'decisions recall (overlap ≥ 0.3)',
      'action items F1 (same owner, task overlap)',
      'due dates on matched items',
    ]);
    expect(r.refused).toBe(0);
    expect(r.measures[0]!.fraction).not.toBeNull();
  });

  it('documents: the knowledge base indexed through the API, three questions give the three documents measures', { timeout: 120_000 }, async () => {
    const r = await scoreDocuments(e, 'shared', 3);
    expectSane(r, 3, ['right passage cited first (answerable)', 'unanswerable questions declined', 'answerable questions wrongly declined']);
    // The first three shared questions: two answerable, one not.
    expect(r.measures[0]!.value).toMatch(/^\d+ of 2 /);
    expect(r.measures[1]!.value).toMatch(/^[01] of 1$/);
    expect(r.notes.filter((n) => n.includes('not indexed'))).toEqual([]);
  });
});

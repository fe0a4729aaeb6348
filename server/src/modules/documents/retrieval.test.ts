import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersQuestion } from '../assistants/documents/documents.decide.js';
import { chunkText } from './documents.chunk.js';
import { rankPassages, toPassage } from './documents.index.js';
import { Bm25Index, stem, tokenize, type IndexedChunk } from './retrieval.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/documents');

interface Question {
  id: string;
  question: string;
  gold: { answerable: boolean; doc?: string; passage?: string };
}
const questions = (file: string): Question[] =>
  fs.readFileSync(path.join(FIXTURES, file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Question);

describe('Danish tokens', () => {
  it('lower-cases, keeps æøå, drops stop words and strips common endings', () => {
    expect(tokenize('Må jeg tage imod GAVEKORT fra borgerne på Rådhuset?')).toEqual(['tag', 'imod', 'gavekort', 'borg', 'rådhus']);
    expect(stem('feriedagene')).toBe(stem('feriedage'));
    expect(stem('borgere')).toBe(stem('borger'));
    expect(stem('søge')).toBe('søg');
  });

  it('folds the forms the light stemmer left apart: participles, plurals of nouns in -ing, -er verbs', () => {
    expect(stem('valgt')).toBe(stem('valget'));
    expect(stem('kvitteringer')).toBe(stem('kvittering'));
    expect(stem('stopper')).toBe(stem('stoppe'));
  });
});

/** The development sets (never the blind batch): a knowledge base and its questions. */
const DEV_SETS = [
  { name: 'shared', kb: 'kb', questions: 'kb-questions.jsonl' },
  { name: 'own', kb: 'kb', questions: 'extra-questions.jsonl' },
  { name: 'blind-2', kb: 'blind-2/kb', questions: 'blind-2/questions.jsonl' },
  { name: 'blind-3', kb: 'blind-3/kb', questions: 'blind-3/questions.jsonl' },
  { name: 'dev-3', kb: 'dev-3/kb', questions: 'dev-3/questions.jsonl' },
  { name: 'blind-4', kb: 'blind-4/kb', questions: 'blind-4/questions.jsonl' },
  { name: 'blind-6', kb: 'blind-6/kb', questions: 'blind-6/questions.jsonl' },
  { name: 'blind-7', kb: 'blind-7/kb', questions: 'blind-7/questions.jsonl' },
] as const;

describe('BM25 and the answer decision over the development sets', () => {
  const indexes: Record<string, Bm25Index> = {};
  const docs: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    for (const kb of new Set(DEV_SETS.map((s) => s.kb))) {
      const chunks: IndexedChunk[] = [];
      docs[kb] = {};
      for (const f of fs.readdirSync(path.join(FIXTURES, kb)).sort()) {
        const text = fs.readFileSync(path.join(FIXTURES, kb, f), 'utf8');
        docs[kb]![f] = text;
        for (const c of await chunkText(text, { markdown: true })) chunks.push({ ...c, id: `${f}#${c.ordinal}`, documentId: f, filename: f });
      }
      indexes[kb] = new Bm25Index(chunks);
    }
  });

  /** As the documents assistant decides (documents.decide.ts): the best passage, or "not answered". */
  function answer(kb: string, q: string) {
    const passages = rankPassages(indexes[kb]!, q, 4);
    return answersQuestion(passages) ? passages[0]! : null;
  }
  function score(set: (typeof DEV_SETS)[number]) {
    const figures = { answerable: 0, hits: 0, wronglyDeclined: 0, notAnswerable: 0, declined: 0, misses: [] as string[] };
    for (const q of questions(set.questions)) {
      const p = answer(set.kb, q.question);
      if (!q.gold.answerable) {
        figures.notAnswerable++;
        if (p === null) figures.declined++;
        else figures.misses.push(q.id);
        continue;
      }
      figures.answerable++;
      const start = docs[set.kb]![q.gold.doc!]!.indexOf(q.gold.passage!);
      const end = start + q.gold.passage!.length;
      if (p === null) figures.wronglyDeclined++;
      if (p && p.documentId === q.gold.doc && p.startChar < end && p.endChar > start) figures.hits++;
      else figures.misses.push(q.id);
    }
    return figures;
  }

  // Not held-out sets: the decision, the synonyms and the other forms were chosen with these in view
  // (docs/decisions/0007, addenda). The blind batch is scored by `npm run eval:documents`, never here.
  it('shared questions: 6 of 6 quoted right; one not-answerable one declined, the other answered from a neighbour', () => {
    // q-03 ("… når jeg stopper i kommunen") finds the holiday-pay rule for hourly staff; "stopper" is in a subordinate clause.
    expect(score(DEV_SETS[0])).toEqual({ answerable: 6, hits: 6, wronglyDeclined: 0, notAnswerable: 2, declined: 1, misses: ['q-03'] });
  });

  it('own questions: 4 of 6 quoted right, none wrongly declined, 3 of 5 not-answerable declined', () => {
    // e-02: "tabt min arbejdstelefon" lands on the travel rule; e-06 finds the right rule but quotes its example.
    // n-03 ("arbejde hjemme") and n-04 ("lønnen udbetalt i december") share their words with holiday rules.
    expect(score(DEV_SETS[1])).toEqual({ answerable: 6, hits: 4, wronglyDeclined: 0, notAnswerable: 5, declined: 3, misses: ['e-02', 'e-06', 'n-03', 'n-04'] });
  });

  it('blind batch 2 (now a development set): 17 of 18 quoted right, none wrongly declined, 3 of 6 declined', () => {
    // qb-24 ("kameraerne ved rådhusets indgang") is answered from the rule on photos taken with a work camera.
    expect(score(DEV_SETS[2])).toMatchObject({ answerable: 18, hits: 17, wronglyDeclined: 0, notAnswerable: 6, declined: 3 });
  });

  it('blind batch 3 and development batch 3: the passage is found more often than its words allow the quote and the decision', () => {
    expect(score(DEV_SETS[3])).toMatchObject({ answerable: 20, hits: 9, wronglyDeclined: 3, notAnswerable: 10, declined: 7 });
    // qd-23: the row of a table ("klage | … | inside 2 working days") is quoted alone now, and the prose below it wins.
    expect(score(DEV_SETS[4])).toMatchObject({ answerable: 16, hits: 11, wronglyDeclined: 0, notAnswerable: 10, declined: 7 });
  });

  it('blind batch 4 (now a development set): 9 of 20 quoted right, 1 wrongly declined, 4 of 10 declined', () => {
    // Everyday words for when ("om aftenen"), compounds the documents build differently ("flekskontoen") and figures
    // of the situation ("min søn på 15") no longer decline; qd-17 still is ("efter 22 år" in the asking sentence).
    // qd-15 ("på selve jubilæumsdagen") and qd-26 ("gået i stykker") were declined for a word that names nothing.
    expect(score(DEV_SETS[5])).toMatchObject({ answerable: 20, hits: 9, wronglyDeclined: 1, notAnswerable: 10, declined: 4 });
  });

  it('blind batch 6 (now a development set): its blind score was 8 of 20 quoted right, 10 wrongly declined, 7 of 10 declined', () => {
    // An adjective before its noun ("de flade batterier"), a word too general to name a thing ("for folk") and
    // another form of a long word ("fysioterapeut", "fysioterapi") no longer decline, nor does a count of a thing
    // a table row names ("hvor mange massager": "massage … 5 behandlinger").
    expect(score(DEV_SETS[6])).toMatchObject({ answerable: 20, hits: 10, wronglyDeclined: 7, notAnswerable: 10, declined: 7 });
  });

  it('blind batch 7 (now a development set): its blind score was 3 of 20 quoted right, 6 wrongly declined, 4 of 10 declined', () => {
    // The row of a table whose range holds the question's figure ("32 kolleger": "| 25–49 | 4 timer |"), and a
    // measure asked for ("hvor lille må logoet være": "mindst 120 pixel").
    expect(score(DEV_SETS[7])).toMatchObject({ answerable: 20, hits: 5, wronglyDeclined: 6, notAnswerable: 10, declined: 4 });
  });

  it('every quote, on every development question, is verbatim text of its passage and of its document at the offsets it names', () => {
    for (const set of DEV_SETS) {
      for (const q of questions(set.questions)) {
        for (const hit of indexes[set.kb]!.search(q.question, 4)) {
          const p = toPassage(indexes[set.kb]!, q.question, hit);
          expect(p.text).toContain(p.quote);
          expect(docs[set.kb]![p.documentId]!.slice(p.startChar, p.endChar)).toBe(p.quote);
        }
      }
    }
  });
});

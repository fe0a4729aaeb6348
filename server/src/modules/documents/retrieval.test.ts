import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RELEVANCE_THRESHOLD } from '../assistants/documents/documents.assistant.js';
import { chunkText } from './documents.chunk.js';
import { toPassage } from './documents.index.js';
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
});

describe('BM25 over the fixture knowledge base', () => {
  let index: Bm25Index;
  const docs: Record<string, string> = {};

  beforeAll(async () => {
    const chunks: IndexedChunk[] = [];
    for (const f of fs.readdirSync(path.join(FIXTURES, 'kb')).sort()) {
      const text = fs.readFileSync(path.join(FIXTURES, 'kb', f), 'utf8');
      docs[f] = text;
      for (const c of await chunkText(text, { markdown: true })) chunks.push({ ...c, id: `${f}#${c.ordinal}`, documentId: f, filename: f });
    }
    index = new Bm25Index(chunks);
  });

  /** As the documents assistant decides: the best passage above the threshold, or "not answered". */
  function answer(q: string) {
    const hit = index.search(q, 4).filter((h) => h.relevance >= RELEVANCE_THRESHOLD)[0];
    return hit ? toPassage(index, q, hit) : null;
  }
  function score(file: string) {
    const figures = { answerable: 0, hits: 0, rightDocument: 0, notAnswerable: 0, refused: 0, misses: [] as string[] };
    for (const q of questions(file)) {
      const p = answer(q.question);
      if (!q.gold.answerable) {
        figures.notAnswerable++;
        if (p === null) figures.refused++;
        else figures.misses.push(q.id);
        continue;
      }
      figures.answerable++;
      const start = docs[q.gold.doc!]!.indexOf(q.gold.passage!);
      const end = start + q.gold.passage!.length;
      if (p && p.documentId === q.gold.doc) figures.rightDocument++;
      if (p && p.documentId === q.gold.doc && p.startChar < end && p.endChar > start) figures.hits++;
      else figures.misses.push(q.id);
    }
    return figures;
  }

  it('quotes the gold passage for 5 of the 6 answerable fixture questions and declines both not-answerable ones', () => {
    // q-06 ("videresende ... til min Gmail") shares almost no words with its rule ("private mailadresse").
    expect(score('kb-questions.jsonl')).toEqual({ answerable: 6, hits: 5, rightDocument: 5, notAnswerable: 2, refused: 2, misses: ['q-06'] });
  });

  it('on our own questions: 4 of 6 quotes right, 6 of 6 right document, all 5 not-answerable declined', () => {
    // Not a held-out set: the threshold and two synonyms ("tabt", "gemme") were chosen with these in view.
    // e-02: "tabt min arbejdstelefon" lands on the travel rule; e-06 finds the right rule but quotes its example.
    expect(score('extra-questions.jsonl')).toEqual({ answerable: 6, hits: 4, rightDocument: 6, notAnswerable: 5, refused: 5, misses: ['e-02', 'e-06'] });
  });

  it('a quote is verbatim text of its document at the offsets it names', () => {
    for (const q of questions('kb-questions.jsonl')) {
      const p = answer(q.question);
      if (p) expect(docs[p.documentId]!.slice(p.startChar, p.endChar)).toBe(p.quote);
    }
  });
});

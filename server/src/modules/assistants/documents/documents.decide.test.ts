import { describe, expect, it } from 'vitest';
import { chunkText } from '../../documents/documents.chunk.js';
import { toPassage } from '../../documents/documents.index.js';
import { Bm25Index, type IndexedChunk } from '../../documents/retrieval.js';
import { answersQuestion } from './documents.decide.js';

async function indexOf(docs: Record<string, string>): Promise<Bm25Index> {
  const chunks: IndexedChunk[] = [];
  for (const [f, text] of Object.entries(docs)) {
    for (const c of await chunkText(text, { markdown: true })) chunks.push({ ...c, id: `${f}#${c.ordinal}`, documentId: f, filename: f });
  }
  return new Bm25Index(chunks);
}

describe('the answer decision: retrieval signals that agree', () => {
  it('a moderately relevant passage that stands out from the runner-up and covers the question is an answer', () => {
    expect(answersQuestion([{ relevance: 1.7, coverage: 0.4 }, { relevance: 1.0, coverage: 0.2 }])).toBe(true);
  });

  it('a moderately relevant passage with a neighbour nearly as good is no answer: the question spreads over several rules', () => {
    expect(answersQuestion([{ relevance: 2.2, coverage: 0.48 }, { relevance: 2.1, coverage: 0.45 }])).toBe(false);
  });

  it('a passage that shares too little of the question is no answer, however alone it stands', () => {
    expect(answersQuestion([{ relevance: 1.8, coverage: 0.15 }])).toBe(false);
  });

  it('a strong match answers on its own, and an empty search never does', () => {
    expect(answersQuestion([{ relevance: 3.1, coverage: 0.2 }, { relevance: 3.0, coverage: 0.3 }])).toBe(true);
    expect(answersQuestion([])).toBe(false);
  });
});

describe('quoting the sentences that answer', () => {
  const PURCHASES = [
    '# Indkøb',
    '',
    '## Køb uden aftale',
    '',
    'Uden en aftale afhænger fremgangsmåden af, hvad købet koster i alt.',
    '',
    '- Koster købet under 20.000 kr., kan du bestille hos én leverandør.',
    '- Koster købet 20.000 kr. eller mere, men under 300.000 kr., skal du indhente tre tilbud.',
    '- Koster købet 300.000 kr. eller mere, skal Indkøb sende det i udbud.',
  ].join('\n');

  it('of a rule with amount thresholds, the tier the question’s amount falls in', async () => {
    const index = await indexOf({ 'indkoeb.md': PURCHASES });
    const q = 'Vi skal købe møbler for 45.000 kr. uden aftale. Hvad skal jeg gøre?';
    const p = toPassage(index, q, index.search(q, 1)[0]!);
    expect(p.quote).toBe('- Koster købet 20.000 kr. eller mere, men under 300.000 kr., skal du indhente tre tilbud.');
  });

  it('the highest tier for an amount above every threshold', async () => {
    const index = await indexOf({ 'indkoeb.md': PURCHASES });
    const q = 'Hvad gør jeg, når købet koster 450.000 kr. og der ingen aftale er?';
    expect(toPassage(index, q, index.search(q, 1)[0]!).quote).toBe('- Koster købet 300.000 kr. eller mere, skal Indkøb sende det i udbud.');
  });

  it('a list item with the sentence that introduces it, however far down the list it stands', async () => {
    const doc = [
      '## Fridage',
      '',
      'Ud over weekender og helligdage holder du fri med løn på disse dage:',
      '',
      '- 1. maj fra kl. 12',
      '- grundlovsdag',
      '- fredag efter Kristi himmelfartsdag',
      '- den 24. december',
      '- den 31. december',
      '',
      'Skal du arbejde en af dagene, får du en anden fridag.',
    ].join('\n');
    const index = await indexOf({ 'fri.md': doc });
    const q = 'Har jeg fri den 31. december?';
    const p = toPassage(index, q, index.search(q, 1)[0]!);
    expect(p.quote.startsWith('Ud over weekender og helligdage holder du fri med løn på disse dage:')).toBe(true);
    expect(p.quote.endsWith('- den 31. december')).toBe(true);
    expect(doc.slice(p.startChar, p.endChar)).toBe(p.quote);
  });

  it('the coverage of a question asked in everyday words counts the words the rule uses for them', async () => {
    const index = await indexOf({ 'syg.md': '## Sygemelding\n\nDu skal ringe til din leder senest kl. 7.30 på første sygedag.', 'andet.md': '## Kantine\n\nKantinen har åbent fra kl. 11.' });
    const [hit] = index.search('Skal jeg ringe til min chef?', 2);
    expect(hit!.chunk.documentId).toBe('syg.md');
    // "ringe" in full, "chef" through "leder" at half weight.
    expect(hit!.coverage).toBeGreaterThan(0.6);
  });
});

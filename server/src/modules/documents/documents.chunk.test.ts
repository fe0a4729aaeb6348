import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE, chunkText } from './documents.chunk.js';

const section = (title: string, sentence: string) => [`## ${title}`, '', Array.from({ length: 5 }, () => sentence).join(' '), ''];
const HANDBOOK = [
  '# Nøgler og låse',
  '',
  ...section('Udlevering', 'Nøgler til kontorerne udleveres af Servicecentret på hverdage mellem kl. 9 og 12.'),
  ...section('Bortkomne nøgler', 'Mister du en nøgle, melder du det samme dag til Servicecentret, som skifter låsen.'),
  ...section('Depositum', 'Der er et depositum på 200 kr. for et adgangskort, som du får igen ved fratræden.'),
].join('\n');

describe('passages kept to sections', () => {
  it('when a document has sections, then each section is its own passage, without its heading line, and names its heading', () => {
    const chunks = chunkText(HANDBOOK, { markdown: true });
    expect(chunks.map((c) => c.heading)).toEqual(['Udlevering', 'Bortkomne nøgler', 'Depositum']);
    expect(chunks[1]!.text.startsWith('Mister du en nøgle')).toBe(true);
    for (const c of chunks) {
      expect(HANDBOOK.slice(c.startChar, c.endChar)).toBe(c.text);
      expect(c.text).not.toMatch(/^#/m);
    }
  });

  it('very short sections that follow one another share a passage, but no section is ever split between two', () => {
    const doc = ['## Udlevering', '', 'Nøgler udleveres af Servicecentret.', '', '## Bortkomne nøgler', '', 'Meld det samme dag.', '', '## Depositum', '', 'Depositum: 200 kr.'].join('\n');
    const chunks = chunkText(doc, { markdown: true });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ heading: 'Udlevering', text: doc.slice(doc.indexOf('Nøgler udleveres')) });
  });

  it('when a section is longer than a passage, then it is cut between paragraphs, every piece under its own heading and within the size', () => {
    const paragraph = (n: number) => `Afsnit ${n} om indkøb: ${'Varer bestilles i indkøbssystemet og godkendes af lederen. '.repeat(6).trim()}`;
    const doc = ['## Indkøb', '', ...Array.from({ length: 6 }, (_, i) => [paragraph(i + 1), '']).flat(), '## Kontakt', '', 'Skriv til indkøb@kommune.dk.'].join('\n');
    const chunks = chunkText(doc, { markdown: true });
    const purchases = chunks.filter((c) => c.heading === 'Indkøb');
    expect(purchases.length).toBeGreaterThan(1);
    for (const c of purchases) {
      expect(c.text.length).toBeLessThanOrEqual(CHUNK_SIZE);
      // Cut at a paragraph: every piece starts a paragraph and ends one.
      expect(c.text).toMatch(/^Afsnit \d+ om indkøb:/);
      expect(c.text).toMatch(/lederen\.$/);
      expect(c.text).not.toContain('Kontakt');
    }
    expect(chunks.at(-1)).toMatchObject({ heading: 'Kontakt', text: 'Skriv til indkøb@kommune.dk.' });
  });

  it('a text that is not Markdown is cut at paragraphs and has no headings', () => {
    const text = `${'Første afsnit handler om ferie og fridage i kommunen. '.repeat(15).trim()}\n\n${'Andet afsnit handler om sygdom og omsorgsdage. '.repeat(17).trim()}`;
    const chunks = chunkText(text, { markdown: false });
    expect(chunks.map((c) => c.heading)).toEqual([null, null]);
    expect(chunks[1]!.text.startsWith('Andet afsnit')).toBe(true);
  });
});

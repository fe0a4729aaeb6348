import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Entity } from './guard.types.js';
import { parseAnnotatedJsonl } from './pii-corpus.js';
import { scan } from './scan.js';

const fixtures = path.resolve(import.meta.dirname, '../../../../test/fixtures/guard');
const texts = ['da-sample.jsonl', 'da-corpus.jsonl'].flatMap((f) =>
  parseAnnotatedJsonl(fs.readFileSync(path.join(fixtures, f), 'utf8')).map((d) => d.text),
);

function expectWellFormed(text: string, entities: Entity[]): void {
  let last = 0;
  for (const e of entities) {
    expect(Entity.parse(e)).toEqual(e);
    expect(e.start).toBeGreaterThanOrEqual(last);
    expect(e.end).toBeGreaterThan(e.start);
    expect(e.end).toBeLessThanOrEqual(text.length);
    last = e.end;
  }
}

describe('scan output', () => {
  it('is sorted, non-overlapping, within the text and valid against the Entity schema, for every test text', () => {
    for (const text of texts) expectWellFormed(text, scan(text));
  });

  it('is pure: the same text gives the same entities, whatever was scanned before', () => {
    const a = texts.map((t) => scan(t));
    const b = [...texts].reverse().map((t) => scan(t)).reverse();
    expect(b).toEqual(a);
  });

  it('finds the same values in a text with Windows line endings', () => {
    for (const text of texts.slice(0, 40)) {
      const crlf = text.replace(/\n/g, '\r\n');
      const values = (t: string): string[] => scan(t).map((e) => `${e.type}:${t.slice(e.start, e.end)}`);
      expect(values(crlf)).toEqual(values(text));
    }
  });

  it('resolves overlaps by priority: an e-mail beats the name inside it, an address beats a name', () => {
    expect(scan('Mette.Hansen@example.dk').map((e) => e.type)).toEqual(['EMAIL']);
    expect(scan('Karen Blixens Vej 4, 3000 Helsingør').map((e) => e.type)).toEqual(['ADDRESS', 'POSTCODE_CITY']);
  });

  it('returns nothing for empty input', () => {
    expect(scan('')).toEqual([]);
  });
});

describe('bad input is scanned in bounded time and never crashes', () => {
  const MB = 1024 * 1024;
  const repeat = (s: string, size: number): string => s.repeat(Math.ceil(size / s.length)).slice(0, size);
  let seed = 7;
  const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

  // Generous bounds: these guard against hangs and quadratic behaviour (which on 5 MB takes minutes), not against a
  // slow or busy machine. On two cores outside the test runner each takes 0.05-2 s, the slowest being the 5 MB of
  // CPR-shaped numbers with its 437,000 findings; speed figures come from `npm run pii:bench`.
  it.each([
    ['5 MB of Danish letters and case notes', () => repeat(texts.join('\n\n'), 5 * MB)],
    ['5 MB of random code units (binary junk)', () => Array.from({ length: 5 * MB }, () => String.fromCharCode(Math.floor(random() * 0x10000))).join('')],
    ['5 MB of lone surrogates between letters', () => repeat('\uD800a\uDC00Ø\uDFFF ', 5 * MB)],
    ['5 MB on one line of capitalised words and colons', () => repeat('Aaaa Bbbb: Cccc Dddd ', 5 * MB)],
    ['5 MB of CPR-shaped numbers', () => repeat('010101-1234 ', 5 * MB)],
    ['5 MB of list headers without blank lines', () => repeat('Deltagere:\nXxxx Yyyy\n', 5 * MB)],
    ['5 MB of postcodes and towns on one line', () => repeat('1234 Aarhus ', 5 * MB)],
  ])('%s', (_name, make) => {
    const text = make();
    const t0 = performance.now();
    const entities = scan(text);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(6000);
    expectWellFormed(text, entities.slice(0, 1000));
  });

  it('skips 10,000 digits in a row (and any digit run too long to be an identifier) in one step', () => {
    const text = `CPR ${'1'.repeat(10_000)} og ${'2208929820'.repeat(1000)} slut 220892-9820`;
    expect(scan(text).map((e) => text.slice(e.start, e.end))).toEqual(['220892-9820']);
  });

  it('handles a text that ends in the middle of a candidate', () => {
    for (const t of ['CPR 220892-98', 'Tlf. +45 12', 'a@b.', 'Vestergade 12, 3.', '2610', 'Kære', 'dømt for', 'DK50 0040']) {
      expect(() => scan(t)).not.toThrow();
    }
  });
});

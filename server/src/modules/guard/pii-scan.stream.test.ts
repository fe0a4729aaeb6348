import { describe, expect, it } from 'vitest';
import { scanJsonLines } from './pii-scan.stream.js';

async function* linesOf(...lines: string[]): AsyncIterable<string> {
  for (const l of lines) yield l;
}

describe('pii:scan JSON Lines stream', () => {
  it('writes one {"id", "entities"} line per input line, in order, with type/start/end only', async () => {
    const out: string[] = [];
    const errors: string[] = [];
    const result = await scanJsonLines(
      linesOf('{"id":"a","text":"Ring til Mette Hansen på 40 67 31 92."}', '{"id":7,"text":"Ingen personoplysninger her."}'),
      (l) => void out.push(l),
      (e) => void errors.push(e),
    );
    expect(result).toEqual({ lines: 2, failed: 0 });
    expect(errors).toEqual([]);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      {
        id: 'a',
        entities: [
          { type: 'PERSON', start: 9, end: 21 },
          { type: 'PHONE', start: 25, end: 36 },
        ],
      },
      { id: 7, entities: [] },
    ]);
  });

  it('reports a malformed line with its line number and goes on with the next', async () => {
    const out: string[] = [];
    const errors: string[] = [];
    const result = await scanJsonLines(
      linesOf('{"id":"a","text":"x"}', 'not json', '', '{"id":"c"}', '{"id":"d","text":"y"}'),
      (l) => void out.push(l),
      (e) => void errors.push(e),
    );
    expect(result).toEqual({ lines: 5, failed: 2 });
    expect(out.map((l) => JSON.parse(l).id)).toEqual(['a', 'd']);
    expect(errors[0]).toMatch(/^linje 2: ikke gyldig JSON/);
    expect(errors[1]).toMatch(/^linje 4: forventede .*text/);
  });
});

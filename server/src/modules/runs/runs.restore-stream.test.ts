import { describe, expect, it } from 'vitest';
import { restore } from '../guard/pseudonymise.js';
import { restoringStream } from './runs.restore-stream.js';

const MAPPING = { '[PERSON_1]': 'Frida Lauritzen', '[CPR_1]': '070761-1006' };

function run(pieces: string[]): string[] {
  const out: string[] = [];
  const s = restoringStream(() => MAPPING, (t) => out.push(t));
  for (const p of pieces) s.push(p);
  s.end();
  return out;
}

describe('restoringStream', () => {
  it('when a placeholder is split across pieces, then it is held until it closes and sent restored', () => {
    const out = run(['Kære [PER', 'SON', '_1', '], dit CPR-nr. er [', 'CPR_1].']);
    expect(out.join('')).toBe('Kære Frida Lauritzen, dit CPR-nr. er 070761-1006.');
    expect(out.some((t) => t.includes('[') || t.includes(']'))).toBe(false);
    expect(out[0]).toBe('Kære ');
  });

  it('when a bracket is clearly not a placeholder, then it is sent without waiting', () => {
    const out: string[] = [];
    const s = restoringStream(() => MAPPING, (t) => out.push(t));
    s.push('[Offline regelmotor');
    expect(out).toEqual(['[Offline regelmotor']);
    s.push(' [1');
    expect(out.join('')).toBe('[Offline regelmotor [1');
  });

  it('when a stream ends on an unfinished bracket, then the rest is sent as it is', () => {
    expect(run(['se bilag [A']).join('')).toBe('se bilag [A');
  });

  it('when a placeholder is not in the mapping, then it is left alone', () => {
    expect(run(['[PERSON_9] og [PERSON_1]']).join('')).toBe('[PERSON_9] og Frida Lauritzen');
  });

  it('when the mapping grows during the run, then later pieces use the new mapping', () => {
    const mapping: Record<string, string> = {};
    const out: string[] = [];
    const s = restoringStream(() => mapping, (t) => out.push(t));
    mapping['[PERSON_2]'] = 'Ole';
    s.push('Hej [PERSON_2]');
    s.end();
    expect(out.join('')).toBe('Hej Ole');
  });
});

describe('restoringStream and links', () => {
  const mapping = { '[PERSON_1]': 'Frida Lauritzen', '[ADDRESS_1]': 'Møllergade 103' };
  const pieces = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  it('when a placeholder streams inside a URL, then it is never sent restored, and the stream matches restore() of the whole', () => {
    const draft = 'Kære [PERSON_1]\nSe https://x.example/?d=[ADDRESS_1] og <a href="https://x.example/\n?n=[PERSON_1]">her</a>. Hilsen [PERSON_1]';
    for (const size of [1, 3, 7, 200]) {
      const out: string[] = [];
      const s = restoringStream(() => mapping, (t) => out.push(t));
      for (const p of pieces(draft, size)) s.push(p);
      s.end();
      expect(out.join('')).toBe(restore(draft, mapping));
      expect(out.join('')).toBe(
        'Kære Frida Lauritzen\nSe https://x.example/?d=[ADDRESS_1] og <a href="https://x.example/\n?n=[PERSON_1]">her</a>. Hilsen Frida Lauritzen',
      );
      expect(out.join('')).not.toContain('Møllergade');
    }
  });

  it('when the word after a placeholder turns it into an address (name@x.example), then it stays a placeholder', () => {
    const out: string[] = [];
    const s = restoringStream(() => mapping, (t) => out.push(t));
    s.push('Skriv til [PERSON_1]');
    // The word is not finished: the placeholder waits.
    expect(out.join('')).toBe('Skriv til ');
    s.push('@x.example i dag');
    s.end();
    expect(out.join('')).toBe('Skriv til [PERSON_1]@x.example i dag');
  });
});

import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_LABELS, restore } from '../guard/pseudonymise.js';
import { restoringStream } from './gateway.restore-stream.js';

const MAPPING = { '[NAVN_1]': 'Frida Lauritzen', '[CPR_1]': '070761-1006' };

function run(pieces: string[]): string[] {
  const out: string[] = [];
  const s = restoringStream(() => MAPPING, (t) => out.push(t));
  for (const p of pieces) s.push(p);
  s.end();
  return out;
}

describe('restoringStream', () => {
  it('when a placeholder is split across pieces, then it is held until it closes and sent restored', () => {
    const out = run(['Kære [NA', 'VN', '_1', '], dit CPR-nr. er [', 'CPR_1].']);
    expect(out.join('')).toBe('Kære Frida Lauritzen, dit CPR-nr. er 070761-1006.');
    expect(out.some((t) => t.includes('[') || t.includes(']'))).toBe(false);
    expect(out[0]).toBe('Kære ');
  });

  it('every Danish placeholder label (also those with an underscore, such as POSTNR_BY) is held while split and restored', () => {
    for (const label of Object.values(PLACEHOLDER_LABELS)) {
      const placeholder = `[${label}_12]`;
      const mapping = { [placeholder]: 'den oprindelige værdi' };
      const out: string[] = [];
      const s = restoringStream(() => mapping, (t) => out.push(t));
      for (const ch of `Se ${placeholder} her.`) s.push(ch);
      s.end();
      expect(out.join('')).toBe('Se den oprindelige værdi her.');
      expect(out.some((t) => t.includes('['))).toBe(false);
    }
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
    expect(run(['[NAVN_9] og [NAVN_1]']).join('')).toBe('[NAVN_9] og Frida Lauritzen');
  });

  it('when the mapping grows during the run, then later pieces use the new mapping', () => {
    const mapping: Record<string, string> = {};
    const out: string[] = [];
    const s = restoringStream(() => mapping, (t) => out.push(t));
    mapping['[NAVN_2]'] = 'Ole';
    s.push('Hej [NAVN_2]');
    s.end();
    expect(out.join('')).toBe('Hej Ole');
  });
});

describe('restoringStream and links', () => {
  const mapping = { '[NAVN_1]': 'Frida Lauritzen', '[ADRESSE_1]': 'Møllergade 103' };
  const pieces = (text: string, size: number) => Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

  it('when a placeholder streams inside a URL, then it is never sent restored, and the stream matches restore() of the whole', () => {
    const draft = 'Kære [NAVN_1]\nSe https://x.example/?d=[ADRESSE_1] og <a href="https://x.example/\n?n=[NAVN_1]">her</a>. Hilsen [NAVN_1]';
    for (const size of [1, 3, 7, 200]) {
      const out: string[] = [];
      const s = restoringStream(() => mapping, (t) => out.push(t));
      for (const p of pieces(draft, size)) s.push(p);
      s.end();
      expect(out.join('')).toBe(restore(draft, mapping));
      expect(out.join('')).toBe(
        'Kære Frida Lauritzen\nSe https://x.example/?d=[ADRESSE_1] og <a href="https://x.example/\n?n=[NAVN_1]">her</a>. Hilsen Frida Lauritzen',
      );
      expect(out.join('')).not.toContain('Møllergade');
    }
  });

  it('when the word after a placeholder turns it into an address (name@x.example), then it stays a placeholder', () => {
    const out: string[] = [];
    const s = restoringStream(() => mapping, (t) => out.push(t));
    s.push('Skriv til [NAVN_1]');
    // The word is not finished: the placeholder waits.
    expect(out.join('')).toBe('Skriv til ');
    s.push('@x.example i dag');
    s.end();
    expect(out.join('')).toBe('Skriv til [NAVN_1]@x.example i dag');
  });
});

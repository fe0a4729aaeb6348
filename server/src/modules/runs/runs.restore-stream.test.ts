import { describe, expect, it } from 'vitest';
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

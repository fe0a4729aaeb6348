import { describe, expect, it } from 'vitest';
import { classifyWord, labelBefore } from './context.js';

describe('labels in front of numbers', () => {
  it.each([
    ['CPR-nr.: ', 'cpr'],
    ['personnummer ', 'cpr'],
    ['CVR-nr. ', 'cvr'],
    ['cvr nummer ', 'cvr'],
    ['Tlf. ', 'phone'],
    ['kan kontaktes på ', 'phone'],
    ['Hendes telefonnummer er ', 'phone'],
    ['reg.nr. ', 'bank'],
    ['Sagsnr.: ', 'negative'],
    ['opkrævning nr. ', 'negative'],
    ['lejemålsnummer ', 'negative'],
    ['j.nr. ', 'negative'],
    ['Borger: Frida Lauritzen, ', 'none'],
    ['Opkrævningen på ', 'none'],
  ])('reads %j as %s', (before, label) => {
    expect(labelBefore(before + '12345678', before.length)).toBe(label);
  });

  it('classifies single words by their known endings and beginnings', () => {
    expect(classifyWord('kvitteringsnr')).toBe('negative');
    expect(classifyWord('mobilnummer')).toBe('phone');
    expect(classifyWord('hansen')).toBe('none');
  });
});

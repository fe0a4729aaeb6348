import { describe, expect, it } from 'vitest';
import { notFound } from './errors.js';

describe('notFound', () => {
  it('when the missing thing is a common-gender noun, then the sentence says "den"; a neuter one says "det"', () => {
    expect(notFound('Kørslen').message).toBe('Kørslen findes ikke, eller du har ikke adgang til den.');
    expect(notFound('Prøvehandlingen').message).toBe('Prøvehandlingen findes ikke, eller du har ikke adgang til den.');
    expect(notFound('Dokumentet').message).toBe('Dokumentet findes ikke, eller du har ikke adgang til det.');
    expect(notFound().message).toBe('Det, du leder efter, findes ikke, eller du har ikke adgang til det.');
    expect(notFound('Jobbet').status).toBe(404);
  });
});

/** Tasks for worker-pool.test.ts, run in the pool's workers. */
import { AppError } from './errors.js';

export const echo = (v: unknown) => v;

export function spin(ms: number): number {
  const until = Date.now() + ms;
  let n = 0;
  while (Date.now() < until) n++;
  return n;
}

export function hog(): number {
  const keep: string[][] = [];
  for (;;) keep.push(Array.from({ length: 10_000 }, (_, i) => `x${i}${keep.length}`));
}

export function refuse(): never {
  throw new AppError('EMPTY_FILE', 'Tom.', 422, { why: 'test' });
}

export function explode(): never {
  throw new Error('secret content from the file');
}

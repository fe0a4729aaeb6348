import { DIGIT, LETTER, charClass } from '../text/chars.js';
import { type Match } from './cpr.js';

function isLocal(c: number): boolean {
  return (charClass(c) & (LETTER | DIGIT)) !== 0 || c === 0x2e || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d;
}

function isDomain(c: number): boolean {
  return (charClass(c) & (LETTER | DIGIT)) !== 0 || c === 0x2d;
}

/**
 * An e-mail address around the '@' at `at`: local part of up to 64 characters, a domain with at least one
 * dot and an alphabetic top-level domain of 2+ letters. Trailing punctuation is left out.
 */
export function matchEmail(text: string, at: number): Match | null {
  let s = at;
  const limit = Math.max(0, at - 64);
  while (s > limit && isLocal(text.charCodeAt(s - 1))) s--;
  while (s < at && text.charCodeAt(s) === 0x2e) s++;
  if (s === at) return null;
  let i = at + 1;
  let lastDot = -1;
  const max = Math.min(text.length, at + 256);
  for (;;) {
    const labelStart = i;
    while (i < max && isDomain(text.charCodeAt(i))) i++;
    if (i === labelStart) {
      // A dot not followed by a label ends the address before that dot.
      if (lastDot === labelStart - 1) i = lastDot;
      break;
    }
    if (i < max && text.charCodeAt(i) === 0x2e && i + 1 < max && isDomain(text.charCodeAt(i + 1))) {
      lastDot = i;
      i++;
      continue;
    }
    break;
  }
  if (lastDot < 0 || lastDot < at) return null;
  const end = i;
  const tldStart = lastDot + 1;
  if (end - tldStart < 2) return null;
  for (let k = tldStart; k < end; k++) if ((charClass(text.charCodeAt(k)) & LETTER) === 0) return null;
  if (text.charCodeAt(end - 1) === 0x2d) return null;
  return { start: s, end, confidence: 0.99 };
}

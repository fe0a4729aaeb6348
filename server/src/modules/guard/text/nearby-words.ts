import * as chars from './chars.js';

// Local copies: imported bindings are property reads under a CommonJS transform (see scan.ts).
const { DIGIT, LETTER, charClass, codeAt, lowerCode } = chars;

/**
 * The words next to a candidate, read as [start, end) ranges of the text so nothing is allocated. Used by the
 * recognizers at candidates only, never in the scan loop.
 */

/** Next word after `pos` on the same clause: [start, end], or null at punctuation or line end. */
export function nextWord(text: string, pos: number): [number, number] | null {
  let i = pos;
  if (codeAt(text, i) !== 0x20 && codeAt(text, i) !== 0x2d) return null;
  while (codeAt(text, i) === 0x20 || codeAt(text, i) === 0x2d) i++;
  const s = i;
  while (i < text.length) {
    const c = codeAt(text, i);
    if ((charClass(c) & LETTER) !== 0 || (c >= 0x30 && c <= 0x39) || (c === 0x2d && i > s)) i++;
    else break;
  }
  return i > s ? [s, i] : null;
}

/**
 * The word before `pos` in the same clause, past spaces and (when `comma`) one comma: [start, end], or null
 * at other punctuation or a line start. Letters, digits and inner hyphens make a word.
 */
export function prevWord(text: string, pos: number, comma = false): [number, number] | null {
  let i = pos;
  while (codeAt(text, i - 1) === 0x20) i--;
  if (comma && codeAt(text, i - 1) === 0x2c) {
    i--;
    while (codeAt(text, i - 1) === 0x20) i--;
  }
  const e = i;
  while (i > 0) {
    const c = codeAt(text, i - 1);
    if ((charClass(c) & (LETTER | DIGIT)) !== 0 || (c === 0x2d && i < e && (charClass(codeAt(text, i - 2)) & LETTER) !== 0)) i--;
    else break;
  }
  return i < e ? [i, e] : null;
}

/** Whether text[s, e) is `word` (lower case), ignoring case. */
export function wordIs(text: string, [s, e]: [number, number], word: string): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(codeAt(text, s + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether text[s, e) ends with `suffix` (lower case), ignoring case. */
export function rangeEndsWith(text: string, s: number, e: number, suffix: string): boolean {
  if (e - s < suffix.length) return false;
  for (let k = 0; k < suffix.length; k++) if (lowerCode(codeAt(text, e - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

/** Whether text[s, e) is all digits. */
export function isNumberRange(text: string, s: number, e: number): boolean {
  if (e <= s) return false;
  for (let i = s; i < e; i++) {
    const c = codeAt(text, i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** A lower-cased word set, looked up by text range. */
export class RangeSet {
  private readonly set: Set<string>;
  constructor(words: readonly string[]) {
    this.set = new Set(words.map((w) => w.toLowerCase()));
  }
  has(text: string, s: number, e: number): boolean {
    return e - s <= 40 && this.set.has(text.slice(s, e).toLowerCase());
  }
}

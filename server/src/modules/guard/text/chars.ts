/**
 * Character classes and lower-casing for the scanner, as lookup tables so the hot loop never calls a regex or
 * allocates a string. Covers everything up to U+1FFF (Latin, Greek, Cyrillic, Arabic, Latin Extended
 * Additional ...); anything above (CJK, symbols, lone surrogates) is treated as a separator, which is safe:
 * no Danish identifier or name needs it.
 */
export const LETTER = 1;
export const UPPER = 2;
export const DIGIT = 4;
/** Combining marks (U+0300-U+036F): continue a word but cannot start one. */
export const MARK = 8;

export const TABLE_SIZE = 0x2000;
export const CLASS = new Uint8Array(TABLE_SIZE);
export const LOWER = new Uint16Array(TABLE_SIZE);
/** Both in one read for the scan loop: lower-case code unit in the low 16 bits, class bits above. */
export const CLASS_LOWER = new Int32Array(TABLE_SIZE);

(() => {
  const letter = /\p{L}/u;
  for (let c = 0; c < TABLE_SIZE; c++) {
    LOWER[c] = c;
    if (c >= 0xd800) continue;
    const ch = String.fromCharCode(c);
    if (c >= 0x30 && c <= 0x39) {
      CLASS[c] = DIGIT;
    } else if (c >= 0x300 && c <= 0x36f) {
      CLASS[c] = MARK;
    } else if (letter.test(ch)) {
      const lower = ch.toLowerCase();
      const isUpper = lower !== ch;
      CLASS[c] = LETTER | (isUpper ? UPPER : 0);
      // İ lower-cases to two code units; the scanner wants one, and plain i is what a Danish reader expects.
      LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c === 0x130 ? 0x69 : c;
    }
  }
  for (let c = 0; c < TABLE_SIZE; c++) CLASS_LOWER[c] = LOWER[c]! | (CLASS[c]! << 16);
})();

/**
 * `text.charCodeAt(i)`, NaN outside the text as there, for reads that may fall before the start or past the
 * end (the character before a match, the one after it). The optimising compiler assumes a bare charCodeAt
 * stays inside the string and throws its code away the first time one does not; each such site cost one
 * recompilation of the whole scan loop, several per process. The explicit check keeps the code in place.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : NaN;
}

/** Class bits of a code unit (0 for separators, surrogates and everything above the table). */
export function charClass(c: number): number {
  return c < TABLE_SIZE ? CLASS[c]! : 0;
}

export function lowerCode(c: number): number {
  return c < TABLE_SIZE ? LOWER[c]! : c;
}

/** FNV-1a over lower-cased code units; the word tables are keyed by it so lookups need no substring. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ (c < TABLE_SIZE ? LOWER[c]! : c), 0x01000193);
}

export function hashRange(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
  return h;
}

export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

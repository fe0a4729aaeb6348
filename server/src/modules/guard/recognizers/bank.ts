import { IBAN_LENGTHS, ibanValid } from './checksums.js';
import { codeAt } from '../text/chars.js';
import { type Match } from './cpr.js';
import { lineStartOf } from '../scan-state.js';
import { isDigit, isWordCode, labelBefore } from './context.js';

// One or two spaces before the word: "Reg.nr.: 9280  Kontonr.: 4510063771" is laid out in columns.
const ACCOUNT_WORD = /(?:,|[ \u00a0]?[/\u2013-])?(?:[ \u00a0]{1,3}|[ \u00a0]?\r?\n[ \u00a0]*)(?:og[ \u00a0])?(?:konto(?:nummer|nr|-nr)?|kto)\.?(?:[ \u00a0]?nr\.?)?:?[ \u00a0]{0,3}/iy;
const BANK_CONTEXT = /(?:konto|bank|reg\.|regnr|registreringsn|betal|overfør|iban|indsættes|overføres|account)/i;

/**
 * Danish bank accounts: a 4-digit registration number and a 6-10 digit account number. Written with an
 * account word in between ("1551 kontonr. 3456789012", "9570 konto 12468137"; the span runs from the first
 * digit of reg.nr. to the last digit of the account), or as "9570-12468137" / "9570 12468137" when a bank
 * word is nearby. `at`..`regEnd` is the 4-digit run.
 */
export function matchBankAccount(text: string, at: number, regEnd: number): Match | null {
  if (regEnd - at !== 4 || isWordCode(codeAt(text, at - 1))) return null;
  return matchWritten(text, at, regEnd) ?? matchLoose(text, at, regEnd);
}

/**
 * Reg.nr. and account laid out by hand after a bank word: "6140/4087215530", "2670  |  8291073314",
 * "5301<tab>0244907611", "0815<line break>3400917265", "0755  -  0003417690", "6565 · 8316395747",
 * "1623, 3406425282". Any run of spaces or tabs, at most one of / | - – · • , and at most one line break between
 * them; the bank word within 120 characters before, on this line or the one above, so that dates, case numbers
 * and table cells of other kinds are not read as accounts.
 */
function matchLoose(text: string, at: number, regEnd: number): Match | null {
  let i = regEnd;
  let marks = 0;
  let breaks = 0;
  while (i < text.length && i - regEnd <= 8) {
    const c = codeAt(text, i);
    if (c === 0x20 || c === 0xa0 || c === 0x09) i++;
    else if (c === 0x2f || c === 0x7c || c === 0x2d || c === 0x2013 || c === 0xb7 || c === 0x2022 || c === 0x2c) {
      if (++marks > 1) return null;
      i++;
    } else if (c === 0x0a || c === 0x0d) {
      if (c === 0x0a && ++breaks > 1) return null;
      i++;
    } else break;
  }
  if (i === regEnd || !isDigit(codeAt(text, i))) return null;
  const accEnd = readAccount(text, i);
  if (accEnd < 0) return null;
  const label = labelBefore(text, at);
  if (label === 'negative' || label === 'cpr' || label === 'cvr' || label === 'phone') return null;
  return BANK_CONTEXT.test(text.slice(Math.max(0, at - 120), at)) ? { start: at, end: accEnd, confidence: 0.85 } : null;
}

function matchWritten(text: string, at: number, regEnd: number): Match | null {
  let sep = codeAt(text, regEnd);
  // "6695 - 2004817736", "9255 – 3300418861", "9255–3300418861": a dash with or without spaces reads as "-".
  // "0521 / 3150098812" reads the same, but a slash also writes dates and case numbers, so it needs a bank word.
  const slashed = slashAt(text, regEnd);
  if (slashed > 0) return readAccount(text, slashed) > 0 && bankWordBefore(text, at) ? { start: at, end: readAccount(text, slashed), confidence: 0.9 } : null;
  const dashed = dashAt(text, regEnd);
  if (dashed > 0) {
    const accEnd = readAccount(text, dashed);
    if (accEnd < 0) return null;
    regEnd = dashed - 1;
    sep = 0x2d;
  }
  // "reg.nr. 3996<line break>kontonr. 4381574092": the account's own label on the next line.
  if (sep !== 0x20 && sep !== 0x2c && sep !== 0x2d && sep !== 0xa0 && sep !== 0x0a && sep !== 0x0d) return null;
  ACCOUNT_WORD.lastIndex = regEnd;
  const m = hasK(text, regEnd) ? ACCOUNT_WORD.exec(text) : null;
  if (m) {
    const accEnd = readAccount(text, regEnd + m[0].length);
    if (accEnd > 0) return { start: at, end: accEnd, confidence: 0.95 };
    return null;
  }
  if (sep !== 0x2d && sep !== 0x20) return null;
  if (sep === 0x20 && codeAt(text, regEnd + 1) === 0x7c) return accountColumn(text, at, regEnd);
  const accEnd = readAccount(text, regEnd + 1);
  if (accEnd < 0) return null;
  const label = labelBefore(text, at);
  if (label === 'negative' || label === 'cpr' || label === 'cvr' || label === 'phone') return null;
  if (label === 'bank' || bankWordBefore(text, at)) return { start: at, end: accEnd, confidence: 0.9 };
  // Without a bank word, only the hyphenated form with a long account number, and not "2024-123456".
  const year = text.startsWith('19', at) || text.startsWith('20', at);
  if (sep === 0x2d && accEnd - regEnd - 1 >= 7 && !year) return { start: at, end: accEnd, confidence: 0.7 };
  return null;
}

/** A bank word earlier on the line, within 80 characters ("til reg. 0521 / ...", "konto i Sydbank er 7930 ..."). */
function bankWordBefore(text: string, at: number): boolean {
  const from = Math.max(0, at - 80, lineStartOf(text, at));
  return BANK_CONTEXT.test(text.slice(from, at));
}

/** Where the account starts after " / " (spaces on both sides, as people type it); -1 otherwise. */
function slashAt(text: string, regEnd: number): number {
  const sp = (c: number): boolean => c === 0x20 || c === 0xa0;
  if (!sp(codeAt(text, regEnd)) || codeAt(text, regEnd + 1) !== 0x2f || !sp(codeAt(text, regEnd + 2))) return -1;
  return isDigit(codeAt(text, regEnd + 3)) ? regEnd + 3 : -1;
}

/**
 * Reg.nr. and account number in two columns ("Reg.nr. | Kontonr." above "0400 | 4012558390", or a pipe table
 * with those headers): one account, the pipe inside the span. The header must name both.
 */
function accountColumn(text: string, at: number, regEnd: number): Match | null {
  if (codeAt(text, regEnd + 2) !== 0x20) return null;
  const accEnd = readAccount(text, regEnd + 3);
  if (accEnd < 0) return null;
  let lineEnd = text.lastIndexOf('\n', at);
  // The header is up to three lines above, or above any number of rows of the same pipe table.
  for (let k = 0; k < 200 && lineEnd > 0; k++) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    if (!/^\s*\|?\s*:?-{3,}/.test(line) && REG_HEADER.test(line) && ACCOUNT_HEADER.test(line)) return { start: at, end: accEnd, confidence: 0.9 };
    if (k >= 2 && !/^\s*\|/.test(line)) return null;
    lineEnd = lineStart - 1;
  }
  return null;
}
const REG_HEADER = /reg/i;
const ACCOUNT_HEADER = /konto|kto/i;

const isDash = (c: number): boolean => c === 0x2d || c === 0x2013 || c === 0x2014;

/**
 * Where the account starts after a dash that is not a plain "-" right after the reg.nr. (which the caller
 * reads itself): " - ", " – ", "–", " –" with the spaces optional. -1 when there is no such dash.
 */
function dashAt(text: string, regEnd: number): number {
  let i = regEnd;
  const spaced = codeAt(text, i) === 0x20 || codeAt(text, i) === 0xa0;
  if (spaced) i++;
  const c = codeAt(text, i);
  if (!isDash(c) || (c === 0x2d && !spaced)) return -1;
  i++;
  if (codeAt(text, i) === 0x20 || codeAt(text, i) === 0xa0) i++;
  return isDigit(codeAt(text, i)) ? i : -1;
}

/** Cheap pre-check for the account word: a k within the next few characters. */
function hasK(text: string, at: number): boolean {
  for (let i = at + 1; i < at + 6 && i < text.length; i++) {
    const c = codeAt(text, i);
    if (c === 0x6b || c === 0x4b) return true;
  }
  return false;
}

function readAccount(text: string, at: number): number {
  let i = at;
  while (isDigit(codeAt(text, i)) && i - at <= 10) i++;
  const len = i - at;
  if (len < 6 || len > 10 || isWordCode(codeAt(text, i))) return -1;
  const next = codeAt(text, i);
  if ((next === 0x2d || next === 0x2f || next === 0x2e || next === 0x2c) && isDigit(codeAt(text, i + 1))) return -1;
  return i;
}

/**
 * An IBAN of any country: two capitals, 2 check digits and the country's fixed number of letters and digits,
 * grouped by single spaces or not ("DK50 0040 0440 1162 43", "DE46 2175 0000 0004 4711 90",
 * "LT45 7300 0101 4782 3560"), valid under ISO 13616 mod 97. `at` points at the first capital.
 */
export function matchIban(text: string, at: number): Match | null {
  if (isWordCode(codeAt(text, at - 1))) return null;
  const length = IBAN_LENGTHS.get(text.slice(at, at + 2));
  if (length === undefined) return null;
  let i = at + 2;
  let chars = text.slice(at, at + 2);
  while (chars.length < length) {
    const c = codeAt(text, i);
    if (isDigit(c) || (c >= 0x41 && c <= 0x5a && chars.length >= 4)) {
      chars += text[i];
      i++;
    } else if ((c === 0x20 || c === 0xa0) && chars.length >= 4 && isAlnumUpper(codeAt(text, i + 1))) {
      i++;
    } else {
      break;
    }
  }
  if (chars.length !== length || isWordCode(codeAt(text, i))) return null;
  if (!ibanValid(chars)) return null;
  return { start: at, end: i, confidence: 0.99 };
}

const isAlnumUpper = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a);

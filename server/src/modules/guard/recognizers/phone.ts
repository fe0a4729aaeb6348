import { type Label, amountAfter, isDigit, isWordCode, labelBefore, personNumberContext } from './context.js';
import { type Match } from './cpr.js';
import { codeAt } from '../text/chars.js';

/**
 * Groupings of the 8 digits that are always read as a phone number; the others need a label or +45. A shape is
 * the group lengths as the digits of a number (2222 = four pairs), so reading one builds no string.
 */
function allowedShape(shape: number, loose: boolean): boolean {
  if (shape === 8 || shape === 2222 || shape === 44) return true;
  return loose && (shape === 224 || shape === 422 || shape === 323 || shape === 233 || shape === 332);
}

export interface PhoneBody {
  end: number;
  shape: string;
  /** Offsets of the 8 digits (for the CVR check). */
  digits: number[];
}

/** Offsets of the digits read so far; copied into the result only for a number that passes. */
const bodyDigits = new Int32Array(9);

/**
 * Reads 8 digits from `at`, in groups separated by one space (or, when `loose`, one hyphen or dot), and
 * returns where they end. Danish subscriber numbers start with 2-9. Runs for most digit runs in a text, so it
 * allocates only for a number that passes.
 */
export function readPhoneBody(text: string, at: number, loose: boolean): PhoneBody | null {
  const first = codeAt(text, at);
  if (first < 0x32 || first > 0x39) return null;
  let count = 0;
  let shape = 0;
  let groups = 0;
  let i = at;
  let sep = -1;
  for (;;) {
    const groupStart = i;
    while (count < 9 && isDigit(codeAt(text, i))) bodyDigits[count++] = i++;
    if (i === groupStart) return null;
    shape = shape * 10 + (i - groupStart);
    groups++;
    if (count >= 8) break;
    const c = codeAt(text, i);
    const okSep = c === 0x20 || c === 0xa0 || (loose && (c === 0x2d || c === 0x2e));
    if (!okSep || (sep !== -1 && c !== sep) || !isDigit(codeAt(text, i + 1)) || groups >= 4) return null;
    sep = c;
    i++;
  }
  if (count !== 8) return null;
  if (!allowedShape(shape, loose)) return null;
  // "13.06.2024", "01-12-2025": a date, not a phone number.
  if (shape === 224 && sep !== 0x20 && sep !== 0xa0) {
    const dd = (text.charCodeAt(bodyDigits[0]!) - 0x30) * 10 + text.charCodeAt(bodyDigits[1]!) - 0x30;
    const mm = (text.charCodeAt(bodyDigits[2]!) - 0x30) * 10 + text.charCodeAt(bodyDigits[3]!) - 0x30;
    if (dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12) return null;
  }
  // Not the start of a longer number: "12 34 56 78 90", "12345678-9".
  const next = codeAt(text, i);
  if (isWordCode(next)) return null;
  if ((next === 0x20 || next === 0x2d || next === 0x2e || next === 0x2f || next === 0x2c) && isDigit(codeAt(text, i + 1))) {
    return null;
  }
  const d = bodyDigits;
  return { end: i, shape: String(shape), digits: [d[0]!, d[1]!, d[2]!, d[3]!, d[4]!, d[5]!, d[6]!, d[7]!] };
}

/**
 * A number with a Danish country prefix: "+45 12 34 56 78", "+4512345678", "(+45) 1234 5678", "0045 ...".
 * `at` points at '+', '(' or the first '0' of 0045. The span includes the prefix.
 */
export function matchPrefixedPhone(text: string, at: number): Match | null {
  let i = at;
  const c = text.charCodeAt(at);
  if (c === 0x28) {
    // (+45) or (0045)
    if (text.startsWith('(+45)', at)) i = at + 5;
    else if (text.startsWith('(0045)', at)) i = at + 6;
    else return null;
  } else if (c === 0x2b) {
    if (!text.startsWith('+45', at)) return null;
    i = at + 3;
  } else {
    if (!text.startsWith('0045', at)) return null;
    i = at + 4;
  }
  if (isWordCode(codeAt(text, at - 1))) return null;
  const s = codeAt(text, i);
  if (s === 0x20 || s === 0xa0 || s === 0x2d || s === 0x2e) i++;
  const body = readPhoneBody(text, i, true);
  if (!body) return null;
  return { start: at, end: body.end, confidence: 0.97 };
}

/**
 * An unprefixed number at a digit run: accepted as a phone number unless its label says it is something
 * else (case, invoice, customer or account number, CVR, CPR) or its shape says so (a date, two years, an
 * amount). Returns the body too, so a CVR label can reuse it.
 */
export function readPlainPhone(text: string, at: number): { body: PhoneBody; label: Label } | null {
  // Not the tail of a longer grouped number ("71 22 33 44 55 66").
  const p = codeAt(text, at - 1);
  if ((p === 0x20 || p === 0x2d || p === 0x2e) && isDigit(codeAt(text, at - 2))) return null;
  // Shape first (cheap), label only for numbers shaped like one: most digit runs are dates and amounts.
  const strict = readPhoneBody(text, at, false);
  if (strict) return { body: strict, label: labelBefore(text, at) };
  const loose = readPhoneBody(text, at, true);
  if (!loose) return null;
  const label = labelBefore(text, at);
  if (label === 'phone') return { body: loose, label };
  // Four pairs with dots or hyphens ("46.11.24.60") are no date or amount, and three groups with spaces
  // ("217 59 236") no other Danish number: phone numbers unless a label says otherwise.
  const sep = text.charCodeAt(at + loose.shape.charCodeAt(0) - 0x30);
  if (label === 'none' && (loose.shape === '2222' || (sep === 0x20 && loose.shape.length === 3))) return { body: loose, label };
  return null;
}

export function acceptPlainPhone(text: string, at: number, body: PhoneBody, label: Label): Match | null {
  // "hun har nr 23 81 46 90": a bare "nr." before a number grouped as a phone number is a phone number.
  if (label === 'negative' && body.shape === '2222' && personNumberContext(text, at)) label = 'phone';
  if (label !== 'phone' && label !== 'none') return null;
  if (amountAfter(text, body.end)) return null;
  const labelled = label === 'phone';
  if (!labelled) {
    if (body.shape === '8' && looksLikeCompactDate(text, at)) return null;
    if (body.shape === '44' && isYear(text, at) && isYear(text, at + 5)) return null;
  }
  const confidence = labelled ? 0.95 : body.shape === '8' ? 0.75 : 0.88;
  return { start: at, end: body.end, confidence };
}

function isYear(text: string, at: number): boolean {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  return (a === 0x31 && b === 0x39) || (a === 0x32 && b === 0x30);
}

/** YYYYMMDD (1900-2099) or DDMMYYYY written without separators. */
function looksLikeCompactDate(text: string, at: number): boolean {
  const yyyyFirst = isYear(text, at) && validDate(twoDigits(text, at + 6), twoDigits(text, at + 4));
  const ddFirst = isYear(text, at + 4) && validDate(twoDigits(text, at), twoDigits(text, at + 2));
  return yyyyFirst || ddFirst;
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 0x30) * 10 + text.charCodeAt(at + 1) - 0x30;
}

function validDate(day: number, month: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

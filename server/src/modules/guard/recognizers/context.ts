import { DIGIT, LETTER, charClass, lowerCode } from '../text/chars.js';
import { WordTable } from '../text/word-table.js';

/**
 * Looks at the words just before a candidate number (same line, at most ~48 characters back) to tell a CPR
 * number from a case number, a phone number from an invoice number, and so on. Works on ranges of the text
 * with a hashed word table, so it allocates nothing: it runs for every number shaped like an identifier.
 */
export function wordsBefore(text: string, pos: number, count = 2): string[] {
  const out: string[] = [];
  const r = new Int32Array(4);
  const n = wordRangesBefore(text, pos, count, r);
  for (let k = 0; k < n; k++) out.push(text.slice(r[2 * k]!, r[2 * k + 1]!).toLowerCase());
  return out;
}

/** Fills `out` with [start, end) of up to `count` label words before `pos`; returns how many. */
function wordRangesBefore(text: string, pos: number, count: number, out: Int32Array): number {
  let found = 0;
  let i = pos - 1;
  const limit = Math.max(0, pos - 48);
  while (found < count && i >= limit) {
    while (i >= limit && isLabelSeparator(text.charCodeAt(i))) i--;
    if (i < limit || text.charCodeAt(i) === 10) break;
    let end = i + 1;
    while (i >= limit && isLabelChar(text.charCodeAt(i))) i--;
    const start = i + 1;
    while (end > start && isTrailing(text.charCodeAt(end - 1))) end--;
    if (end === start) break;
    out[2 * found] = start;
    out[2 * found + 1] = end;
    found++;
  }
  return found;
}

function isTrailing(c: number): boolean {
  return c === 0x2e || c === 0x2d || c === 0x2f;
}

function isLabelSeparator(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3a || c === 0x28 || c === 0x2c || c === 0x23 || c === 0x22 || c === 0x2d || c === 0x2e || c === 0x2013;
}

function isLabelChar(c: number): boolean {
  return (charClass(c) & (LETTER | DIGIT)) !== 0 || c === 0x2e || c === 0x2d || c === 0x2f;
}

export type Label = 'cpr' | 'cvr' | 'phone' | 'bank' | 'negative' | 'none';

const L_PHONE = 4;
const L_BANK = 8;
const L_NEGATIVE = 16;
const L_FILLER = 32;
const L_PREPOSITION = 64;

const LABELS = new WordTable();
const add = (flag: number, list: string): void => {
  for (const w of list.trim().split(/\s+/)) LABELS.add(w, flag);
};
add(
  L_PHONE,
  `tlf tlf.nr tlfnr telefon telefonnr telefonnummer telefonnummeret telefonnumre mobil mobilnr mobilnummer
  mobilnummeret mob direkte dir fax sms ring ringe ringer ringes kontakt kontaktes kontakte kontaktet træffes nås
  nummer nummeret hotline vagttelefon omstilling hovednummer tel phone mobiltelefon arbejdstelefon`,
);
add(L_BANK, `reg reg.nr regnr registreringsnummer registreringsnr konto kontonr kontonummer kto kto.nr bankkonto nemkonto iban bank pengeinstitut konto-nr`);
add(
  L_NEGATIVE,
  `sag sagen sager j.nr jnr journal police polic faktura fakturaen opkrævning ordre kunde lejemål kontrakt lejekontrakt
  bilag ref reference id ean gln p-nr varenr nr no nummer kr dkk eur beløb beløbet pris saldo restance kvittering
  kontrol løbenr matr matr.nr modul version licens serienr betalings-id bestilling pakke forsendelse track ordrenr
  sagsnr bilagsnr kundenr år uge`,
);
add(L_FILLER, `er på til lyder hedder nr nummer is af i den det`);
add(L_PREPOSITION, `på til af i`);
LABELS.freeze();

const NEGATIVE_PREFIXES = ['sags', 'journal', 'polic', 'faktura', 'opkrævning', 'ordre', 'kunde', 'lejemål', 'kontrakt', 'løbe', 'referen', 'vare', 'serie', 'bestilling', 'kvittering', 'kontrol', 'medarbejder', 'beløb', 'betaling'];
const NEGATIVE_SUFFIXES = ['nr', 'nummer', 'nummeret', 'numre', 'id'];

function startsWithCI(text: string, s: number, e: number, prefix: string): boolean {
  if (e - s < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (lowerCode(text.charCodeAt(s + k)) !== prefix.charCodeAt(k)) return false;
  return true;
}

function endsWithCI(text: string, s: number, e: number, suffix: string): boolean {
  if (e - s < suffix.length) return false;
  for (let k = 0; k < suffix.length; k++) if (lowerCode(text.charCodeAt(e - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

function containsCI(text: string, s: number, e: number, part: string): boolean {
  for (let i = s; i + part.length <= e; i++) if (startsWithCI(text, i, e, part)) return true;
  return false;
}

/** Classifies one label word text[s, e). */
function classifyRange(text: string, s: number, e: number, flags: number): Label {
  if (containsCI(text, s, e, 'cpr') || startsWithCI(text, s, e, 'personnummer') || startsWithCI(text, s, e, 'personnr') || startsWithCI(text, s, e, 'fødselsdato')) return 'cpr';
  if (startsWithCI(text, s, e, 'cvr') || startsWithCI(text, s, e, 'se-nr')) return 'cvr';
  if (flags & L_PHONE || startsWithCI(text, s, e, 'tlf') || startsWithCI(text, s, e, 'telefon') || startsWithCI(text, s, e, 'mobil')) return 'phone';
  if (flags & L_BANK || startsWithCI(text, s, e, 'reg.') || startsWithCI(text, s, e, 'kontonr') || startsWithCI(text, s, e, 'kontonummer')) return 'bank';
  if (flags & L_NEGATIVE) return 'negative';
  for (const suffix of NEGATIVE_SUFFIXES) if (endsWithCI(text, s, e, suffix)) return 'negative';
  for (const prefix of NEGATIVE_PREFIXES) if (startsWithCI(text, s, e, prefix)) return 'negative';
  return 'none';
}

/** Classifies one label word (for tests and cold paths). */
export function classifyWord(w: string): Label {
  return classifyRange(w, 0, w.length, LABELS.flagsOf(w, 0, w.length));
}

const ranges = new Int32Array(4);

/**
 * The label in front of a number: the nearest word, or the one before it when the nearest is a filler
 * ("telefonnummer er 12 34 56 78", "opkrævning nr. 88..."). A preposition passes only a phone word through
 * ("kontaktes på 12 ..." but not "Opkrævningen på 89 ...").
 */
export function labelBefore(text: string, pos: number): Label {
  const n = wordRangesBefore(text, pos, 2, ranges);
  if (n === 0) return 'none';
  const s1 = ranges[0]!;
  const e1 = ranges[1]!;
  const f1 = LABELS.flagsOf(text, s1, e1);
  const k1 = classifyRange(text, s1, e1, f1);
  if (f1 & L_FILLER && n === 2) {
    const s2 = ranges[2]!;
    const e2 = ranges[3]!;
    const k2 = classifyRange(text, s2, e2, LABELS.flagsOf(text, s2, e2));
    if (k2 !== 'none' && (!(f1 & L_PREPOSITION) || k2 === 'phone')) return k2;
  }
  return f1 & L_FILLER && k1 !== 'negative' ? 'none' : k1;
}

const GENERIC_NUMBER_WORDS = new Set(['nr', 'nr.', 'no', 'nummer', 'nummeret', 'numre']);

/**
 * A CPR-shaped number whose label is only a generic "nr." / "med nummer" / "barnets nr." (not "faktura nr.",
 * "opkrævning nr."), or an age just before it ("16 år, 190708-9734"): the words around say it belongs to a
 * person. The caller still requires a valid date.
 */
export function personNumberContext(text: string, pos: number): boolean {
  const n = wordRangesBefore(text, pos, 2, ranges);
  if (n === 0) return false;
  const w1 = text.slice(ranges[0]!, ranges[1]!).toLowerCase();
  if (w1 === 'år' || w1 === 'årig') return n === 2 && isDigit(text.charCodeAt(ranges[3]! - 1)) && ranges[3]! - ranges[2]! <= 3;
  if (!GENERIC_NUMBER_WORDS.has(w1)) return false;
  if (n === 1) return true;
  const s2 = ranges[2]!;
  const e2 = ranges[3]!;
  const k2 = classifyRange(text, s2, e2, LABELS.flagsOf(text, s2, e2));
  return k2 === 'none' || k2 === 'cpr';
}

/** Whether an amount unit follows ("... 1234 kr.", "... ,-"). */
export function amountAfter(text: string, end: number): boolean {
  let i = end;
  if (text.charCodeAt(i) === 0x20) i++;
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  if (a === 0x2c && b === 0x2d) return true; // ",-"
  if ((a === 0x6b || a === 0x4b) && (b === 0x72 || b === 0x52) && !isWordCode(text.charCodeAt(i + 2))) return true; // kr
  if (text.startsWith('DKK', i) || text.startsWith('mio', i) || a === 0x25) return true;
  return false;
}

export function isWordCode(c: number): boolean {
  return (charClass(c) & (LETTER | DIGIT)) !== 0;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A digit run [start, end) is free-standing: no digit glued before/after, nor "12-" / "/12" / ".12" joins. */
export function standsAlone(text: string, start: number, end: number): boolean {
  const p = text.charCodeAt(start - 1);
  if (isWordCode(p)) return false;
  if ((p === 0x2d || p === 0x2f || p === 0x2e || p === 0x2c) && isDigit(text.charCodeAt(start - 2))) return false;
  const q = text.charCodeAt(end);
  if (isWordCode(q)) return false;
  if ((q === 0x2d || q === 0x2f || q === 0x2e || q === 0x2c) && isDigit(text.charCodeAt(end + 1))) return false;
  return true;
}

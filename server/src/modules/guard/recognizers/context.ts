import { DIGIT, LETTER, charClass, codeAt, lowerCode } from '../text/chars.js';
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
  `sag sagen sager sagerne sagens sagernes j.nr jnr journal police polic faktura fakturaen opkrævning ordre kunde lejemål kontrakt lejekontrakt
  bilag ref reference id ean gln p-nr varenr nr no nummer kr dkk eur beløb beløbet pris saldo restance kvittering
  kontrol løbenr matr matr.nr modul version licens serienr betalings-id bestilling pakke forsendelse track ordrenr
  sagsnr bilagsnr kundenr år uge`,
);
add(L_FILLER, `er på til lyder hedder nr nummer is af i den det`);
add(L_PREPOSITION, `på til af i`);
LABELS.freeze();

const NEGATIVE_PREFIXES = ['sags', 'journal', 'polic', 'faktura', 'opkrævning', 'ordre', 'kunde', 'lejemål', 'kontrakt', 'løbe', 'referen', 'vare', 'serie', 'bestilling', 'kvittering', 'kontrol', 'medarbejder', 'beløb', 'betaling'];
const NEGATIVE_SUFFIXES = ['nr', 'nummer', 'nummeret', 'numre', 'id', 'sag', 'sagen'];
/** Things that are given numbers, as the subject of "har nummer" ("Kørselsbevillingen har nr. ..."). */
// (A case, "sag"/"sagen", is a negative label already.)
const NUMBERED_THINGS = ['bevilling', 'bevillingen', 'afgørelsen', 'ansøgningen', 'aftalen', 'klagen', 'kontrakten', 'fakturaen'];

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

const PERSON_NUMBER_WORDS = ['personnummer', 'personnr', 'person-nr', 'fødselsdato', 'fødselsnr', 'fødselsnummer', 'pers.nr', 'pers.-nr', 'pers-nr', 'persnr', 'pers.-id', 'pers-id', 'personid', 'person-id'];

/** "Personnr.", "Fødselsnr.", "Pers.nr.": the words for a person's number other than "CPR". */
function isPersonNumberWord(text: string, s: number, e: number): boolean {
  for (const w of PERSON_NUMBER_WORDS) if (startsWithCI(text, s, e, w)) return true;
  return false;
}

/** Classifies one label word text[s, e). */
function classifyRange(text: string, s: number, e: number, flags: number): Label {
  if (containsCI(text, s, e, 'cpr') || isPersonNumberWord(text, s, e)) return 'cpr';
  if (startsWithCI(text, s, e, 'cvr')) return 'cvr';
  // An SE number (the tax register's) stands beside a CVR number but is neither a CVR nor a phone number.
  if (startsWithCI(text, s, e, 'se-nr') || (e - s === 2 && startsWithCI(text, s, e, 'se'))) return 'negative';
  // A caseworker is a person to call, not a case number ("sagsbehandler, 57 62 62 62").
  if (startsWithCI(text, s, e, 'sagsbeh')) return 'none';
  if (flags & L_PHONE || startsWithCI(text, s, e, 'tlf') || startsWithCI(text, s, e, 'telefon') || startsWithCI(text, s, e, 'mobil')) return 'phone';
  if (flags & L_BANK || startsWithCI(text, s, e, 'reg.') || startsWithCI(text, s, e, 'kontonr') || startsWithCI(text, s, e, 'kontonummer')) return 'bank';
  // "Beboer: Rene Damkjær, Id: 2801829871": a bare "Id" says no more than "nr." does; "Sags-id" stays a case's.
  if (e - s === 2 && startsWithCI(text, s, e, 'id')) return 'none';
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
  // "Kunde ID", "Sags ID": a bare "Id" after the thing it identifies is that thing's number.
  if (k1 === 'none' && n === 2 && e1 - s1 === 2 && startsWithCI(text, s1, e1, 'id')) {
    const s2 = ranges[2]!;
    const e2 = ranges[3]!;
    if (classifyRange(text, s2, e2, LABELS.flagsOf(text, s2, e2)) === 'negative') return 'negative';
  }
  return f1 & L_FILLER && k1 !== 'negative' ? 'none' : k1;
}

const ranges3 = new Int32Array(6);

/**
 * "My CPR no. is 240157-2999", "hans cpr-nummer er ...": a verb after a generic number word, and the word
 * before that says whose number it is. labelBefore reads only two words and sees "no." as the label.
 */
export function cprLabelBeforeVerb(text: string, pos: number): boolean {
  if (wordRangesBefore(text, pos, 3, ranges3) !== 3) return false;
  if (!(LABELS.flagsOf(text, ranges3[0]!, ranges3[1]!) & L_FILLER)) return false;
  if (!GENERIC_NUMBER_WORDS.has(text.slice(ranges3[2]!, ranges3[3]!).toLowerCase())) return false;
  return classifyRange(text, ranges3[4]!, ranges3[5]!, LABELS.flagsOf(text, ranges3[4]!, ranges3[5]!)) === 'cpr';
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
  if (k2 === 'cpr') return true;
  if (k2 !== 'none') return false;
  // "Rapport nr.", "Bevilling nr.", "Tilsyn nr.": a noun written right before "nr." is what the number
  // numbers, and a document or a case is not a person. Only a person's genitive ("barnets nr.", "elevens nr."),
  // a pronoun or "med nummer" names whose number it is; a name before a comma or bracket ("Ole Berg, nr.")
  // is not written against the "nr." and stays a person's number.
  if (ranges[0]! - e2 !== 1 || codeAt(text, e2) !== 0x20) return true;
  return isOwnerWord(text, s2, e2) && !numberOfAThing(text, pos);
}

/** "Sagen har nummer ...", "Kørselsbevillingen har nr. ...": what has the number is a case or a grant, not a person. */
export function numberOfAThing(text: string, pos: number): boolean {
  if (wordRangesBefore(text, pos, 3, ranges3) !== 3) return false;
  if (!GENERIC_NUMBER_WORDS.has(text.slice(ranges3[0]!, ranges3[1]!).toLowerCase())) return false;
  if (!HAS_VERBS.has(text.slice(ranges3[2]!, ranges3[3]!).toLowerCase())) return false;
  const s3 = ranges3[4]!;
  const e3 = ranges3[5]!;
  if (classifyRange(text, s3, e3, LABELS.flagsOf(text, s3, e3)) === 'negative') return true;
  for (const thing of NUMBERED_THINGS) if (endsWithCI(text, s3, e3, thing)) return true;
  return false;
}

const HAS_VERBS = new Set(['har', 'havde', 'fik', 'får', 'fået', 'er', 'var']);

const OWNER_WORDS = new Set(
  `med og hans hendes dens dets deres mit dit sit vores jeres person borger barn his her my your har havde fik får fået
  er var hedder oplyst opgivet skrevet står stod givet ring ringe på til af fra som under`.split(/\s+/),
);

/**
 * A word that says whose number follows or what is done with it: a pronoun, "med", a verb ("hun har nr."), or
 * a genitive ("barnets", "Lines").
 */
function isOwnerWord(text: string, s: number, e: number): boolean {
  if (OWNER_WORDS.has(text.slice(s, e).toLowerCase())) return true;
  return e - s >= 3 && lowerCode(codeAt(text, e - 1)) === 0x73;
}

/** Whether an amount unit follows ("... 1234 kr.", "... ,-"). */
export function amountAfter(text: string, end: number): boolean {
  let i = end;
  if (codeAt(text, i) === 0x20) i++;
  const a = codeAt(text, i);
  const b = codeAt(text, i + 1);
  if (a === 0x2c && b === 0x2d) return true; // ",-"
  if ((a === 0x6b || a === 0x4b) && (b === 0x72 || b === 0x52) && !isWordCode(codeAt(text, i + 2))) return true; // kr
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
  const p = codeAt(text, start - 1);
  if (isWordCode(p)) return false;
  if ((p === 0x2d || p === 0x2f || p === 0x2e || p === 0x2c) && isDigit(codeAt(text, start - 2))) return false;
  const q = codeAt(text, end);
  if (isWordCode(q)) return false;
  if ((q === 0x2d || q === 0x2f || q === 0x2e || q === 0x2c) && isDigit(codeAt(text, end + 1))) return false;
  return true;
}

const LIST_WORDS = ['og', 'eller', 'samt'];

/**
 * The label of the list a number continues: in "Faktura nr. 2803251190 og 2804250114" or "sagsnr. 1234567890,
 * 2345678901" the later numbers are what the first one is. Null when the number does not follow another one.
 */
export function listLabelBefore(text: string, pos: number): Label | null {
  let i = pos - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  const c = codeAt(text, i);
  if (c === 0x2c || c === 0x2f) i--;
  else {
    let matched = false;
    for (const w of LIST_WORDS) {
      const s = i - w.length + 1;
      if (s > 0 && startsWithCI(text, s, i + 1, w) && text.charCodeAt(s - 1) === 0x20) {
        i = s - 1;
        matched = true;
        break;
      }
    }
    if (!matched) return null;
  }
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  const end = i + 1;
  let digits = 0;
  while (i >= 0 && end - i <= 12) {
    const d = text.charCodeAt(i);
    if (isDigit(d)) digits++;
    else if (d !== 0x2d && d !== 0x20) break;
    i--;
  }
  if (digits < 6) return null;
  let start = i + 1;
  while (start < end && !isDigit(text.charCodeAt(start))) start++;
  return labelBefore(text, start);
}

/** How far up a table's header is looked for: tables of cases are short, and this runs only for candidates. */
const TABLE_LOOKBACK = 6000;

/**
 * For a number in a Markdown/pipe table cell, the label its column's header gives it ("| Personnr. |" → cpr,
 * "| Fordring-id |" → negative); null outside tables or without a header. The header is the row just above
 * the table's |---| separator.
 */
/** Longer than any table row worth reading; bounds the look back on a long line (a pasted blob). */
const MAX_ROW = 2000;

export function tableColumnLabel(text: string, pos: number): Label | null {
  // Only a number that opens its cell ("| 100884-2244 |"): anything else is not read as a table, cheaply.
  let b = pos - 1;
  while (b >= 0 && text.charCodeAt(b) === 0x20) b--;
  if (text.charCodeAt(b) !== 0x7c) return null;
  let ls = pos;
  while (ls > 0 && text.charCodeAt(ls - 1) !== 0x0a) if (pos - --ls > MAX_ROW) return null;
  let k = ls;
  while (codeAt(text, k) === 0x20) k++;
  if (codeAt(text, k) !== 0x7c) return null;
  let column = 0;
  for (let i = k + 1; i < pos; i++) if (text.charCodeAt(i) === 0x7c) column++;
  // Up to the separator row, then the header row above it.
  let lineEnd = ls - 1;
  const limit = Math.max(0, pos - TABLE_LOOKBACK);
  while (lineEnd > limit) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd);
    if (!line.trimStart().startsWith('|')) return null;
    if (/^\s*\|?\s*:?-{3,}/.test(line)) {
      if (lineStart === 0) return null;
      const headerStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const cells = text.slice(headerStart, lineStart - 1).split('|');
      const cell = cells[column + 1];
      if (cell === undefined) return null;
      let label: Label = 'none';
      for (const m of cell.matchAll(/[\p{L}\p{N}.\-/]+/gu)) {
        const w = m[0].replace(/[.\-/]+$/, '');
        const kind = classifyWord(w);
        if (kind === 'cpr') return 'cpr';
        if (label === 'none') label = kind;
      }
      return label;
    }
    lineEnd = lineStart - 1;
  }
  return null;
}

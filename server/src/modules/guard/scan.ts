import { type DataClass, type Entity } from './guard.types.js';
import { SpecialKind, W, lexicon } from './lexicon.js';
import { matchAddressBeforePostcode, matchPostcode, matchStreetAddress } from './recognizers/address.js';
import { matchBankAccount, matchIban } from './recognizers/bank.js';
import { matchCpr } from './recognizers/cpr.js';
import { matchCvr, matchLabelledCvr } from './recognizers/cvr.js';
import { matchEmail } from './recognizers/email.js';
import { conditionalAt, genericSentenceAt } from './recognizers/conditional.js';
import { findLowercaseNames } from './recognizers/lowercase-names.js';
import { findPersons } from './recognizers/names.js';
import { acceptPlainPhone, matchPrefixedPhone, readPlainPhone } from './recognizers/phone.js';
import { namedConditions, specialAtWord, spokenOf, treatmentPhrases, unionEnd, unionInAdvice } from './recognizers/special.js';
import { dropCriminalContinuations, dropUnionLists, extendHealth, extendReligion, joinAdjacent } from './recognizers/special-spans.js';
import { type Candidate, ScanState, isSentenceInitial, lineStartOf } from './scan-state.js';
import * as chars from './text/chars.js';

// Local copies of the tables: when this module runs as CommonJS (tsx from a CommonJS entry) or under the
// test runner's transform, imported bindings are property reads, which cost more than the work itself in the
// character loop.
const CLASS = chars.CLASS;
const CLASS_LOWER = chars.CLASS_LOWER;
const TABLE_SIZE = chars.TABLE_SIZE;
const LETTER = chars.LETTER;
const UPPER = chars.UPPER;
const DIGIT = chars.DIGIT;
const LETTER_OR_MARK_HI = (chars.LETTER | chars.MARK) << 16;
const HASH_SEED = chars.HASH_SEED;
const codeAt = chars.codeAt;
const { words, termSuffixes, passWords } = lexicon;
const passIds = passWords.payload as number[];
const F = words.flags;
const W_SPECIAL_OR_PHRASE = W.SPECIAL | W.PHRASE_HEAD;
const W_ETHNIC = W.ETHNIC_HEAD;
const W_ETHNIC_MARK = W.ETHNIC_MARK;
const W_BLOCKER = W.NEGATION | W.GENERIC;
const W_GENERIC = W.GENERIC;
const W_CHRONIC = W.CHRONIC;
const W_TREAT_CUE = W.TREAT_CUE;
const W_SIGNOFF = W.SIGNOFF;
const W_LIST_HEADER = W.LIST_HEADER;
const W_CONDITIONAL = W.CONDITIONAL;
const W_NAME_ONLY = W.FIRST | W.AMBIGUOUS | W.STOP;
const W_INVERTED = W.INVERTED;
const IKKE = words.lookup('ikke', 0, 4);
/** A word whose only name-relevant flag is STOP. */
const W_STOP_ONLY_MASK =
  W.STOP | W.FIRST | W.SURNAME | W.ORG | W.ROLE | W.GREETING | W.SIGNOFF | W.CUE_LABEL | W.LIST_HEADER | W.TOWN_PREFIX | W.SPECIAL | W.STREET_WORD;

/**
 * Which entity wins when two overlap: identifiers with checks beat shapes, shapes beat names, names beat
 * the special-category terms. Ties go to the longer span.
 */
const PRIORITY: Record<DataClass, number> = {
  EMAIL: 100,
  BANK_ACCOUNT: 95,
  CPR: 90,
  CVR: 85,
  PHONE: 80,
  ADDRESS: 60,
  POSTCODE_CITY: 55,
  PERSON: 40,
  CRIMINAL: 30,
  HEALTH: 30,
  UNION: 30,
  RELIGION: 30,
  ETHNICITY: 30,
  SEXUAL_ORIENTATION: 30,
};

/**
 * Finds Danish personal data in `text`. Pure and synchronous; one pass over the text dispatching on the
 * first character of each token (digit, letter, '@', '+', '('), with context checks only around candidates.
 * Returns entities sorted by start, never overlapping.
 */
export function scan(text: string): Entity[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const st = new ScanState(text);
  pass(st);
  treatmentPhrases(st);
  namedConditions(st);
  const persons = merge(findPersons(st), findLowercaseNames(text, st.knownNames)).filter((p) => !placeAlone(text, p));
  // Special categories only count when the text is about someone: a named person, a CPR number, or a
  // person spoken of ("Borgeren har diabetes."); a union named in advice to bring a representative does not.
  const named = persons.length > 0 || st.hasCpr;
  const special = st.special.length > 0 ? aboutPersons(text, named ? st.special : st.special.filter((c) => spokenOf(text, c.start))) : [];
  const people = special.length > 0 ? namesOutsideProperNames(persons, special) : persons;
  return resolve(merge(merge(sortByStart(st.found), sortByStart(people)), special));
}

/** "Femø", "HR Bornholm": one word that is a town, an island or a region and no first name is a place. */
function placeAlone(text: string, p: Candidate): boolean {
  if (p.end - p.start > 30) return false;
  for (let i = p.start; i < p.end; i++) if (codeAt(text, i) === 0x20) return false;
  const f = words.flagsOf(text, p.start, p.end);
  return (f & W.TOWN) !== 0 && (f & (W.FIRST | W.SURNAME)) === 0;
}

/**
 * A "name" inside a union's or a religious community's name ("Metal Vestjylland" in "Dansk Metal
 * Vestjylland") is part of that name: the longer proper name wins, although names otherwise beat terms.
 */
function namesOutsideProperNames(persons: Candidate[], special: Candidate[]): Candidate[] {
  const proper = special.filter((c) => c.type === 'UNION' || c.type === 'RELIGION');
  if (proper.length === 0) return persons;
  return persons.filter((p) => !proper.some((c) => c.start <= p.start && p.end <= c.end && c.end - c.start > p.end - p.start));
}

function aboutPersons(text: string, special: Candidate[]): Candidate[] {
  let union = false;
  let criminal = false;
  for (const c of special) {
    if (c.type === 'HEALTH') extendHealth(text, c);
    else if (c.type === 'RELIGION') extendReligion(text, c);
    else if (c.type === 'UNION') union = true;
    else if (c.type === 'CRIMINAL') criminal = true;
  }
  let out = joinAdjacent(sortByStart(special), text);
  if (criminal) out = dropCriminalContinuations(out, text);
  if (!union) return out;
  out = dropUnionLists(out, text);
  return out.filter((c) => c.type !== 'UNION' || !unionInAdvice(text, c.start));
}

function pass(st: ScanState): void {
  const text = st.text;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    const cls = c < TABLE_SIZE ? CLASS[c]! : 0;
    if (cls & LETTER) {
      i = word(st, i, (cls & UPPER) !== 0);
      continue;
    }
    if (cls & DIGIT) {
      i = number(st, i);
      continue;
    }
    switch (c) {
      case 0x40: {
        // '@'
        const m = matchEmail(text, i);
        if (m) {
          st.add('EMAIL', m.start, m.end, m.confidence);
          // Names and terms inside the address belong to the address.
          while (st.capStart.length > 0 && st.capStart[st.capStart.length - 1]! >= m.start) {
            st.capStart.pop();
            st.capEnd.pop();
            st.capId.pop();
          }
          while (st.special.length > 0 && st.special[st.special.length - 1]!.start >= m.start) st.special.pop();
          i = m.end;
          continue;
        }
        break;
      }
      case 0x2b: // '+'
      case 0x28: {
        // '('
        const m = matchPrefixedPhone(text, i);
        if (m) {
          st.add('PHONE', m.start, m.end, m.confidence);
          i = m.end;
          continue;
        }
        break;
      }
      case 0x2e: // . ! ? ; : and newline end the clause for negation and generic wording
      case 0x21:
      case 0x3f:
      case 0x3b:
      case 0x3a:
      case 0x0a:
        st.blockerAt = -100;
        break;
    }
    i++;
  }
}

/** Reads a word (letters, combining marks, inner hyphens) and hands it to the word-level recognizers. */
function word(st: ScanState, s: number, upper: boolean): number {
  const text = st.text;
  const n = text.length;
  let h = HASH_SEED;
  let e = s;
  while (e < n) {
    const c = text.charCodeAt(e);
    const v = c < TABLE_SIZE ? CLASS_LOWER[c]! : 0;
    if (v & LETTER_OR_MARK_HI) {
      h = Math.imul(h ^ (v & 0xffff), 0x01000193);
      e++;
      continue;
    }
    if (c === 0x2d && e + 1 < n) {
      const d = text.charCodeAt(e + 1);
      if (d < TABLE_SIZE && CLASS[d]! & LETTER) {
        h = Math.imul(h ^ 0x2d, 0x01000193);
        e++;
        continue;
      }
    }
    break;
  }
  // Words longer than any name or term (junk, base64) are skipped whole.
  if (e - s > 60) return e;
  let id: number;
  if (upper) {
    id = words.find(text, s, e, h);
  } else {
    const pid = passWords.find(text, s, e, h);
    id = pid >= 0 ? passIds[pid]! : -1;
  }
  const flags = id >= 0 ? F[id]! : 0;
  // Capitalised words go to the name step, except plain function words opening a sentence ("Han", "Det",
  // "Dato"): they can neither be nor announce a name, and leaving them out splits runs exactly as they would.
  if (upper && ((flags & W_STOP_ONLY_MASK) !== W.STOP || !isSentenceInitial(text, s))) {
    st.capStart.push(s);
    st.capEnd.push(e);
    st.capId.push(id);
    if (e - s === 2 && isCapital(text.charCodeAt(s)) && isCapital(text.charCodeAt(s + 1)) && isDigitCode(text.charCodeAt(e))) {
      const m = matchIban(text, s);
      if (m) {
        st.capStart.pop();
        st.capEnd.pop();
        st.capId.pop();
        st.add('BANK_ACCOUNT', m.start, m.end, m.confidence);
        return m.end;
      }
    }
  }
  // Special categories: listed words, and unknown long words with a diagnosis or medication ending. Phrases
  // are reported whole, but the scan still reads their words (a name may follow).
  if (flags & W_SPECIAL_OR_PHRASE || flags & W_ETHNIC || st.ethnicMarkEnd === s - 1 || st.chronicEnd === s - 1) {
    specialAtWord(st, s, e, id, upper, 0);
  }
  else if (id < 0 && e - s >= 6) {
    const sf = termSuffixes.match(text, s, e);
    const hyphen = text.indexOf('-', s);
    if (hyphen > s && hyphen < e) hyphenCompound(st, s, hyphen, e, upper, sf);
    else if (sf !== 0) specialAtWord(st, s, e, id, upper, sf);
  }
  if (!upper && (flags & W_NAME_ONLY) === W.FIRST) st.lowerFirst.push(s, e);
  if (flags & W_TREAT_CUE) st.treatCues.push(s);
  if (flags & W_CONDITIONAL || (upper && flags & W_INVERTED)) conditionalAt(st, s, e, upper);
  else if (upper && flags & W_GENERIC) genericSentenceAt(st, s, e);
  if (flags & W_SIGNOFF) signoff(st, e);
  if (flags & W_LIST_HEADER) {
    let k = e;
    while (codeAt(text, k) === 0x20) k++;
    if (codeAt(text, k) === 0x3a) st.listHeaders.push(k);
  }
  // Negation and generic wording reach the next three words of the clause.
  st.wordCount++;
  if (flags & W_BLOCKER) {
    st.blockerAt = st.wordCount;
    st.blockerIkke = id === IKKE;
  }
  if (flags & W_ETHNIC_MARK) st.ethnicMarkEnd = e;
  if (flags & W_CHRONIC) {
    st.chronicStart = s;
    st.chronicEnd = e;
  }
  return e;
}

/**
 * A hyphenated word that is no term itself: "Marevan-dosis", "Jext-pen" (a medication and what it comes as:
 * the medication is the span), "PEG-sonde", "CROS-høreapparat" (a kind of aid or term: the whole word). A
 * capital on the first part is the brand's or the acronym's, not a sentence start.
 */
function hyphenCompound(st: ScanState, s: number, hyphen: number, e: number, upper: boolean, sf: number): void {
  const head = words.lookup(st.text, s, hyphen);
  if (head >= 0 && F[head]! & W.SPECIAL && words.payload[head]!.kind === SpecialKind.Medication) {
    specialAtWord(st, s, hyphen, head, upper, 0);
    return;
  }
  const tail = hyphen + 1 < e ? words.lookup(st.text, hyphen + 1, e) : -1;
  if (tail >= 0 && F[tail]! & W.SPECIAL && words.payload[tail]!.cls === 'HEALTH') specialAtWord(st, s, e, tail, false, 0);
  else if (sf !== 0) specialAtWord(st, s, e, -1, upper, sf);
}

/** A sign-off word that ends its line ("Med venlig hilsen", "Mvh,"): the next line names the sender. */
function signoff(st: ScanState, e: number): void {
  const text = st.text;
  let k = e;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c === 0x0a) break;
    if (c !== 0x20 && c !== 0x2c && c !== 0x21 && c !== 0x2e && c !== 0x0d && c !== 0x09) return;
    k++;
  }
  const lineStart = lineStartOf(text, e);
  if (lineStart < 0 || e - lineStart > 40) return;
  st.signoffLineEnds.push(k);
}

/** A run of digits: CPR, phone, CVR, bank account, postcode, house number, "3F". */
function number(st: ScanState, s: number): number {
  const text = st.text;
  const n = text.length;
  let e = s;
  while (e < n && isDigitCode(text.charCodeAt(e))) e++;
  const len = e - s;
  const prev = codeAt(text, s - 1);
  // An FI payment line ("+71<0102250738+86331120<"): a payment id and a creditor number, which may look like
  // a CPR number and a phone number; the whole code is skipped.
  if (prev === 0x3c && codeAt(text, s - 4) === 0x2b) return fiCodeEnd(text, e);
  // Long runs are never an identifier we know; skip them whole so 10,000 digits cost one pass.
  if (len > 12) return e;
  if (prev < TABLE_SIZE && CLASS[prev]! & LETTER) return e; // "covid19", "A12345678"
  switch (len) {
    case 10:
    case 6:
      return cprAt(st, s, e);
    case 12:
      return prefixedPhone(st, s) || e;
    case 4:
      return fourDigits(st, s, e);
    case 8:
    case 2:
    case 3: {
      const ph = phoneOrCvr(st, s);
      if (ph > 0) return ph;
      if (len === 8) return e;
      return houseNumber(st, s, e);
    }
    case 1: {
      // "3F" (the union) and "3F Kolding"
      if (text.charCodeAt(s) === 0x33 && codeAt(text, e) === 0x46 && !isWordChar(codeAt(text, e + 1))) {
        st.special.push({ type: 'UNION', start: s, end: unionEnd(text, e + 1), confidence: 0.8 });
        return e + 1;
      }
      return houseNumber(st, s, e);
    }
    default:
      return e;
  }
}

/** Ten digits, or six before a dash or space ("010203-4567"): a CPR number when it is one. Returns where the scan goes on. */
function cprAt(st: ScanState, s: number, e: number): number {
  const m = matchCpr(st.text, s, e);
  if (!m) return e;
  st.add('CPR', m.start, m.end, m.confidence);
  return m.end;
}

/** A phone number after the country code 0045; its end, or 0 when there is none. */
function prefixedPhone(st: ScanState, s: number): number {
  if (!st.text.startsWith('0045', s)) return 0;
  const m = matchPrefixedPhone(st.text, s);
  if (!m) return 0;
  st.add('PHONE', m.start, m.end, m.confidence);
  return m.end;
}

/** Four digits: 0045 and a phone number, a bank account, a phone or CVR number in groups, or a postcode. */
function fourDigits(st: ScanState, s: number, e: number): number {
  const text = st.text;
  const phone = prefixedPhone(st, s);
  if (phone > 0) return phone;
  const bank = matchBankAccount(text, s, e);
  if (bank) {
    st.add('BANK_ACCOUNT', bank.start, bank.end, bank.confidence);
    return bank.end;
  }
  const ph = phoneOrCvr(st, s);
  if (ph > 0) return ph;
  const pc = matchPostcode(text, s, e, st.lastAddressEnd);
  if (pc) {
    // An address the street rules did not know ("Torvet 3") just before the postcode.
    if (st.lastAddressEnd < 0 || s - st.lastAddressEnd > 30 || !/^[\s,]*$/.test(text.slice(st.lastAddressEnd, s))) {
      const a = matchAddressBeforePostcode(text, s);
      if (a && a.end > st.lastAddressEnd) st.add('ADDRESS', a.start, a.end, a.confidence);
    }
    st.add('POSTCODE_CITY', pc.start, pc.end, pc.confidence);
    return pc.end;
  }
  return e;
}

/** End of an FI code whose first digit run ends at `e`: past "+<creditor>" and the closing "<". */
function fiCodeEnd(text: string, e: number): number {
  let i = e;
  if (codeAt(text, i) !== 0x2b) return i;
  i++;
  while (isDigitCode(codeAt(text, i))) i++;
  return codeAt(text, i) === 0x3c ? i + 1 : i;
}

function houseNumber(st: ScanState, s: number, e: number): number {
  const m = matchStreetAddress(st.text, s, e);
  if (m) {
    st.add('ADDRESS', m.start, m.end, m.confidence);
    return m.end;
  }
  return e;
}

/** Phone number (or, after a CVR label, a CVR number) starting at the digit run at `s`; end or -1. */
function phoneOrCvr(st: ScanState, s: number): number {
  const text = st.text;
  const r = readPlainPhone(text, s);
  if (!r) {
    // Phone numbers start with 2-9; a CVR number may start with 1.
    if (text.charCodeAt(s) !== 0x31) return -1;
    const m = matchLabelledCvr(text, s);
    if (!m) return -1;
    st.add('CVR', m.start, m.end, m.confidence);
    return m.end;
  }
  if (r.label === 'cvr') {
    const cvr = matchCvr(text, s, r.body);
    if (cvr) st.add('CVR', cvr.start, cvr.end, cvr.confidence);
    return r.body.end;
  }
  const m = acceptPlainPhone(text, s, r.body, r.label);
  if (!m) return -1;
  st.add('PHONE', m.start, m.end, m.confidence);
  return m.end;
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isWordChar(c: number): boolean {
  return c < TABLE_SIZE && (CLASS[c]! & (LETTER | DIGIT)) !== 0;
}

const byStart = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end;

/** The lists are produced in text order, almost always already sorted; sort only when they are not. */
function sortByStart(list: Candidate[]): Candidate[] {
  for (let i = 1; i < list.length; i++) if (byStart(list[i - 1]!, list[i]!) > 0) return list.sort(byStart);
  return list;
}

function merge(a: Candidate[], b: Candidate[]): Candidate[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byStart(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

function overlapsAny(kept: Candidate[], c: Candidate): boolean {
  for (const k of kept) if (k.start < c.end && c.start < k.end) return true;
  return false;
}

/**
 * Keeps the best of overlapping candidates (priority, then length). The input is sorted by start; it is cut
 * into clusters of overlapping spans, so each choice is local and the whole is linear after the sort.
 */
function resolve(sorted: Candidate[]): Entity[] {
  const out: Entity[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    let clusterEnd = sorted[i]!.end;
    while (j < sorted.length && sorted[j]!.start < clusterEnd) clusterEnd = Math.max(clusterEnd, sorted[j++]!.end);
    if (j === i + 1) {
      out.push(sorted[i]!);
    } else {
      const cluster = sorted.slice(i, j).sort((a, b) => PRIORITY[b.type] - PRIORITY[a.type] || b.end - b.start - (a.end - a.start) || a.start - b.start);
      const kept: Candidate[] = [];
      for (const c of cluster) if (!overlapsAny(kept, c)) kept.push(c);
      kept.sort((a, b) => a.start - b.start);
      for (const c of kept) out.push(c);
    }
    i = j;
  }
  return out;
}

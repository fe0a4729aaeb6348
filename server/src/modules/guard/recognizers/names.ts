import { S, W, lexicon } from '../lexicon.js';
import { classifyWord } from './context.js';
import { LETTER, UPPER, charClass, codeAt, hashRange, lowerCode } from '../text/chars.js';
import { type Candidate, LINE_REACH, type ScanState, isSentenceInitial, lineEndOf, lineStartOf, prevNonSpace } from '../scan-state.js';

const { words, suffixes } = lexicon;

/** Token flags for capitalised words. */
const T = {
  FIRST: 1,
  AMBIGUOUS: 2,
  SURNAME: 4,
  SURNAME_LIKE: 8,
  STOP: 16,
  ORG: 32,
  ROLE: 64,
  GREETING: 128,
  ALLCAPS: 256,
  GENITIVE: 512,
  STREET: 1024,
  INITIAL: 2048,
  FOREIGN: 4096,
  /** A separate street word ("Vej", "Plads"): never part of a name. */
  STREET_WORD: 8192,
  /** A first name that is also a common word of the stop list ("August", "Maj"). */
  STOP_TOO: 16384,
} as const;
const NAMEISH = T.FIRST | T.SURNAME | T.SURNAME_LIKE;
/** Tokens that end a name and may announce the next one ("Kære", "Socialrådgiver", "Hilsen"). */
const BREAKS = T.STOP | T.ALLCAPS | T.ROLE | T.GREETING;

/**
 * Person names, decided after the scan from the capitalised words it collected. A name is a run of
 * capitalised words on one line. It is accepted when it starts with a known first name, ends in a known or
 * surname-like word (-sen, -gaard), or when the context announces a person: a greeting ("Kære", "Hej"), a
 * label ("Borger:", "Fra:", "Att.:", "v/"), a role or relation before or after it ("hustru Rigmor Nissen",
 * "Karoline Ågård, socialrådgiver"), an attendee list, a signature after "Med venlig hilsen", or the line
 * above an address. Names found once are then found everywhere in the text, also alone and in the genitive
 * ("Alberte", "Albertes"). Institutions, streets, towns and all-capital words are not persons.
 */
export function findPersons(st: ScanState): Candidate[] {
  const n = st.capStart.length;
  if (n === 0) return [];
  if (scratchTf.length < n) growScratch(n);
  const tf = scratchTf;
  for (let k = 0; k < n; k++) tf[k] = tokenFlags(st.text, st.capStart[k]!, st.capEnd[k]!, st.capId[k]!);
  const runs = collectRuns(st, tf);
  markOrganisations(st, tf, runs);
  const segs = collectSegments(tf, runs);
  const accepted = acceptSegments(st, tf, segs);
  // Names found once are names everywhere in the text, alone or in the genitive.
  const known = knownNames(st, tf, segs);
  if (known.size > 0) {
    findKnownAgain(st, tf, segs, known, accepted);
    st.knownNames = known;
  }
  lowerCaseNames(st, known, accepted);
  return accepted;
}

/** Runs: capitalised words joined by single spaces (or initials: "H.C.", "Jens P. Hansen"). Returns how many. */
function collectRuns(st: ScanState, tf: Int32Array): number {
  const text = st.text;
  const capStart = st.capStart;
  const capEnd = st.capEnd;
  const n = capStart.length;
  const runFrom = scratchRunFrom;
  const runTo = scratchRunTo;
  let runs = 0;
  for (let k = 0; k < n; ) {
    let end = k;
    while (end + 1 < n && joined(text, capEnd[end]!, capStart[end + 1]!, tf[end]!)) end++;
    runFrom[runs] = k;
    runTo[runs++] = end;
    k = end + 1;
  }
  return runs;
}

/**
 * A run with an organisation word is an organisation ("Viborg Kommune", "Tømrerfirmaet Dahl ApS"), and so are runs
 * joined to one by "og" or "for" ("Byg og Miljø ApS", "Afdeling for Sociale Forhold og Beskæftigelse").
 */
function markOrganisations(st: ScanState, tf: Int32Array, runs: number): void {
  const text = st.text;
  const capStart = st.capStart;
  const capEnd = st.capEnd;
  const runFrom = scratchRunFrom;
  const runTo = scratchRunTo;
  const org = scratchOrg;
  for (let r = 0; r < runs; r++) {
    org[r] = 0;
    for (let t = runFrom[r]!; t <= runTo[r]!; t++) if (tf[t]! & T.ORG || isCompanyForm(text, capEnd[t]!, tf[t]!)) org[r] = 1;
  }
  for (let r = runs - 2; r >= 0; r--) {
    if (org[r + 1] && !org[r] && joinWord(text, capEnd[runTo[r]!]!, capStart[runFrom[r + 1]!]!, false)) org[r] = 1;
  }
  for (let r = 0; r + 1 < runs; r++) {
    if (org[r] && !org[r + 1] && joinWord(text, capEnd[runTo[r]!]!, capStart[runFrom[r + 1]!]!, true)) org[r + 1] = 1;
  }
}

/** Segments: the parts of a run between words that are not names; a greeting or role before one is a cue. Returns how many. */
function collectSegments(tf: Int32Array, runs: number): number {
  const runFrom = scratchRunFrom;
  const runTo = scratchRunTo;
  const org = scratchOrg;
  const segFirst = scratchSegFirst;
  const segLast = scratchSegLast;
  const segCue = scratchSegCue;
  let segs = 0;
  for (let r = 0; r < runs; r++) {
    if (org[r]) continue;
    let cue = 0;
    let from = -1;
    const to = runTo[r]!;
    for (let t = runFrom[r]!; t <= to + 1; t++) {
      if (t <= to && (tf[t]! & BREAKS) === 0) {
        if (from < 0) from = t;
        continue;
      }
      if (from >= 0 && !isStreetName(tf, from, t - 1)) {
        // Leading initials alone are not a name.
        let f = from;
        while (f < t - 1 && tf[f]! & T.INITIAL && !(tf[f + 1]! & NAMEISH)) f++;
        if (!(tf[f]! & T.INITIAL) || f < t - 1) {
          segFirst[segs] = f;
          segLast[segs] = t - 1;
          segCue[segs++] = cue;
        }
      }
      from = -1;
      if (t <= to) cue = tf[t]! & (T.GREETING | T.ROLE) ? 1 : 0;
    }
  }
  return segs;
}

/** The segments that are names, in order; each accepted one is marked in the scratch buffer. */
function acceptSegments(st: ScanState, tf: Int32Array, segs: number): Candidate[] {
  const capStart = st.capStart;
  const capEnd = st.capEnd;
  const segFirst = scratchSegFirst;
  const segLast = scratchSegLast;
  const acceptedSeg = scratchAccepted;
  const ctx: Context = { st, lists: listRegions(st.text, st.listHeaders), addressStarts: sortedCopy(st.addressStarts) };
  const accepted: Candidate[] = [];
  let lastEnd = -1;
  for (let i = 0; i < segs; i++) {
    acceptedSeg[i] = 0;
    dropSentenceOpener(st, tf, i);
    const confidence = nameConfidence(st, tf, i, lastEnd, ctx);
    if (confidence > 0) {
      const segEnd = capEnd[segLast[i]!]!;
      acceptedSeg[i] = 1;
      accepted.push({ type: 'PERSON', start: capStart[segFirst[i]!]!, end: segEnd, confidence });
      lastEnd = segEnd;
    }
  }
  return accepted;
}

/**
 * A capitalised sentence opener in front of a first name is not part of it ("Ifølge Malthes ..."), nor a verb in the
 * past tense in front of two more capitalised words ("Mødte Florin Stoica og ..."): the segment starts after it.
 */
function dropSentenceOpener(st: ScanState, tf: Int32Array, i: number): void {
  const text = st.text;
  const first = scratchSegFirst[i]!;
  const last = scratchSegLast[i]!;
  if (
    last > first &&
    !(tf[first]! & NAMEISH) &&
    !numberAfter(text, st.capStart[first]!, st.capEnd[last]!, st) &&
    (tf[first + 1]! & T.FIRST || (last - first >= 2 && pastTense(text, st.capEnd[first]!))) &&
    isSentenceInitial(text, st.capStart[first]!)
  ) {
    scratchSegFirst[i] = first + 1;
  }
}

/** How sure it is that segment `i` names a person, or 0 when it does not. `lastEnd` ends the name accepted before it. */
function nameConfidence(st: ScanState, tf: Int32Array, i: number, lastEnd: number, ctx: Context): number {
  const text = st.text;
  const first = scratchSegFirst[i]!;
  const last = scratchSegLast[i]!;
  const start = st.capStart[first]!;
  const segEnd = st.capEnd[last]!;
  const len = last - first + 1;
  const f0 = tf[first]!;
  if (f0 & T.FIRST && !(f0 & T.AMBIGUOUS)) return 0.9;
  if (f0 & T.FIRST && len >= 2) return 0.9;
  // "Distriktspsykiatrien Glostrup": a town ending like a surname (-strup) names a place after an unknown word.
  if (len >= 2 && tf[last]! & (T.SURNAME | T.SURNAME_LIKE) && !(!(tf[last]! & T.SURNAME) && !(f0 & T.FIRST) && isTown(text, st.capStart[last]!, segEnd))) return 0.9;
  if (len === 1 && f0 & T.SURNAME && endsWith(text, segEnd, 'sen')) return 0.9;
  if (len >= 2 && len <= 4 && anyFlag(tf, first, last, T.FOREIGN)) return 0.9;
  if (len > 4) return 0;
  const andChain = lastEnd >= 0 && joinWord(text, lastEnd, start, false);
  const office = len === 1 && !(f0 & (T.FIRST | T.SURNAME)) && definiteNoun(text, segEnd);
  if (!office && (scratchSegCue[i] || andChain || cueBefore(text, start, ctx) || cueAfter(text, segEnd) || numberAfter(text, start, segEnd, st))) {
    // "Til: Affald og Genbrug <affald@silkeborg.dk>": a display name that is its own mailbox is an office.
    return (f0 & T.FIRST) !== 0 || !mailboxOfOffice(text, start, segEnd) ? 0.8 : 0;
  }
  // An ambiguous first name capitalised mid-sentence ("ringede til Bo").
  if (f0 & T.FIRST && !isSentenceInitial(text, start) && !(len === 1 && f0 & T.STOP_TOO && dateWordContext(text, start, segEnd))) return 0.6;
  // Two or three unknown capitalised words in running text: a name never seen before ("med Oksana Hrytsenko i dag").
  // Places and organisations were filtered out above.
  if (len >= 2 && unknownPair(text, st, tf, first, last)) return 0.6;
  return 0;
}

/** The words of the accepted names, keyed by the case-folded hash of the word (a genitive without its s), so no strings are built. */
function knownNames(st: ScanState, tf: Int32Array, segs: number): Set<number> {
  const text = st.text;
  const known = new Set<number>();
  for (let i = 0; i < segs; i++) {
    if (!scratchAccepted[i]) continue;
    for (let t = scratchSegFirst[i]!; t <= scratchSegLast[i]!; t++) {
      if (tf[t]! & (T.INITIAL | T.STOP)) continue;
      const e = st.capEnd[t]!;
      known.add(hashRange(text, st.capStart[t]!, tf[t]! & T.GENITIVE ? e - 1 : e));
    }
  }
  return known;
}

/** The segments not accepted that start with a known name, alone or in the genitive ("Alberte", "Albertes"). */
function findKnownAgain(st: ScanState, tf: Int32Array, segs: number, known: Set<number>, accepted: Candidate[]): void {
  const text = st.text;
  const capStart = st.capStart;
  const capEnd = st.capEnd;
  for (let i = 0; i < segs; i++) {
    if (scratchAccepted[i]) continue;
    const first = scratchSegFirst[i]!;
    let last = first - 1;
    for (let t = first; t <= scratchSegLast[i]! && t - first < 4; t++) {
      const s = capStart[t]!;
      const e = capEnd[t]!;
      const inKnown = known.has(hashRange(text, s, e)) || (lowerCode(codeAt(text, e - 1)) === 0x73 && known.has(hashRange(text, s, e - 1)));
      if (inKnown || (t > first && tf[t]! & NAMEISH)) last = t;
      else break;
    }
    if (last >= first) accepted.push({ type: 'PERSON', start: capStart[first]!, end: capEnd[last]!, confidence: 0.8 });
  }
}

const LOWER_BEFORE_CPR = /^(?: [a-zæøå][a-zæøå-]+)?[ ,(]*(?:cpr[.:-]? ?(?:nr\.? ?)?)?$/;

/**
 * First names written in lower case, as people write in notes and text messages, recorded by the scan loop
 * (only names that are no Danish word): a name the text gives elsewhere with a capital ("Knud Aage Thomsen"
 * above, "lå knud på gulvet" below), one after a relation or role ("datteren gitte"), and one before a CPR
 * number ("for ellen jessen cpr 0709672789").
 */
function lowerCaseNames(st: ScanState, known: Set<number>, accepted: Candidate[]): void {
  const text = st.text;
  const lower = st.lowerFirst;
  for (let k = 0; k < lower.length; k += 2) {
    const s = lower[k]!;
    const e = lower[k + 1]!;
    if (known.has(hashRange(text, s, e)) || flagsOfWordBefore(text, s - 1) & W.ROLE) {
      accepted.push({ type: 'PERSON', start: s, end: e, confidence: 0.6 });
      continue;
    }
    if (!st.hasCpr) continue;
    const at = lowerBound(st.cprStarts, e + 1);
    const next = st.cprStarts[at];
    if (next === undefined || next - e > 24) continue;
    const gap = text.slice(e, next).toLowerCase();
    if (!LOWER_BEFORE_CPR.test(gap)) continue;
    const m = /^ [a-zæøå][a-zæøå-]+/.exec(gap);
    accepted.push({ type: 'PERSON', start: s, end: m && !/^ cpr/.test(m[0]) ? e + m[0].length : e, confidence: 0.6 });
  }
}

/**
 * A street name, not a person: a separate street word ("Karen Blixens Vej"), or a word with a street ending
 * that does not follow a first name ("Bygholm Parkvej", but "Søren Hjortshøj" is a person).
 */
function isStreetName(tf: Int32Array, first: number, last: number): boolean {
  if (anyFlag(tf, first, last, T.STREET_WORD)) return true;
  return !(tf[first]! & T.FIRST) && anyFlag(tf, first, last, T.STREET);
}

interface Context {
  st: ScanState;
  lists: ListRegion[];
  /** Sorted starts of the addresses found. */
  addressStarts: readonly number[];
}

// Scratch buffers reused across calls: allocating typed arrays per call cost more than the work. scan() is
// synchronous, so no two calls share them at the same time.
let scratchTf = new Int32Array(256);
let scratchRunFrom = new Int32Array(256);
let scratchRunTo = new Int32Array(256);
let scratchSegFirst = new Int32Array(256);
let scratchSegLast = new Int32Array(256);
let scratchOrg = new Uint8Array(256);
let scratchSegCue = new Uint8Array(256);
let scratchAccepted = new Uint8Array(256);

function growScratch(n: number): void {
  const size = Math.max(n, scratchTf.length * 2);
  scratchTf = new Int32Array(size);
  scratchRunFrom = new Int32Array(size);
  scratchRunTo = new Int32Array(size);
  scratchSegFirst = new Int32Array(size);
  scratchSegLast = new Int32Array(size);
  scratchOrg = new Uint8Array(size);
  scratchSegCue = new Uint8Array(size);
  scratchAccepted = new Uint8Array(size);
}

function sortedCopy(xs: readonly number[]): readonly number[] {
  for (let i = 1; i < xs.length; i++) if (xs[i - 1]! > xs[i]!) return [...xs].sort((a, b) => a - b);
  return xs;
}

/**
 * Two or three unknown capitalised words in running text read as a name, unless they start the sentence,
 * sit in brackets, or look like an institution or a phrase: an adjective in -isk/-iske ("Psykiatrisk
 * Akutmodtagelse"), a genitive ("Kommunens Sundhedscenter"), a known term ("Jehovas Vidne") or only towns.
 */
function unknownPair(text: string, st: ScanState, tf: Int32Array, first: number, last: number): boolean {
  const start = st.capStart[first]!;
  if (isSentenceInitial(text, start)) return false;
  const p = prevNonSpace(text, start);
  if (p === 0x28 || p === 0x2f) return false;
  // "på Microsoft Teams", "i Røde Kors", "via Digital Post": after a place preposition it names a place or an
  // organisation.
  if (placePreposition(text, start)) return false;
  let towns = 0;
  for (let t = first; t <= last; t++) {
    const s = st.capStart[t]!;
    const e = st.capEnd[t]!;
    if (tf[t]! & (T.INITIAL | T.STREET | T.STREET_WORD) || e - s < 3) return false;
    // Adjectives and genitives name institutions: "Det Grønlandske Hus", "Folketingets Ombudsmand", "Mændenes Hjem".
    for (const ending of INSTITUTION_ENDINGS) if (endsWith(text, e, ending)) return false;
    const wf = words.flagsOf(text, s, e);
    if (wf & (W.SPECIAL | W.PHRASE_HEAD)) return false; // "Jehovas Vidne", "Downs syndrom"
    if (wf & W.TOWN) towns++;
  }
  // A town beside a word nobody is named ("Skagen Fiskeindustri", "Materielgården Hvalsø", "Nakskov
  // Markjorder") is a place or an institution; a person with an unknown first name and a town for a surname
  // is rarer than that.
  return towns === 0;
}

/** "Mødte", "Ringede", "Talte": a verb opening a sentence, not a name. */
function pastTense(text: string, end: number): boolean {
  return endsWith(text, end, 'te') || endsWith(text, end, 'de');
}

const INSTITUTION_ENDINGS = ['isk', 'iske', 'ske', 'ens', 'ernes', 'enes', 'ets'];

function isTown(text: string, s: number, e: number): boolean {
  return (words.flagsOf(text, s, e) & W.TOWN) !== 0;
}

/**
 * Right after a name, a CPR number ("Aputsiaq Kleist, 121086-3333", "Idil, 290916-4750", "Gabriel 141215
 * 5822") or, alone on its line, a transcript time ("Tharsan Sivakumar   0:21"): the name is a person's.
 */
function numberAfter(text: string, start: number, end: number, st: ScanState): boolean {
  let i = end;
  while (i - end < 12 && (codeAt(text, i) === 0x20 || codeAt(text, i) === 0x2c || codeAt(text, i) === 0x28 || codeAt(text, i) === 0x09)) i++;
  const c = codeAt(text, i);
  if (c < 0x30 || c > 0x39) {
    // "(cpr. 2203114746)", "Sagal, cpr 2203114746"; not "Hans cpr:" or "My CPR" (a pronoun before the label).
    const sep = codeAt(text, i - 1);
    if (i === end || (sep !== 0x28 && codeAt(text, i - 2) !== 0x2c)) return false;
    if (!(lowerCode(c) === 0x63 && lowerCode(codeAt(text, i + 1)) === 0x70 && lowerCode(codeAt(text, i + 2)) === 0x72)) return false;
    i += 3;
    while (i - end < 20 && !(codeAt(text, i) >= 0x30 && codeAt(text, i) <= 0x39)) i++;
  }
  // "Personnummer 2907661671", "CPR-nummer ...": the label of the number, not a name.
  if (st.hasCpr && sortedHas(st.cprStarts, i)) return classifyWord(text.slice(start, end)) === 'none';
  return i > end + 1 && TIMESTAMP_LINE.test(text.slice(i, Math.min(text.length, i + 12))) && firstOfLine(text, start) === start;
}

const TIMESTAMP_LINE = /^\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:\r?\n|$)/;

/** Start of the first word on the line containing `pos` (past blanks), or -1. */
function firstOfLine(text: string, pos: number): number {
  const ls = lineStartOf(text, pos);
  if (ls < 0) return -1;
  let i = ls;
  while (codeAt(text, i) === 0x20 || codeAt(text, i) === 0x09) i++;
  return i;
}

const FREE_MAIL = /(?:gmail|hotmail|outlook|live\.|yahoo|icloud|me\.com|msn\.|mail\.dk|jubii|proton|gmx|aol|yandex|ukr\.net|webspeed|stofanet|youmail|privat)/i;

/**
 * A display name followed by its own mailbox ("Affald og Genbrug <affald@silkeborg.dk>", "Byggeri, Skanderborg
 * Kommune <byggeri@...>", "Opkrævning <opkraevning@...>"): the mailbox of an office, not of a person. People's
 * mailboxes at free mail services are left alone ("Tharsan <tharsan@gmail.com>").
 */
function mailboxOfOffice(text: string, start: number, segEnd: number): boolean {
  const lt = indexOnLine(text, 0x3c, segEnd, segEnd + 60);
  if (lt < 0) return false;
  const at = indexOnLine(text, 0x40, lt, lt + 80);
  if (at < 0) return false;
  const gt = indexOnLine(text, 0x3e, at, at + 80);
  if (gt > 0 && FREE_MAIL.test(text.slice(at, gt))) return false;
  const local = text.slice(lt + 1, at).toLowerCase();
  let we = start;
  while (we < segEnd && ((charClass(codeAt(text, we)) & LETTER) !== 0 || codeAt(text, we) === 0x2d)) we++;
  const word = foldDanish(text.slice(start, we).toLowerCase());
  if (word.length < 4 || local.length < 4) return false;
  return word.startsWith(local) || local.startsWith(word);
}

/** Index of the character `c` in text[from, limit) before the line ends, or -1. */
function indexOnLine(text: string, c: number, from: number, limit: number): number {
  const end = Math.min(limit, text.length);
  for (let i = from; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d === c) return i;
    if (d === 0x0a) return -1;
  }
  return -1;
}

function foldDanish(w: string): string {
  return w.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

const DATE_PREPOSITIONS = new Set(['until', 'in', 'since', 'from', 'til', 'indtil', 'fra', 'siden', 'i', 'efter', 'før', 'inden', 'medio', 'primo', 'ultimo', 'by', 'before', 'after']);

/** "until August", "i maj", "August 2025": a month that is also a first name, used as a month. */
function dateWordContext(text: string, start: number, end: number): boolean {
  let i = end;
  while (codeAt(text, i) === 0x20) i++;
  if (codeAt(text, i) >= 0x30 && codeAt(text, i) <= 0x39) return true;
  let e = start;
  while (e > 0 && codeAt(text, e - 1) === 0x20) e--;
  let b = e;
  while (b > 0 && (charClass(codeAt(text, b - 1)) & LETTER) !== 0) b--;
  return b < e && DATE_PREPOSITIONS.has(text.slice(b, e).toLowerCase());
}

function placePreposition(text: string, start: number): boolean {
  let e = start - 1;
  while (e > 0 && codeAt(text, e) === 0x20) e--;
  e++;
  let s = e;
  while (s > 0 && (charClass(codeAt(text, s - 1)) & LETTER) !== 0 && e - s < 4) s--;
  const len = e - s;
  if (len === 1) return lowerCode(codeAt(text, s)) === 0x69; // i
  if (len === 2) return endsWith(text, e, 'på');
  if (len === 3) return endsWith(text, e, 'via') || endsWith(text, e, 'ved');
  return false;
}

/**
 * A single unknown word in the definite form ("Ledelsen", "Sekretariatet", "Pladsanvisningen") after a cue
 * is an office signing or being greeted, not a person.
 */
function definiteNoun(text: string, end: number): boolean {
  return endsWith(text, end, 'en') || endsWith(text, end, 'et') || endsWith(text, end, 'erne') || endsWith(text, end, 'ene');
}

/** Whether text[from, to) is " og ", " & " (or " for " when `withFor`). */
function joinWord(text: string, from: number, to: number, withFor: boolean): boolean {
  const len = to - from;
  if (len < 3 || len > 5 || codeAt(text, from) !== 0x20 || codeAt(text, to - 1) !== 0x20) return false;
  const w = text.slice(from + 1, to - 1);
  return w === 'og' || w === '&' || (withFor && w === 'for');
}

function endsWith(text: string, end: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (lowerCode(codeAt(text, end - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

function anyFlag(tf: Int32Array, first: number, last: number, flag: number): boolean {
  for (let t = first; t <= last; t++) if (tf[t]! & flag) return true;
  return false;
}

/** Letters that Danish words do not use but names from elsewhere do (Yıldız, Öztürk, Petrauskienė, Nowicki's ł). */
function hasForeignLetter(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = codeAt(text, i);
    if (c >= 0x100 && c <= 0x24f) return true; // Latin Extended-A/B: ı ş ğ ć ł ė ...
    if (c === 0xfc || c === 0xdc || c === 0xe7 || c === 0xc7 || c === 0xf1 || c === 0xe3 || c === 0xf5) return true; // ü ç ñ ã õ
  }
  return false;
}

/**
 * Flags of known words, computed once per word (they depend only on the case-folded word, except the
 * all-capitals and initial checks done per token). A cache of a pure function: scan() stays pure.
 */
const tokenCache = new Int32Array(words.size).fill(-1);

function tokenFlags(text: string, s: number, e: number, id: number): number {
  const len = e - s;
  if (len === 1) return codeAt(text, e) === 0x2e ? T.INITIAL : T.STOP;
  // "Pers.nr.", "Reg.nr.": the first part of an abbreviation, not a name.
  if (codeAt(text, e) === 0x2e && charClass(codeAt(text, e + 1)) & LETTER) return T.STOP;
  let allCaps = true;
  for (let i = s; i < e; i++) {
    const c = charClass(codeAt(text, i));
    if (c & LETTER && !(c & UPPER)) {
      allCaps = false;
      break;
    }
  }
  if (allCaps) {
    // Letterheads in capitals ("MORTEN HANSEN"): a known, unambiguous name still counts; other capitals
    // are acronyms and headings.
    if (id < 0 || len < 3) return T.ALLCAPS;
    const wf = words.flags[id]!;
    return wf & (W.FIRST | W.SURNAME) && !(wf & (W.AMBIGUOUS | W.SPECIAL | W.STOP | W.ORG)) ? fromWordFlags(wf) : T.ALLCAPS;
  }
  if (id >= 0) {
    const cached = tokenCache[id]!;
    if (cached >= 0) return cached;
    return (tokenCache[id] = wordFlags(text, s, e, id));
  }
  return wordFlags(text, s, e, id);
}

function wordFlags(text: string, s: number, e: number, id: number): number {
  const len = e - s;
  let f = fromWordFlags(id >= 0 ? words.flags[id]! : 0);
  if (!(f & (T.FIRST | T.SURNAME))) {
    let hy = s + 1;
    while (hy < e && codeAt(text, hy) !== 0x2d) hy++;
    if (hy < e) {
      // "Anne-Marie", "Beck-Olsen", "El-Khatib": judge by the parts.
      let all = T.FIRST | T.SURNAME;
      let any = 0;
      let p = s;
      while (p < e) {
        let q = p;
        while (q < e && codeAt(text, q) !== 0x2d) q++;
        const pf = fromWordFlags(words.flagsOf(text, p, q)) | suffixFlags(text, p, q);
        all &= pf;
        any |= pf;
        p = q + 1;
      }
      if (all & T.FIRST) f |= T.FIRST;
      else if (any & (T.SURNAME | T.SURNAME_LIKE)) f |= T.SURNAME;
      else if (any & T.FIRST) f |= T.FIRST | T.AMBIGUOUS;
    } else if (lowerCode(codeAt(text, e - 1)) === 0x73 && len >= 4) {
      // Genitive written onto the name: "Albertes", "Malthes".
      const stem = fromWordFlags(words.flagsOf(text, s, e - 1));
      if (stem & (T.FIRST | T.SURNAME)) f |= (stem & (T.FIRST | T.SURNAME | T.AMBIGUOUS)) | T.GENITIVE;
    }
  }
  f |= suffixFlags(text, s, e) & ~(f & T.FIRST ? T.SURNAME_LIKE : 0);
  if (f & T.FIRST && f & T.STOP) f |= T.STOP_TOO;
  if (f & T.FIRST) f &= ~(T.STOP | T.ROLE);
  // "Brian Høj", "Mads Holm": a known name is not a street word.
  if (f & (T.FIRST | T.SURNAME)) f &= ~(T.STREET | T.STREET_WORD);
  if (hasForeignLetter(text, s, e)) f |= T.FOREIGN;
  return f;
}

function fromWordFlags(w: number): number {
  let f = 0;
  if (w & W.FIRST) f |= T.FIRST;
  if (w & W.AMBIGUOUS) f |= T.AMBIGUOUS;
  if (w & W.SURNAME) f |= T.SURNAME;
  if (w & (W.STOP | W.LIST_HEADER | W.TOWN_PREFIX)) f |= T.STOP;
  if (w & W.ORG) f |= T.ORG;
  if (w & W.ROLE) f |= T.ROLE;
  if (w & (W.GREETING | W.SIGNOFF)) f |= T.GREETING;
  if (w & W.STREET_ONLY) f |= T.STREET_WORD;
  if (w & W.SPECIAL && !(w & (W.FIRST | W.SURNAME))) f |= T.STOP;
  return f;
}

function suffixFlags(text: string, s: number, e: number): number {
  const sf = suffixes.match(text, s, e);
  if (sf === 0) return 0;
  let f = 0;
  if (sf & S.ORG || sf & S.UNION) f |= T.ORG;
  if (sf & S.STREET && !(words.flagsOf(text, s, e) & W.NOT_STREET)) f |= T.STREET;
  if (sf & S.SURNAME_LIKE) f |= T.SURNAME_LIKE;
  if (sf & S.ROLE) f |= T.ROLE;
  return f;
}

/** Whether two capitalised tokens belong to the same run. */
function joined(text: string, prevEnd: number, nextStart: number, prevFlags: number): boolean {
  const gap = nextStart - prevEnd;
  const c = codeAt(text, prevEnd);
  if (gap === 1) return c === 0x20 || c === 0xa0 || (c === 0x2e && (prevFlags & T.INITIAL) !== 0);
  if (gap === 2 && c === 0x2e && (prevFlags & T.INITIAL) !== 0) return codeAt(text, prevEnd + 1) === 0x20;
  return false;
}

/** "A/S", "I/S", "K/S", "P/S" right after a token. */
function isCompanyForm(text: string, end: number, flags: number): boolean {
  return (flags & T.STOP) !== 0 && end - 1 >= 0 && codeAt(text, end) === 0x2f && codeAt(text, end + 1) === 0x53;
}

interface ListRegion {
  colon: number;
  end: number;
}

/** An attendee list runs from its header to the next blank line (at most 40 lines); one forward sweep. */
function listRegions(text: string, headers: number[]): ListRegion[] {
  const out: ListRegion[] = [];
  let nextBlank = -1;
  for (const colon of headers) {
    if (nextBlank <= colon) nextBlank = blankLineAfter(text, colon);
    out.push({ colon, end: Math.min(nextBlank, colon + 40 * LINE_REACH) });
  }
  return out;
}

function blankLineAfter(text: string, from: number): number {
  let blank = false;
  for (let i = from; i < text.length; i++) {
    const c = codeAt(text, i);
    if (c === 10) {
      if (blank) return i;
      blank = true;
    } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) blank = false;
  }
  return text.length;
}

/** Word [s, e) that ends right before `pos` (skipping nothing). */
function wordBefore(text: string, pos: number): [number, number] {
  let s = pos;
  const limit = Math.max(0, pos - 60);
  while (s > limit && (charClass(codeAt(text, s - 1)) & LETTER) !== 0) s--;
  return [s, pos];
}

function flagsOfWordBefore(text: string, pos: number): number {
  const [s, e] = wordBefore(text, pos);
  if (s === e) return 0;
  return words.flagsOf(text, s, e) | (suffixes.match(text, s, e) & S.ROLE ? W.ROLE : 0);
}

/** The context before a name announces a person. */
function cueBefore(text: string, start: number, ctx: Context): boolean {
  let i = start - 1;
  while (i >= 0 && (codeAt(text, i) === 0x20 || codeAt(text, i) === 0x09)) i--;
  const c = i >= 0 ? codeAt(text, i) : 10;
  const atLineStart = c === 10 || c === 13;
  if (c === 0x3a) {
    // "Borger: ", "Fra: ", "Att.: ", "Deltagere: ", "Kontaktperson i virksomheden: "
    let j = i;
    if (codeAt(text, j - 1) === 0x2e) j--;
    if (flagsOfWordBefore(text, j) & (W.CUE_LABEL | W.LIST_HEADER | W.ROLE)) return true;
    const lineStart = lineStartOf(text, start);
    if (lineStart >= 0) {
      const [fs, fe] = firstWordOfLine(text, lineStart);
      if (fe > fs && fe <= j && words.flagsOf(text, fs, fe) & (W.CUE_LABEL | W.ROLE)) return true;
    }
  } else if (c === 0x2f) {
    // "v/ Regitze Bang-Hartmann", "/Gorm" as a signature
    const v = codeAt(text, i - 1);
    if ((v === 0x76 || v === 0x56) && !((charClass(codeAt(text, i - 2)) & LETTER) !== 0)) return true;
    if (prevNonSpace(text, i) === 10) return true;
  } else if (c === 0x2e) {
    const [ws, we] = wordBefore(text, i);
    if (we - ws <= 3) {
      const w = text.slice(ws, we).toLowerCase();
      if (w === 'hr' || w === 'fru' || w === 'frk' || w === 'dr' || w === 'att') return true;
    }
  } else if (c === 0x2c) {
    // "mor, Charlotte Thomsen", "sin søn, Bendt Olsen"
    if (flagsOfWordBefore(text, i) & W.ROLE) return true;
  } else if (!atLineStart && (charClass(c) & LETTER) !== 0) {
    // "hustru Rigmor Nissen", "lejer Hawa Warsame", "Hej Bitten"
    if (flagsOfWordBefore(text, i + 1) & (W.ROLE | W.GREETING | W.SIGNOFF)) return true;
  }
  // Line-based cues: attendee lists, signatures, the line above an address. Only where they can apply.
  const r = listAt(ctx.lists, start);
  if (!r && !atLineStart && !(c === 0x2d || c === 0x2022 || c === 0x2a || c === 0x2013)) return false;
  const lineStart = lineStartOf(text, start);
  if (lineStart < 0) return false;
  if (r) {
    if (lineStart <= r.colon) {
      // Inline list on the header line: items after ": ", ", " and ") ," outside brackets.
      if ((c === 0x3a || c === 0x2c) && depth(text.slice(r.colon, start)) === 0) return true;
    } else if (isItemStart(text, lineStart, start)) {
      return true;
    }
  }
  if (atLineStart || i < lineStart) {
    if (signatureAt(text, lineStart, ctx.st)) return true;
    if (lineBeforeAddress(text, lineStart, ctx.addressStarts)) return true;
  }
  return false;
}

/** The list region containing `pos` (headers are in text order; the nearest header before `pos` decides). */
function listAt(lists: ListRegion[], pos: number): ListRegion | undefined {
  let lo = 0;
  let hi = lists.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lists[mid]!.colon < pos) lo = mid + 1;
    else hi = mid;
  }
  const r = lists[lo - 1];
  return r && pos <= r.end ? r : undefined;
}

/** Index of the first element of `sorted` that is >= x. */
function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sortedHas(sorted: ArrayLike<number>, x: number): boolean {
  const lo = lowerBound(sorted, x);
  return lo < sorted.length && sorted[lo] === x;
}

function depth(s: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28) d++;
    else if (c === 0x29) d = Math.max(0, d - 1);
  }
  return d;
}

function isItemStart(text: string, lineStart: number, start: number): boolean {
  return /^[\s\-•*–]*$/.test(text.slice(lineStart, start));
}

function firstWordOfLine(text: string, lineStart: number): [number, number] {
  let s = lineStart;
  while (codeAt(text, s) === 0x20 || codeAt(text, s) === 0x09) s++;
  let e = s;
  while ((charClass(codeAt(text, e)) & LETTER) !== 0) e++;
  return [s, e];
}

/** The first non-empty line after a sign-off ("Med venlig hilsen", "Mvh"). */
function signatureAt(text: string, lineStart: number, st: ScanState): boolean {
  if (st.signoffLineEnds.length === 0 || lineStart === 0) return false;
  let p = lineStart - 1; // the '\n' ending the previous line
  for (let blank = 0; blank < 2; blank++) {
    if (sortedHas(st.signoffLineEnds, p)) return true;
    const prevStart = lineStartOf(text, p);
    if (prevStart <= 0 || text.slice(prevStart, p).trim() !== '') return false;
    p = prevStart - 1;
  }
  return false;
}

/** A line of only capitalised names right above an address ("Solveig Munk og Palle Munk\nSlotsalléen 14"). */
function lineBeforeAddress(text: string, lineStart: number, addressStarts: readonly number[]): boolean {
  if (addressStarts.length === 0) return false;
  const nl = lineEndOf(text, lineStart);
  if (nl < 0 || nl === text.length) return false;
  let a = nl + 1;
  while (codeAt(text, a) === 0x20) a++;
  if (!sortedHas(addressStarts, a)) return false;
  const line = text.slice(lineStart, nl).trim();
  if (line.length > 80 || !/^\p{Lu}[\p{L}.'\- ]*$/u.test(line) || !line.includes(' ')) return false;
  // "Randers Kommune\nSocialpsykiatri og Udsatte\nLaksetorvet 1": a line under the sender's name in a
  // letterhead is a department.
  return !(lineStart > 1 && codeAt(text, lineStart - 2) !== 0x0a && ORG_LINE.test(text.slice(Math.max(0, text.lastIndexOf('\n', lineStart - 2) + 1), lineStart - 1)));
}

const ORG_LINE = /\b(?:Kommune|Region|Regionshospital|Hospital|Sygehus|Universitet|A\/S|ApS)\s*$/u;

/** A role right after the name: ", socialrådgiver", " (visitator)", or alone on the next line ("Socialrådgiver"). */
function cueAfter(text: string, end: number): boolean {
  let i = end;
  const c = codeAt(text, i);
  if (c === 0x2c || c === 0x28) i++;
  else if (c === 0x20 && (codeAt(text, i + 1) === 0x28 || codeAt(text, i + 1) === 0x2013 || codeAt(text, i + 1) === 0x2d)) i += 2;
  else if (c === 0x0a) {
    let e = i + 1;
    while ((charClass(codeAt(text, e)) & LETTER) !== 0) e++;
    const nextEnd = lineEndOf(text, i + 1);
    if (e > i + 1 && nextEnd >= 0 && nextEnd - (i + 1) <= 40 && roleWord(text, i + 1, e)) return true;
    return false;
  } else return false;
  while (codeAt(text, i) === 0x20) i++;
  let e = i;
  while ((charClass(codeAt(text, e)) & LETTER) !== 0 || (codeAt(text, e) === 0x2d && e > i)) e++;
  return e > i && roleWord(text, i, e);
}

function roleWord(text: string, s: number, e: number): boolean {
  const f = words.flagsOf(text, s, e);
  if (f & W.ROLE) return true;
  return (suffixes.match(text, s, e) & S.ROLE) !== 0;
}

import { PROBLEM_SUFFIXES, TREATMENT_SUFFIXES } from '../gazetteer/special.js';
import { S, SpecialKind, W, lexicon } from '../lexicon.js';
import { LETTER, UPPER, charClass, codeAt, lowerCode } from '../text/chars.js';
import { type ScanState, isSentenceInitial } from '../scan-state.js';

const { words, phrases } = lexicon;

/**
 * Special categories (GDPR Art. 9) and criminal offences (Art. 10), called by the scan loop for each word.
 * The key phrase is the span ("demens", "Downs syndrom", "sigtet for knivbæring", "3F Kolding"). Skipped
 * when one of the three words before negates it ("ingen tegn på infektion") or makes it general ("borgere med
 * demens", "kursus om stress", "hvis du har diabetes"). Whether the text is about a person at all is decided
 * after the scan (scan.ts keeps these only when a person or CPR number was found).
 */
export function specialAtWord(st: ScanState, s: number, e: number, id: number, upper: boolean, termSuffixFlags: number): void {
  const text = st.text;
  const flags = id >= 0 ? words.flags[id]! : 0;
  // A negating or generic word among the three words before (wordCount is not yet counting this word). A
  // blocked term carries the scope on through a list ("borgere med diabetes eller tyggeproblemer").
  const blocked = st.wordCount - st.blockerAt < 3;
  if (blocked && (flags & (W.SPECIAL | W.PHRASE_HEAD) || termSuffixFlags !== 0)) st.blockerAt = st.wordCount;
  if (flags & W.PHRASE_HEAD && matchPhrase(st, s, e, id, upper, blocked) > 0) return;
  // "kronisk træthed": the qualified condition, when it is not a known term anyway.
  if (st.chronicEnd === s - 1 && codeAt(text, s - 1) === 0x20 && !(flags & W.SPECIAL) && termSuffixFlags === 0 && !upper) {
    if (!(st.wordCount - st.blockerAt < 4)) emit(st, 'HEALTH', st.chronicStart, e);
    return;
  }
  if (flags & W.SPECIAL) {
    const info = words.payload[id]!;
    const capOk = !upper || capitalisedTermOk(text, s);
    switch (info.kind) {
      case SpecialKind.Term:
        if (capOk && !blocked) emit(st, info.cls, s, e);
        break;
      case SpecialKind.Medication:
        if (!blocked) emit(st, info.cls, s, e);
        break;
      case SpecialKind.Acronym:
        if (!blocked && text.startsWith(info.exact!, s) && e - s === info.exact!.length) emit(st, 'HEALTH', s, e);
        break;
      case SpecialKind.Union:
        if (!blocked && text.startsWith(info.exact!, s) && e - s === info.exact!.length) emit(st, 'UNION', s, unionEnd(text, e));
        break;
      case SpecialKind.Criminal:
        if (capOk && !blocked) emit(st, 'CRIMINAL', s, offenceEnd(text, e, false));
        break;
      case SpecialKind.CriminalFor: {
        const oe = capOk && !blocked ? offenceEnd(text, e, true) : -1;
        if (oe > e) emit(st, 'CRIMINAL', s, oe);
        break;
      }
    }
  } else if (termSuffixFlags !== 0) {
    const sf = termSuffixFlags;
    if (!blocked) {
      const termOk = !upper || capitalisedTermOk(text, s);
      if (sf & S.MEDICATION && e - s >= 7 && isPlainWord(text, s, e)) emit(st, 'HEALTH', s, e);
      else if (sf & S.HEALTH && termOk) emit(st, 'HEALTH', s, e);
      else if (sf & S.UNION && upper) emit(st, 'UNION', s, unionEnd(text, e));
      else if (sf & S.ETHNIC && termOk) emit(st, 'ETHNICITY', s, e);
      else if (sf & (S.TREATMENT | S.PROBLEM) && termOk && healthCompound(text, s, e, sf)) emit(st, 'HEALTH', s, e);
    }
  }
  // Ethnic origin: "etnisk dansker", "af somalisk oprindelse".
  if (!blocked && codeAt(text, s - 1) === 0x20) {
    const ps = prevWordStart(text, s - 1);
    if (ps >= 0 && st.ethnicMarkEnd === s - 1) emit(st, 'ETHNICITY', ps, e);
    else if (ps >= 0 && flags & W.ETHNIC_HEAD && endsWithSk(text, ps, s - 1)) emit(st, 'ETHNICITY', ps, e);
  }
}

/**
 * "metadonbehandling" (a known diagnosis or medication + -behandling/-forløb) and "søvnproblemer" (a body part
 * or function + -problemer). The stem may carry a linking s ("depressionsbehandling").
 */
function healthCompound(text: string, s: number, e: number, sf: number): boolean {
  const list = sf & S.TREATMENT ? TREATMENT_SUFFIXES : PROBLEM_SUFFIXES;
  const need = sf & S.TREATMENT ? W.SPECIAL : W.PROBLEM_PREFIX;
  for (const suffix of list) {
    if (e - s - suffix.length < 3 || !endsWithWord(text, e, suffix)) continue;
    let pe = e - suffix.length;
    if (codeAt(text, pe - 1) === 0x2d) pe--;
    for (const stemEnd of [pe, pe - 1]) {
      if (stemEnd < pe && lowerCode(codeAt(text, stemEnd)) !== 0x73) continue;
      const id = words.lookup(text, s, stemEnd);
      if (id < 0 || !(words.flags[id]! & need)) continue;
      if (need === W.SPECIAL && words.payload[id]?.cls !== 'HEALTH') continue;
      return true;
    }
  }
  return false;
}

function endsWithWord(text: string, e: number, suffix: string): boolean {
  for (let k = 0; k < suffix.length; k++) if (lowerCode(codeAt(text, e - suffix.length + k)) !== suffix.charCodeAt(k)) return false;
  return true;
}

function emit(st: ScanState, type: ScanState['special'][number]['type'], start: number, end: number): void {
  st.special.push({ type, start, end, confidence: 0.8 });
}

/** A capitalised term counts when the capital comes from the sentence start, not from a heading or a name. */
function capitalisedTermOk(text: string, s: number): boolean {
  if (!isSentenceInitial(text, s)) return false;
  if (isHeadingLine(text, s)) return false;
  // At a line start it must be running text ("Demens er ..."), not a heading line ("Handicap").
  let i = s;
  while ((charClass(codeAt(text, i)) & LETTER) !== 0) i++;
  return codeAt(text, i) === 0x20 && (charClass(codeAt(text, i + 1)) & UPPER) === 0 && (charClass(codeAt(text, i + 1)) & LETTER) !== 0;
}

/** A short line with no sentence punctuation at a line start: a heading or a department ("Handicap og Psykiatri"). */
function isHeadingLine(text: string, s: number): boolean {
  let b = s - 1;
  while (b >= 0 && (codeAt(text, b) === 0x20 || codeAt(text, b) === 0x09)) b--;
  if (b >= 0 && codeAt(text, b) !== 0x0a) return false;
  let i = s;
  while (i < text.length && i - s < 60) {
    const c = codeAt(text, i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c === 0x2e || c === 0x21 || c === 0x3f) return false;
    i++;
  }
  return i >= text.length;
}

// The person may be the one written to or writing ("Du har leddegigt", "jeg er sygemeldt med stress"), or one
// spoken of by role or relation ("sønnen", "min mor", "vedkommende").
const PERSON_REFERENCE =
  /(?:^|[^\p{L}])(?:borgeren|patienten|ansøgeren|eleven|barnet|drengen|pigen|medarbejderen|kollegaen|kollegen|beboeren|klienten|brugeren|personen|vedkommende|sønnen|datteren|moren|faren|manden|kvinden|ægtefællen|hustruen|forælderen|hun|han|hendes|hans|du|dig|din|dit|dine|jeg|mig|min|mit|mine)(?![\p{L}])/iu;
const CONDITIONAL = /(?:^|[^\p{L}])(?:når|hvis|om|såfremt|fx|eksempelvis|kan|skal|bør)(?![\p{L}])/iu;

/**
 * Whether the sentence before a term at `start` speaks of a person without naming one ("Borgeren har
 * diabetes.", "Han får Furix."), and not of a case in general ("når borgeren har nedsat hørelse").
 */
export function spokenOf(text: string, start: number): boolean {
  let a = start;
  while (a > 0 && start - a < 200) {
    const c = codeAt(text, a - 1);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) break;
    a--;
  }
  const before = text.slice(a, start);
  return PERSON_REFERENCE.test(before) && !CONDITIONAL.test(before);
}

const ADVICE_PLACE = /(?:bisidder|repræsentant|tillidsmand|medbringe|tage [^.!?\n]{0,80}\bmed\b|tage [^.!?\n]{0,40}\bmed\b)/iu;
const ADDRESSED = /(?:^|[^\p{L}])(?:du|dig|din|dit|I|jer|jeres)(?![\p{L}])/u;

/**
 * A union named in standard advice to bring someone along ("Du er velkommen til at tage en bisidder med, fx
 * fra din fagforening (FOA, HK eller 3F)") says nothing about anyone's membership.
 */
export function unionInAdvice(text: string, start: number): boolean {
  let a = start;
  while (a > 0 && start - a < 300) {
    const c = codeAt(text, a - 1);
    if (c === 0x21 || c === 0x3f || (c === 0x2e && codeAt(text, a) === 0x20) || (c === 0x0a && codeAt(text, a - 2) === 0x0a)) break;
    a--;
  }
  let b = start;
  while (b < text.length && b - start < 300) {
    const c = codeAt(text, b);
    if (c === 0x21 || c === 0x3f || (c === 0x2e && (b + 1 >= text.length || codeAt(text, b + 1) === 0x20 || codeAt(text, b + 1) === 0x0a)) || c === 0x0a) break;
    b++;
  }
  const sentence = text.slice(a, b);
  return ADVICE_PLACE.test(sentence) && ADDRESSED.test(sentence);
}

const NAME_LIKE = W.FIRST | W.SURNAME | W.ORG | W.TOWN | W.STOP | W.ROLE | W.STREET_WORD | W.GENERIC | W.NEGATION;
const TREATED_FOR = /(?:behandling for|behandles for|behandlet for|diagnosticeret med|opereret for|sygemeldt (?:med|pga\.?|på grund af))(?: (?:en|et|svær|svært|kronisk))? (\p{Ll}[\p{L}-]{3,})/uy;
const STARTED_ON = /(?:startet (?:op )?på|sat (?:op )?på|skiftet til|får|tager|fået|ordineret)(?: (?:sin|sit|nu|også|stadig|fortsat|dagligt))? (\p{Lu}\p{Ll}[\p{L}-]{2,})/uy;
// Weight lost: "tabt 6 kg", "tabt sig 8 kg", "tabt 2,5 kilo".
const LOST_WEIGHT = /tabt (?:sig )?\d+(?:,\d+)? (?:kg|kilo)(?![\p{L}])/uy;
const NEGATED_BEFORE = /(?:^|[^\p{L}])(?:ikke|ingen|aldrig|hverken|uden)(?: \p{L}+)? ?$/iu;

/**
 * Drugs and conditions the lexicon does not know, found by the treatment phrase around them: "i behandling
 * for <x>", "sygemeldt med <x>", "startet på <Brand>", "får <Brand>", "<x> 20 mg". Words that are names,
 * organisations, places or function words are left alone ("får Mette til at ...", "startet på et kursus").
 * Tried only where the scan loop saw a cue word, with sticky expressions, so text without cues costs nothing.
 */
export function treatmentPhrases(st: ScanState): void {
  const text = st.text;
  for (const cue of st.treatCues) {
    let s = -1;
    let e = -1;
    if (isDigitAt(text, cue - 1) || (codeAt(text, cue - 1) === 0x20 && isDigitAt(text, cue - 2))) {
      // "Benzoril 20 mg", "Furix 2,5 mg": back over the number to the word before it.
      let k = cue - 1;
      if (codeAt(text, k) === 0x20) k--;
      while (k >= 0 && (isDigitAt(text, k) || codeAt(text, k) === 0x2c || codeAt(text, k) === 0x2e)) k--;
      if (codeAt(text, k) !== 0x20) continue;
      e = k;
      s = prevWordStart(text, e);
      if (s < 0 || e - s < 4) continue;
    } else if (text.startsWith('tabt', cue)) {
      LOST_WEIGHT.lastIndex = cue;
      const m = LOST_WEIGHT.exec(text);
      if (m && !NEGATED_BEFORE.test(text.slice(Math.max(0, cue - 30), cue))) emit(st, 'HEALTH', cue, cue + m[0].length);
      continue;
    } else {
      for (const re of [TREATED_FOR, STARTED_ON]) {
        re.lastIndex = cue;
        const m = re.exec(text);
        if (!m) continue;
        const word = m[1]!;
        s = m.index + m[0].length - word.length;
        e = s + word.length;
        break;
      }
      if (s < 0) continue;
    }
    if (words.flagsOf(text, s, e) & NAME_LIKE) continue;
    if (lexicon.suffixes.match(text, s, e) & (S.ORG | S.STREET | S.ROLE | S.SURNAME_LIKE)) continue; // "startet på Tåsingeskolen"
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, cue - 30), cue))) continue; // "har ikke fået Furix"
    emit(st, 'HEALTH', s, e);
  }
}

const HEALTH_MODIFIERS = new Set(
  `kronisk kroniske arvelig arvelige medfødt medfødte infantil paranoid diabetisk inkomplet komplet vaskulær reumatoid
  spinal generel lokal`.split(/\s+/),
);
const HEALTH_HEADS_AFTER = new Set(`episode episoder tilstand tilstande medicin behandling`.split(' '));

/**
 * The whole key phrase of a health term: an adjective that names the kind of condition ("diabetisk neuropati",
 * "infantil autisme"; not severity words, which the annotated corpora leave outside), a type letter
 * ("hepatitis C") or a head noun ("psykotisk episode", "blodfortyndende medicin"). A body part after the term
 * stays outside the span, as in the annotated corpora.
 */
export function extendHealth(text: string, c: { start: number; end: number }): void {
  const ps = prevWordStart(text, c.start - 1);
  if (ps >= 0 && codeAt(text, c.start - 1) === 0x20 && HEALTH_MODIFIERS.has(text.slice(ps, c.start - 1).toLowerCase())) c.start = ps;
  const w1 = nextWord(text, c.end);
  if (!w1 || codeAt(text, c.end) !== 0x20) return;
  const word1 = text.slice(w1[0], w1[1]);
  if (word1.length === 1 && word1 >= 'A' && word1 <= 'E') {
    c.end = w1[1];
    return;
  }
  if (HEALTH_HEADS_AFTER.has(word1)) {
    c.end = w1[1];
    return;
  }
}

/** Merges health spans that stand right next to each other ("paranoid skizofreni"). */
export function joinHealth(list: { type: string; start: number; end: number }[], text: string): void {
  for (let i = list.length - 1; i > 0; i--) {
    const a = list[i - 1]!;
    const b = list[i]!;
    if (a.type === 'HEALTH' && b.type === 'HEALTH' && b.start === a.end + 1 && codeAt(text, a.end) === 0x20) {
      a.end = b.end;
      list.splice(i, 1);
    }
  }
}

function isDigitAt(text: string, i: number): boolean {
  const c = codeAt(text, i);
  return c >= 0x30 && c <= 0x39;
}

function isPlainWord(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if ((charClass(codeAt(text, i)) & LETTER) === 0) return false;
  return true;
}

/** Start of the word ending at `end` (exclusive), or -1 when there is none. */
function prevWordStart(text: string, end: number): number {
  let i = end;
  while (i > 0 && (charClass(codeAt(text, i - 1)) & LETTER) !== 0) i--;
  return i < end ? i : -1;
}

function endsWithSk(text: string, s: number, e: number): boolean {
  if (e - s < 4 || (charClass(codeAt(text, s)) & UPPER) !== 0) return false;
  const last = lowerCode(codeAt(text, e - 1));
  const end = last === 0x65 ? e - 1 : e; // -ske
  return lowerCode(codeAt(text, end - 2)) === 0x73 && lowerCode(codeAt(text, end - 1)) === 0x6b;
}

/** Next word after `pos` on the same clause: [start, end], or null at punctuation or line end. */
function nextWord(text: string, pos: number): [number, number] | null {
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

function wordIs(text: string, [s, e]: [number, number], word: string): boolean {
  if (e - s !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(codeAt(text, s + k)) !== word.charCodeAt(k)) return false;
  return true;
}

function matchPhrase(st: ScanState, s: number, e: number, id: number, upper: boolean, blocked: boolean): number {
  const text = st.text;
  // "ondt i <kropsdel>"
  if (id === lexicon.ondt) {
    const w1 = nextWord(text, e);
    const w2 = w1 && wordIs(text, w1, 'i') ? nextWord(text, w1[1]) : null;
    if (w2 && words.flagsOf(text, w2[0], w2[1]) & W.BODY_PART) {
      if (!blocked) emit(st, 'HEALTH', s, w2[1]);
      return w2[1];
    }
    return -1;
  }
  const list = phrases.get(id);
  if (!list) return -1;
  let best = -1;
  let bestCls: ScanState['special'][number]['type'] = 'HEALTH';
  for (const p of list) {
    if (upper && !p.proper && !capitalisedTermOk(text, s)) continue;
    let pos = e;
    let ok = true;
    for (const w of p.rest) {
      const nw = nextWord(text, pos);
      if (!nw || !wordIs(text, nw, w)) {
        ok = false;
        break;
      }
      pos = nw[1];
    }
    if (ok && pos > best) {
      best = pos;
      bestCls = p.cls;
    }
  }
  if (best > 0) {
    if (!blocked) emit(st, bestCls, s, bestCls === 'UNION' ? unionEnd(text, best) : best);
    return best;
  }
  return -1;
}

/** "3F Kolding", "FOA Aarhus": a union name takes a following town. */
export function unionEnd(text: string, e: number): number {
  if (codeAt(text, e) !== 0x20 || (charClass(codeAt(text, e + 1)) & UPPER) === 0) return e;
  let i = e + 1;
  while ((charClass(codeAt(text, i)) & LETTER) !== 0) i++;
  return words.flagsOf(text, e + 1, i) & W.TOWN ? i : e;
}

/**
 * Extends a criminal-law word over "for <offence>" ("dømt for vold", "bøde for besiddelse af hash"), looking
 * at most six words ahead for "for" (one for the words that need it). With `needFor`, returns -1 when there is no "for".
 */
function offenceEnd(text: string, e: number, needFor: boolean): number {
  let pos = e;
  for (let k = 0; k < (needFor ? 2 : 7); k++) {
    const w = nextWord(text, pos);
    if (!w || words.flagsOf(text, w[0], w[1]) & W.NEGATION) break;
    pos = w[1];
    if (wordIs(text, w, 'for')) {
      let end = -1;
      for (let m = 0; m < 5; m++) {
        const o = nextWord(text, pos);
        if (!o || words.flagsOf(text, o[0], o[1]) & W.OFFENCE_STOP) break;
        end = pos = o[1];
      }
      return end > 0 ? end : needFor ? -1 : e;
    }
  }
  return needFor ? -1 : e;
}

import { PROBLEM_SUFFIXES, TREATMENT_SUFFIXES } from '../gazetteer/special.js';
import { CustomHead, S, SpecialKind, W, lexicon } from '../lexicon.js';
import * as chars from '../text/chars.js';
import * as nearby from '../text/nearby-words.js';
import { type ScanState, isSentenceInitial } from '../scan-state.js';
import { MEMBER_BEFORE } from './special-spans.js';
import {
  aidInUse,
  continuesHealthList,
  criminalAct,
  criminalCase,
  directFinding,
  isOffenceWord,
  fallEnd,
  findingStart,
  injuryEnd,
  locationEnd,
  poorEnd,
  reducedEnd,
  scoreEnd,
  substanceUse,
  unitsStart,
} from './findings.js';

const { words, phrases } = lexicon;
// Local copies: imported bindings are property reads under a CommonJS transform (see scan.ts).
const { RangeSet, nextWord, prevWord, wordIs } = nearby;
const { LETTER, UPPER, charClass, codeAt, lowerCode } = chars;

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
  let blocked = st.wordCount - st.blockerAt < 3 || s < st.conditionalEnd;
  if (blocked && (flags & (W.SPECIAL | W.PHRASE_HEAD) || termSuffixFlags !== 0)) st.blockerAt = st.wordCount;
  // "har ikke fået sin insulin", "har ikke brugt heroin siden maj": what the person has not taken or done
  // since a time is still theirs.
  if (blocked && st.blockerIkke && flags & W.SPECIAL && (possessiveBefore(text, s) || sidenAfter(text, e))) blocked = false;
  if (flags & W.PHRASE_HEAD && matchPhrase(st, s, e, id, upper, blocked) > 0) return;
  // "kronisk træthed": the qualified condition, when it is not a known term anyway.
  if (st.chronicEnd === s - 1 && codeAt(text, s - 1) === 0x20 && !(flags & W.SPECIAL) && termSuffixFlags === 0 && !upper) {
    if (!(st.wordCount - st.blockerAt < 4)) emit(st, 'HEALTH', st.chronicStart, e);
    return;
  }
  if (flags & W.SPECIAL) {
    listedTerm(st, s, e, id, upper, blocked);
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
    // "kurdisk af herkomst": the adjective of origin before "af <head>".
    else if (ps >= 0 && flags & W.ETHNIC_HEAD && wordIs(text, [ps, s - 1], 'af')) {
      const as = codeAt(text, ps - 1) === 0x20 ? prevWordStart(text, ps - 1) : -1;
      if (as >= 0 && endsWithSk(text, as, ps - 1)) emit(st, 'ETHNICITY', as, e);
    }
  }
}

/** A word of the lexicon's special vocabulary, by its kind (a term, a brand, an aid, a finding ...). */
function listedTerm(st: ScanState, s: number, e: number, id: number, upper: boolean, blocked: boolean): void {
  const text = st.text;
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
      if (!blocked && text.startsWith(info.exact!, s) && e - s === info.exact!.length) emit(st, 'UNION', localBranchStart(text, s), unionEnd(text, e));
      break;
    case SpecialKind.Criminal:
      if (capOk && !blocked) emit(st, 'CRIMINAL', s, offenceEnd(text, e, false));
      break;
    case SpecialKind.CriminalFor: {
      const oe = capOk && !blocked ? offenceEnd(text, e, true) : -1;
      if (oe > e) emit(st, 'CRIMINAL', s, oe);
      break;
    }
    case SpecialKind.Aid:
      if (capOk && !blocked && (aidInUse(text, s) || continuesHealthList(text, lastHealthEnd(st), s))) emit(st, 'HEALTH', s, e);
      break;
    case SpecialKind.Finding: {
      const le = capOk && !blocked ? locationEnd(text, e, directFinding(text, s, e)) : -1;
      if (le > 0) emit(st, 'HEALTH', findingStart(text, s), le);
      break;
    }
    case SpecialKind.Substance: {
      const use = capOk && !blocked ? substanceUse(text, s) : null;
      if (use) emit(st, use.type, use.start, e);
      // "20-25 genstande og kokain i weekenderne": a substance listed after the person's use of another.
      else if (capOk && !blocked && continuesHealthList(text, lastHealthEnd(st), s)) emit(st, 'HEALTH', s, e);
      break;
    }
    case SpecialKind.CriminalAct: {
      const act = capOk && !blocked ? criminalAct(text, s, e) : null;
      if (act) emit(st, 'CRIMINAL', act[0], act[1]);
      break;
    }
    case SpecialKind.CaseWord: {
      const c = !blocked ? criminalCase(text, s, e) : null;
      if (c) emit(st, 'CRIMINAL', c[0], c[1]);
      break;
    }
  }
}

/** "sin insulin", "sit inhalationsmiddel", "sine piller": the term is the person's own. */
function possessiveBefore(text: string, s: number): boolean {
  const w = codeAt(text, s - 1) === 0x20 ? prevWord(text, s) : null;
  return !!w && (wordIs(text, w, 'sin') || wordIs(text, w, 'sit') || wordIs(text, w, 'sine'));
}

/** "siden maj" within the next three words: not since a time, so before it. */
function sidenAfter(text: string, e: number): boolean {
  let pos = e;
  for (let k = 0; k < 3; k++) {
    const w = nextWord(text, pos);
    if (!w) return false;
    if (wordIs(text, w, 'siden')) return true;
    pos = w[1];
  }
  return false;
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

function lastHealthEnd(st: ScanState): number {
  const last = st.special[st.special.length - 1];
  return last && last.type === 'HEALTH' ? last.end : -1;
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
  if (MEMBER_BEFORE.test(text.slice(Math.max(0, start - 30), start))) return false; // "Du er medlem af 3F, og ..."
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
// "lider af migræne", "smittet med MRSA", "henvist til udredning for Tourette", "fået konstateret diabetes" (but
// not "der er konstateret skimmelsvamp i lejligheden": a finding about a home, not a person).
const CONDITION_OF =
  /(?:lider af|lidende af|smittet med|udredning for|udredt for|udredes for|(?:fået|fik) konstateret)(?: (?:en|et|svær|svært|kronisk|kroniske|let|lettere|moderat|begyndende))? (\p{L}[\p{L}-]{2,})/uy;
const CONDITION_HEAD_WORD = /^(?:sygdom|syndrom|lidelse|stær|parese|sklerose)/u;
const NOT_A_CONDITION = new RangeSet(['mangel', 'manglende', 'dette', 'flere', 'mange', 'nogle', 'noget', 'ingen', 'ikke', 'hvad', 'hvilke', 'alle', 'at']);
const STARTED_ON = /(?:startet (?:op )?på|sat (?:op )?på|skiftet til|får|tager|fået|ordineret)(?: (?:sin|sit|nu|også|stadig|fortsat|dagligt))? (\p{Lu}\p{Ll}[\p{L}-]{2,})/uy;
// Weight lost: "tabt 6 kg", "tabt sig 8 kg", "tabt 2,5 kilo".
const LOST_WEIGHT = /(?:tabt (?:sig )?\d+(?:,\d+)? (?:kg|kilo)|taget \d+(?:,\d+)? (?:kg|kilo) på)(?![\p{L}])/uy;
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
    } else if (text.startsWith('tabt', cue) || text.startsWith('taget', cue)) {
      LOST_WEIGHT.lastIndex = cue;
      const m = LOST_WEIGHT.exec(text);
      if (m && !NEGATED_BEFORE.test(text.slice(Math.max(0, cue - 30), cue))) emit(st, 'HEALTH', cue, cue + m[0].length);
      continue;
    } else {
      for (const re of [TREATED_FOR, CONDITION_OF, STARTED_ON]) {
        re.lastIndex = cue;
        const m = re.exec(text);
        if (!m) continue;
        const word = m[1]!;
        s = m.index + m[0].length - word.length;
        e = s + word.length;
        if (re === CONDITION_OF) {
          if (NOT_A_CONDITION.has(text, s, e)) s = -1;
          // "konstateret nefrotisk syndrom", "lider af Huntingtons sygdom": the head word belongs to the name.
          const head = nextWord(text, e);
          if (head && codeAt(text, e) === 0x20 && CONDITION_HEAD_WORD.test(text.slice(head[0], head[1]))) e = head[1];
        }
        break;
      }
      if (s < 0) continue;
    }
    if (words.flagsOf(text, s, e) & NAME_LIKE) continue;
    if (isOffenceWord(text, s, e)) continue; // "dom til behandling for trusler": the offence, not a condition
    if (lexicon.suffixes.match(text, s, e) & (S.ORG | S.STREET | S.ROLE | S.SURNAME_LIKE)) continue; // "startet på Tåsingeskolen"
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, cue - 30), cue))) continue; // "har ikke fået Furix"
    emit(st, 'HEALTH', s, e);
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

/** Start and end of the words read after a phrase head (no phrase is longer than 16 words). */
const PHRASE_WORDS = new Int32Array(32);

function matchPhrase(st: ScanState, s: number, e: number, id: number, upper: boolean, blocked: boolean): number {
  const text = st.text;
  const list = phrases.get(id);
  let best = -1;
  let bestCls: ScanState['special'][number]['type'] = 'HEALTH';
  let bestWords = 0;
  if (list) {
    // The words after the head, read once for all the head's phrases (a head may start dozens of them).
    let read = 0;
    const next = (k: number): [number, number] | null => {
      while (read <= k) {
        const nw = nextWord(text, read === 0 ? e : PHRASE_WORDS[2 * read - 1]!);
        if (!nw) return null;
        PHRASE_WORDS[2 * read] = nw[0];
        PHRASE_WORDS[2 * read + 1] = nw[1];
        read++;
      }
      return [PHRASE_WORDS[2 * k]!, PHRASE_WORDS[2 * k + 1]!];
    };
    for (const p of list) {
      if (upper && !p.proper && !capitalisedTermOk(text, s)) continue;
      let pos = e;
      let ok = true;
      for (let k = 0; k < p.rest.length; k++) {
        const nw = next(k);
        // A capitalised word after the head makes an institution's name ("indlagt på Psykiatrisk Afdeling").
        if (!nw || !wordIs(text, nw, p.rest[k]!) || (!p.proper && (charClass(codeAt(text, nw[0])) & UPPER) !== 0)) {
          ok = false;
          break;
        }
        pos = nw[1];
      }
      if (ok && pos > best) {
        best = pos;
        bestCls = p.cls;
        bestWords = p.rest.length;
      }
    }
  }
  if (best > 0) {
    // "betinget dom på 4 måneder for indbrud": a sentence takes its offence.
    if (!blocked) emit(st, bestCls, s, bestCls === 'UNION' ? unionEnd(text, best) : bestCls === 'CRIMINAL' ? offenceEnd(text, best, false) : best);
    // A blocked phrase carries the scope past its own words ("borgere med Parkinsons sygdom og demens").
    else st.blockerAt = st.wordCount + bestWords;
    return best;
  }
  const kind = lexicon.custom.get(id);
  if (kind === undefined || (upper && !capitalisedTermOk(text, s))) return -1;
  let start = s;
  let end = -1;
  switch (kind) {
    case CustomHead.Ondt:
      end = locationEnd(text, e);
      break;
    case CustomHead.Fall:
      end = fallEnd(text, e);
      break;
    case CustomHead.Reduced:
      end = reducedEnd(text, e);
      break;
    case CustomHead.Poor:
      end = poorEnd(text, e);
      break;
    case CustomHead.Injury:
      end = injuryEnd(text, e);
      break;
    case CustomHead.Score:
      end = scoreEnd(text, e);
      break;
    case CustomHead.Units:
      start = unitsStart(text, s);
      end = start >= 0 ? e : -1;
      break;
  }
  if (end < 0) return -1;
  if (!blocked) emit(st, 'HEALTH', start, end);
  return end;
}

/**
 * Conditions named after a person or by a clinical adjective: "<Name>s sygdom/syndrom" ("Bechterews sygdom",
 * "Ushers syndrom", "Menières sygdom"), "<Name>s <x>dystrofi" ("Duchennes muskeldystrofi") and
 * "<adjective> syndrom" ("postcommotionelt syndrom", "nefrotisk syndrom"). A productive pattern instead of a
 * list, as the rare diagnoses are many. Not "Hans sygdom", "Borgerens sygdom" (a pronoun or a genitive
 * noun at a sentence start), and not in general wording ("borgere med Parkinsons sygdom").
 */
export function namedConditions(st: ScanState): void {
  const text = st.text;
  for (const head of CONDITION_HEADS) {
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + head.length)) namedConditionAt(st, at, head);
  }
}

const CONDITION_HEADS = ['sygdom', 'syndrom', 'dystrofi'];

/** The condition whose head word contains `head` at `at`, with the name or adjective before it. */
function namedConditionAt(st: ScanState, at: number, head: string): void {
  const text = st.text;
  // The head word: "sygdom(men)", "syndrom(et)", "<x>dystrofi(en)".
  let hs = at;
  if (head === 'dystrofi') while (hs > 0 && (charClass(codeAt(text, hs - 1)) & LETTER) !== 0) hs--;
  else if ((charClass(codeAt(text, hs - 1)) & LETTER) !== 0) return;
  let he = at + head.length;
  while ((charClass(codeAt(text, he)) & LETTER) !== 0) he++;
  if (he - at - head.length > 3) return;
  const sep = codeAt(text, hs - 1);
  if (sep !== 0x20 && sep !== 0xa0) return;
  const w = prevWord(text, hs - 1);
  if (!w || w[1] !== hs - 1) return;
  const [s, nameEnd] = w;
  const name = text.slice(s, nameEnd);
  if (name.length <= 3 || covered(st, s)) return;
  const upper = (charClass(codeAt(text, s)) & UPPER) !== 0;
  if (upper ? !EPONYM.test(name) || (isSentenceInitial(text, s) && /(?:ens|ets|ernes)$/.test(name)) : !CLINICAL_ADJECTIVE.test(name)) return;
  // A listed phrase head ("psykisk sygdom", "Parkinsons sygdom") was already read, with its scope.
  if (words.flagsOf(text, s, nameEnd) & (W.STOP | W.GENERIC | W.NEGATION | W.PHRASE_HEAD)) return;
  if (blockedBefore(text, s)) dropListAfter(st, he);
  else emit(st, 'HEALTH', s, he);
}
/** A person's name in the genitive ("Bechterews", "Menières", "Sjögrens", "Legg-Calvé-Perthes'"). */
const EPONYM = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*s$/u;
/** General wording reaches on through a list: "borgere med Huntingtons sygdom og demens" says nothing of anyone. */
function dropListAfter(st: ScanState, end: number): void {
  for (let k = 0; k < st.special.length; k++) {
    const c = st.special[k]!;
    if (c.start < end || c.type !== 'HEALTH') continue;
    const gap = st.text.slice(end, c.start);
    if (gap !== ' og ' && gap !== ', ' && gap !== ' eller ') continue;
    end = c.end;
    st.special.splice(k, 1);
    k--;
  }
}
/** Clinical adjectives before "syndrom" ("postcommotionelt", "nefrotisk", "metabolisk", "myelodysplastisk"). */
const CLINICAL_ADJECTIVE = /(?:elt|isk|iskt|ær|ært)$/;

function covered(st: ScanState, s: number): boolean {
  for (const c of st.special) if (c.type === 'HEALTH' && c.start <= s && s < c.end) return true;
  return false;
}

/** A negating, generic or conditional word among the three words before, on the same clause. */
function blockedBefore(text: string, s: number): boolean {
  let pos = s;
  for (let k = 0; k < 3; k++) {
    const w = prevWord(text, pos);
    if (!w) return false;
    if (words.flagsOf(text, w[0], w[1]) & (W.NEGATION | W.GENERIC | W.CONDITIONAL)) return true;
    pos = w[0];
  }
  return false;
}

/** "3F Kolding", "FOA Aarhus": a union name takes a following town. */
export function unionEnd(text: string, e: number): number {
  if (codeAt(text, e) !== 0x20 || (charClass(codeAt(text, e + 1)) & UPPER) === 0) return e;
  // "DSR Kreds Midtjylland", "FOA Afdeling Fyn": a branch word before the region.
  if (text.startsWith('Kreds ', e + 1) || text.startsWith('Afdeling ', e + 1)) {
    const branchEnd = text.indexOf(' ', e + 1);
    const end = unionEnd(text, branchEnd);
    return end > branchEnd ? end : e;
  }
  let i = e + 1;
  while ((charClass(codeAt(text, i)) & LETTER) !== 0 || (codeAt(text, i) === 0x2d && (charClass(codeAt(text, i + 1)) & LETTER) !== 0)) i++;
  return words.flagsOf(text, e + 1, i) & W.TOWN || UNION_REGIONS.has(text, e + 1, i) ? i : e;
}

/** "Jammerbugt Lærerforening": a local teachers' union starts at the capitalised place name before it. */
function localBranchStart(text: string, s: number): number {
  if (codeAt(text, s - 1) !== 0x20 || !text.startsWith('Lærerforening', s)) return s;
  const ps = prevWordStart(text, s - 1);
  return ps >= 0 && (charClass(codeAt(text, ps)) & UPPER) !== 0 && !isSentenceInitial(text, ps) ? ps : s;
}

/** Regions that local branches of unions are named after ("FOA Sønderjylland", "3F Vestsjælland"). */
const UNION_REGIONS = new RangeSet(
  `sønderjylland nordjylland midtjylland vestjylland østjylland sydjylland vestsjælland midtsjælland sydsjælland
  nordsjælland østsjælland sjælland jylland fyn sydfyn nordfyn vestfyn bornholm lolland-falster himmerland vendsyssel
  thy salling djursland vestegnen storkøbenhavn hovedstaden trekantområdet lolland falster møn langeland ærø als
  østfyn nordvestsjælland nordvestjylland sydvestjylland sydøstjylland`.split(/\s+/),
);

/**
 * Extends a criminal-law word over "for <offence>" ("dømt for vold", "bøde for besiddelse af hash"), looking
 * at most six words ahead for "for" (four for the words that need it; an amount such as "på 18.000 kr." counts
 * as one). With `needFor`, returns -1 when there is no "for".
 */
function offenceEnd(text: string, e: number, needFor: boolean): number {
  let pos = e;
  for (let k = 0; k < (needFor ? 4 : 7); k++) {
    const w = nextWord(text, pos);
    if (!w || words.flagsOf(text, w[0], w[1]) & W.NEGATION) break;
    pos = isDigitAt(text, w[0]) ? amountEnd(text, w[1]) : w[1];
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

/** Past the rest of a number ("18.000", "2,5") and a currency after it ("kr.", "kroner"). */
function amountEnd(text: string, pos: number): number {
  let i = pos;
  while ((codeAt(text, i) === 0x2e || codeAt(text, i) === 0x2c) && isDigitAt(text, i + 1)) {
    i++;
    while (isDigitAt(text, i)) i++;
  }
  if (text.startsWith(' kr.', i)) return i + 4;
  if (text.startsWith(' kr', i) && !(charClass(codeAt(text, i + 3)) & LETTER)) return i + 3;
  if (text.startsWith(' kroner', i)) return i + 7;
  return i;
}

import {
  AID_CUES,
  AID_GRANT_WORDS,
  AID_FILLERS,
  CASE_FILLERS,
  COUNT_WORDS,
  FALL_TIMES,
  FINDING_MODIFIERS,
  NOT_REDUCED_FUNCTION,
  OFFENCES,
  REDUCED_FUNCTION_ENDINGS,
  SIDE_WORDS,
  SUBSTANCE_TRADE_VERBS,
  SUBSTANCE_USE_VERBS,
} from '../gazetteer/findings.js';
import { type SpecialInfo, SpecialKind, W, lexicon } from '../lexicon.js';
import * as chars from '../text/chars.js';
import * as nearby from '../text/nearby-words.js';

// Local copies: imported bindings are property reads under a CommonJS transform (see scan.ts).
const codeAt = chars.codeAt;
const { RangeSet, isNumberRange, nextWord, prevWord, rangeEndsWith, wordIs } = nearby;

/**
 * Health information told as an event, a use or a finding rather than named ("faldet i nat", "går med
 * rollator", "hævelse i anklen", "ryger hash"), and criminal acts told as verbs or cases ("har solgt hash",
 * "en verserende sag om vold"). Each rule reads only the few words around a word the lexicon marked, so text
 * without such words costs nothing. Spans follow the annotated corpora: the key phrase with its body part.
 */

const { words } = lexicon;
const AID_CUE = new RangeSet(AID_CUES);
const AID_FILLER = new RangeSet(AID_FILLERS);
const AID_GRANT = new RangeSet(AID_GRANT_WORDS);
const SIDE = new RangeSet(SIDE_WORDS);
const LOCATION_PREPOSITION = new RangeSet(['på', 'i', 'ved', 'over', 'under', 'omkring']);
/** Findings that are verbs and take the body part without a preposition ("brækket venstre arm"). */
const DIRECT_FINDING = new RangeSet(['brækket', 'brækkede', 'forvredet', 'vrikket', 'forstuvet', 'forstuvede', 'fjernet', 'amputeret']);
const FINDING_MODIFIER = new RangeSet(FINDING_MODIFIERS);
const FALL_TIME = new RangeSet(FALL_TIMES);
const COUNT = new RangeSet(COUNT_WORDS);
const NOT_REDUCED = new RangeSet(NOT_REDUCED_FUNCTION);
const USE_VERB = new RangeSet(SUBSTANCE_USE_VERBS);
const TRADE_VERB = new RangeSet(SUBSTANCE_TRADE_VERBS);
const OFFENCE = new RangeSet(OFFENCES);

/** Whether text[s, e) names an offence ("vold", "butikstyveri", "spirituskørsel"). */
export function isOffenceWord(text: string, s: number, e: number): boolean {
  return isOffence(text, s, e);
}
const CASE_FILLER = new RangeSet(CASE_FILLERS);
/** Functions that are not body parts but can be "dårlig" ("dårligt syn", "dårligt helbred"). */
const POOR_FUNCTION = new RangeSet(['syn', 'synet', 'hørelse', 'hørelsen', 'balance', 'balancen', 'helbred', 'helbredet', 'kredsløb', 'hukommelse']);
/** Words that may stand between a verb and the substance ("ryger stadig hash", "handlet med hash"). */
const SUBSTANCE_FILLER = new RangeSet(['ikke', 'også', 'stadig', 'fortsat', 'dagligt', 'daglige', 'igen', 'lidt', 'noget', 'meget', 'med', 'af', 'en', 'et', 'for', 'om', 'cirka', 'ca', 'par', 'halv', 'hel', 'flaske', 'flasker', 'kasse', 'kasser', 'glas', 'dåser', 'dåse', 'liter', 'to', 'tre', 'fire', 'fem', 'seks', 'mange']);
const PASSIVE = new RangeSet(['blevet', 'bliver', 'blev', 'er', 'var', 'en', 'et', 'den', 'det', 'de']);
const NOT_AN_OFFENCE = new RangeSet(['selvmord', 'selvmordsforsøg', 'fejl', 'en', 'et']);

function infoAt(text: string, s: number, e: number): SpecialInfo | undefined {
  const id = words.lookup(text, s, e);
  return id >= 0 ? words.payload[id] : undefined;
}

function isBodyPart(text: string, s: number, e: number): boolean {
  return (words.flagsOf(text, s, e) & W.BODY_PART) !== 0;
}

/**
 * Whether the clause before an aid at `s` says that the person uses it or is to have it ("bruger
 * høreapparat", "sidder i kørestol", "kan kun gå 20 meter med rullator", "skal have plejeseng og lift").
 * Only articles, adverbs, other aids and list words may stand between the cue and the aid, so "søgt om en
 * kørestol", "levering af plejeseng" and "en bil med lift" do not count.
 */
export function aidInUse(text: string, s: number): boolean {
  let pos = s;
  for (let k = 0; k < 7; k++) {
    const w = prevWord(text, pos, true);
    if (!w) return grantedList(text, pos);
    if (AID_CUE.has(text, w[0], w[1])) return !negatedBefore(text, w[0]);
    if (!AID_FILLER.has(text, w[0], w[1]) && !isNumberRange(text, w[0], w[1]) && infoAt(text, w[0], w[1])?.kind !== SpecialKind.Aid) return false;
    pos = w[0];
  }
  return false;
}

/**
 * An aid that opens an item of a list of granted aids: after "Udleverede hjælpemidler: " on its line, or on a
 * "- " line under "Vi bevilger efter servicelovens § 116:" (other items of the list may stand between).
 */
function grantedList(text: string, pos: number): boolean {
  let i = pos;
  while (codeAt(text, i - 1) === 0x20) i--;
  const c = codeAt(text, i - 1);
  if (c === 0x3a) return grantLine(text, i - 1);
  if (c !== 0x2d && c !== 0x2022 && c !== 0x2a) return false;
  let lineStart = i - 1;
  while (codeAt(text, lineStart - 1) === 0x20) lineStart--;
  for (let k = 0; k < 12 && lineStart > 0 && codeAt(text, lineStart - 1) === 0x0a; k++) {
    const prevEnd = lineStart - 1;
    const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
    let end = prevEnd;
    while (end > prevStart && codeAt(text, end - 1) === 0x20) end--;
    if (codeAt(text, end - 1) === 0x3a) return grantLine(text, end - 1);
    let b = prevStart;
    while (codeAt(text, b) === 0x20) b++;
    const bullet = codeAt(text, b);
    if (bullet !== 0x2d && bullet !== 0x2022 && bullet !== 0x2a) return false;
    lineStart = prevStart;
  }
  return false;
}

/** Whether the text of the line before the colon at `colon` has a grant word. */
function grantLine(text: string, colon: number): boolean {
  const start = text.lastIndexOf('\n', colon - 1) + 1;
  let pos = colon;
  for (let k = 0; k < 12 && pos > start; k++) {
    let i = pos;
    while (i > start && !isLetterCode(codeAt(text, i - 1))) i--;
    const e = i;
    while (i > start && (isLetterCode(codeAt(text, i - 1)) || codeAt(text, i - 1) === 0x2d)) i--;
    if (i === e) return false;
    if (AID_GRANT.has(text, i, e)) return true;
    pos = i;
  }
  return false;
}

const isLetterCode = (c: number): boolean => (chars.charClass(c) & chars.LETTER) !== 0;

/** "kan ikke få", "ikke længere bruger": a negation within the two words before a cue. */
function negatedBefore(text: string, pos: number): boolean {
  let p = pos;
  for (let k = 0; k < 2; k++) {
    const w = prevWord(text, p);
    if (!w) return false;
    if (words.flagsOf(text, w[0], w[1]) & W.NEGATION) return true;
    p = w[0];
  }
  return false;
}

/**
 * An aid listed right after a health term already found ("fodbehandling og kompressionsstrømper",
 * "diabetes, insulinpen"): the list is about the same person's health.
 */
export function continuesHealthList(text: string, lastEnd: number, s: number): boolean {
  if (lastEnd < 0 || s - lastEnd > 8) return false;
  const gap = text.slice(lastEnd, s);
  return gap === ' og ' || gap === ', ' || gap === ' eller ' || gap === ' samt ';
}

/**
 * End of the body part right after a finding: "på|i|ved [venstre|begge|den ...] <body part>" ("hævelse i
 * anklen", "sår på venstre fod", "smerter i begge hænder"); -1 when none follows.
 */
export function locationEnd(text: string, e: number, direct = false): number {
  const p = nextWord(text, e);
  if (!p || codeAt(text, e) !== 0x20) return -1;
  // "brækket venstre arm", "forvredet anklen": a verb takes the body part as its object.
  let w: [number, number] | null = p;
  if (!(direct && (SIDE.has(text, p[0], p[1]) || isBodyPart(text, p[0], p[1])))) {
    if (!LOCATION_PREPOSITION.has(text, p[0], p[1])) return -1;
    w = nextWord(text, p[1]);
  }
  for (let k = 0; w && k < 2 && SIDE.has(text, w[0], w[1]); k++) w = nextWord(text, w[1]);
  if (!w || !isBodyPart(text, w[0], w[1])) return -1;
  // "i arme og ben", "i nakke og skuldre": two body parts joined.
  const og = nextWord(text, w[1]);
  if (og && wordIs(text, og, 'og')) {
    const w2 = nextWord(text, og[1]);
    if (w2 && isBodyPart(text, w2[0], w2[1])) return w2[1];
  }
  return w[1];
}

/** Whether the finding at text[s, e) is a verb that takes the body part as object ("brækket armen"). */
export function directFinding(text: string, s: number, e: number): boolean {
  return DIRECT_FINDING.has(text, s, e);
}

/** Start of a finding with the adjective that belongs to it ("sovende fornemmelse", "betændt sår"). */
export function findingStart(text: string, s: number): number {
  const w = codeAt(text, s - 1) === 0x20 ? prevWord(text, s) : null;
  return w && FINDING_MODIFIER.has(text, w[0], w[1]) ? w[0] : s;
}

/** "faldet i nat", "faldt i badeværelset", "faldet fire gange", "faldet ud af sengen": end, or -1. */
export function fallEnd(text: string, e: number): number {
  const w1 = nextWord(text, e);
  if (!w1) return -1;
  if (wordIs(text, w1, 'i') || wordIs(text, w1, 'på') || wordIs(text, w1, 'om')) {
    const w2 = nextWord(text, w1[1]);
    return w2 && FALL_TIME.has(text, w2[0], w2[1]) ? w2[1] : -1;
  }
  if (wordIs(text, w1, 'ud')) {
    const w2 = nextWord(text, w1[1]);
    const w3 = w2 && wordIs(text, w2, 'af') ? nextWord(text, w2[1]) : null;
    return w3 ? w3[1] : -1;
  }
  if (wordIs(text, w1, 'hjemme') || wordIs(text, w1, 'derhjemme')) return w1[1];
  if (COUNT.has(text, w1[0], w1[1]) || isNumberRange(text, w1[0], w1[1])) {
    const w2 = nextWord(text, w1[1]);
    return w2 && (wordIs(text, w2, 'gange') || wordIs(text, w2, 'gang')) ? w2[1] : -1;
  }
  return -1;
}

/** "nedsat reaktionsevne", "nedsat lungefunktion": a reduced function of body or mind; end, or -1. */
export function reducedEnd(text: string, e: number): number {
  const w = nextWord(text, e);
  if (!w || NOT_REDUCED.has(text, w[0], w[1])) return -1;
  for (const ending of REDUCED_FUNCTION_ENDINGS) if (rangeEndsWith(text, w[0], w[1], ending)) return w[1];
  return -1;
}

/** "dårlige knæ", "dårlig ryg", "dårligt syn", "hævede ben", "stiv nakke": end, or -1. */
export function poorEnd(text: string, e: number): number {
  const w = nextWord(text, e);
  if (!w || codeAt(text, e) !== 0x20) return -1;
  return isBodyPart(text, w[0], w[1]) || POOR_FUNCTION.has(text, w[0], w[1]) ? w[1] : -1;
}

/** "kom til skade", "kommet til skade med hånden": end, or -1. */
export function injuryEnd(text: string, e: number): number {
  const w1 = nextWord(text, e);
  const w2 = w1 && wordIs(text, w1, 'til') ? nextWord(text, w1[1]) : null;
  if (!w2 || !wordIs(text, w2, 'skade')) return -1;
  const w3 = nextWord(text, w2[1]);
  if (w3 && (wordIs(text, w3, 'med') || wordIs(text, w3, 'i') || wordIs(text, w3, 'på'))) {
    let w4 = nextWord(text, w3[1]);
    for (let k = 0; w4 && k < 2 && SIDE.has(text, w4[0], w4[1]); k++) w4 = nextWord(text, w4[1]);
    if (w4 && isBodyPart(text, w4[0], w4[1])) return w4[1];
  }
  return w2[1];
}

const DRINK_BEFORE = /(?:^|[^\p{L}])(?:drikker|drukket|drak|drikke|indtager|indtaget|forbrug(?:et)?(?: på)?(?: (?:ca\.|omkring|cirka|op til))?)(?![\p{L}])/iu;

/**
 * "drukket ca. 15 genstande", "drikker 8–10 genstande": the amount of alcohol a person drinks, read back from
 * the unit at `s`; start, or -1.
 */
export function unitsStart(text: string, s: number): number {
  let w = prevWord(text, s);
  if (!w || !(isNumberRange(text, w[0], w[1]) || COUNT.has(text, w[0], w[1]))) return -1;
  let start = w[0];
  // "8–10": a range.
  const d = codeAt(text, start - 1);
  if ((d === 0x2013 || d === 0x2d) && isNumberRange(text, start - 2, start - 1)) {
    w = prevWord(text, start - 1);
    if (w) start = w[0];
  }
  if (text.startsWith('ca. ', start - 4)) start -= 4;
  return DRINK_BEFORE.test(text.slice(Math.max(0, start - 40), start)) ? start : -1;
}

/** "scorer 14 på EPDS": a test result; end, or -1. */
export function scoreEnd(text: string, e: number): number {
  const n = nextWord(text, e);
  if (!n || !isNumberRange(text, n[0], n[1])) return -1;
  const p = nextWord(text, n[1]);
  const t = p && (wordIs(text, p, 'på') || wordIs(text, p, 'i')) ? nextWord(text, p[1]) : null;
  return t ? t[1] : -1;
}

/**
 * A substance with the verb before it: use is health ("ryger hash dagligt", "har brugt heroin"), sale or
 * dealing an offence ("har solgt hash", "handlet med kokain"). Null without such a verb ("hash eller andre
 * stoffer" in advice).
 */
export function substanceUse(text: string, s: number): { type: 'HEALTH' | 'CRIMINAL'; start: number } | null {
  let pos = s;
  for (let k = 0; k < 3; k++) {
    const w = prevWord(text, pos);
    if (!w) return null;
    if (USE_VERB.has(text, w[0], w[1])) return { type: 'HEALTH', start: s };
    if (TRADE_VERB.has(text, w[0], w[1])) return { type: 'CRIMINAL', start: w[0] };
    // "røget 25 smøger", "drukket 2-3 sprut": an amount between the verb and the substance.
    if (!SUBSTANCE_FILLER.has(text, w[0], w[1]) && !isNumberRange(text, w[0], w[1])) return null;
    pos = w[0];
  }
  return null;
}

function isOffence(text: string, s: number, e: number): boolean {
  if (OFFENCE.has(text, s, e)) return true;
  for (const ending of ['tyveri', 'røveri', 'vold', 'bedrageri', 'kørsel', 'falsk']) if (rangeEndsWith(text, s, e, ending) && e - s > ending.length) return true;
  return false;
}

/** End of the offence phrase from the word at `w` ("vold mod en dørmand"): up to five words, to a stop word. */
function offencePhraseEnd(text: string, w: [number, number]): number {
  let end = w[1];
  let pos = w[1];
  for (let m = 0; m < 4; m++) {
    const o = nextWord(text, pos);
    if (!o || words.flagsOf(text, o[0], o[1]) & W.OFFENCE_STOP) break;
    end = pos = o[1];
  }
  return end;
}

/**
 * A criminal act with its doer ("han har stjålet", "begået indbrud"): [start, end], or null for a victim's
 * passive ("cyklen er blevet stjålet", "en stjålet knallert") and for "begået selvmord".
 */
export function criminalAct(text: string, s: number, e: number): [number, number] | null {
  if (codeAt(text, s) === 0x62 || codeAt(text, s) === 0x42) {
    // begået / begik / begår + offence
    const o = nextWord(text, e);
    if (!o || NOT_AN_OFFENCE.has(text, o[0], o[1]) || !isOffence(text, o[0], o[1])) return null;
    return [s, offencePhraseEnd(text, o)];
  }
  const p = prevWord(text, s);
  if (!p || PASSIVE.has(text, p[0], p[1])) return null;
  const o = nextWord(text, e);
  if (!o || words.flagsOf(text, o[0], o[1]) & W.OFFENCE_STOP) return [s, e];
  return [s, offencePhraseEnd(text, o)];
}

/**
 * A case about an offence ("sag kørende om vold mod en dørmand", "en verserende straffesag om vold"): the
 * span from the case word (or "verserende" before it) to the end of the offence; null for any other case.
 */
export function criminalCase(text: string, s: number, e: number): [number, number] | null {
  let w = nextWord(text, e);
  for (let k = 0; w && k < 2 && CASE_FILLER.has(text, w[0], w[1]); k++) w = nextWord(text, w[1]);
  if (!w || !(wordIs(text, w, 'om') || wordIs(text, w, 'for'))) return null;
  const o = nextWord(text, w[1]);
  if (!o || !isOffence(text, o[0], o[1])) return null;
  const p = codeAt(text, s - 1) === 0x20 ? prevWord(text, s) : null;
  return [p && CASE_FILLER.has(text, p[0], p[1]) ? p[0] : s, offencePhraseEnd(text, o)];
}

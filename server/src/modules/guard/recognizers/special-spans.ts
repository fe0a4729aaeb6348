import { RELIGION_MODIFIERS } from '../gazetteer/special.js';
import { type Candidate } from '../scan-state.js';
import * as chars from '../text/chars.js';
import * as nearby from '../text/nearby-words.js';

const codeAt = chars.codeAt;
const { RangeSet, nextWord, prevWord, wordIs } = nearby;
import { locationEnd } from './findings.js';

/**
 * After the scan: the special-category candidates of a text that is about someone get their whole key
 * phrase, neighbours that are one phrase are joined, and mentions that say nothing about a person's own
 * membership or offence are dropped (a list of unions on a committee, a second word for the same sentence).
 */

const HEALTH_MODIFIERS = new RangeSet(
  `kronisk kroniske arvelig arvelige medfødt medfødte infantil paranoid paranoide diabetisk inkomplet komplet vaskulær
  reumatoid spinal generel lokal`.split(/\s+/),
);
/**
 * Degree and kind words that the annotated corpora take into the span ("svær depression", "moderat
 * udviklingshæmning", "let hjernerystelse", "begyndende demens", "social angst", "dagligt kokainforbrug").
 */
const SEVERITY = new RangeSet(
  `svær svære moderat moderate let lette lettere begyndende betydelig betydelige omfattende alvorlig alvorlige
  social sociale dagligt daglig daglige venøs venøse motoriske vokale natlige kraftig kraftige akut akutte
  rusudløst rusudløste hashudløst føtalt`.split(/\s+/),
);
const HEALTH_HEADS_AFTER = new RangeSet(`episode episoder tilstand tilstande medicin behandling`.split(' '));
const RELIGION_MODIFIER = new RangeSet(RELIGION_MODIFIERS);

/**
 * The whole key phrase of a health term: an adjective that names its kind or degree ("diabetisk neuropati",
 * "svær depression"), a type ("hepatitis C", "diabetes type 2"), a head noun ("psykotisk episode",
 * "blodfortyndende medicin") and the body part it is on ("slidgigt i begge hofter", "tryksår på hælen").
 */
export function extendHealth(text: string, c: { start: number; end: number }): void {
  const p = codeAt(text, c.start - 1) === 0x20 ? prevWord(text, c.start) : null;
  if (p && (HEALTH_MODIFIERS.has(text, p[0], p[1]) || SEVERITY.has(text, p[0], p[1]))) c.start = p[0];
  const w1 = nextWord(text, c.end);
  if (w1 && codeAt(text, c.end) === 0x20) {
    const len = w1[1] - w1[0];
    const first = codeAt(text, w1[0]);
    if (len === 1 && first >= 0x41 && first <= 0x45) {
      c.end = w1[1];
    } else if (HEALTH_HEADS_AFTER.has(text, w1[0], w1[1])) {
      c.end = w1[1];
    } else if (wordIs(text, w1, 'type')) {
      const t = nextWord(text, w1[1]);
      if (t && t[1] - t[0] === 1 && codeAt(text, t[0]) >= 0x31 && codeAt(text, t[0]) <= 0x32) c.end = t[1];
    }
  }
  const le = locationEnd(text, c.end);
  if (le > 0) c.end = le;
}

/** A stated faith with the word that qualifies it ("praktiserende muslim", "ortodoks kristen"). */
export function extendReligion(text: string, c: { start: number; end: number }): void {
  const p = codeAt(text, c.start - 1) === 0x20 ? prevWord(text, c.start) : null;
  if (p && RELIGION_MODIFIER.has(text, p[0], p[1])) c.start = p[0];
}

/**
 * Merges health or religion spans that stand right next to each other ("paranoid skizofreni", "troende
 * muslimer"), and spans of one type that an extension made overlap ("betændt sår" and "sår på underbenet").
 * The list is sorted by start; returns the merged list (linear: a text of repeated terms is one pass).
 */
export function joinAdjacent(list: Candidate[], text: string): Candidate[] {
  if (list.length < 2) return list;
  const out: Candidate[] = [list[0]!];
  for (let i = 1; i < list.length; i++) {
    const a = out[out.length - 1]!;
    const b = list[i]!;
    const adjacent = a.type === b.type && (a.type === 'HEALTH' || a.type === 'RELIGION') && b.start === a.end + 1 && codeAt(text, a.end) === 0x20;
    if (adjacent || (a.type === b.type && b.start < a.end)) a.end = Math.max(a.end, b.end);
    else out.push(b);
  }
  return out;
}

const LIST_GAP = /^(?:,|,? og|,? eller|,? samt| \/| &)? ?$/;
/** Membership stated just before a union's name ("medlem af", "meldt sig ind i"). */
export const MEMBER_BEFORE = /(?:medlem af|medlem i|medlem hos|organiseret i|meldt (?:dig |sig )?ind i)\s*$/iu;

/**
 * Unions named one after another ("FOA, Dansk Sygeplejeråd, Ergoterapeutforeningen og HK Kommunal") are the
 * organisations on a committee or party to an agreement, not anyone's membership; only "medlem af" right
 * before the list makes it a person's. Returns the list without them.
 */
export function dropUnionLists(list: Candidate[], text: string): Candidate[] {
  let drop: Set<number> | null = null;
  for (let i = 0; i < list.length; i++) {
    if (list[i]!.type !== 'UNION') continue;
    let j = i;
    while (j + 1 < list.length && list[j + 1]!.type === 'UNION' && LIST_GAP.test(text.slice(list[j]!.end, list[j + 1]!.start))) j++;
    // "sin fagforening, FOA": the union named after the word, not a list of unions; the name is the fact.
    if (j === i + 1 && /^fagforening/iu.test(text.slice(list[i]!.start, list[i]!.end))) {
      (drop ??= new Set()).add(i);
    } else if (j > i && !MEMBER_BEFORE.test(text.slice(Math.max(0, list[i]!.start - 30), list[i]!.start))) {
      drop ??= new Set();
      for (let k = i; k <= j; k++) drop.add(k);
    }
    i = j;
  }
  return drop ? list.filter((_, k) => !drop.has(k)) : list;
}

const CONTINUATION = /^(?:,? og|,? med)(?: har| er| skal| nu| fik| får)? $/;

/**
 * A second criminal-law word that continues the sentence already found ("idømt 3 måneders fængsel for vold og
 * afsoner", "... for butikstyveri og har samfundstjeneste", "... med fodlænke") is part of the same fact, not
 * a new one: the single word is dropped.
 */
export function dropCriminalContinuations(list: Candidate[], text: string): Candidate[] {
  let prevEnd = -1;
  let out: Candidate[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c.type !== 'CRIMINAL') {
      out?.push(c);
      continue;
    }
    const single = !text.slice(c.start, c.end).includes(' ');
    if (single && prevEnd >= 0 && c.start - prevEnd <= 12 && CONTINUATION.test(text.slice(prevEnd, c.start))) {
      out ??= list.slice(0, i);
      continue;
    }
    out?.push(c);
    prevEnd = c.end;
  }
  return out ?? list;
}

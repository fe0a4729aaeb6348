import { S, W, lexicon } from '../lexicon.js';
import { type Candidate } from '../scan-state.js';
import { hashRange } from '../text/chars.js';

const { words, suffixes } = lexicon;

/**
 * First names written in lower case where only a name can stand: after a greeting ("hej bo"), after a
 * sign-off on the same or the next line ("mvh pia", "mvh\npia"), in e-mail header lines ("fra: mette"), after
 * a role label ("ekspedient: jonna"), in a slash signature at the start or the end of a line ("/jonna",
 * "kan du tage den? /bo"), and, for a name the text gives elsewhere with a capital (`known`, case-folded
 * hashes), alone on the last line ("yonas"). Capitalised names are found by names.ts.
 */
const SLOT =
  /[ \t]*(?:(?:hej|hejsa|hey|hi|kære|goddag|mvh|vh|kh|hilsen|venlig hilsen|med venlig hilsen|de bedste hilsner|bedste hilsner)[ \t,!.]*(?:\r?\n[ \t]*)?|(?:fra|til|cc|from|to):[ \t]*|\/[ \t]*)([a-zæøå][a-zæøå-]+)(?:[ \t]+([a-zæøå][a-zæøå-]+))?/dyiu;

/** First letters of the slot words, '/' and tab/space; other lines are skipped without the expression. */
const SLOT_START = new Uint8Array(128);
for (const c of 'hkgmvbdftcHKGMVBDFTC/ \t') SLOT_START[c.charCodeAt(0)] = 1;

const RECUR_LIMIT = 20_000;

export function findLowercaseNames(text: string, known: Set<number> | null): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // Tried at each line start only (a sticky expression), so a long text costs one indexOf per line.
  let lastLine = -1;
  for (let ls = 0, nl = 0; ls >= 0 && ls < text.length; ls = nl < 0 ? -1 : nl + 1) {
    nl = text.indexOf('\n', ls);
    const c0 = text.charCodeAt(ls);
    const le = trimEnd(text, ls, nl < 0 ? text.length : nl);
    if (le > ls) {
      lastLine = ls;
      if (text.charCodeAt(le - 1) >= 0x61) slashAtLineEnd(text, ls, le, known, out);
    }
    if (c0 >= 0x61 && c0 <= 0x7a) labelSlot(text, ls, out);
    if (c0 >= 128 || SLOT_START[c0] === 0) continue;
    SLOT.lastIndex = ls;
    const m = SLOT.exec(text);
    if (!m) continue;
    const first = m[1]!;
    const code = first.charCodeAt(0);
    if (code < 0x61 && code !== 0xe6 && code !== 0xf8 && code !== 0xe5) continue; // capitalised: names.ts
    if (first.toLowerCase() !== first) continue;
    const [s, e] = m.indices![1]!;
    const f = words.flagsOf(text, s, e);
    if (!(f & W.FIRST)) continue;
    let end = e;
    if (m[2] && m[2].toLowerCase() === m[2]) {
      const [s2, e2] = m.indices![2]!;
      if (words.flagsOf(text, s2, e2) & W.SURNAME) end = e2;
    }
    out.push({ type: 'PERSON', start: s, end, confidence: 0.7 });
    if (!(f & W.AMBIGUOUS)) seen.add(first);
  }
  if (known && lastLine >= 0) aloneOnLastLine(text, lastLine, known, out);
  // The same lower-case name elsewhere in the message ("kamilla har ringet"); only in a text of message
  // size, so a long document costs no extra pass per name.
  if (seen.size === 0 || text.length > RECUR_LIMIT) return out.sort((a, b) => a.start - b.start);
  const taken = new Set(out.map((c) => c.start));
  for (const name of seen) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      if (taken.has(i) || isLetter(text.charCodeAt(i - 1)) || isLetter(text.charCodeAt(i + name.length))) continue;
      taken.add(i);
      out.push({ type: 'PERSON', start: i, end: i + name.length, confidence: 0.6 });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The end of the word of lower-case letters at `s` (hyphens inside allowed), or `s` when there is none. */
function lowerWordEnd(text: string, s: number): number {
  let e = s;
  while (isLower(text.charCodeAt(e)) || (text.charCodeAt(e) === 0x2d && e > s && isLower(text.charCodeAt(e + 1)))) e++;
  return e;
}

function isLower(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || c === 0xe6 || c === 0xf8 || c === 0xe5 || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

/** The end of the line from `ls` to `end` without trailing blanks. */
function trimEnd(text: string, ls: number, end: number): number {
  let e = end;
  while (e > ls && (text.charCodeAt(e - 1) === 0x20 || text.charCodeAt(e - 1) === 0x0d || text.charCodeAt(e - 1) === 0x09)) e--;
  return e;
}

function lineEnd(text: string, ls: number): number {
  const nl = text.indexOf('\n', ls);
  return trimEnd(text, ls, nl < 0 ? text.length : nl);
}

function isNameHere(text: string, s: number, e: number, known: Set<number> | null): boolean {
  if (e - s < 2 || e - s > 20) return false;
  const f = words.flagsOf(text, s, e);
  if (f & W.FIRST) return true;
  return !!known && known.has(hashRange(text, s, e)) && !(f & (W.STOP | W.SPECIAL));
}

/** "... på teammødet? /bo": a slash signature at the end of a line. */
function slashAtLineEnd(text: string, ls: number, le: number, known: Set<number> | null, out: Candidate[]): void {
  let s = le;
  while (s > ls && isLower(text.charCodeAt(s - 1))) s--;
  if (s === le || s - 2 < ls || text.charCodeAt(s - 1) !== 0x2f || text.charCodeAt(s - 2) !== 0x20) return;
  if (isNameHere(text, s, le, known)) out.push({ type: 'PERSON', start: s, end: le, confidence: 0.7 });
}

/** "ekspedient: jonna", "sagsbehandler: mette": a role label, a colon and a first name ending the line or item. */
function labelSlot(text: string, ls: number, out: Candidate[]): void {
  const le = lowerWordEnd(text, ls);
  if (le - ls < 3 || le - ls > 20) return;
  let i = le;
  if (text.charCodeAt(i) === 0x2e) i++;
  if (text.charCodeAt(i) !== 0x3a) return;
  const lf = words.flagsOf(text, ls, le);
  if (!(lf & (W.CUE_LABEL | W.ROLE)) && !(suffixes.match(text, ls, le) & S.ROLE)) return;
  i++;
  while (text.charCodeAt(i) === 0x20) i++;
  const ne = lowerWordEnd(text, i);
  const after = text.charCodeAt(ne);
  if (ne === i || !(Number.isNaN(after) || after === 0x0a || after === 0x0d || after === 0x2c)) return;
  if (words.flagsOf(text, i, ne) & W.FIRST) out.push({ type: 'PERSON', start: i, end: ne, confidence: 0.7 });
}

/** The last line of a message holding one lower-case word that is a name given elsewhere: the sender ("yonas"). */
function aloneOnLastLine(text: string, ls: number, known: Set<number>, out: Candidate[]): void {
  let s = ls;
  while (text.charCodeAt(s) === 0x20 || text.charCodeAt(s) === 0x09) s++;
  const e = lowerWordEnd(text, s);
  if (e === s || e !== lineEnd(text, ls)) return;
  if (known.has(hashRange(text, s, e)) && !(words.flagsOf(text, s, e) & (W.STOP | W.SPECIAL))) out.push({ type: 'PERSON', start: s, end: e, confidence: 0.7 });
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0xc0;
}

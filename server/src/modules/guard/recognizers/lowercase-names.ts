import { W, lexicon } from '../lexicon.js';
import { type Candidate } from '../scan-state.js';

const { words } = lexicon;

/**
 * First names written in lower case where only a name can stand: after a greeting ("hej bo"), after a
 * sign-off on the same or the next line ("mvh pia", "mvh\npia"), in e-mail header lines ("fra: mette") and
 * after a slash signature ("/jonna"). Capitalised names are found by names.ts.
 */
const SLOT =
  /[ \t]*(?:(?:hej|hejsa|hey|hi|kære|goddag|mvh|vh|kh|hilsen|venlig hilsen|med venlig hilsen|de bedste hilsner|bedste hilsner)[ \t,!.]*(?:\r?\n[ \t]*)?|(?:fra|til|cc|from|to):[ \t]*|\/[ \t]*)([a-zæøå][a-zæøå-]+)(?:[ \t]+([a-zæøå][a-zæøå-]+))?/dyiu;

/** First letters of the slot words, '/' and tab/space; other lines are skipped without the expression. */
const SLOT_START = new Uint8Array(128);
for (const c of 'hkgmvbdftcHKGMVBDFTC/ \t') SLOT_START[c.charCodeAt(0)] = 1;

const RECUR_LIMIT = 20_000;

export function findLowercaseNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // Tried at each line start only (a sticky expression), so a long text costs one indexOf per line.
  for (let ls = 0; ls >= 0 && ls < text.length; ls = nextLine(text, ls)) {
    const c0 = text.charCodeAt(ls);
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
  // The same lower-case name elsewhere in the message ("kamilla har ringet"); only in a text of message
  // size, so a long document costs no extra pass per name.
  if (seen.size === 0 || text.length > RECUR_LIMIT) return out;
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

function nextLine(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? -1 : nl + 1;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c >= 0xc0;
}

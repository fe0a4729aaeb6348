import { S, W, lexicon } from '../lexicon.js';
import { LETTER, UPPER, charClass, codeAt } from '../text/chars.js';
import { type Match } from './cpr.js';
import { lineStartOf } from '../scan-state.js';
import { isDigit, isWordCode, wordsBefore } from './context.js';
import { townsForPostcode } from '../gazetteer/postcodes.js';

const { words, suffixes } = lexicon;

/** Floor and side after the house number: ", 3. th.", " st. tv.", ", 1. sal", ", 2. mf.", ", kl.", ", 1." */
const FLOOR = /,?[ \u00a0](?:(st|kl|stuen|kld)\.?|(\d{1,2})\.)(?:[ \u00a0]?(?:th|tv|mf)\b\.?|[ \u00a0]sal\b\.?|[ \u00a0]\d{1,3}\b)?/iy;
/** Words after a number that make it a quantity, not a house number. */
const UNIT_AFTER = /^[ \u00a0](?:km|m|meter|kr|%|timer|time|dage|dag|uger|uge|måneder|år|gange|minutter|min|stk|personer|børn|mio|point|procent|elever|pladser|boliger)\b/i;

function wordStartBack(text: string, end: number): number {
  let s = end;
  while (s > 0) {
    const c = codeAt(text, s - 1);
    if ((charClass(c) & LETTER) !== 0 || c === 0x2d || c === 0x2e || c === 0xe9 || c === 0x27) s--;
    else break;
  }
  return s;
}

function isUpperAt(text: string, i: number): boolean {
  return (charClass(codeAt(text, i)) & UPPER) !== 0;
}

/**
 * A street address ending in a house number: `numStart`..`numEnd` is a 1-3 digit run right after
 * "<Streetname> ". The street is a capitalised word with a Danish street ending (-vej, -gade, -allé ...) or a
 * separate street word after a capitalised word ("Sankt Annæ Plads"), extended left over up to three
 * capitalised words ("H.C. Andersens Boulevard"). The span takes a house letter and floor/side.
 */
export function matchStreetAddress(text: string, numStart: number, numEnd: number): Match | null {
  if (numEnd - numStart > 3 || codeAt(text, numStart) === 0x30) return null;
  const sp = codeAt(text, numStart - 1);
  if (sp !== 0x20 && sp !== 0xa0) return null;
  const we = numStart - 1;
  const ws = wordStartBack(text, we);
  if (ws === we || !isUpperAt(text, ws)) return null;
  const streetEnd = codeAt(text, we - 1) === 0x2e ? we - 1 : we;
  const flags = words.flagsOf(text, ws, streetEnd);
  let isStreet = (suffixes.match(text, ws, streetEnd) & S.STREET) !== 0 && (flags & W.NOT_STREET) === 0;
  let start = ws;
  if (!isStreet && (flags & W.STREET_WORD) !== 0) {
    // "Plads", "Boulevard" ... need a capitalised word in front.
    const ps = codeAt(text, ws - 1) === 0x20 ? wordStartBack(text, ws - 1) : ws;
    if (ps < ws - 1 && isUpperAt(text, ps)) isStreet = true;
  }
  if (!isStreet) return null;
  // Extend left over capitalised words separated by single spaces (same line).
  for (let k = 0; k < 3; k++) {
    if (codeAt(text, start - 1) !== 0x20) break;
    const ps = wordStartBack(text, start - 1);
    if (ps === start - 1 || !isUpperAt(text, ps)) break;
    let pe = start - 1;
    if (codeAt(text, pe - 1) === 0x2e && pe - ps > 2) pe--;
    const f = words.flagsOf(text, ps, pe);
    if ((f & (W.STOP | W.ORG | W.GREETING | W.CUE_LABEL)) !== 0 && (f & (W.FIRST | W.SURNAME | W.TOWN)) === 0) break;
    if ((suffixes.match(text, ps, pe) & S.ORG) !== 0) break;
    start = ps;
  }
  let end = numEnd;
  const after = codeAt(text, end);
  // House letter ("4B") or range ("12-14").
  if ((charClass(after) & LETTER) !== 0 && !isWordCode(codeAt(text, end + 1))) end++;
  else if (after === 0x2d && isDigit(codeAt(text, end + 1))) {
    let k = end + 1;
    while (isDigit(codeAt(text, k)) && k - end <= 3) k++;
    if (!isWordCode(codeAt(text, k))) end = k;
  } else if (isWordCode(after)) return null;
  if (after === 0x2e && isDigit(codeAt(text, end + 1))) return null; // 1.234
  if (after === 0x3a && isDigit(codeAt(text, end + 1))) return null; // 12:30
  if (UNIT_AFTER.test(text.slice(end, end + 12))) return null;
  FLOOR.lastIndex = end;
  const m = FLOOR.exec(text);
  if (m) {
    const floorEnd = end + m[0].length;
    const bareDigitFloor = m[2] !== undefined && m[0].trimEnd().endsWith(m[2] + '.');
    // "Vestergade 5, 2. januar" is a date, not a floor: a bare "2." needs a comma, line end or text end after it.
    const next = codeAt(text, floorEnd);
    if (!bareDigitFloor || Number.isNaN(next) || next === 0x2c || next === 0x0a || next === 0x0d) end = floorEnd;
  }
  return { start, end, confidence: 0.9 };
}

export interface PostcodeMatch extends Match {
  townStart: number;
}

/**
 * "NNNN Town" (postcode 1000-9999 and a capitalised town, with "Kgs. Lyngby", "Nørre Alslev" and post
 * districts "København V", "Odense SØ"). Accepted right after an address (same line or the next), or when the
 * town is a known postal town and the number is not a year in running text.
 */
export function matchPostcode(text: string, at: number, runEnd: number, lastAddressEnd: number): PostcodeMatch | null {
  if (runEnd - at !== 4 || codeAt(text, at) === 0x30) return null;
  const p = codeAt(text, at - 1);
  if (isWordCode(p) && p !== undefined) return null;
  if ((p === 0x2e || p === 0x2c || p === 0x2f) && isDigit(codeAt(text, at - 2))) return null;
  if (codeAt(text, runEnd) !== 0x20 || !isUpperAt(text, runEnd + 1)) return null;
  const townStart = runEnd + 1;
  const own = ownTownEnd(text, at, townStart);
  if (own > 0) {
    const after = codeAt(text, own) === 0x20 ? words.flagsOf(text, own + 1, wordEnd(text, own + 1)) : 0;
    if ((after & W.ORG) === 0) return { start: at, end: own, townStart, confidence: 0.97 };
  }
  let i = readTownWord(text, townStart);
  if (i === townStart) return null;
  const firstEnd = i;
  const firstFlags = words.flagsOf(text, townStart, firstEnd);
  if ((firstFlags & W.TOWN_PREFIX) !== 0) {
    let k = i;
    if (codeAt(text, k) === 0x2e) k++;
    if (codeAt(text, k) === 0x20 && isUpperAt(text, k + 1)) i = readTownWord(text, k + 1);
  }
  // Post district: " V", " NV", " SØ" ... as a whole word in capitals.
  if (codeAt(text, i) === 0x20) {
    const ds = i + 1;
    let de = ds;
    while (de - ds < 2 && isUpperAt(text, de)) de++;
    if (de > ds && !isWordCode(codeAt(text, de)) && (words.flagsOf(text, ds, de) & W.DISTRICT) !== 0) i = de;
  }
  const end = i;
  const afterFlags = codeAt(text, end) === 0x20 ? words.flagsOf(text, end + 1, wordEnd(text, end + 1)) : 0;
  if ((afterFlags & W.ORG) !== 0) return null; // "2024 Rødovre Kommune"
  if (lastAddressEnd >= 0 && lastAddressEnd <= at && at - lastAddressEnd <= 24) {
    const gap = text.slice(lastAddressEnd, at);
    if (gap.length <= 24 && /^[ \t,.]*(?:\r?\n[ \t]*)?$/.test(gap)) return { start: at, end, townStart, confidence: 0.95 };
  }
  if ((firstFlags & W.TOWN) === 0) return null;
  const [w1] = wordsBefore(text, at, 1);
  if (w1 !== undefined && YEARISH.has(w1)) return null;
  const lineStart = lineStartOf(text, at);
  if (lineStart < 0) return null;
  const lead = text.slice(lineStart, at);
  if (/^[\s\-•*]*(?:dk-)?$/i.test(lead) || /,\s*$/.test(lead) || /\bDK-$/.test(lead)) return { start: at, end, townStart, confidence: 0.85 };
  return null;
}

/** End of the postcode's own postal town right after it ("8766 Nørre Snede", "4660 St. Heddinge"), or -1. */
function ownTownEnd(text: string, at: number, townStart: number): number {
  const code = (codeAt(text, at) - 0x30) * 1000 + (codeAt(text, at + 1) - 0x30) * 100 + (codeAt(text, at + 2) - 0x30) * 10 + codeAt(text, at + 3) - 0x30;
  for (const town of townsForPostcode(code)) if (townAt(text, townStart, town)) return townStart + town.length;
  return -1;
}

function townAt(text: string, at: number, town: string): boolean {
  return text.startsWith(town, at) && (charClass(codeAt(text, at + town.length)) & LETTER) === 0;
}

function readTownWord(text: string, from: number): number {
  let k = from;
  while ((charClass(codeAt(text, k)) & LETTER) !== 0 || (codeAt(text, k) === 0x2d && (charClass(codeAt(text, k + 1)) & LETTER) !== 0)) k++;
  return k;
}

const YEARISH = new Set([
  'i', 'år', 'året', 'siden', 'fra', 'til', 'pr', 'inden', 'efter', 'før', 'budget', 'budgettet', 'ultimo', 'primo',
  'medio', 'uge', 'regnskab', 'sommer', 'vinter', 'foråret', 'efteråret', 'januar', 'februar', 'marts', 'april', 'maj',
  'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december', 'og', 'eller', 'kr', 'ca',
]);

function wordEnd(text: string, from: number): number {
  let k = from;
  while ((charClass(codeAt(text, k)) & LETTER) !== 0) k++;
  return k;
}

/**
 * Before an accepted postcode, an address the street rules did not know ("Torvet 3", "Ølbycenter 12, 2. th."):
 * capitalised words + house number (+ floor) right before ", NNNN" or on the line above.
 */
const ADDRESS_BEFORE = /(?:^|[\s,:;(])((?:[A-ZÆØÅ][\p{L}.'-]*[ \u00a0]){0,3}[A-ZÆØÅ][\p{L}-]*\.?[ \u00a0][1-9]\d{0,2}[A-Za-z]?(?:,?[ \u00a0](?:st|kl|\d{1,2})\.?(?:[ \u00a0]?(?:th|tv|mf)\.?|[ \u00a0]sal)?)?)[ \t]*,?[ \t]*(?:\r?\n[ \t]*)?$/u;

export function matchAddressBeforePostcode(text: string, postcodeStart: number): Match | null {
  const from = Math.max(0, postcodeStart - 90);
  const thisLine = lineStartOf(text, postcodeStart);
  const prevLineStart = thisLine > 0 ? lineStartOf(text, thisLine - 1) : thisLine;
  const slice = text.slice(Math.max(from, prevLineStart), postcodeStart);
  const m = ADDRESS_BEFORE.exec(slice);
  if (!m) return null;
  const value = m[1]!;
  const start = postcodeStart - slice.length + m.index + m[0].indexOf(value);
  // The first word must not be a label or a function word ("Adresse", "Hvor").
  let ws = start;
  while (ws < start + value.length && (charClass(codeAt(text, ws)) & LETTER) !== 0) ws++;
  let s = start;
  let f = words.flagsOf(text, s, ws);
  // Drop leading non-street words ("Jobcenter Esbjerg Exnersgade 40" keeps only the last capitalised words),
  // but a single word before the number is the street itself ("Ølbycenter 12").
  while ((f & (W.STOP | W.ORG | W.GREETING | W.CUE_LABEL)) !== 0 || (suffixes.match(text, s, ws) & S.ORG) !== 0) {
    const sp = ws;
    if (codeAt(text, sp) !== 0x20 || sp >= start + value.length) return null;
    if (isDigit(codeAt(text, sp + 1))) {
      if ((f & (W.STOP | W.GREETING | W.CUE_LABEL)) !== 0) return null;
      break;
    }
    s = sp + 1;
    ws = s;
    while ((charClass(codeAt(text, ws)) & LETTER) !== 0) ws++;
    f = words.flagsOf(text, s, ws);
  }
  return { start: s, end: start + value.length, confidence: 0.8 };
}

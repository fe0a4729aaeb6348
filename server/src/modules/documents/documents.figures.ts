/**
 * Figures in Danish text and the conditions rules set on them: "under 14 år", "fra 12 kg op til 25 kg", "efter
 * kl. 12.00", "fra den ottende sygedag", "300.000 kr. eller mere". Used to quote the tier of a rule that the
 * question's own figure falls in, and to see whether a passage speaks of the kind of figure a question asks for.
 */
import { stem } from './retrieval.js';

export interface Figure {
  value: number;
  /** What is counted, as a stem ("dag", "kr", "km", "fyld" for an age after "fylder"); empty when unknown. */
  unit: string;
  /** The condition the text sets on it: at least (min), at most (max), or none. */
  bound: 'min' | 'max' | null;
  /** Whether the bound itself is included ("mindst", "højst", "fra") or not ("over", "under"). */
  inclusive: boolean;
  /** Where the figure stands in the text. */
  index: number;
  /** Digits with a stop after them ("3. klasse", "1. maj"): a label or a date more than an amount. */
  ordinal: boolean;
}

const WORD_NUMBERS: Record<string, number> = {
  én: 1, ét: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12, tretten: 13,
  fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19, tyve: 20, tredive: 30, fyrre: 40, halvtreds: 50,
  tres: 60, halvfjerds: 70, firs: 80, halvfems: 90, hundrede: 100, tusind: 1000,
  // Ordinals: "fra den ottende sygedag".
  første: 1, anden: 2, andet: 2, tredje: 3, fjerde: 4, femte: 5, sjette: 6, syvende: 7, ottende: 8, niende: 9, tiende: 10,
  ellevte: 11, tolvte: 12, fjortende: 14,
  halvanden: 1.5, halvandet: 1.5,
};

/** A time of day after "kl." ("12.00", "7.30"), a Danish number ("120.000", "2,08", "15"), or a number in words. */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(\\d{1,2})[.:](\\d{2})(?!\\d)|(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)|(${Object.keys(WORD_NUMBERS).join('|')}))(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Words that are never what a figure counts: "63 i år" counts nothing after it, so the word before is taken. */
const NOT_UNITS = new Set(
  'i og eller til på af for med om ad ud inden efter før over under hver pr per som der den det de du jeg vi han hun er var har kan skal må bliver blev ikke men så end fra mod ved hos samt dog'.split(' '),
);

/** Spellings of one unit: written out or abbreviated. */
const UNIT_ALIASES: Record<string, string> = {
  kilomet: 'km', kilometer: 'km', kilo: 'kg', kilogram: 'kg', kron: 'kr', krone: 'kr', peng: 'kr', penge: 'kr', års: 'år', klokk: 'kl', klokken: 'kl', procent: 'pct', minut: 'min',
  tim: 'tim', fyldt: 'fyld', fyld: 'fyld', gamm: 'år', gammel: 'år',
};

const normalUnit = (word: string): string => {
  const w = word.toLowerCase();
  const s = stem(w);
  return UNIT_ALIASES[s] ?? UNIT_ALIASES[w] ?? s;
};

/** The last part of a compound that names the unit: "sygedag" and "fridag" count days. */
const MIN_SHARED_TAIL = 3;

/**
 * Two units are one when equal, when one is the end of the other ("dag" and "sygedag", "år" and "kalenderår"),
 * or when two compounds end in the same word of three letters or more ("fridag" and "seniordag").
 */
export function sameUnit(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (short.length >= 2 && long.endsWith(short)) return true;
  let shared = 0;
  while (shared < short.length && short[short.length - 1 - shared] === long[long.length - 1 - shared]) shared++;
  return shared >= MIN_SHARED_TAIL && shared < short.length;
}

// Comparators just before a figure, longest first; the last one within the clause before it counts.
const MAX_EXCLUSIVE = ['mindre end', 'færre end', 'tidligere end', 'kortere end', 'under', 'før', 'inden'];
const MAX_INCLUSIVE = ['til og med', 'op til', 'højst', 'maksimalt', 'maks', 'ikke over', 'ikke mere end', 'første'];
// "efter de første 20.000 km" is past them, whatever "første" says on its own.
const MIN_EXCLUSIVE = ['efter de første', 'efter den første', 'mere end', 'flere end', 'senere end', 'længere end', 'ud over', 'over', 'efter'];
const MIN_INCLUSIVE = ['fra og med', 'mindst', 'minimum', 'tidligst', 'fra'];
const COMPARATORS: { words: string; bound: 'min' | 'max'; inclusive: boolean }[] = [
  ...MAX_EXCLUSIVE.map((words) => ({ words, bound: 'max' as const, inclusive: false })),
  ...MAX_INCLUSIVE.map((words) => ({ words, bound: 'max' as const, inclusive: true })),
  ...MIN_EXCLUSIVE.map((words) => ({ words, bound: 'min' as const, inclusive: false })),
  ...MIN_INCLUSIVE.map((words) => ({ words, bound: 'min' as const, inclusive: true })),
].sort((a, b) => b.words.length - a.words.length);
const COMPARATOR = new RegExp(`(?<![\\p{L}])(?:${COMPARATORS.map((c) => c.words.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}])`, 'giu');
/** "300.000 kr. eller mere": a bound written after the figure and its unit. */
const AFTER_MIN = /^\s*(?:\p{L}+\.?\s+)?eller\s+(?:derover|mere|over|flere|senere)\b/iu;
const AFTER_MAX = /^\s*(?:\p{L}+\.?\s+)?eller\s+(?:derunder|mindre|under|færre|tidligere)\b/iu;
/** How far back a comparator may stand: "Fra og med det kalenderår, hvor du fylder 62". */
const COMPARATOR_REACH = 48;
/** The end of a sentence (not the stop of "kl." or "fx") or a line. */
const CLAUSE_END = /[.!?:;]\s+(?=[A-ZÆØÅ-])|\n/gu;

function valueOf(m: RegExpMatchArray): number {
  if (m[1] !== undefined) return Number(m[1]) + Number(m[2]) / 60;
  if (m[3] !== undefined) return Number(m[3].replace(/\./g, '').replace(',', '.'));
  return WORD_NUMBERS[m[4]!.toLowerCase()]!;
}

/** The comparator that governs a figure: the last one after the previous figure and the last clause break. */
function boundBefore(text: string, from: number, at: number): Pick<Figure, 'bound' | 'inclusive'> {
  const before = text.slice(Math.max(from, at - COMPARATOR_REACH), at);
  // A full stop, semicolon or line ends the clause; a comma does not ("fra og med det kalenderår, hvor du fylder").
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_END)) cut = m.index + m[0].length;
  const clause = before.slice(cut);
  let found: Pick<Figure, 'bound' | 'inclusive'> = { bound: null, inclusive: false };
  for (const m of clause.matchAll(COMPARATOR)) {
    const words = m[0].toLowerCase().replace(/\s+/g, ' ');
    const c = COMPARATORS.find((x) => x.words === words)!;
    found = { bound: c.bound, inclusive: c.inclusive };
  }
  return found;
}

/** "mellem 12 og 24 måneder": a range whose first figure takes the unit of the second. */
const RANGE_START = /\bmellem\s+$/iu;
const RANGE_JOIN = /^\s+og\s+$/u;
/** "25–49", "2-4 uger", "fra 5 til 24": a range written with a dash or "til" between two figures. */
const DASH_JOIN = /^\s*[–-]\s*$|^\s+til\s+$/u;

/** The figures of a text, in the order they stand. */
export function figuresOf(text: string): Figure[] {
  const out: Figure[] = [];
  const ends: number[] = [];
  let previousEnd = 0;
  for (const m of text.matchAll(NUMBER)) {
    const at = m.index;
    const end = at + m[0].length;
    const isWord = m[4] !== undefined;
    const rest = text.slice(end, end + 40);
    const next = /^\.?[ \t]*([\p{L}]+)/u.exec(rest)?.[1];
    const previous = /([\p{L}]+)\.?[ \t]*(?:den[ \t]+)?$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1];
    let unit = '';
    if (previous && /^(kl|klokken)$/i.test(previous)) unit = 'kl';
    else if (next && !NOT_UNITS.has(next.toLowerCase()) && !WORD_NUMBERS[next.toLowerCase()]) unit = normalUnit(next);
    else if (previous && !NOT_UNITS.has(previous.toLowerCase())) unit = normalUnit(previous);
    // A number word counts only when it counts something ("tre dage", not "de tre"): a word it stands before.
    // "de første tre" is a bound on the three, not a figure of its own.
    if (isWord && (!next || NOT_UNITS.has(next.toLowerCase()) || WORD_NUMBERS[next.toLowerCase()] !== undefined || /^\s*\d/.test(rest))) continue;
    let { bound, inclusive } = boundBefore(text, previousEnd, at);
    if (AFTER_MIN.test(rest)) ({ bound, inclusive } = { bound: 'min', inclusive: true });
    else if (AFTER_MAX.test(rest)) ({ bound, inclusive } = { bound: 'max', inclusive: true });
    const ordinal = m[3] !== undefined && /^\.[ \t]/.test(rest);
    out.push({ value: valueOf(m), unit, bound, inclusive, index: at, ordinal });
    ends.push(end);
    previousEnd = end;
  }
  for (let i = 0; i + 1 < out.length; i++) {
    const [low, high] = [out[i]!, out[i + 1]!];
    const between = text.slice(ends[i], high.index);
    const mellem = RANGE_START.test(text.slice(Math.max(0, low.index - 10), low.index)) && RANGE_JOIN.test(between);
    // A dash or "til" between two figures ("2-4 uger", "kl. 8-16"): the first has no unit word after it, so the
    // word before it is no unit either ("tager 2-4 uger"). Not a span of dates ("1.-3. maj").
    const dash = DASH_JOIN.test(between) && !low.ordinal && !high.ordinal && low.value <= high.value;
    if (!mellem && !dash) continue;
    const unit = low.unit === 'kl' ? 'kl' : high.unit;
    Object.assign(low, { unit, bound: 'min', inclusive: true });
    if (unit === 'kl') high.unit = 'kl';
    Object.assign(high, { bound: 'max', inclusive: high.bound === 'max' ? high.inclusive : true });
  }
  return out;
}

/** Spans of time in months, so that "halvandet år" meets "mellem 12 og 24 måneder" and "fire årtier" "40 år". */
const MONTHS: Record<string, number> = { måned: 1, år: 12, årti: 120 };

/** The value of figure `q` in the unit of `f`: itself for the same unit, converted between months, years and decades. */
function valueIn(q: Figure, f: Figure): number | null {
  if (sameUnit(q.unit, f.unit)) return q.value;
  const from = MONTHS[q.unit];
  const to = MONTHS[f.unit];
  return from && to ? (q.value * from) / to : null;
}

/** Credit for a figure of the same amount without a condition ("40 års jubilæum" for "fire årtier"): above a loose tier. */
const SAME_FIGURE = 1.5;

/**
 * How a sentence's conditions meet the figures a question names (same unit): for each asked figure, 1 plus how
 * close the nearest bound it meets lies to it (so of "fra 60" and "fra 62", 62 is the tier for 63), 0.5 when the
 * sentence conditions on it but the figure does not meet the condition (the answer may be "no, at least 30
 * hours"), and 0 when the sentence sets no condition on that unit. Summed over the asked figures.
 */
export function conditionCredit(asked: readonly Figure[], sentence: readonly Figure[]): number {
  let credit = 0;
  for (const q of asked) {
    if (!q.unit) continue;
    let best = 0;
    for (const f of sentence) {
      const value = valueIn(q, f);
      if (value === null) continue;
      if (!f.bound) {
        if (Math.abs(value - f.value) < 1e-9 && !f.ordinal) best = Math.max(best, SAME_FIGURE);
        continue;
      }
      const holds = f.bound === 'min' ? value > f.value || (f.inclusive && value === f.value) : value < f.value || (f.inclusive && value === f.value);
      const closeness = 1 - Math.abs(value - f.value) / Math.max(Math.abs(value), Math.abs(f.value), 1e-9);
      best = Math.max(best, holds ? 1 + closeness : 0.5);
    }
    credit += best;
  }
  return credit;
}

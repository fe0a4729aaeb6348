/**
 * Which sentences of a passage to quote as the answer to a question. A passage is a section (or part of one) of a
 * document; the answer is usually one sentence or one list item in it, and the sentences around it are about
 * the same topic with the same words. So a sentence is chosen for what sets it apart from its neighbours:
 *
 * - the question's words it has, each by its idf, but a word that is also in the section's heading counts for
 *   less (every sentence of the section is about it: it tells the section, not the sentence);
 * - the kind of figure the question asks for ("hvor mange dage" wants a number of days, "hvad koster" an amount,
 *   "hvornår" a date, a time or a deadline);
 * - the question's own figures met by the sentence's conditions ("63 år" and "fra 62 år", "45.000 kr." and
 *   "20.000 kr. eller mere, men under 300.000 kr."), the tightest tier first.
 *
 * The quote is the run of up to MAX_QUOTE_SENTENCES sentences with the most of that, the shortest on a tie, so a
 * neighbour joins only when it adds a word or a figure; a list item is quoted with the sentence that introduces it.
 */
import { conditionCredit, figuresOf, sameUnit, type Figure } from './documents.figures.js';
import { ADJECTIVES, askingClause, askingSentence } from './documents.question.js';
import { tokenize, type Bm25Index } from './retrieval.js';

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans of a passage: a stop, question or exclamation mark before a capital letter, or a line break. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const boundary = /(?<=[.!?:])[ \t]+(?=[A-ZÆØÅ"„«(*])|\n+/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    if (m.index > start) out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)) && !/^#/.test(text.slice(s.start, s.end)));
}

const MAX_QUOTE_SENTENCES = 3;
/** In idf units: about one well-chosen word. */
const ANSWER_TYPE_BONUS = 3;
/** In idf units, per asked figure: a sentence whose condition the question's figure meets outweighs its neighbours' wording. */
const CONDITION_BONUS = 6;
/** A word of the question that is also in the heading counts this much in choosing the sentence. */
const HEADING_SHARE = 0.5;
/** A list item is quoted with the sentence that introduces it ("… følgende dage:") when the whole fits this. */
const MAX_LEAD_IN_QUOTE = 900;

const TIME_UNITS = ['min', 'tim', 'dag', 'ug', 'måned', 'år', 'kl'];
const MONTH = /\b\d{1,2}\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b/iu;
const DEADLINE = /\b(senest|inden|straks|samme dag|hurtigst muligt|med det samme)\b/iu;

/** What kind of answer a question asks for: a figure of one of `units`, and for "when" a date or a deadline. */
interface Wanted {
  units: string[];
  when: boolean;
  /** "hvor lille", "hvor lang": a measure of some unit, whichever the rule counts in (pixel, cm, måneder). */
  measure?: boolean;
  /**
   * "hvor mange massager": the thing counted, as an index term. A sentence that names it beside a count of its
   * own unit ("massage … 5 behandlinger") answers too.
   */
  counted?: string;
}

const ASKS_TIME = /\bhvornår\b|\bhvor (hurtigt|tit|ofte|længe|tidligt|sent)\b|\bhvor lang tid\b|\bfrist(en)?\b|\bdeadline\b/u;
const ASKS_MONEY = /\bhvad koster\b|\bhvor dyrt?\b|\bhvor meget\b.{0,40}\b(koste|koster|betale|betaler|dække|dækker|refundere|refunderer)\b|\bhvilket beløb\b|\bhvor stort (et )?beløb\b/u;
const ASKS_COUNT = /\bhvor mange\s+((?:\p{L}+\s+){0,2}\p{L}+)/u;
const ASKS_MEASURE = /\bhvor (?:lille|små|stor|store|stort|bred|bredt|brede|smal|høj|højt|høje|lav|lavt|lang|langt|lange|kort|kortere|tung|tungt|tyk|gammel|gamle|ung|varm|koldt?)\b/u;

/** A second question joined to the first: "Skal jeg gemme den, og hvor hurtigt?", "… og hvornår skal det ske?". */
const JOINED_QUESTION = /,?\s+og\s+(hv(?:or|ornår|ad|em|ilke[nt]?)\b[^?]*)\??\s*$/iu;

/**
 * The kind of answer a question asks for, from the question words of its asking clause ("Må jeg skrive, hvor
 * mange penge vi sparer?" asks for no amount) and of a question joined to it with "og"; null when it asks for no
 * figure.
 */
function wantedBy(question: string): Wanted | null {
  const joined = JOINED_QUESTION.exec(askingSentence(question))?.[1] ?? '';
  const q = `${askingClause(question)} ${joined}`.toLowerCase();
  if (ASKS_MONEY.test(q)) return { units: ['kr'], when: false };
  const count = ASKS_COUNT.exec(q);
  if (count) {
    // "Hvor mange ekstra fridage giver …": what is counted is the first word that is not an adjective.
    const counted = count[1]!.split(/\s+/).find((w) => !ADJECTIVES.has(w));
    const unit = counted ? figuresOf(`2 ${counted}`)[0]?.unit : undefined;
    if (unit) return { units: [unit], when: false, ...(counted ? { counted: tokenize(counted)[0] } : {}) };
  }
  if (ASKS_TIME.test(q)) return { units: TIME_UNITS, when: true };
  if (ASKS_MEASURE.test(q)) return { units: [], when: false, measure: true };
  return null;
}

/**
 * Whether `text` has the kind of figure `question` asks for: true when it does, false when it does not, null when
 * the question asks for no figure ("må jeg …?").
 */
export function hasAskedKind(question: string, text: string): boolean | null {
  const wanted = wantedBy(question);
  if (!wanted) return null;
  if (answersKind({ ...wanted, counted: undefined }, text, figuresOf(text))) return true;
  // The thing counted beside a count must stand in one sentence (or table row).
  return sentences(text).some((s) => {
    const slice = text.slice(s.start, s.end);
    return answersKind(wanted, slice, figuresOf(slice));
  });
}

/** A count: a figure of a unit that is no amount of money, time of day or label. */
const isCount = (f: Figure) => !!f.unit && f.unit !== 'kl' && f.unit !== 'kr' && !f.ordinal;

function answersKind(wanted: Wanted | null, text: string, figures: readonly Figure[]): boolean {
  if (!wanted) return false;
  if (wanted.counted && figures.some(isCount) && tokenize(text).includes(wanted.counted)) return true;
  if (wanted.measure && figures.some((f) => f.unit && f.unit !== 'kl' && !f.ordinal)) return true;
  if (figures.some((f) => wanted.units.some((u) => sameUnit(u, f.unit)))) return true;
  return wanted.when && (MONTH.test(text) || DEADLINE.test(text));
}

const LIST_ITEM = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+/u;
/** What a sentence names only to leave out: "uden for København og Aarhus", "undtagen weekender". */
const EXCLUDED = /\b(?:uden for|undtagen|bortset fra)\b[^,.;:\n]*/giu;

/**
 * A quote that starts inside a list introduced by a sentence ending in a colon starts at that sentence instead:
 * "Du kan holde fri med løn på disse dage:" is what makes "- 1. maj" an answer. Lists whose items stand on their
 * own (tiers of a rule, after a sentence without a colon) are quoted item by item.
 */
function withLeadIn(text: string, spans: Span[], first: number, end: number): number {
  let k = first;
  if (k <= 0 || !LIST_ITEM.test(text.slice(spans[k]!.start, spans[k]!.end))) return spans[first]!.start;
  while (k > 0 && LIST_ITEM.test(text.slice(spans[k]!.start, spans[k]!.end))) k--;
  const lead = spans[k]!;
  const introduces = text.slice(lead.start, lead.end).trimEnd().endsWith(':');
  return introduces && end - lead.start <= MAX_LEAD_IN_QUOTE ? lead.start : spans[first]!.start;
}

interface Scored {
  terms: Set<string>;
  /** The question's words in the header of the table a row stands in: they tell the column, not the row. */
  context: Set<string>;
  kind: boolean;
  figures: Figure[];
}

/** A line of a Markdown table: cells between pipes, the outer pipes optional ("klage | … | …"). */
const TABLE_LINE = /\|/u;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/u;
const cells = (line: string): string[] => line.trim().replace(/^\|/u, '').replace(/\|$/u, '').split('|');

/** For each span that is a table's header row, its cells; a header is the table line just above the |---| line. */
function tableHeaders(text: string, spans: readonly Span[]): (string[] | null)[] {
  return spans.map((s) => {
    const line = text.slice(s.start, s.end);
    const next = text.slice(s.end).replace(/^\r?\n/u, '').split('\n', 1)[0] ?? '';
    return TABLE_LINE.test(line) && TABLE_SEPARATOR.test(next) ? cells(line) : null;
  });
}

/**
 * A table row's figures, where a cell's bare figure ("| 25–49 | 4 timer om ugen |") takes its unit from the
 * column's header ("antal kolleger"): the header word that is the unit of a figure the question names.
 */
function rowFigures(row: string, header: readonly string[], asked: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  let offset = 0;
  cells(row).forEach((cell, i) => {
    const units = (header[i] ?? '').match(/\p{L}+/gu) ?? [];
    for (const f of figuresOf(cell)) {
      let unit = f.unit;
      if (!unit) {
        const named = asked.find((q) => units.some((w) => sameUnit(figuresOf(`2 ${w}`)[0]?.unit ?? '', q.unit)));
        unit = named?.unit ?? '';
      }
      out.push({ ...f, unit, index: offset + f.index });
    }
    offset += cell.length + 1;
  });
  return out;
}

/**
 * The quote for `question` in a passage: offsets into `text`. `heading` is the passage's section heading.
 * The whole passage when it has no sentence with anything of the question.
 */
export function chooseQuote(index: Bm25Index, question: string, text: string, heading: string | null): Span {
  const spans = sentences(text);
  if (spans.length === 0) return { start: 0, end: text.length };
  const terms = index.queryTerms(question);
  const inHeading = heading ? index.termsOf(heading) : new Set<string>();
  const asked = figuresOf(question).filter((f) => f.unit);
  const wanted = wantedBy(question);
  const headers = tableHeaders(text, spans);
  const asQuestionTerms = (present: Set<string>) => new Set([...terms.keys()].filter((t) => present.has(t)));
  let header: string[] | null = null;
  let headerTerms = new Set<string>();
  const rows: boolean[] = [];
  const scored: Scored[] = spans.map((s, i) => {
    const slice = text.slice(s.start, s.end);
    if (headers[i]) {
      // A table's header row is the context of its rows, not an answer of its own.
      header = headers[i];
      headerTerms = asQuestionTerms(index.termsOf(slice));
      return { terms: new Set<string>(), context: new Set<string>(), kind: false, figures: [] };
    }
    const row = !!header && TABLE_LINE.test(slice);
    if (!row) header = null;
    rows[i] = row;
    // "1.300 kr. uden for København og Aarhus" names Aarhus to leave it out: those words are not the sentence's.
    const present = index.termsOf(slice.replace(EXCLUDED, ' '));
    const figures = row ? rowFigures(slice, header!, asked) : figuresOf(slice);
    return { terms: asQuestionTerms(present), context: row ? headerTerms : new Set<string>(), kind: answersKind(wanted, slice, figures), figures };
  });
  const value = (from: number, to: number): number => {
    const seen = new Set<string>();
    const context = new Set<string>();
    let kind = false;
    for (let i = from; i <= to; i++) {
      for (const t of scored[i]!.terms) seen.add(t);
      for (const t of scored[i]!.context) context.add(t);
      kind ||= scored[i]!.kind;
    }
    let v = 0;
    for (const t of seen) v += index.weightOf(t) * Math.min(1, terms.get(t)!) * (inHeading.has(t) ? HEADING_SHARE : 1);
    for (const t of context) if (!seen.has(t)) v += index.weightOf(t) * Math.min(1, terms.get(t)!) * HEADING_SHARE;
    // Per asked figure, the best sentence of the window counts (a window of every tier is no better than the right tier).
    let credit = 0;
    for (const q of asked) {
      let best = 0;
      for (let i = from; i <= to; i++) best = Math.max(best, conditionCredit([q], scored[i]!.figures));
      credit += best;
    }
    return v + (kind ? ANSWER_TYPE_BONUS : 0) + CONDITION_BONUS * credit;
  };
  // The window of up to MAX_QUOTE_SENTENCES sentences with the most of the question; the shortest on a tie (the
  // answer is usually one dense sentence, and a neighbour joins only when it adds something).
  let from = 0;
  let to = -1;
  let best = 0;
  let bestLength = Infinity;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i; j < Math.min(spans.length, i + MAX_QUOTE_SENTENCES); j++) {
      // A table row stands on its own, like a tier of a rule: a quote of a row is that row alone.
      if (j > i && (rows[i] || rows[j])) break;
      const v = value(i, j);
      const length = spans[j]!.end - spans[i]!.start;
      if (v > best + 1e-9 || (v > 0 && Math.abs(v - best) <= 1e-9 && length < bestLength)) {
        best = v;
        bestLength = length;
        from = i;
        to = j;
      }
    }
  }
  if (to < 0) return { start: 0, end: text.length };
  to = bestItemAfter(text, spans, from, to, (i) => value(i, i));
  const end = spans[to]!.end;
  return { start: withLeadIn(text, spans, from, end), end };
}

/**
 * A quote that ends inside a list goes on to the item of that list that answers best, when a later one does
 * better than the one it ends at: the run of sentences may have stopped an item short because the sentences
 * before the list hold words of the question too (the tier for 62 after the one for 60, the list item for
 * Aarhus after the one that leaves Aarhus out).
 */
function bestItemAfter(text: string, spans: Span[], from: number, to: number, single: (i: number) => number): number {
  const isItem = (i: number) => LIST_ITEM.test(text.slice(spans[i]!.start, spans[i]!.end));
  if (!isItem(to)) return to;
  let best = to;
  for (let k = to + 1; k < spans.length && isItem(k) && spans[k]!.end - spans[from]!.start <= MAX_LEAD_IN_QUOTE; k++) {
    if (single(k) > single(best) + 1e-9) best = k;
  }
  return best;
}

/**
 * BM25 over knowledge-base chunks, in process, with Danish-aware tokens. No model and no network: it works on
 * every installation, including those that may only use the offline engine.
 */
import { newStemmer } from 'snowball-stemmers';
import { pacer } from '../../lib/pacing.js';

// Function words that carry no topic. Short on purpose; "ikke" stays in (idf makes it cheap, and a question
// about what is "not" done often meets a rule phrased with it).
const STOP_WORDS = new Set(
  (
    'og i jeg det at en den til er som på de med han af for der var mig sig men et har om vi min havde ham hun nu over da fra du ud ' +
    'sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne ' +
    'end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din dine nogle hos blive mange ad bliver hendes ' +
    'været thi jer sådan så må kan får få gør gøre hvordan hvornår hvorfor hvem hvilke hvilken hvilket mine vores jeres ja nej lige bare ' +
    'sige siger sagt dem deres hvis fx pr kr år ' +
    // Auxiliary and light verbs: a question is rarely about them, and a collection rarely writes them.
    'fået nået nå gå går gået kommer komme kom okay stadig blevet ' +
    // Adverbs and pronouns that colour a question but name nothing a rule could be about.
    'netop slet igen endnu allerede faktisk egentlig nogen'
  ).split(' '),
);

const danish = newStemmer('danish');
/** Stems already computed: a collection repeats its words, and the stemmer is the costly part of tokenizing. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

/**
 * The Danish Snowball stemmer: folds inflections and common derivations ("valgt", "valget" and "valg";
 * "kvitteringer" and "kvittering"; "stopper" and "stop") into one stem, so a question and a rule meet on the word
 * whatever form each writes it in.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = danish.stem(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, s);
  }
  return s;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words as index terms: lower-case (æ, ø and å kept), stop words out, stemmed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOP_WORDS.has(w)) continue;
    out.push(stem(w));
  }
  return out;
}

/** Compound parts count for less than the word itself. */
const PART_WEIGHT = 0.5;
const MIN_COMPOUND = 7;
const MIN_PART = 4;

/**
 * Danish writes compounds as one word ("sommerferie", "hovedferie"). When the end of a long term is itself a
 * term of the collection ("ferie"), it is added as an extra, lighter term, so the two meet on "ferie".
 * The longest such ending is taken; the beginning too when it is a known term.
 */
function compoundParts(term: string, vocabulary: ReadonlySet<string>): string[] {
  if (term.length < MIN_COMPOUND) return [];
  for (let i = MIN_PART - 1; i <= term.length - MIN_PART; i++) {
    const tail = term.slice(i);
    if (!vocabulary.has(tail)) continue;
    const parts = [tail];
    const head = term.slice(0, i);
    // A linking "s" or "e" joins many Danish compounds ("arbejdsplads", "feriedag").
    const headBare = /[se]$/.test(head) && head.length > MIN_PART ? head.slice(0, -1) : head;
    if (head.length >= MIN_PART - 1 && vocabulary.has(head)) parts.push(head);
    else if (headBare !== head && vocabulary.has(headBare)) parts.push(headBare);
    // The head as the stemmer writes the word on its own ("sommer" in "sommerferie" is "som").
    else if (head.length >= MIN_PART && vocabulary.has(stem(head))) parts.push(stem(head));
    return parts;
  }
  return [];
}

/** Term weights of a text: 1 per occurrence, PART_WEIGHT per compound part. */
function weigh(tokens: string[], vocabulary: ReadonlySet<string>): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) {
    tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const p of compoundParts(t, vocabulary)) tf.set(p, (tf.get(p) ?? 0) + PART_WEIGHT);
  }
  return tf;
}

/**
 * Everyday words people ask with, and the words rules are written in. Added to a query as lighter terms.
 * Small and hand-made, tuned on the fixture questions: it is where a lexical index is weakest (a language
 * model's embeddings would do this better where they are allowed).
 */
const QUERY_SYNONYMS: Record<string, string> = {
  trykke: 'klikke',
  trykket: 'klikket',
  mærkelig: 'mistænkelig',
  underlig: 'mistænkelig',
  dyr: 'udgift beløb højst',
  koste: 'udgift beløb',
  koster: 'udgift beløb',
  pris: 'udgift beløb',
  gmail: 'privat mailadresse',
  hotmail: 'privat mailadresse',
  videresende: 'sende',
  tabt: 'mistet',
  tabe: 'miste',
  frist: 'senest',
  bruge: 'holdt',
  brugt: 'holdt',
  gemme: 'overføre',
  stopper: 'fratræder ophører',
  // Everyday words for people, things and acts at work, and the words internal rules use for them.
  chef: 'leder',
  chefen: 'leder',
  mobil: 'telefon',
  mobilen: 'telefon',
  arbejdsmobil: 'telefon',
  datter: 'barn',
  søn: 'barn',
  feber: 'syg',
  dårlig: 'syg',
  bon: 'kvittering bilag',
  bonen: 'kvittering bilag',
  regning: 'faktura',
  regningen: 'faktura',
  pension: 'stopper fratræder ophører',
  kladder: 'noter papir',
  snak: 'samtale',
  snakke: 'samtale',
  væk: 'fravær',
  overfald: 'vold',
  overfaldet: 'vold',
  truede: 'trusler',
  truet: 'trusler',
  facebook: 'sociale medier',
  instagram: 'sociale medier',
  tastet: 'skrevet',
  foto: 'billede',
  fotos: 'billeder',
  fotografere: 'billeder',
  opkald: 'ringe',
  // A balance in everyday words, and when a period ends.
  overskud: 'plus',
  underskud: 'minus',
  slutter: 'udgang ophører',
  booke: 'bestille',
  bookes: 'bestilles',
  booket: 'bestilt',
  booker: 'bestiller',
};

/**
 * Other forms the collection writes a query term in, found in its vocabulary: a derivation or inflection the
 * light stemmer leaves apart ("oplys" and "oplysning", "kald" and "kaldt"), that is, one of the two begins with
 * the other and is at most MAX_DERIVATION letters longer. Both must be MIN_DERIVATION letters or more, so short
 * stems do not reach into every compound that starts with them. Long words that share all but their last few
 * letters are forms of one word too ("fysioterapeut" and "fysioterapi", "akupunktør" and "akupunktur"): a shared
 * beginning of MIN_SIBLING letters, with at most MAX_SIBLING_ENDING letters after it in each.
 */
const MIN_DERIVATION = 5;
const MAX_DERIVATION = 4;
const MIN_SIBLING = 7;
const MAX_SIBLING_ENDING = 3;
function derivations(term: string, vocabulary: ReadonlySet<string>): string[] {
  if (term.length < MIN_DERIVATION || /\d/.test(term)) return [];
  const out: string[] = [];
  for (const v of vocabulary) {
    if (v === term || v.length < MIN_DERIVATION || Math.abs(v.length - term.length) > MAX_DERIVATION) continue;
    if (v.startsWith(term) || term.startsWith(v) || siblings(v, term)) out.push(v);
  }
  return out;
}

function siblings(a: string, b: string): boolean {
  if (a[0] !== b[0] || a.length < MIN_SIBLING || b.length < MIN_SIBLING) return false;
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared++;
  return shared >= MIN_SIBLING && a.length - shared <= MAX_SIBLING_ENDING && b.length - shared <= MAX_SIBLING_ENDING;
}

/**
 * A word of the question that the collection never writes, found inside the collection's own compounds: as the
 * last part of one ("invitation" in "kalenderinvitation"), or, when the word is a compound itself, by its first
 * part where the collection builds compounds on that part with words it also writes alone ("flekskonto" meets
 * "flekstid" and "flekssaldo" on "fleks": "tid" and "saldo" are words of their own there). Both sides must be
 * long enough to name something (MIN_KIN_TAIL, MIN_KIN_HEAD), and a few of the shortest such words are taken.
 */
const MIN_KIN_TAIL = 5;
const MIN_KIN_HEAD = 5;
const MIN_KIN_REST = 3;
const MAX_KIN = 4;
function compoundKin(term: string, vocabulary: ReadonlySet<string>): string[] {
  if (vocabulary.has(term) || /\d/.test(term)) return [];
  const kin: string[] = [];
  if (term.length >= MIN_KIN_TAIL) {
    for (const v of vocabulary) if (v.length - term.length >= MIN_KIN_REST && v.endsWith(term)) kin.push(v);
  }
  if (kin.length === 0) {
    // The longest first part the collection builds compounds on, in one pass over the vocabulary: each word is
    // tried at the parts it shares with the term, longest first.
    let longest = 0;
    for (const v of vocabulary) {
      if (v[0] !== term[0] || v === term) continue;
      let shared = 0;
      while (shared < term.length - MIN_KIN_REST && v[shared] === term[shared]) shared++;
      for (let i = shared; i >= Math.max(MIN_KIN_HEAD, longest); i--) {
        if (v.length - i < MIN_KIN_REST || !vocabulary.has(v.slice(i))) continue;
        if (i > longest) kin.length = 0;
        longest = i;
        kin.push(v);
        break;
      }
    }
  }
  return kin.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, MAX_KIN);
}

/**
 * For each term of the question, the lighter terms that stand for it: its synonyms, other forms and compound kin.
 * `alternatives` leaves out those the question has itself (they count in full already); `related` keeps them, as
 * what tells that the collection knows the word ("opkald" in a question that also says "ringe").
 */
function alternativesOf(
  tokens: string[],
  rawWords: string[],
  vocabulary: ReadonlySet<string>,
): { alternatives: Map<string, string[]>; related: Map<string, string[]> } {
  const alternatives = new Map<string, string[]>();
  const related = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, term: string, alt: string) => {
    const list = map.get(term) ?? [];
    if (!list.includes(alt)) list.push(alt);
    map.set(term, list);
  };
  const add = (term: string, alt: string) => {
    if (alt === term) return;
    push(related, term, alt);
    if (!tokens.includes(alt)) push(alternatives, term, alt);
  };
  for (const w of rawWords) {
    const syn = QUERY_SYNONYMS[w];
    if (!syn || w.length < 2 || STOP_WORDS.has(w)) continue;
    for (const t of tokenize(syn)) add(stem(w), t);
  }
  for (const t of new Set(tokens)) {
    for (const v of derivations(t, vocabulary)) add(t, v);
    for (const v of compoundKin(t, vocabulary)) add(t, v);
  }
  return { alternatives, related };
}

export interface IndexedChunk {
  id: string;
  documentId: string;
  filename: string;
  heading: string | null;
  text: string;
  startChar: number;
  endChar: number;
}

/** One word of the question and whether a passage has it: 1 itself, 0.5 a compound part or another form, 0 not. */
export interface TermSupport {
  term: string;
  /** Its idf in the collection: how telling the word is. */
  weight: number;
  found: number;
  /** Whether the collection has the word, or something that stands in for it, anywhere at all. */
  known: boolean;
}

export interface Hit {
  chunk: IndexedChunk;
  /** BM25 score: comparable within one query only. */
  score: number;
  /**
   * The score divided by ln(1 + number of chunks): idf, and with it the score, grows roughly with the log of
   * the collection's size, so this keeps one "not answered" threshold usable from a few documents to many.
   */
  relevance: number;
  /**
   * Share of the query's weight (sum of idf over its distinct terms) that this chunk contains, 0..1. Unlike the
   * raw score it is comparable across queries and collections, so the "not answered" threshold is set on it.
   */
  coverage: number;
  /** Each distinct word of the question, in order, with whether this chunk (its heading included) has it. */
  support: TermSupport[];
}

/**
 * The chunks of each document's first section, when the document has later sections with other headings. A
 * policy's opening ("Retningslinjen beskriver, hvordan …, hvornår … og hvem …") names every topic of the
 * document and answers none of them.
 */
function openingSections(chunks: readonly IndexedChunk[]): Set<string> {
  const byDocument = new Map<string, IndexedChunk[]>();
  for (const c of chunks) {
    const list = byDocument.get(c.documentId) ?? [];
    list.push(c);
    byDocument.set(c.documentId, list);
  }
  const out = new Set<string>();
  for (const list of byDocument.values()) {
    const ordered = [...list].sort((a, b) => a.startChar - b.startChar);
    const firstHeading = ordered[0]!.heading;
    const end = ordered.findIndex((c) => c.heading !== firstHeading);
    if (end < 0) continue;
    for (const c of ordered.slice(0, end)) out.add(c.id);
  }
  return out;
}

const K1 = 1.2;
const MIN_COLLECTION = 100;
const B = 0.75;

/** What an index is made of, computed in steps so that a large collection can be built between requests. */
interface Built {
  termIds: Map<string, number>;
  vocabulary: Set<string>;
  postingDocs: Int32Array[];
  postingTf: Float32Array[];
  idf: Float64Array;
  lengthNorm: Float64Array;
}

/** Chunks tokenized or weighed between two yields of buildSteps: a few milliseconds of work. */
const BUILD_BATCH = 50;

/** Builds the index, yielding after every BUILD_BATCH chunks (Bm25Index.build gives the event loop a turn there). */
function* buildSteps(chunks: IndexedChunk[], effectiveSize: number): Generator<void, Built> {
  const tokenized: string[][] = [];
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i]!;
    // The section heading names what the passage is about: its words count twice, as a title field would.
    const heading = tokenize(c.heading ?? '');
    tokenized.push([...heading, ...heading, ...tokenize(c.text)]);
    if (i % BUILD_BATCH === BUILD_BATCH - 1) yield;
  }
  // Compound parts are looked up among the words that occur on their own somewhere in the collection.
  const vocabulary = new Set<string>();
  for (const tokens of tokenized) for (const t of tokens) vocabulary.add(t);
  yield;
  const termIds = new Map<string, number>();
  const docs: number[][] = [];
  const tfs: number[][] = [];
  const lengths = new Float64Array(chunks.length);
  for (let d = 0; d < tokenized.length; d++) {
    const tf = weigh(tokenized[d]!, vocabulary);
    let len = 0;
    for (const [term, w] of tf) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = docs.length;
        termIds.set(term, id);
        docs.push([]);
        tfs.push([]);
      }
      docs[id]!.push(d);
      tfs[id]!.push(w);
      len += w;
    }
    lengths[d] = len;
    if (d % BUILD_BATCH === BUILD_BATCH - 1) yield;
  }
  const n = effectiveSize;
  const avg = lengths.reduce((s, x) => s + x, 0) / Math.max(1, chunks.length);
  return {
    termIds,
    vocabulary,
    postingDocs: docs.map((a) => Int32Array.from(a)),
    postingTf: tfs.map((a) => Float32Array.from(a)),
    idf: Float64Array.from(docs, (a) => Math.log(1 + (n - a.length + 0.5) / (a.length + 0.5))),
    lengthNorm: Float64Array.from(lengths, (len) => K1 * (1 - B + (B * len) / Math.max(1e-9, avg))),
  };
}

/** A question's terms with synonyms and other forms (Bm25Index.expand). */
interface Expansion {
  terms: Map<string, number>;
  core: Set<string>;
  alternatives: Map<string, string[]>;
  words: Map<string, string[]>;
  /** Per word of the question, every term that tells the collection knows it (synonyms it also has included). */
  related: Map<string, string[]>;
}

export class Bm25Index {
  readonly size: number;
  private readonly chunks: IndexedChunk[];
  private readonly termIds: Map<string, number>;
  private readonly vocabulary: Set<string>;
  private readonly postingDocs: Int32Array[];
  private readonly postingTf: Float32Array[];
  private readonly idf: Float64Array;
  private readonly lengthNorm: Float64Array;
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;
  private lastExpansion: { query: string; value: Expansion } | null = null;
  /** Ids of the chunks of each document's opening section (openingSections). */
  private readonly opening: Set<string>;

  /** Builds the index at once, on this thread (small collections, tests, benchmarks). */
  constructor(chunks: IndexedChunk[], built?: Built) {
    this.chunks = chunks;
    this.size = chunks.length;
    let b = built;
    if (!b) {
      const steps = buildSteps(chunks, this.effectiveSize);
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          b = r.value;
          break;
        }
      }
    }
    this.termIds = b.termIds;
    this.vocabulary = b.vocabulary;
    this.postingDocs = b.postingDocs;
    this.postingTf = b.postingTf;
    this.idf = b.idf;
    this.lengthNorm = b.lengthNorm;
    this.scratch = new Float64Array(this.effectiveSize);
    this.seen = new Uint8Array(this.effectiveSize);
    this.opening = openingSections(chunks);
  }

  /**
   * Whether a chunk lies in the opening section of its document (under the title, before the second heading)
   * while the document has sections after it: the part that says what the whole document is about.
   */
  opensDocument(chunk: IndexedChunk): boolean {
    return this.opening.has(chunk.id);
  }

  /**
   * The same index, built in steps with a turn of the event loop between them: a knowledge base of thousands
   * of passages takes a second or more to index, and other requests must not wait for it (docs/decisions/0012).
   */
  static async build(chunks: IndexedChunk[]): Promise<Bm25Index> {
    const steps = buildSteps(chunks, Math.max(chunks.length, MIN_COLLECTION));
    const pace = pacer();
    for (let r = steps.next(); ; r = steps.next()) {
      if (r.done) return new Bm25Index(chunks, r.value);
      await pace();
    }
  }

  /** The weight a term would have in a query: its idf, or the highest possible when the collection lacks it. */
  private termIdf(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? Math.log(1 + (this.effectiveSize + 0.5) / 0.5) : this.idf[id]!;
  }

  /**
   * The collection size idf is computed with: at least MIN_COLLECTION, so that in a knowledge base of one or
   * two documents a word found in one passage still counts as telling (plain BM25 would give it almost no
   * weight there), and scores stay on one scale from tiny collections to large ones.
   */
  private get effectiveSize(): number {
    return Math.max(this.size, MIN_COLLECTION);
  }

  /** The query's distinct terms with their weights (compound parts lighter), for scoring and for quoting. */
  queryTerms(query: string): Map<string, number> {
    return this.expand(query).terms;
  }

  /**
   * The query's terms with synonyms and other forms added as lighter terms; `core` are those of the question
   * itself, and `alternatives` what stands in for each of them when coverage is counted.
   */
  private expand(query: string): Expansion {
    // One question is expanded for its search and again for each passage's quote and signals: the other forms
    // are looked up over the whole vocabulary, so the last question's expansion is kept.
    if (this.lastExpansion?.query === query) return this.lastExpansion.value;
    const value = this.expandAnew(query);
    this.lastExpansion = { query, value };
    return value;
  }

  private expandAnew(query: string): Expansion {
    const tokens = tokenize(query);
    const terms = weigh(tokens, this.vocabulary);
    const core = new Set(terms.keys());
    const raw = query.toLowerCase().match(WORD) ?? [];
    const { alternatives, related } = alternativesOf(tokens, raw, this.vocabulary);
    for (const alts of alternatives.values()) for (const t of alts) if (!terms.has(t)) terms.set(t, PART_WEIGHT);
    // Each word of the question with what stands in for it at half weight: its compound parts, its alternatives.
    const words = new Map<string, string[]>();
    for (const t of tokens) if (!words.has(t)) words.set(t, [...compoundParts(t, this.vocabulary), ...(alternatives.get(t) ?? [])]);
    return { terms, core, alternatives, words, related };
  }

  /** The weight a question word carries: its idf in the collection (the highest there is for a word it lacks). */
  weightOf(term: string): number {
    return this.termIdf(term);
  }

  /** Each distinct word of the question and whether `text` has it, as `Hit.support` has it for a whole chunk. */
  supportIn(query: string, text: string): TermSupport[] {
    const present = this.termsOf(text);
    const { words, related } = this.expand(query);
    return [...words].map(([term, stands]) => ({
      term,
      weight: this.termIdf(term),
      found: present.has(term) ? 1 : stands.some((t) => present.has(t)) ? PART_WEIGHT : 0,
      known: this.knows(term, stands, related),
    }));
  }

  private knows(term: string, stands: readonly string[], related: Map<string, string[]>): boolean {
    return this.termIds.has(term) || stands.some((t) => this.termIds.has(t)) || (related.get(term) ?? []).some((t) => this.termIds.has(t));
  }

  /** The index terms of a piece of text, compound parts included. */
  termsOf(text: string): Set<string> {
    return new Set(weigh(tokenize(text), this.vocabulary).keys());
  }

  /** Weight of the query terms present in a piece of text (used to pick the sentence to quote). */
  matchWeight(terms: Map<string, number>, text: string): number {
    const present = weigh(tokenize(text), this.vocabulary);
    let sum = 0;
    for (const [t, w] of terms) if (present.has(t)) sum += this.termIdf(t) * Math.min(1, w);
    return sum;
  }

  search(query: string, k = 5): Hit[] {
    const { terms, core, alternatives, words, related } = this.expand(query);
    if (terms.size === 0 || this.size === 0) return [];
    const touched: number[] = [];
    const scratch = this.scratch;
    let total = 0;
    // Per core term: its weight in the question and the terms whose presence covers it (itself in full, a
    // synonym or another form at PART_WEIGHT).
    const covers: { weight: number; ids: [number, number][] }[] = [];
    for (const term of core) {
      const weight = this.termIdf(term) * Math.min(1, terms.get(term)!);
      total += weight;
      const own = this.termIds.get(term);
      const ids: [number, number][] = own === undefined ? [] : [[own, 1]];
      for (const alt of alternatives.get(term) ?? []) {
        const id = this.termIds.get(alt);
        if (id !== undefined) ids.push([id, PART_WEIGHT]);
      }
      covers.push({ weight, ids });
    }
    for (const [term, qw] of terms) {
      const weight = Math.min(1, qw);
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const idf = this.idf[id]! * weight;
      const docs = this.postingDocs[id]!;
      const tfs = this.postingTf[id]!;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const tf = tfs[i]!;
        if (!this.seen[d]) {
          this.seen[d] = 1;
          touched.push(d);
        }
        scratch[d]! += (idf * tf * (K1 + 1)) / (tf + this.lengthNorm[d]!);
      }
    }
    // Top k by a partial selection: the touched list is usually far smaller than the collection.
    const top: number[] = [];
    for (const d of touched) {
      if (top.length < k) {
        top.push(d);
        top.sort((a, b) => scratch[b]! - scratch[a]!);
      } else if (scratch[d]! > scratch[top[k - 1]!]!) {
        top[k - 1] = d;
        top.sort((a, b) => scratch[b]! - scratch[a]!);
      }
    }
    const hits = top.map((d) => {
      let covered = 0;
      for (const c of covers) {
        let credit = 0;
        for (const [id, share] of c.ids) if (share > credit && this.has(id, d)) credit = share;
        covered += c.weight * credit;
      }
      const score = scratch[d]!;
      const support: TermSupport[] = [];
      for (const [term, stands] of words) {
        const own = this.termIds.get(term);
        let found = own !== undefined && this.has(own, d) ? 1 : 0;
        for (const alt of stands) {
          if (found > 0) break;
          const id = this.termIds.get(alt);
          if (id !== undefined && this.has(id, d)) found = PART_WEIGHT;
        }
        support.push({ term, weight: this.termIdf(term), found, known: this.knows(term, stands, related) });
      }
      return { chunk: this.chunks[d]!, score, relevance: score / Math.log(1 + this.effectiveSize), coverage: total > 0 ? covered / total : 0, support };
    });
    for (const d of touched) {
      scratch[d] = 0;
      this.seen[d] = 0;
    }
    return hits;
  }

  private has(termId: number, doc: number): boolean {
    const docs = this.postingDocs[termId]!;
    // Postings are in ascending chunk order: binary search.
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = docs[mid]!;
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

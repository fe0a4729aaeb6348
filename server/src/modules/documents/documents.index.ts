import type { Deps } from '../../deps.js';
import type { Actor } from '../auth/auth.types.js';
import { embedForTrial } from '../gateway/gateway.service.js';
import { Bm25Index, type Hit, type IndexedChunk } from './retrieval.js';
import { decodeVector, fuse, VectorIndex } from './retrieval.hybrid.js';

/**
 * One BM25 index per trial, built from the database on first use and kept in memory, with a vector index
 * beside it when the trial's chunks have embeddings. It is keyed by the set of ready documents and the number
 * of embedded chunks, so an upload, a deletion or embeddings stored later (here, or on another instance behind
 * the same database) make the next search rebuild it.
 */
interface TrialSearch {
  signature: string;
  index: Bm25Index;
  chunks: IndexedChunk[];
  positions: Map<string, number>;
  /** Null when no chunk has a vector: the trial is searched by BM25 alone, exactly as without embeddings. */
  vectors: VectorIndex | null;
}
const cache = new Map<string, TrialSearch>();

/** Candidates taken from each ranking before fusion. */
const HYBRID_CANDIDATES = 20;

export function invalidateTrialIndex(trialId: string): void {
  cache.delete(trialId);
}

export async function trialIndex(deps: Deps, trialId: string): Promise<Bm25Index> {
  return (await trialSearch(deps, trialId)).index;
}

/** Builds under way, by trial and signature: searches that arrive meanwhile wait for the same build. */
const building = new Map<string, Promise<TrialSearch>>();

async function trialSearch(deps: Deps, trialId: string): Promise<TrialSearch> {
  const ready = await deps.db.document.findMany({
    where: { trialId, status: 'READY' },
    select: { id: true, filename: true },
    orderBy: { id: 'asc' },
  });
  const ids = ready.map((d) => d.id);
  // Without an embeddings model nothing can embed the question: skip the count, and the vectors, entirely.
  const canEmbed = !!deps.providers.configured.embed;
  const embedded = canEmbed && ids.length ? await deps.db.chunk.count({ where: { documentId: { in: ids }, embedding: { not: null } } }) : 0;
  const signature = `${ids.join(',')}#${embedded}`;
  const cached = cache.get(trialId);
  if (cached && cached.signature === signature) return cached;
  const key = `${trialId}#${signature}`;
  let pending = building.get(key);
  if (!pending) {
    pending = buildTrialSearch(deps, trialId, ready, embedded, signature).finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}

async function buildTrialSearch(
  deps: Deps,
  trialId: string,
  ready: { id: string; filename: string }[],
  embedded: number,
  signature: string,
): Promise<TrialSearch> {
  const ids = ready.map((d) => d.id);
  const names = new Map(ready.map((d) => [d.id, d.filename]));
  const rows = await deps.db.chunk.findMany({
    where: { documentId: { in: ids } },
    select: { id: true, documentId: true, text: true, startChar: true, endChar: true, heading: true, ...(embedded ? { embedding: true } : {}) },
    orderBy: [{ documentId: 'asc' }, { ordinal: 'asc' }],
  });
  const chunks: IndexedChunk[] = rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    text: r.text,
    startChar: r.startChar,
    endChar: r.endChar,
    heading: r.heading,
    filename: names.get(r.documentId) ?? '',
  }));
  const vectors = embedded ? new VectorIndex(rows.map((r) => decodeVector((r as { embedding?: Uint8Array | null }).embedding))) : null;
  const entry: TrialSearch = {
    signature,
    // Built in steps between other requests: thousands of passages take a second or more (docs/decisions/0012).
    index: await Bm25Index.build(chunks),
    chunks,
    positions: new Map(chunks.map((c, i) => [c.id, i])),
    vectors: vectors && vectors.size > 0 ? vectors : null,
  };
  cache.set(trialId, entry);
  return entry;
}

export interface Passage {
  documentId: string;
  filename: string;
  heading: string | null;
  /** The whole chunk, and where it lies in the document. */
  text: string;
  chunkStart: number;
  chunkEnd: number;
  /** The sentence or two within the chunk that best match the question, verbatim, and where they lie. */
  quote: string;
  startChar: number;
  endChar: number;
  score: number;
  /** Score relative to the collection's size: what the "not answered" threshold is set on. */
  relevance: number;
  coverage: number;
  /**
   * Cosine similarity of the passage's embedding to the question's, when hybrid retrieval found it among the
   * nearest vectors. Absent on BM25-only installations and searches.
   */
  similarity?: number;
}

/** Sentence spans of a passage: a stop, question or exclamation mark before a capital letter, or a line break. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const boundary = /(?<=[.!?:])[ \t]+(?=[A-ZÆØÅ"„«(])|\n+/g;
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
const ANSWER_TYPE_BONUS = 1.5;

/**
 * What kind of answer a question asks for, as a pattern the answering sentence would contain: "hvornår" and
 * "frist" want a date, "hvor dyr", "hvor mange" want a number. Used only to choose the sentence to quote.
 */
function answerType(question: string): RegExp | null {
  const q = question.toLowerCase();
  if (/\bhvornår\b|\bfrist|\bdeadline|\bsenest\b/.test(q)) {
    return /\b\d{1,2}\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\b|\bsenest\b|\binden\b/i;
  }
  if (/\bhvor (dyr|meget|mange|lang|længe|stor|høj)|\bbeløb|\bpris|\bkoste/.test(q)) return /\d/;
  return null;
}

/** In idf units: a sentence whose condition the question's figure meets outweighs its neighbours' wording. */
const CONDITION_BONUS = 10;
/** A list item is quoted with the sentence that introduces it ("… følgende dage:") when the whole fits this. */
const MAX_LEAD_IN_QUOTE = 900;

/** A Danish number: "120.000", "1.000", "2,08", "15". */
const NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/gu;
const toNumber = (s: string) => Number(s.replace(/\./g, '').replace(',', '.'));

/** Figures with their unit (the word after them, "kr", "dage", "år"), in the order they stand. */
function figures(text: string): { value: number; unit: string; before: string; after: string }[] {
  const out: { value: number; unit: string; before: string; after: string }[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const rest = text.slice(m.index + m[0].length);
    const unit = (/^\s*([\p{L}]+)/u.exec(rest)?.[1] ?? '').toLowerCase();
    out.push({ value: toNumber(m[0]), unit: unit.replace(/e?s$|e$|ene$/u, ''), before: text.slice(Math.max(0, m.index - 25), m.index).toLowerCase(), after: rest.slice(0, 40).toLowerCase() });
  }
  return out;
}

/**
 * Whether a sentence's conditions on a figure hold for the figure the question names (same unit): a rule with
 * thresholds ("under 50.000 kr.", "50.000 kr. eller derover, men under 500.000 kr.", "højst 400 kr.") is written
 * as one sentence per tier, and the tier to quote is the one whose conditions the question's figure meets.
 * 1 when it meets them all, -1 when it fails one, 0 when the sentence sets no condition on that unit.
 */
export function conditionFit(question: string, sentence: string): number {
  const asked = figures(question).filter((f) => f.unit);
  if (asked.length === 0) return 0;
  let fit = 0;
  for (const f of figures(sentence)) {
    const q = asked.find((a) => a.unit === f.unit);
    if (!q) continue;
    let holds: boolean | null = null;
    if (/(under|mindre end|op til|højst|ikke over|op til og med)\s*$/u.test(f.before)) holds = q.value < f.value || (/højst|op til/u.test(f.before) && q.value === f.value);
    else if (/(over|mere end|mindst|fra)\s*$/u.test(f.before)) holds = q.value > f.value || (/mindst|fra/u.test(f.before) && q.value === f.value);
    if (/^\s*\p{L}+\.?\s+(eller derover|eller mere|eller over)/u.test(f.after)) holds = q.value >= f.value;
    if (holds === null) continue;
    if (!holds) return -1;
    fit = 1;
  }
  return fit;
}

const LIST_ITEM = /^[ \t]*(?:[-*•]|\d{1,2}[.)])[ \t]+/u;

/**
 * A quote that starts inside a list introduced by a sentence ending in a colon starts at that sentence instead:
 * "Du kan holde fri med løn på disse dage:" is what makes "- 1. maj" an answer. Lists whose items stand on their
 * own (tiers of a rule, after a sentence without a colon) are quoted item by item.
 */
function withLeadIn(text: string, spans: { start: number; end: number }[], start: number, end: number): number {
  let k = spans.findIndex((s) => s.start === start);
  if (k <= 0 || !LIST_ITEM.test(text.slice(spans[k]!.start, spans[k]!.end))) return start;
  while (k > 0 && LIST_ITEM.test(text.slice(spans[k]!.start, spans[k]!.end))) k--;
  const lead = spans[k]!;
  const introduces = text.slice(lead.start, lead.end).trimEnd().endsWith(':');
  return introduces && end - lead.start <= MAX_LEAD_IN_QUOTE ? lead.start : start;
}

/** Narrows a hit to the sentences that best match the question, verbatim. */
export function toPassage(index: Bm25Index, query: string, hit: Hit): Passage {
  const { chunk } = hit;
  const terms = index.queryTerms(query);
  const spans = sentences(chunk.text);
  const wants = answerType(query);
  // The window of up to three sentences that contains the most of the question's weight (each term counted
  // once), the shortest such window on a tie.
  let start = 0;
  let end = chunk.text.length;
  let bestWeight = 0;
  let bestLength = Infinity;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i; j < Math.min(spans.length, i + MAX_QUOTE_SENTENCES); j++) {
      const slice = chunk.text.slice(spans[i]!.start, spans[j]!.end);
      let fails = false;
      let meets = false;
      for (let m = i; m <= j; m++) {
        const f = conditionFit(query, chunk.text.slice(spans[m]!.start, spans[m]!.end));
        fails ||= f < 0;
        meets ||= f > 0;
      }
      // Never quote a tier the question's figure does not meet; one it meets goes before the wording.
      if (fails) continue;
      const fit = meets ? 1 : 0;
      const w = index.matchWeight(terms, slice) + (wants && wants.test(slice) ? ANSWER_TYPE_BONUS : 0) + CONDITION_BONUS * fit;
      // More of the question wins; on a tie the shorter window (the answer is usually one dense sentence).
      if (w > bestWeight + 1e-9 || (w > 0 && Math.abs(w - bestWeight) <= 1e-9 && slice.length < bestLength)) {
        bestWeight = w;
        bestLength = slice.length;
        start = spans[i]!.start;
        end = spans[j]!.end;
      }
    }
  }
  start = withLeadIn(chunk.text, spans, start, end);
  // A chunk can span several sections: the quote's own heading is the last one before it inside the chunk.
  const inner = [...chunk.text.slice(0, start).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].pop();
  return {
    documentId: chunk.documentId,
    filename: chunk.filename,
    heading: inner ? inner[1]!.trim() : chunk.heading,
    text: chunk.text,
    chunkStart: chunk.startChar,
    chunkEnd: chunk.endChar,
    quote: chunk.text.slice(start, end),
    startChar: chunk.startChar + start,
    endChar: chunk.startChar + end,
    score: Math.round(hit.score * 1000) / 1000,
    relevance: Math.round(hit.relevance * 1000) / 1000,
    coverage: Math.round(hit.coverage * 1000) / 1000,
  };
}

/**
 * The best passages of a trial's knowledge base for a question, best first. BM25 alone, unless the trial's
 * chunks have embeddings and the question can be embedded under the trial's policy: then BM25 and vector
 * similarity are fused by reciprocal rank (docs/decisions/0007). A failed embedding of the question falls back
 * to BM25, so a provider outage never stops a search.
 */
export async function retrievePassages(
  deps: Deps,
  trialId: string,
  query: string,
  k = 5,
  actor: Pick<Actor, 'id' | 'role'> | null = null,
  /** The run the search is for (the knowledge-base assistant's), so the question's embedding is attributed to it. */
  runId?: string,
): Promise<Passage[]> {
  const search = await trialSearch(deps, trialId);
  const { index } = search;
  const queryVector = search.vectors ? await embedQuery(deps, actor, trialId, query, runId) : null;
  if (!search.vectors || !queryVector) return index.search(query, k).map((hit) => toPassage(index, query, hit));

  const lexical = index.search(query, Math.max(k, HYBRID_CANDIDATES));
  const hitAt = new Map(lexical.map((h) => [search.positions.get(h.chunk.id)!, h]));
  const fused = fuse([...hitAt.keys()], search.vectors.search(queryVector, Math.max(k, HYBRID_CANDIDATES)), k);
  return fused.map((f) => {
    // A chunk found by its vector alone shares no weighed word with the question: BM25 gives it nothing.
    const hit = hitAt.get(f.position) ?? { chunk: search.chunks[f.position]!, score: 0, relevance: 0, coverage: 0 };
    const passage = toPassage(index, query, hit);
    return f.similarity === null ? passage : { ...passage, similarity: Math.round(f.similarity * 1000) / 1000 };
  });
}

async function embedQuery(
  deps: Deps,
  actor: Pick<Actor, 'id' | 'role'> | null,
  trialId: string,
  query: string,
  runId: string | undefined,
): Promise<Float32Array | null> {
  if (!query.trim()) return null;
  try {
    const result = await embedForTrial(deps, actor, trialId, [query], { purpose: 'query', ...(runId ? { runId } : {}) });
    return result?.vectors[0] ?? null;
  } catch (err) {
    // A provider failure is already logged and audited with its kind; the search goes on with BM25. Bugs surface.
    if (err instanceof Error && err.name === 'ProviderError') return null;
    throw err;
  }
}

/** How many ready documents a trial's knowledge base has (an empty one gets its own answer). */
export async function countReadyDocuments(deps: Deps, trialId: string): Promise<number> {
  return deps.db.document.count({ where: { trialId, status: 'READY' } });
}

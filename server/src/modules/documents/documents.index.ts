import type { Deps } from '../../deps.js';
import type { Actor } from '../auth/auth.types.js';
import { embedForTrial, embeddingsConfigured } from '../gateway/gateway.service.js';
import { findTrialWithUnit } from '../trials/trials.service.js';
import { Bm25Index, tokenize, type Hit, type IndexedChunk, type TermSupport } from './retrieval.js';
import { figuresOf, sameUnit } from './documents.figures.js';
import { askingSentence, namedThings } from './documents.question.js';
import { chooseQuote, hasAskedKind } from './documents.quote.js';
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
  /** Each word of the question and whether the passage has it (retrieval.ts). */
  support: TermSupport[];
  /** The same for the quote and the section heading: what the answer shown actually says. */
  quoteSupport: TermSupport[];
  /** Whether the passage has the kind of figure the question asks for (a date, an amount …); null when it asks for none. */
  askedKind: boolean | null;
  /** Whether the quote lies in its document's opening section, which introduces the whole (retrieval.ts). */
  opening: boolean;
  /** Things the question names that the knowledge base has no word for ("julegave", "kantine"). */
  unknownThings: string[];
  /** Figures of the question that the passage has no figure of the same unit for. */
  missingFigures: string[];
  /**
   * Cosine similarity of the passage's embedding to the question's, when hybrid retrieval found it among the
   * nearest vectors. Absent on BM25-only installations and searches.
   */
  similarity?: number;
}

/**
 * Narrows a hit to the sentences that best match the question, verbatim, with the signals the answer decision
 * reads (assistants/documents/documents.decide.ts).
 */
export function toPassage(index: Bm25Index, query: string, hit: Hit): Passage {
  const { chunk } = hit;
  const { start, end } = chooseQuote(index, query, chunk.text, chunk.heading);
  // A passage of several short sections (documents.chunk.ts), or one indexed before passages kept to sections,
  // spans several headings: the quote's own heading is the last one before it inside the passage.
  const inner = [...chunk.text.slice(0, start).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)].pop();
  const heading = inner ? inner[1]!.trim() : chunk.heading;
  return {
    documentId: chunk.documentId,
    filename: chunk.filename,
    heading,
    text: chunk.text,
    chunkStart: chunk.startChar,
    chunkEnd: chunk.endChar,
    quote: chunk.text.slice(start, end),
    startChar: chunk.startChar + start,
    endChar: chunk.startChar + end,
    score: Math.round(hit.score * 1000) / 1000,
    relevance: Math.round(hit.relevance * 1000) / 1000,
    coverage: Math.round(hit.coverage * 1000) / 1000,
    support: hit.support,
    quoteSupport: index.supportIn(query, `${heading ?? ''}\n${chunk.text.slice(start, end)}`),
    askedKind: hasAskedKind(query, chunk.text),
    opening: !inner && index.opensDocument(chunk),
    unknownThings: unknownThings(query, hit.support),
    missingFigures: missingFigures(query, chunk.text),
  };
}

/**
 * The things the question names (documents.question.ts) that the knowledge base has no word for at all. Of a
 * compound written with a hyphen ("Outlook-invitation", "Teams-møde") the last part names the thing; the first
 * only says which kind.
 */
function unknownThings(query: string, support: readonly TermSupport[]): string[] {
  const unknown = new Set(support.filter((s) => !s.known).map((s) => s.term));
  return [...new Set(namedThings(query).flatMap((w) => tokenize(w.split('-').at(-1)!)))].filter((t) => unknown.has(t));
}

/**
 * The asking sentence's own figures ("25.000 km", "fylder 70", "20 kilo") that the passage has no figure of the
 * same unit for: a rule that answers it would set its condition on that unit. A time of day and a numbered label
 * ("3. klasse") are left out: rules seldom repeat them. So are the figures of the situation told before the
 * question ("Min søn på 15 …", "Jeg har 12 timer i minus."): they tell the case, and the rule that answers it
 * may not count them at all.
 */
function missingFigures(query: string, text: string): string[] {
  const own = figuresOf(text);
  return figuresOf(askingSentence(query))
    .filter((f) => f.unit && f.unit !== 'kl' && !f.ordinal && !own.some((g) => sameUnit(f.unit, g.unit)))
    .map((f) => `${f.value} ${f.unit}`);
}

const weightedShare = (support: readonly TermSupport[]): number => {
  let total = 0;
  let found = 0;
  for (const s of support) {
    total += s.weight;
    found += s.weight * s.found;
  }
  return total > 0 ? found / total : 0;
};

/** A passage without the kind of figure the question asks for ("hvornår" and no date or deadline) counts this much. */
const MISSING_KIND = 0.6;
/**
 * A document's opening section counts this much when a later section of the same document is a candidate too:
 * the opening names the topics (and so the question's words), the section names the rule.
 */
const OPENING = 0.6;
/** Candidates BM25 hands to the passage ranking. */
const RERANK_POOL = 8;

/**
 * The best passages for a question by BM25, then ranked again by how much of the question their best sentences
 * hold together (the quote, with the section heading), whether they have the kind of figure asked for, and
 * whether a more specific section of the same document is a candidate too.
 */
export function rankPassages(index: Bm25Index, query: string, k: number): Passage[] {
  const passages = index.search(query, Math.max(k, RERANK_POOL)).map((hit) => toPassage(index, query, hit));
  const specific = new Set(passages.filter((p) => !p.opening).map((p) => p.documentId));
  const score = (p: Passage) =>
    p.relevance *
    (1 + weightedShare(p.quoteSupport)) *
    (p.askedKind === false ? MISSING_KIND : 1) *
    (p.opening && specific.has(p.documentId) ? OPENING : 1);
  return passages.map((p) => ({ p, s: score(p) })).sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.p);
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
  if (!search.vectors || !queryVector) return rankPassages(index, query, k);

  const lexical = index.search(query, Math.max(k, HYBRID_CANDIDATES));
  const hitAt = new Map(lexical.map((h) => [search.positions.get(h.chunk.id)!, h]));
  const fused = fuse([...hitAt.keys()], search.vectors.search(queryVector, Math.max(k, HYBRID_CANDIDATES)), k);
  return fused.map((f) => {
    // A chunk found by its vector alone shares no weighed word with the question: BM25 gives it nothing.
    const hit = hitAt.get(f.position) ?? { chunk: search.chunks[f.position]!, score: 0, relevance: 0, coverage: 0, support: [] };
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
  if (!query.trim() || !embeddingsConfigured(deps)) return null;
  try {
    const trial = await findTrialWithUnit(deps.db, trialId);
    if (!trial) return null;
    const result = await embedForTrial(deps, actor, trial, [query], { purpose: 'query', ...(runId ? { runId } : {}) });
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

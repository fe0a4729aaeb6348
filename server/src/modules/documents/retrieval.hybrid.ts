/**
 * Vector similarity over knowledge-base chunks, in process, and its fusion with BM25 (docs/decisions/0007).
 * Used only where a trial's chunks have embeddings; BM25 alone stays the answer everywhere else.
 */

/** Vectors longer than this are first compared on a short sketch, then the best candidates exactly. */
export const SKETCH_DIMS = 256;
/** How many sketch candidates are compared exactly: enough that the true top few are among them. */
const RERANK = 200;
/** The usual constant of reciprocal rank fusion (Cormack et al. 2009): ranks past the first few count little. */
export const RRF_K = 60;

export interface VectorHit {
  /** Position of the chunk in the collection the index was built from. */
  position: number;
  similarity: number;
}

/** A small seeded generator, so a sketch is the same on every instance and in every run (and the benchmark's
 * collection the same in every run). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i]! * v[i]!;
  const norm = Math.sqrt(sum);
  const out = new Float32Array(v.length);
  if (norm > 0) for (let i = 0; i < v.length; i++) out[i] = v[i]! / norm;
  return out;
}

function dot(a: Float32Array, aOffset: number, b: Float32Array, dims: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j + 3 < dims; j += 4) {
    s0 += a[aOffset + j]! * b[j]!;
    s1 += a[aOffset + j + 1]! * b[j + 1]!;
    s2 += a[aOffset + j + 2]! * b[j + 2]!;
    s3 += a[aOffset + j + 3]! * b[j + 3]!;
  }
  for (; j < dims; j++) s0 += a[aOffset + j]! * b[j]!;
  return s0 + s1 + s2 + s3;
}

/**
 * The k largest (position, score) pairs, best first. Sorted arrays with binary insertion: after the first k,
 * only a score above the current k-th is inserted, which in a scan of n scores happens about k·ln(n/k) times.
 */
function topK(scores: Float32Array, k: number, only?: Int32Array): VectorHit[] {
  const pos = new Int32Array(k);
  const val = new Float32Array(k);
  let size = 0;
  const consider = (position: number) => {
    const v = scores[position]!;
    if (size === k && v <= val[k - 1]!) return;
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (val[mid]! >= v) lo = mid + 1;
      else hi = mid;
    }
    const end = Math.min(size, k - 1);
    pos.copyWithin(lo + 1, lo, end);
    val.copyWithin(lo + 1, lo, end);
    pos[lo] = position;
    val[lo] = v;
    if (size < k) size++;
  };
  if (only) for (const p of only) consider(p);
  else for (let p = 0; p < scores.length; p++) consider(p);
  return Array.from({ length: size }, (_, i) => ({ position: pos[i]!, similarity: val[i]! }));
}

/**
 * Cosine similarity over the chunks that have a vector. Vectors are normalised once, so a query costs one dot
 * product per chunk. Above SKETCH_DIMS dimensions (OpenAI's 1,536) a full scan of 10,000 chunks takes about
 * 9 ms in Node, over the 5 ms budget: the scan then runs on a signed sum of each group of dimensions (a sparse
 * random projection, which keeps dot products in expectation), and the RERANK best are compared exactly.
 */
export class VectorIndex {
  readonly dims: number;
  readonly size: number;
  private readonly positions: Int32Array;
  private readonly matrix: Float32Array;
  private readonly sketchDims: number;
  private readonly sketch: Float32Array | null;
  private readonly bucket: Int32Array | null;
  private readonly sign: Float32Array | null;
  private readonly scores: Float32Array;

  /** `vectors[i]` belongs to chunk i; chunks without one (or of another length) are left out. */
  constructor(vectors: readonly (Float32Array | null | undefined)[]) {
    const first = vectors.find((v): v is Float32Array => !!v && v.length > 0);
    this.dims = first?.length ?? 0;
    const kept: number[] = [];
    vectors.forEach((v, i) => {
      if (v && v.length === this.dims && this.dims > 0) kept.push(i);
    });
    this.positions = Int32Array.from(kept);
    this.size = kept.length;
    this.matrix = new Float32Array(this.size * this.dims);
    kept.forEach((p, row) => this.matrix.set(normalise(vectors[p]!), row * this.dims));
    this.scores = new Float32Array(this.size);

    if (this.dims > SKETCH_DIMS) {
      this.sketchDims = SKETCH_DIMS;
      const random = rng(0x5eed);
      this.bucket = Int32Array.from({ length: this.dims }, (_, j) => j % SKETCH_DIMS);
      this.sign = Float32Array.from({ length: this.dims }, () => (random() < 0.5 ? -1 : 1));
      this.sketch = new Float32Array(this.size * SKETCH_DIMS);
      for (let row = 0; row < this.size; row++) this.project(this.matrix, row * this.dims, this.sketch, row * SKETCH_DIMS);
    } else {
      this.sketchDims = this.dims;
      this.sketch = null;
      this.bucket = null;
      this.sign = null;
    }
  }

  private project(from: Float32Array, fromOffset: number, to: Float32Array, toOffset: number): void {
    for (let j = 0; j < this.dims; j++) to[toOffset + this.bucket![j]!]! += this.sign![j]! * from[fromOffset + j]!;
  }

  /** The k chunks most similar to the query vector, best first, with their cosine similarity. */
  search(query: Float32Array, k: number): VectorHit[] {
    if (this.size === 0 || query.length !== this.dims || k <= 0) return [];
    const q = normalise(query);
    let rows: VectorHit[];
    if (this.sketch) {
      const qs = new Float32Array(this.sketchDims);
      this.project(q, 0, qs, 0);
      for (let row = 0; row < this.size; row++) this.scores[row] = dot(this.sketch, row * this.sketchDims, qs, this.sketchDims);
      const candidates = topK(this.scores, Math.max(k, RERANK));
      for (const c of candidates) this.scores[c.position] = dot(this.matrix, c.position * this.dims, q, this.dims);
      rows = topK(this.scores, k, Int32Array.from(candidates, (c) => c.position));
    } else {
      for (let row = 0; row < this.size; row++) this.scores[row] = dot(this.matrix, row * this.dims, q, this.dims);
      rows = topK(this.scores, k);
    }
    return rows.map((r) => ({ position: this.positions[r.position]!, similarity: r.similarity }));
  }
}

export interface Fused {
  position: number;
  /** Reciprocal rank fusion score: sum of 1 / (RRF_K + rank) over the lists the chunk is in. */
  rrf: number;
  /** Rank in the BM25 list (0 = best), when the chunk is in it. */
  bm25Rank: number | null;
  similarity: number | null;
}

/**
 * Reciprocal rank fusion of the BM25 ranking and the vector ranking, best first. Ranks rather than scores:
 * BM25 scores and cosine similarities are on scales that cannot be added. A tie keeps BM25's order.
 */
export function fuse(bm25: readonly number[], vectors: readonly VectorHit[], k: number): Fused[] {
  const byPosition = new Map<number, Fused>();
  bm25.forEach((position, rank) => byPosition.set(position, { position, rrf: 1 / (RRF_K + rank + 1), bm25Rank: rank, similarity: null }));
  vectors.forEach((hit, rank) => {
    const f = byPosition.get(hit.position) ?? { position: hit.position, rrf: 0, bm25Rank: null, similarity: null };
    f.rrf += 1 / (RRF_K + rank + 1);
    f.similarity = hit.similarity;
    byPosition.set(hit.position, f);
  });
  return [...byPosition.values()]
    .sort((a, b) => b.rrf - a.rrf || (a.bm25Rank ?? Infinity) - (b.bm25Rank ?? Infinity))
    .slice(0, k);
}

/** A vector stored in Chunk.embedding: Float32, little-endian. */
export function encodeVector(v: Float32Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(v.length * 4);
  const view = new DataView(out.buffer);
  v.forEach((x, i) => view.setFloat32(i * 4, x, true));
  return out;
}

export function decodeVector(bytes: Uint8Array | null | undefined): Float32Array | null {
  if (!bytes || bytes.byteLength === 0 || bytes.byteLength % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

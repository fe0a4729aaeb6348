import { describe, expect, it } from 'vitest';
import { Bm25Index, type IndexedChunk } from './retrieval.js';
import { decodeVector, encodeVector, fuse, SKETCH_DIMS, VectorIndex } from './retrieval.hybrid.js';

const chunk = (id: string, text: string): IndexedChunk => ({ id, documentId: 'd1', filename: 'regler.md', heading: null, text, startChar: 0, endChar: text.length });

/** A unit vector along one axis, with a little of another: stands in for what an embeddings model returns. */
function axis(dims: number, main: number, other = -1, weight = 0): Float32Array {
  const v = new Float32Array(dims);
  v[main] = 1;
  if (other >= 0) v[other] = weight;
  return v;
}

describe('hybrid retrieval', () => {
  const chunks = [
    chunk('c0', 'Sommerferien skal holdes i perioden fra 1. maj til 30. september.'),
    chunk('c1', 'Mistænkelige mails skal sendes til IT-sikkerhed, og links må ikke åbnes.'),
    chunk('c2', 'Gaver fra borgere må højst have en værdi af 200 kroner.'),
    chunk('c3', 'Arbejdsmails må aldrig sendes videre til en privat adresse.'),
  ];
  // The "embeddings": c3 and the question point the same way, although they share no word.
  const vectors = [axis(8, 0), axis(8, 1), axis(8, 2), axis(8, 3, 1, 0.2)];
  const question = 'Må jeg dele beskederne med familien derhjemme?';
  const questionVector = axis(8, 3);

  it('when a passage shares no word with the question but its vector is closest, then fusion finds it first', () => {
    const bm25 = new Bm25Index(chunks);
    const lexical = bm25.search(question, 20).map((h) => chunks.indexOf(h.chunk));
    expect(lexical).not.toContain(3);

    const nearest = new VectorIndex(vectors).search(questionVector, 20);
    const fused = fuse(lexical, nearest, 5);

    expect(fused[0]).toMatchObject({ position: 3, bm25Rank: null });
    expect(fused[0]!.similarity).toBeCloseTo(1 / Math.hypot(1, 0.2), 5);
  });

  it('keeps BM25’s order where the vectors have nothing to add, and ranks a chunk both lists agree on first', () => {
    expect(fuse([2, 0, 1], [], 3).map((f) => f.position)).toEqual([2, 0, 1]);
    const fused = fuse([0, 1, 2], [{ position: 1, similarity: 0.9 }, { position: 3, similarity: 0.8 }], 4);
    expect(fused.map((f) => f.position)).toEqual([1, 0, 3, 2]);
  });

  it('leaves out chunks without a vector and maps hits back to the chunk positions', () => {
    const index = new VectorIndex([axis(4, 0), null, axis(4, 1)]);
    expect(index.size).toBe(2);
    expect(index.search(axis(4, 1), 1)).toEqual([{ position: 2, similarity: 1 }]);
    // A query of another length (another model) finds nothing rather than something wrong.
    expect(index.search(axis(8, 1), 1)).toEqual([]);
  });

  it('with long vectors, the sketch and the exact rerank find the same nearest chunks as a full scan', () => {
    const dims = 1536;
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647) * 2 - 1;
    const many = Array.from({ length: 2000 }, () => Float32Array.from({ length: dims }, random));
    expect(dims).toBeGreaterThan(SKETCH_DIMS);
    const index = new VectorIndex(many);
    for (const target of [5, 777, 1999]) {
      // A query near one chunk: that chunk with a little noise.
      const q = Float32Array.from(many[target]!, (x) => x + 0.5 * random());
      expect(index.search(q, 1)[0]!.position).toBe(target);
    }
  });

  it('stores a vector as little-endian Float32 and reads it back', () => {
    const v = Float32Array.from([0.25, -1.5, 3e-7]);
    const bytes = encodeVector(v);
    expect(bytes.byteLength).toBe(12);
    expect(new DataView(bytes.buffer).getFloat32(4, true)).toBe(-1.5);
    expect(decodeVector(bytes)).toEqual(v);
    expect(decodeVector(null)).toBeNull();
  });
});

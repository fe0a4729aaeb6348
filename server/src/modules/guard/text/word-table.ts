import * as chars from './chars.js';

const { HASH_SEED, hashString, hashStep } = chars;
const LOWER = chars.LOWER;
const TABLE_SIZE = chars.TABLE_SIZE;

/**
 * A case-insensitive word table keyed by a hash the scanner computes while it reads a word, so a lookup
 * allocates nothing and a miss costs one or two array reads. Open addressing in typed arrays; entries carry
 * bit flags (merged when a word is added twice) and an optional payload.
 */
export class WordTable<P = unknown> {
  private keys: string[] = [];
  private hashes: number[] = [];
  readonly flags: number[] = [];
  readonly payload: (P | undefined)[] = [];
  private index = new Map<string, number>();
  /**
   * Open addressing: slot s holds the word's hash at 2s and its id at 2s + 1 (-1 when empty), so a probe reads
   * one cache line. The words themselves are lower-cased code units in one array, word id at
   * keyChars[keyStart[id], keyStart[id + 1]). A lookup per word of the text, at random places in tables of
   * hundreds of kilobytes, waited on memory more than it computed.
   */
  private slots: Int32Array = new Int32Array(0);
  private keyStart: Int32Array = new Int32Array(1);
  private keyChars: Uint16Array = new Uint16Array(0);
  private mask = 0;

  /** Adds (or merges into) a word; returns its id. The word is lower-cased. */
  add(word: string, flags: number, payload?: P): number {
    const key = word.toLowerCase();
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.hashes.push(hashString(key));
      this.flags.push(0);
      this.payload.push(undefined);
      this.index.set(key, id);
    }
    this.flags[id]! |= flags;
    if (payload !== undefined) this.payload[id] = payload;
    return id;
  }

  /** Id of a word added so far (case-insensitive), or -1; usable before `freeze`. */
  idOf(word: string): number {
    return this.index.get(word.toLowerCase()) ?? -1;
  }

  get size(): number {
    return this.keys.length;
  }

  word(id: number): string {
    return this.keys[id]!;
  }

  /** Builds the hash index; call once after the last add. */
  freeze(): this {
    let size = 16;
    while (size < this.keys.length * 2) size <<= 1;
    this.slots = new Int32Array(2 * size);
    for (let s = 0; s < size; s++) this.slots[2 * s + 1] = -1;
    this.mask = size - 1;
    for (let id = 0; id < this.keys.length; id++) {
      let s = this.hashes[id]! & this.mask;
      while (this.slots[2 * s + 1] !== -1) s = (s + 1) & this.mask;
      this.slots[2 * s] = this.hashes[id]!;
      this.slots[2 * s + 1] = id;
    }
    this.keyStart = new Int32Array(this.keys.length + 1);
    let chars = 0;
    for (let id = 0; id < this.keys.length; id++) {
      this.keyStart[id] = chars;
      chars += this.keys[id]!.length;
    }
    this.keyStart[this.keys.length] = chars;
    this.keyChars = new Uint16Array(chars);
    for (let id = 0; id < this.keys.length; id++) {
      const key = this.keys[id]!;
      for (let k = 0; k < key.length; k++) this.keyChars[this.keyStart[id]! + k] = key.charCodeAt(k);
    }
    return this;
  }

  /** Id of text[start, end) (any case), given its hash; -1 when absent. */
  find(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    let s = hash & this.mask;
    for (;;) {
      const id = slots[2 * s + 1]!;
      if (id === -1) return -1;
      if (slots[2 * s] === hash && this.equals(id, text, start, end)) return id;
      s = (s + 1) & this.mask;
    }
  }

  /** Convenience for cold paths: hashes the range itself. */
  lookup(text: string, start: number, end: number): number {
    let h = HASH_SEED;
    for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
    return this.find(text, start, end, h);
  }

  flagsOf(text: string, start: number, end: number): number {
    const id = this.lookup(text, start, end);
    return id < 0 ? 0 : this.flags[id]!;
  }

  /** Id of the reversed range text[end - len, end) read backwards; used by SuffixTable. */
  findReversed(text: string, end: number, len: number, hash: number): number {
    let s = hash & this.mask;
    for (;;) {
      const id = this.slots[2 * s + 1]!;
      if (id === -1) return -1;
      if (this.slots[2 * s] === hash) {
        const key = this.keys[id]!;
        let same = key.length === len;
        for (let k = 0; same && k < len; k++) {
          const c = text.charCodeAt(end - 1 - k);
          same = key.charCodeAt(k) === (c < TABLE_SIZE ? LOWER[c]! : c);
        }
        if (same) return id;
      }
      s = (s + 1) & this.mask;
    }
  }

  private equals(id: number, text: string, start: number, end: number): boolean {
    const from = this.keyStart[id]!;
    const len = this.keyStart[id + 1]! - from;
    if (len !== end - start) return false;
    const chars = this.keyChars;
    for (let k = 0; k < len; k++) {
      const c = text.charCodeAt(start + k);
      if (chars[from + k] !== (c < TABLE_SIZE ? LOWER[c]! : c)) return false;
    }
    return true;
  }
}

/**
 * Word endings with flags and a minimum stem length each ("vej" needs a stem of 2: "Tværvej"). A dense trie
 * over the reversed endings (Latin-1 after lower-casing), so matching reads the word backwards one array
 * lookup per character and most words leave after one or two characters. A node's row has one column per
 * letter the endings use (not per Latin-1 character), so the table stays small enough to sit in the cache.
 */
export class SuffixTable {
  private pending: { reversed: string; flags: number; minStem: number }[] = [];
  /** Column of a lower-cased Latin-1 character in a node's row; 0 for characters no ending uses. */
  private column = new Uint8Array(256);
  private width = 1;
  /** next[node * width + column] = child node (0 = none; node 0 is the root and never a child). */
  private next: Uint16Array = new Uint16Array(1);
  private nodeFlags: number[] = [0];
  private nodeMinStem: number[] = [0];
  /** The two above as typed arrays once frozen (a node no ending ends at needs an unreachable stem). */
  private flagsOfNode = new Int32Array(1);
  private minStemOfNode = new Int32Array(1);

  add(suffix: string, flags: number, minStem: number): void {
    this.pending.push({ reversed: [...suffix.toLowerCase()].reverse().join(''), flags, minStem });
  }

  freeze(): this {
    let nodes = 1;
    const edges = new Map<number, number>();
    const child = (node: number, c: number): number => {
      const key = node * 256 + c;
      let n = edges.get(key);
      if (n === undefined) {
        n = nodes++;
        edges.set(key, n);
        this.nodeFlags.push(0);
        this.nodeMinStem.push(Infinity);
      }
      return n;
    };
    for (const { reversed, flags, minStem } of this.pending) {
      let node = 0;
      for (let i = 0; i < reversed.length; i++) {
        const c = reversed.charCodeAt(i);
        if (c > 0xff) throw new Error(`suffix outside Latin-1: ${reversed}`);
        node = child(node, c);
      }
      this.nodeFlags[node]! |= flags;
      this.nodeMinStem[node] = Math.min(this.nodeMinStem[node]!, minStem);
    }
    if (nodes > 0xffff) throw new Error('too many suffix nodes');
    let width = 1;
    for (const key of edges.keys()) {
      const c = key % 256;
      if (this.column[c] === 0) this.column[c] = width++;
    }
    this.width = width;
    this.next = new Uint16Array(nodes * width);
    for (const [key, n] of edges) this.next[Math.floor(key / 256) * width + this.column[key % 256]!] = n;
    this.flagsOfNode = Int32Array.from(this.nodeFlags);
    this.minStemOfNode = Int32Array.from(this.nodeMinStem, (m) => Math.min(m, 0x7fffffff));
    this.pending = [];
    return this;
  }

  /** OR of the flags of every suffix that ends text[start, end) with a long enough stem (0 when none). */
  match(text: string, start: number, end: number): number {
    const next = this.next;
    const column = this.column;
    const width = this.width;
    let node = 0;
    let flags = 0;
    for (let i = end - 1; i > start; i--) {
      const c = text.charCodeAt(i);
      const lc = c < TABLE_SIZE ? LOWER[c]! : c;
      if (lc > 0xff) return flags;
      const k = column[lc]!;
      if (k === 0) return flags;
      node = next[node * width + k]!;
      if (node === 0) return flags;
      const f = this.flagsOfNode[node]!;
      if (f !== 0 && i - start >= this.minStemOfNode[node]!) flags |= f;
    }
    return flags;
  }
}

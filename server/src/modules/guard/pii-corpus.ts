import { DataClass } from './guard.types.js';

/** One annotated text, in the format of /work/shared/fixtures/pii (plus optional decoys). */
export interface AnnotatedText {
  id: string;
  kind: string;
  text: string;
  entities: { type: DataClass; start: number; end: number; value: string }[];
  /** Strings that look like CPR numbers but are not; no CPR may be found overlapping them. */
  decoys?: { start: number; end: number; value: string }[];
}

/** Parses JSON Lines of annotated texts; throws with the line number on a malformed line. */
export function parseAnnotatedJsonl(content: string): AnnotatedText[] {
  const docs: AnnotatedText[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    let doc: AnnotatedText;
    try {
      doc = JSON.parse(line) as AnnotatedText;
    } catch (err) {
      throw new Error(`line ${i + 1}: not valid JSON (${(err as Error).message})`);
    }
    if (typeof doc.id !== 'string' || typeof doc.text !== 'string' || !Array.isArray(doc.entities)) {
      throw new Error(`line ${i + 1}: expected {"id", "text", "entities"}`);
    }
    docs.push(doc);
  }
  return docs;
}

const MARK = /\{\{([A-Z_]+)\|([^{}]*)\}\}/g;

/**
 * Parses the marked-up source form of a corpus: blocks that start with "=== <id> <kind>", inline
 * {{TYPE|value}} for entities and {{DECOY|value}} for decoys. Lines starting with "#" before the first
 * block are comments.
 */
export function parseMarkedCorpus(source: string): AnnotatedText[] {
  const docs: AnnotatedText[] = [];
  const blocks = source.split(/^=== /m).slice(1);
  for (const block of blocks) {
    const nl = block.indexOf('\n');
    const [id, kind] = block.slice(0, nl).trim().split(/\s+/);
    if (!id || !kind) throw new Error(`bad block header: ${block.slice(0, nl)}`);
    const marked = block.slice(nl + 1).replace(/\n+$/, '');
    let text = '';
    let last = 0;
    const entities: AnnotatedText['entities'] = [];
    const decoys: NonNullable<AnnotatedText['decoys']> = [];
    for (const m of marked.matchAll(MARK)) {
      text += marked.slice(last, m.index);
      const start = text.length;
      const value = m[2]!;
      text += value;
      if (m[1] === 'DECOY') decoys.push({ start, end: text.length, value });
      else entities.push({ type: DataClass.parse(m[1]), start, end: text.length, value });
      last = m.index + m[0].length;
    }
    text += marked.slice(last);
    if (text.includes('{{') || text.includes('}}')) throw new Error(`${id}: unbalanced markup`);
    docs.push({ id, kind, text, entities, ...(decoys.length ? { decoys } : {}) });
  }
  return docs;
}

import type { TranscriptRef } from './minutes.types.js';

/**
 * Where the words of a transcript stand in the text the person ran: one segment per WebVTT cue (its id, start
 * time and line) or per line of "Name: text" lines and notes. A decision or task found in a sentence is linked
 * to the segments that sentence was said in, so the reviewer can open the very words it rests on.
 */
export interface Segment {
  line: number;
  cue?: string;
  at?: string;
  speaker: string | null;
  text: string;
}

const VTT_TIMING = /^\s*(\d{1,2}:\d{2}(?::\d{2})?)[.,]\d{3}\s+-->\s+/;
const VOICE = /<v(?:\.[^ >]*)?\s+([^>]+)>/u;
const SPEAKER_LINE = /^(\[[A-Z]+(?:_[A-Z]+)*_\d+\]|\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,3}):\s+(\S.*)$/u;
const clean = (s: string) => s.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

export function segmentsOf(text: string): Segment[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: Segment[] = [];
  if (/^WEBVTT/.test(lines[0]?.trim() ?? '')) {
    let speaker: string | null = null;
    for (let i = 0; i < lines.length; i++) {
      const timing = VTT_TIMING.exec(lines[i]!);
      if (!timing) continue;
      const id = i > 0 && lines[i - 1]!.trim() && !VTT_TIMING.test(lines[i - 1]!) ? lines[i - 1]!.trim() : undefined;
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim()) body.push(lines[j++]!);
      const joined = body.join(' ');
      const voice = VOICE.exec(joined);
      if (voice) speaker = clean(voice[1]!);
      const said = clean(joined);
      if (said) out.push({ line: i + 2, ...(id ? { cue: id } : {}), at: timing[1]!, speaker, text: said });
      i = j - 1;
    }
    return out;
  }
  lines.forEach((l, i) => {
    const said = clean(l);
    if (!said) return;
    const m = SPEAKER_LINE.exec(said);
    out.push({ line: i + 1, speaker: m ? m[1]! : null, text: m ? m[2]! : said });
  });
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The segments a sentence was said in: the one holding its beginning, through the one holding its end. `normed` is
 * the segments' text as `norm` gives it, when the caller has it already (References keeps it for every cite).
 */
export function locate(segments: Segment[], sentence: string, normed: string[] = segments.map((s) => norm(s.text))): number[] {
  const words = norm(sentence).split(' ').filter(Boolean);
  if (!words.length) return [];
  const head = words.slice(0, 6).join(' ');
  const tail = words.slice(-6).join(' ');
  // The first six words, and only when no segment has them, the first three ("han får et" is in many lines).
  let start = normed.findIndex((t) => t.includes(head));
  if (start < 0 && words.length > 3) start = normed.findIndex((t) => t.includes(words.slice(0, 3).join(' ')));
  if (start < 0) {
    const only = normed.findIndex((t) => t.includes(tail));
    return only < 0 ? [] : [only];
  }
  for (let k = start; k < Math.min(normed.length, start + 4); k++) if (normed[k]!.includes(tail)) return range(start, k);
  return [start];
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** The cited segments as references, numbered in the order they are first cited. */
export class References {
  readonly sources: TranscriptRef[] = [];
  private readonly index = new Map<number, number>();
  private readonly normed: string[];
  constructor(private readonly segments: Segment[]) {
    this.normed = segments.map((s) => norm(s.text));
  }

  cite(sentences: string[]): number[] {
    const ids: number[] = [];
    for (const s of sentences) {
      for (const seg of locate(this.segments, s, this.normed)) {
        let id = this.index.get(seg);
        if (id === undefined) {
          const { line, cue, at, speaker, text } = this.segments[seg]!;
          id = this.sources.length + 1;
          this.index.set(seg, id);
          this.sources.push({ id, line, ...(cue ? { cue } : {}), ...(at ? { at } : {}), speaker, text: text.slice(0, 600) });
        }
        if (!ids.includes(id)) ids.push(id);
      }
    }
    return ids;
  }
}

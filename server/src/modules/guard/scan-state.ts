import { type DataClass } from './guard.types.js';

export interface Candidate {
  type: DataClass;
  start: number;
  end: number;
  confidence: number;
}

/**
 * What the single pass over the text leaves for the later, cheaper steps: identifier candidates, the
 * capitalised words (for names), the special-category candidates (kept until we know whether the text is
 * about a person) and the positions of list headers and sign-offs. Created per call: scan() stays pure.
 */
export class ScanState {
  readonly found: Candidate[] = [];
  readonly special: Candidate[] = [];
  /** Starts of treatment cue words ("behandling", "startet", "får", "mg"), read by treatmentPhrases. */
  readonly treatCues: number[] = [];
  readonly capStart: number[] = [];
  readonly capEnd: number[] = [];
  readonly capId: number[] = [];
  readonly addressStarts: number[] = [];
  /** [start, end) pairs of first names written in lower case ("knud"), which are no Danish word. */
  readonly lowerFirst: number[] = [];
  /** Case-folded hashes of the words of the names accepted (set by findPersons), for later name steps. */
  knownNames: Set<number> | null = null;
  /** Starts of the CPR numbers found, in text order (a name right before one is a person's). */
  readonly cprStarts: number[] = [];
  readonly listHeaders: number[] = [];
  /** Newline positions ending sign-off lines, in text order. */
  readonly signoffLineEnds: number[] = [];
  lastAddressEnd = -1;
  hasCpr = false;
  /** Words read so far, and the count at the last negating or generic word of the current clause. */
  wordCount = 0;
  blockerAt = -100;
  /** Whether that word was "ikke" (what the person has not done since a time is still about them). */
  blockerIkke = false;
  /** End of the conditional clause the scan is in ("hvis du har ..."), or -1; see recognizers/conditional.ts. */
  conditionalEnd = -1;
  /** End of the last "etnisk"/"etniske" (the next word is an ethnic origin). */
  ethnicMarkEnd = -1;
  /** Start and end of the last "kronisk"/"kroniske" (the next word is a chronic condition). */
  chronicStart = -1;
  chronicEnd = -1;

  constructor(readonly text: string) {}

  add(type: DataClass, start: number, end: number, confidence: number): void {
    this.found.push({ type, start, end, confidence });
    if (type === 'CPR') {
      this.hasCpr = true;
      this.cprStarts.push(start);
    }
    if (type === 'ADDRESS') {
      this.addressStarts.push(start);
      this.lastAddressEnd = end;
    }
  }
}

/** Previous non-blank character before `pos` on the same line, or 10 (newline) at a line start. */
export function prevNonSpace(text: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return c;
    i--;
  }
  return 10;
}

/** Whether a capitalised word at `pos` starts a sentence (so its capital says nothing about it being a name). */
export function isSentenceInitial(text: string, pos: number): boolean {
  const c = prevNonSpace(text, pos);
  return c === 10 || c === 13 || c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x22 || c === 0x201c || c === 0x2d || c === 0x2013 || c === 0x2022 || c === 0x2a || c === 0x3b;
}

/** How far line-based context looks; beyond this a "line" is junk (a huge single-line paste). */
export const LINE_REACH = 400;

// A cursor over the text's lines: recognizers ask for line starts in text order, so walking forward from the
// last answer makes all their questions together cost one pass over the text, even for megabytes of one line.
let cursorText: string | undefined;
let cursorPos = 0;
let cursorLineStart = 0;

/**
 * Start of the line containing `pos`, or -1 when that line is longer than LINE_REACH before `pos` (a huge
 * single-line paste: line-based cues do not apply there).
 */
export function lineStartOf(text: string, pos: number): number {
  if (text !== cursorText || pos < cursorPos) {
    // Jump: look back a bounded distance.
    const limit = Math.max(0, pos - LINE_REACH);
    let i = pos - 1;
    while (i >= limit && text.charCodeAt(i) !== 10) i--;
    if (i < limit && limit > 0) return -1;
    cursorText = text;
    cursorPos = pos;
    cursorLineStart = i + 1;
    return cursorLineStart;
  }
  for (let i = cursorPos; i < pos; i++) if (text.charCodeAt(i) === 10) cursorLineStart = i + 1;
  cursorPos = pos;
  return pos - cursorLineStart > LINE_REACH ? -1 : cursorLineStart;
}

/** Index of the newline ending the line at `pos` (or the text length), or -1 beyond LINE_REACH. */
export function lineEndOf(text: string, pos: number): number {
  const limit = Math.min(text.length, pos + LINE_REACH);
  for (let i = pos; i < limit; i++) if (text.charCodeAt(i) === 10) return i;
  return limit === text.length ? text.length : -1;
}

import { restoreBetween } from '../guard/guard.service.js';

/** What could still become a placeholder ([NAVN_1], [CPR_12] ...) once more text arrives. */
const PLACEHOLDER_PREFIX = /^\[(?:[A-Z][A-Z_]*\d*)?$/;
const PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;
/** Longer than any placeholder we make: a "[" held this long is ordinary text. */
const MAX_HELD = 48;

export interface RestoringStream {
  push(piece: string): void;
  /** Sends whatever is still held (an unfinished "[" at the very end is plain text). */
  end(): void;
}

/**
 * Turns a stream of pseudonymised pieces into a stream of restored pieces, piece for piece the same text as
 * restoring the whole draft at the end (`restore`). A provider may split a placeholder across pieces ("[PER",
 * "SON_1]"), so a trailing "[" that could still be one is held back until it closes or clearly is not one.
 * A whole placeholder is held until the word it stands in ends (whitespace, or the end of the draft): only then
 * is it known whether it is inside a link (`https://x.example/?d=[ADRESSE_1]` or `[NAVN_1]@x.example`), where
 * it stays a placeholder. Everything before what is held is sent at once. Without this the browser would see
 * placeholders, a half-restored name, or a real value inside a link that the stored draft does not have.
 */
export function restoringStream(mapping: () => Record<string, string>, emit: (text: string) => void): RestoringStream {
  // The whole draft so far: whether a placeholder is inside a tag or a link depends on what came before it.
  let draft = '';
  let sent = 0;
  const sendUpTo = (to: number) => {
    if (to > sent) emit(restoreBetween(draft, mapping(), sent, to));
    sent = Math.max(sent, to);
  };
  return {
    push(piece) {
      draft += piece;
      sendUpTo(holdFrom(draft, sent, mapping()));
    },
    end() {
      sendUpTo(draft.length);
    },
  };
}

/** Where the part that cannot be sent yet begins: a known placeholder in the unfinished last word, or a "[" that may become one. */
function holdFrom(draft: string, sent: number, mapping: Record<string, string>): number {
  let wordStart = draft.length;
  while (wordStart > sent && !/\s/.test(draft[wordStart - 1]!)) wordStart--;
  const found = new RegExp(PLACEHOLDER.source, 'g');
  found.lastIndex = wordStart;
  for (let m = found.exec(draft); m; m = found.exec(draft)) {
    if (Object.hasOwn(mapping, m[0])) return m.index;
  }
  const open = draft.lastIndexOf('[');
  if (open >= sent && draft.length - open <= MAX_HELD && PLACEHOLDER_PREFIX.test(draft.slice(open))) return open;
  return draft.length;
}

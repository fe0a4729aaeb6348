import { restore } from '../guard/pseudonymise.js';

/** What could still become a placeholder ([PERSON_1], [CPR_12] ...) once more text arrives. */
const PLACEHOLDER_PREFIX = /^\[(?:[A-Z][A-Z_]*\d*)?$/;
/** Longer than any placeholder we make: a "[" held this long is ordinary text. */
const MAX_HELD = 48;

export interface RestoringStream {
  push(piece: string): void;
  /** Sends whatever is still held (an unfinished "[" at the very end is plain text). */
  end(): void;
}

/**
 * Turns a stream of pseudonymised pieces into a stream of restored pieces. A provider may split a placeholder
 * across pieces ("[PER", "SON_1]"), so a trailing "[" that could still be one is held back until it closes or
 * clearly is not one; everything before it is restored and sent at once. Without this the browser would see
 * placeholders, or worse, a half-restored name.
 */
export function restoringStream(mapping: () => Record<string, string>, emit: (text: string) => void): RestoringStream {
  let held = '';
  const send = (text: string) => {
    if (text) emit(restore(text, mapping()));
  };
  return {
    push(piece) {
      held += piece;
      const open = held.lastIndexOf('[');
      if (open >= 0 && held.length - open <= MAX_HELD && PLACEHOLDER_PREFIX.test(held.slice(open))) {
        send(held.slice(0, open));
        held = held.slice(open);
        return;
      }
      send(held);
      held = '';
    },
    end() {
      send(held);
      held = '';
    },
  };
}

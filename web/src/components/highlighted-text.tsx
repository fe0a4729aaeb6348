import type { ReactNode } from 'react';

export interface Highlight {
  /** Position in `text` in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
  /** Read by screen readers just before the passage, e.g. "CPR-nummer, afvises:". Not shown. */
  label: string;
  /** Shown as a small tag in front of the passage, so colour is not the only cue. Hidden from screen readers, who hear `label`. */
  tag: string;
  /** Picks the colour and border style: `highlight--<variant>` (block, mask, warn, allow). */
  variant?: string;
}

type Piece = { kind: 'text'; text: string; from: number } | { kind: 'mark'; text: string; highlight: Highlight };

/**
 * Cuts the text into plain and highlighted pieces. Highlights are sorted; one that overlaps the previous one
 * is cut to start where that one ended (and dropped if nothing is left), and positions outside the text are
 * clipped, so a bad position can never duplicate or lose a character of the person's text.
 */
export function splitHighlights(text: string, highlights: readonly Highlight[]): Piece[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces: Piece[] = [];
  let cursor = 0;
  for (const h of sorted) {
    const start = Math.max(cursor, Math.min(text.length, Math.max(0, Math.trunc(h.start))));
    const end = Math.min(text.length, Math.max(0, Math.trunc(h.end)));
    if (end <= start) continue;
    if (start > cursor) pieces.push({ kind: 'text', text: text.slice(cursor, start), from: cursor });
    pieces.push({ kind: 'mark', text: text.slice(start, end), highlight: { ...h, start, end } });
    cursor = end;
  }
  if (cursor < text.length) pieces.push({ kind: 'text', text: text.slice(cursor), from: cursor });
  return pieces;
}

/**
 * A person's own text with passages marked. Each passage is a `<mark>` with a visually hidden label before it
 * (and `endLabel` after it, if given) for screen readers, and a visible tag for people who cannot tell the
 * colours apart. Line breaks and spaces are kept as typed. The box scrolls when the text is long and can be
 * reached with the keyboard to do so.
 */
export function HighlightedText({
  text,
  highlights,
  label,
  endLabel,
  empty,
  testId,
}: {
  text: string;
  highlights: readonly Highlight[];
  /** Accessible name of the scrollable box. */
  label: string;
  endLabel?: string;
  /** Shown instead of nothing when the text is empty. */
  empty?: ReactNode;
  testId?: string;
}) {
  const pieces = splitHighlights(text, highlights);
  return (
    <div className="highlighted-text" role="region" aria-label={label} tabIndex={0} data-testid={testId}>
      {text.length === 0 && empty ? <span className="highlighted-text-empty">{empty}</span> : null}
      {pieces.map((piece) =>
        piece.kind === 'text' ? (
          <span key={`t${piece.from}`}>{piece.text}</span>
        ) : (
          <mark
            key={`m${piece.highlight.start}`}
            className={`highlight${piece.highlight.variant ? ` highlight--${piece.highlight.variant}` : ''}`}
            data-start={piece.highlight.start}
            data-end={piece.highlight.end}
          >
            <span className="sr-only">{piece.highlight.label} </span>
            <span className="highlight-tag" aria-hidden="true">
              {piece.highlight.tag}
            </span>
            <span className="highlight-text">{piece.text}</span>
            {endLabel ? <span className="sr-only"> {endLabel}</span> : null}
          </mark>
        ),
      )}
    </div>
  );
}

import type { TranscriptRef } from '@contracts/minutes.js';
import { Fragment, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Minutes as a person reads them: headings, lists and the table of tasks, never the Markdown they are stored in.
 * The server writes the minutes in a small, fixed part of Markdown (minutes.render.ts: "#", "##", "-", "1.",
 * tables, "> " and "_..._"); this turns exactly that into elements, so no HTML from the text is ever rendered.
 * Anything else (a reviewer's own edit) stays as a plain paragraph. "[1, 3]" after a decision or task is a
 * reference to the transcript: a button that shows the words it rests on.
 */

type Block =
  | { kind: 'h1' | 'h2' | 'p' | 'note'; text: string }
  | { kind: 'ul' | 'ol'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][] };

const splitRow = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

export function parseMinutesMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: heading[1]!.length === 1 ? 'h1' : 'h2', text: heading[2]! });
      continue;
    }
    if (/^>\s?/.test(line)) {
      blocks.push({ kind: 'note', text: line.replace(/^>\s?/, '') });
      continue;
    }
    if (line.trim().startsWith('|') && /^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '')) {
      const head = splitRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith('|')) rows.push(splitRow(lines[i++]!));
      i--;
      blocks.push({ kind: 'table', head, rows });
      continue;
    }
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol';
      const last = blocks.at(-1);
      const item = (bullet ?? numbered)![1]!;
      if (last && last.kind === kind) last.items.push(item);
      else blocks.push({ kind, items: [item] });
      continue;
    }
    const last = blocks.at(-1);
    if (last?.kind === 'p') last.text = `${last.text} ${line.trim()}`;
    else blocks.push({ kind: 'p', text: line.trim() });
  }
  return blocks;
}

/** The minutes as plain text, for copying into a mail or a journal: the same words without Markdown signs. */
export function minutesToPlainText(md: string): string {
  return parseMinutesMarkdown(md)
    .map((b) => {
      const clean = (s: string) => s.replace(/^_(.*)_$/, '$1');
      if (b.kind === 'ul') return b.items.map((x) => `• ${clean(x)}`).join('\n');
      if (b.kind === 'ol') return b.items.map((x, i) => `${i + 1}. ${clean(x)}`).join('\n');
      if (b.kind === 'table') return [b.head.join('\t'), ...b.rows.map((r) => r.join('\t'))].join('\n');
      return 'text' in b ? clean(b.text) : '';
    })
    .join('\n\n');
}

const CITED = /\s\[(\d+(?:,\s*\d+)*)\]$/;

function Cited({ ids, sources }: { ids: number[]; sources: Map<number, TranscriptRef> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panel = useId();
  const known = ids.map((id) => sources.get(id)).filter((s): s is TranscriptRef => !!s);
  if (!known.length) return <span className="small-text"> [{ids.join(', ')}]</span>;
  return (
    <>
      {' '}
      <button
        type="button"
        className="button-unstyled minutes-ref"
        aria-expanded={open}
        aria-controls={panel}
        aria-label={t('runs.minutes.reference', { ids: ids.join(', ') })}
        onClick={() => setOpen((o) => !o)}
        data-testid="minutes-ref"
      >
        [{ids.join(', ')}]
      </button>
      {open ? (
        <span id={panel} className="d-block minutes-ref-text small-text" data-testid="minutes-ref-text">
          {known.map((s) => (
            <span key={s.id} className="d-block">
              <strong>
                {s.id}. {s.speaker ? `${s.speaker}, ` : ''}
                {s.at ? `${s.at}, ` : ''}
                {t('runs.minutes.referenceAt', { line: s.line })}:
              </strong>{' '}
              ”{s.text}”
            </span>
          ))}
        </span>
      ) : null}
    </>
  );
}

function Inline({ text, sources }: { text: string; sources: Map<number, TranscriptRef> }): ReactNode {
  const cited = CITED.exec(text);
  const body = cited ? text.slice(0, cited.index) : text;
  const em = /^_(.*)_$/.exec(body);
  return (
    <>
      {em ? <em>{em[1]}</em> : body}
      {cited ? <Cited ids={cited[1]!.split(/,\s*/).map(Number)} sources={sources} /> : null}
    </>
  );
}

export function MinutesText({ text, sources = [] }: { text: string; sources?: TranscriptRef[] }) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  // The draft's own list of references is shown through the buttons instead, when the details hold them.
  const blocks = parseMinutesMarkdown(text);
  const refsAt = sources.length ? blocks.findIndex((b) => b.kind === 'h2' && /^Henvisninger til udskriften$/.test(b.text)) : -1;
  const shown = refsAt >= 0 ? blocks.slice(0, refsAt) : blocks;
  return (
    <div className="minutes-text" data-testid="minutes-text">
      {shown.map((b, i) => (
        <Fragment key={i}>
          {b.kind === 'h1' ? <h3>{b.text}</h3> : null}
          {b.kind === 'h2' ? <h4>{b.text}</h4> : null}
          {b.kind === 'p' ? (
            <p>
              <Inline text={b.text} sources={byId} />
            </p>
          ) : null}
          {b.kind === 'note' ? (
            <p className="small-text">
              <Inline text={b.text} sources={byId} />
            </p>
          ) : null}
          {b.kind === 'ul' || b.kind === 'ol'
            ? (() => {
                const List = b.kind;
                return (
                  <List>
                    {b.items.map((x, k) => (
                      <li key={k}>
                        <Inline text={x} sources={byId} />
                      </li>
                    ))}
                  </List>
                );
              })()
            : null}
          {b.kind === 'table' ? (
            <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={b.head.join(', ')}>
              <table className="table table--compact">
                <thead>
                  <tr>
                    {b.head.map((h, k) => (
                      <th key={k} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((r, k) => (
                    <tr key={k}>
                      {r.map((c, n) => (
                        <td key={n}>
                          <Inline text={c} sources={byId} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Fragment>
      ))}
    </div>
  );
}

/**
 * The Markdown the minutes are written in, read into blocks for a Word document: headings, paragraphs, quotes,
 * bullet and numbered lists, and tables. Only that subset: the minutes assistant writes nothing else, and a
 * reviewer's edit that uses more (links, images, HTML) keeps it as the literal text it was, never as markup.
 */

export interface Span {
  text: string;
  bold?: true;
  italic?: true;
}
/** One line of text with its emphasis. */
export type Line = Span[];

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; line: Line }
  | { kind: 'paragraph'; lines: Line[] }
  | { kind: 'quote'; lines: Line[] }
  | { kind: 'list'; ordered: boolean; items: { marker: string; line: Line }[] }
  | { kind: 'table'; header: Line[]; rows: Line[][] };

// Backslash escapes first, so "\|" and "\*" stay literal; then bold, italic and code. An underscore inside a word
// ("sags_nr") is not emphasis.
const INLINE =
  /\\([\\`*_{}[\]()#+\-.!|>~])|\*\*(?=\S)(.+?)\*\*|__(?=\S)(.+?)__|\*(?=\S)(.+?)\*|(?<![\p{L}\p{N}_])_(?=\S)(.+?)_(?![\p{L}\p{N}_])|`([^`]+)`/gu;

export function parseInline(text: string): Line {
  const spans: Line = [];
  const push = (s: string, style: { bold?: true; italic?: true } = {}) => {
    if (!s) return;
    const last = spans[spans.length - 1];
    if (last && last.bold === style.bold && last.italic === style.italic) last.text += s;
    else spans.push({ text: s, ...style });
  };
  let at = 0;
  for (const m of text.matchAll(INLINE)) {
    push(text.slice(at, m.index));
    const [, escaped, bold1, bold2, italic1, italic2, code] = m;
    if (escaped !== undefined) push(escaped);
    else if (bold1 ?? bold2) push(unescape(bold1 ?? bold2!), { bold: true });
    else if (italic1 ?? italic2) push(unescape(italic1 ?? italic2!), { italic: true });
    else push(code!);
    at = m.index + m[0].length;
  }
  push(text.slice(at));
  return spans;
}

const unescape = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1');

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const BULLET = /^\s*([-*+])\s+(.*)$/;
const ORDERED = /^\s*(\d{1,9}[.)])\s+(.*)$/;
const QUOTE = /^ {0,3}>\s?(.*)$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The cells of a table row: split at pipes that are not escaped, the outer pipes dropped. */
function cells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.trim());
}

const isTableStart = (line: string, next: string | undefined) =>
  line.includes('|') && next !== undefined && TABLE_SEPARATOR.test(next) && next.includes('-');

export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.trim() || RULE.test(line)) {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6, line: parseInline(heading[2]!) });
      i++;
      continue;
    }
    if (isTableStart(line, lines[i + 1])) {
      const header = cells(line).map(parseInline);
      const rows: Line[][] = [];
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim(); i++) {
        const row = cells(lines[i]!).map(parseInline);
        // As many cells as the header: a short row is filled, a long one keeps what has a column.
        rows.push(header.map((_, c) => row[c] ?? []));
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: Line[] = [];
      for (; i < lines.length && QUOTE.test(lines[i]!); i++) quoted.push(parseInline(QUOTE.exec(lines[i]!)![1]!));
      blocks.push({ kind: 'quote', lines: quoted });
      continue;
    }
    const listKind = BULLET.test(line) ? BULLET : ORDERED.test(line) ? ORDERED : null;
    if (listKind) {
      const items: { marker: string; raw: string }[] = [];
      for (; i < lines.length && lines[i]!.trim(); i++) {
        const item = listKind.exec(lines[i]!);
        if (item) items.push({ marker: item[1]!, raw: item[2]! });
        else if (/^\s/.test(lines[i]!)) items[items.length - 1]!.raw += ` ${lines[i]!.trim()}`; // a wrapped item
        else break;
      }
      blocks.push({ kind: 'list', ordered: listKind === ORDERED, items: items.map((it) => ({ marker: it.marker, line: parseInline(it.raw) })) });
      continue;
    }
    const paragraph: Line[] = [];
    for (; i < lines.length; i++) {
      const l = lines[i]!;
      if (!l.trim() || HEADING.test(l) || QUOTE.test(l) || BULLET.test(l) || RULE.test(l) || isTableStart(l, lines[i + 1])) break;
      paragraph.push(parseInline(l.trim()));
    }
    if (paragraph.length === 0) {
      // Cannot happen (every kind of line above is handled), but never loop forever on a line no rule takes.
      paragraph.push(parseInline(line.trim()));
      i++;
    }
    blocks.push({ kind: 'paragraph', lines: paragraph });
  }
  return blocks;
}

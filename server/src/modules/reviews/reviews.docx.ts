import {
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { type Block, type Line, parseMarkdown } from './reviews.markdown.js';

/** What goes into the Word file of an approved text: nothing about the person who asked for it or approved it. */
export interface FinalDocument {
  organisation: string;
  /** "Brev", "Referat", "Svar". */
  title: string;
  /** "27. november 2026". */
  approvedOn: string;
  text: string;
  /** Minutes are Markdown (headings, lists, tables); letters and answers are plain text. */
  markdown: boolean;
  /** The policy's disclosure label in Danish (AI Act Art. 50). */
  label: string;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// Characters XML 1.0 does not allow (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF): a pasted
// one would make the file one Word refuses to open.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlSafe = (s: string) => s.replace(NOT_XML, '');

const runs = (line: Line, bold = false): ParagraphChild[] =>
  line.map((s) => new TextRun({ text: xmlSafe(s.text), ...(bold || s.bold ? { bold: true } : {}), ...(s.italic ? { italics: true } : {}) }));

/** Lines of one paragraph, kept as line breaks (an address block, a signature). */
const withBreaks = (lines: Line[]): ParagraphChild[] =>
  lines.flatMap((line, i) => (i === 0 ? runs(line) : [new TextRun({ text: '', break: 1 }), ...runs(line)]));

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
  const row = (cells: Line[], header: boolean) =>
    new TableRow({
      ...(header ? { tableHeader: true } : {}),
      children: cells.map(
        (cell) =>
new TableCell({ children: [new Paragraph({ children: runs(cell, header) })] }),
      ),
    });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(block.header, true), ...block.rows.map((r) => row(r, false))] });
}

function blockContent(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level - 1], children: runs(block.line) })];
    case 'paragraph':
      return [new Paragraph({ children: withBreaks(block.lines) })];
    case 'quote':
      return [new Paragraph({ indent: { left: 567 }, children: withBreaks(block.lines) })];
    case 'list':
      // Numbered items keep the numbers the text gives them, so the document says what the approved text says.
      return block.items.map((item) =>
        block.ordered
          ? new Paragraph({ indent: { left: 567, hanging: 397 }, children: [new TextRun(`${item.marker}\t`), ...runs(item.line)] })
          : new Paragraph({ bullet: { level: 0 }, children: runs(item.line) }),
      );
    case 'table':
      // A paragraph after the table, or Word joins two tables that follow each other into one.
      return [tableOf(block), new Paragraph({})];
  }
}

/** Plain text: paragraphs at blank lines, the lines within one kept as line breaks. */
function plainContent(text: string): Paragraph[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((p) => p.trim())
    .map((p) => new Paragraph({ children: withBreaks(p.split('\n').map((l) => [{ text: l }])) }));
}

/**
 * The approved text as a Word document: the organisation in the page header with what the document is, the text,
 * and the disclosure label both as the closing line (it stays with the text when the body is copied elsewhere) and
 * in the page footer of every page. The document properties name the organisation, never a person.
 */
export async function finalTextDocx(doc: FinalDocument): Promise<Buffer> {
  const organisation = xmlSafe(doc.organisation);
  const label = xmlSafe(doc.label);
  const body = doc.markdown ? parseMarkdown(doc.text).flatMap(blockContent) : plainContent(doc.text);
  const document = new Document({
    creator: organisation,
    lastModifiedBy: organisation,
    title: `${doc.title} (${organisation})`,
    description: label,
    styles: { default: { document: { run: { language: { value: 'da-DK' } } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({ children: [new TextRun({ text: organisation, bold: true })] }),
              new Paragraph({ children: [new TextRun({ text: `${doc.title} · godkendt ${doc.approvedOn}`, color: '595959', size: 18 })] }),
            ],
          }),
        },
        footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ text: label, italics: true, size: 18 })] })] }) },
        children: [...body, new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: label, italics: true })] })],
      },
    ],
  });
  return Packer.toBuffer(document);
}

import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { finalTextDocx, xmlSafe } from './reviews.docx.js';
import { parseInline, parseMarkdown } from './reviews.markdown.js';

const doc = (text: string, markdown: boolean) =>
  finalTextDocx({ organisation: 'Rødovre Kommune', title: 'Referat', approvedOn: '27. november 2026', text, markdown, label: 'Udarbejdet med hjælp fra AI' });

describe('reading the minutes’ Markdown', () => {
  it('when the minutes have a notice, headings, a list and a table, then each is a block of its kind', () => {
    const md = [
      '> Offline regelmotor: kontrollér referatet.',
      '',
      '# Referat',
      '',
      '## Deltagere',
      '',
      '- Anna Holm',
      '- Bo Lind',
      '',
      '## Opgaver',
      '',
      '| Ansvarlig | Opgave | Frist |',
      '| --- | --- | --- |',
      '| Anna Holm | Sende listen \\| med bilag | fredag |',
      '| Bo Lind | Ringe |',
      '',
      '## Resumé',
      '',
      '_Intet resumé._',
    ].join('\n');

    expect(parseMarkdown(md)).toEqual([
      { kind: 'quote', lines: [[{ text: 'Offline regelmotor: kontrollér referatet.' }]] },
      { kind: 'heading', level: 1, line: [{ text: 'Referat' }] },
      { kind: 'heading', level: 2, line: [{ text: 'Deltagere' }] },
      { kind: 'list', ordered: false, items: [{ marker: '-', line: [{ text: 'Anna Holm' }] }, { marker: '-', line: [{ text: 'Bo Lind' }] }] },
      { kind: 'heading', level: 2, line: [{ text: 'Opgaver' }] },
      {
        kind: 'table',
        header: [[{ text: 'Ansvarlig' }], [{ text: 'Opgave' }], [{ text: 'Frist' }]],
        // An escaped pipe is text in its cell; a short row is filled to the header's width.
        rows: [
          [[{ text: 'Anna Holm' }], [{ text: 'Sende listen | med bilag' }], [{ text: 'fredag' }]],
          [[{ text: 'Bo Lind' }], [{ text: 'Ringe' }], []],
        ],
      },
      { kind: 'heading', level: 2, line: [{ text: 'Resumé' }] },
      { kind: 'paragraph', lines: [[{ text: 'Intet resumé.', italic: true }]] },
    ]);
  });

  it('when a reviewer writes numbered items, wrapped items and lines of one paragraph, then numbers, items and lines are kept', () => {
    expect(parseMarkdown('3. Budget\n4. Eventuelt\n   og næste møde\n\nFørste linje\nanden linje')).toEqual([
      { kind: 'list', ordered: true, items: [{ marker: '3.', line: [{ text: 'Budget' }] }, { marker: '4.', line: [{ text: 'Eventuelt og næste møde' }] }] },
      { kind: 'paragraph', lines: [[{ text: 'Første linje' }], [{ text: 'anden linje' }]] },
    ]);
  });

  it('when text has emphasis, escapes and underscores inside words, then only real emphasis is emphasis', () => {
    expect(parseInline('**Beslutning:** sag_nr 12 er \\*ikke\\* _lukket_ og `kode`')).toEqual([
      { text: 'Beslutning:', bold: true },
      { text: ' sag_nr 12 er *ikke* ' },
      { text: 'lukket', italic: true },
      { text: ' og kode' },
    ]);
  });

  it('when the text holds links, HTML or a lone asterisk, then they stay literal text', () => {
    expect(parseInline('Se [vejledningen](https://example.org) <b>nu</b> 2 * 3')).toEqual([
      { text: 'Se [vejledningen](https://example.org) <b>nu</b> 2 * 3' },
    ]);
  });
});

describe('the Word document', () => {
  it('when the text holds characters XML does not allow, then they are left out and the document still opens', async () => {
    expect(xmlSafe('a\u0000b\u0007c\u000Bd\uD800e\tf')).toBe('abcde\tf');
    const { value } = await mammoth.extractRawText({ buffer: await doc('Kære borger\u0001\n\nTak\u001F for din henvendelse.', false) });
    expect(value).toContain('Kære borger');
    expect(value).toContain('Tak for din henvendelse.');
  });

  it('when a letter is plain text, then Markdown-looking lines stay as written and blank lines separate paragraphs', async () => {
    const { value } = await mammoth.convertToHtml({ buffer: await doc('# Ikke en overskrift\n- ikke en liste\n\n**Bemærk** fristen.', false) });
    expect(value).toBe('<p># Ikke en overskrift<br />- ikke en liste</p><p>**Bemærk** fristen.</p><p><em>Udarbejdet med hjælp fra AI</em></p>');
  });
});

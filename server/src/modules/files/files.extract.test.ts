import { describe, expect, it } from 'vitest';
import { docx, pdfWithImageOnly, pdfWithText, zip } from '../../../../test/fixtures/documents/make-files.js';
import { utf16Broken } from '../../../../test/support/bombs.js';
import { AppError } from '../../lib/errors.js';
import { decodeText, detectKind, extractText } from './files.extract.js';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).code;
  }
  throw new Error('expected an AppError');
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('extractText', () => {
  it('reads a PDF with a text layer, Danish letters included', async () => {
    const out = await extractText({ buffer: pdfWithText(['Særlige feriedage på Rødovre Rådhus', 'Anden linje']), filename: 'ferie.pdf' });
    expect(out.kind).toBe('pdf');
    expect(out.text).toContain('Særlige feriedage på Rødovre Rådhus');
    expect(out.text).toContain('Anden linje');
  });

  it('when a PDF has only an image, then PDF_NO_TEXT says to use a PDF with text or paste the text', async () => {
    const err = await extractText({ buffer: pdfWithImageOnly(), filename: 'scan.pdf' }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('PDF_NO_TEXT');
    expect((err as AppError).message).toBe("PDF'en indeholder ingen tekst, kun billeder. Brug en PDF med tekst, eller kopiér teksten ind.");
  });

  it('reads a Word document (.docx), paragraph by paragraph', async () => {
    const out = await extractText({ buffer: docx(['Referat af mødet', 'Beslutning: Vi åbner kl. 9.']), filename: 'Referat æøå.docx' });
    expect(out.kind).toBe('docx');
    expect(out.text).toMatch(/Referat af mødet\s+Beslutning: Vi åbner kl\. 9\./);
  });

  it('reads Markdown and plain text as UTF-8, and drops a byte-order mark', async () => {
    const md = await extractText({ buffer: utf8('# Overskrift\n\nTekst med ø.'), filename: 'a.md' });
    expect(md).toEqual({ kind: 'markdown', text: '# Overskrift\n\nTekst med ø.' });
    const bom = await extractText({ buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('Hej Åse\r\nLinje to')]), filename: 'b.txt' });
    expect(bom).toEqual({ kind: 'text', text: 'Hej Åse\nLinje to' });
    const utf16 = await extractText({ buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Blåbær', 'utf16le')]), filename: 'c.txt' });
    expect(utf16.text).toBe('Blåbær');
  });

  it('reads a Teams transcript (.vtt) as "Name: words" lines', async () => {
    const vtt = 'WEBVTT\n\nabc/1-0\n00:00:01.000 --> 00:00:03.000\n<v Lærke Hovmand>Godmorgen.</v>\n\nabc/2-0\n00:00:04.000 --> 00:00:05.000\n<v Jamal Saadi>Hej.</v>\n';
    expect(await extractText({ buffer: utf8(vtt), filename: 'm.vtt' })).toEqual({ kind: 'vtt', text: 'Lærke Hovmand: Godmorgen.\nJamal Saadi: Hej.' });
  });

  it('decides by magic bytes, not by the name: a program renamed to .pdf is refused, a PDF named .txt is read as PDF', async () => {
    expect(await codeOf(extractText({ buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), filename: 'faktura.pdf' }))).toBe('UNSUPPORTED_FILE');
    expect(detectKind(pdfWithText(['x']), 'noter.txt')).toBe('pdf');
    expect(await codeOf(extractText({ buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), filename: 'billede.png' }))).toBe('UNSUPPORTED_FILE');
    expect(await codeOf(extractText({ buffer: zip({ 'xl/workbook.xml': '<x/>' }), filename: 'ark.xlsx' }))).toBe('UNSUPPORTED_FILE');
  });

  it('refuses binary junk with a text name, a broken PDF and a broken .docx as UNREADABLE_FILE', async () => {
    expect(await codeOf(extractText({ buffer: Buffer.from([0x41, 0x00, 0xff, 0xfe, 0x00, 0x12]), filename: 'data.txt' }))).toBe('UNREADABLE_FILE');
    expect(await codeOf(extractText({ buffer: Buffer.from([0xc3, 0x28, 0x41, 0x42]), filename: 'latin.txt' }))).toBe('UNREADABLE_FILE');
    expect(await codeOf(extractText({ buffer: Buffer.from('%PDF-1.4\nthis is not a pdf at all', 'latin1'), filename: 'x.pdf' }))).toBe('UNREADABLE_FILE');
    const brokenDocx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml garbage')]);
    expect(await codeOf(extractText({ buffer: brokenDocx, filename: 'x.docx' }))).toBe('UNREADABLE_FILE');
  });

  it('refuses UTF-16 with a lone surrogate (FF FE 00 D8 ...) as UNREADABLE_FILE, and decodeText never throws anything else', async () => {
    expect(await codeOf(extractText({ buffer: utf16Broken(), filename: 'noter.txt' }))).toBe('UNREADABLE_FILE');
    for (const bytes of [utf16Broken(), Buffer.from([0xfe, 0xff, 0xdc, 0x00]), Buffer.from([0xff, 0xfe, 0x41])]) {
      expect(() => decodeText(bytes)).toThrow(AppError);
    }
  });

  it('refuses an empty file, or one with only white space, as EMPTY_FILE', async () => {
    expect(await codeOf(extractText({ buffer: Buffer.alloc(0), filename: 'tom.txt' }))).toBe('EMPTY_FILE');
    expect(await codeOf(extractText({ buffer: utf8(' \n\n\t '), filename: 'tom.md' }))).toBe('EMPTY_FILE');
    expect(await codeOf(extractText({ buffer: docx(['']), filename: 'tom.docx' }))).toBe('EMPTY_FILE');
  });

  it('refuses a file over the limit as PAYLOAD_TOO_LARGE with the limit in the message', async () => {
    const err = await extractText({ buffer: Buffer.alloc(2048, 0x61), filename: 'stor.txt' }, { maxBytes: 1024 }).catch((e: AppError) => e);
    expect((err as AppError).code).toBe('PAYLOAD_TOO_LARGE');
    expect((err as AppError).status).toBe(413);
  });
});

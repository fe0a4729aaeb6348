import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, pdfWithImageOnly, pdfWithText } from '../../../../test/fixtures/documents/make-files.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { ExtractResponse } from '../../contracts/files.js';

let t: TestApp;
let c: Client;

const extract = (buffer: Buffer, filename: string) => c.agent.post('/api/files/extract').set(CSRF_HEADER, c.csrf).attach('file', buffer, { filename });

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_MAX_MB: '0.01' } });
  c = await signedIn(t, await createUser(t.deps));
});
afterAll(async () => {
  await t.close();
});

describe('POST /api/files/extract', () => {
  it('returns the text of a .docx, a .txt and a PDF with its kind and length', async () => {
    const word = ExtractResponse.parse((await extract(docx(['Kære borger', 'Vi har modtaget din ansøgning.']), 'brev.docx').expect(200)).body);
    expect(word).toMatchObject({ filename: 'brev.docx', kind: 'docx' });
    expect(word.text).toMatch(/Kære borger\s+Vi har modtaget din ansøgning\./);
    expect(word.chars).toBe(word.text.length);
    expect(ExtractResponse.parse((await extract(Buffer.from('Hej Søren'), 'note.txt').expect(200)).body)).toEqual({
      text: 'Hej Søren',
      filename: 'note.txt',
      kind: 'text',
      chars: 9,
    });
    expect(ExtractResponse.parse((await extract(pdfWithText(['Afgørelse om boligstøtte']), 'a.pdf').expect(200)).body).text).toContain('Afgørelse om boligstøtte');
  });

  it('answers a scanned PDF with 422 PDF_NO_TEXT, a too large file with 413, and no file with 400', async () => {
    const scan = ErrorBody.parse((await extract(pdfWithImageOnly(), 'scan.pdf').expect(422)).body).error;
    expect(scan.code).toBe('PDF_NO_TEXT');
    expect(ErrorBody.parse((await extract(Buffer.alloc(20_000, 0x61), 'stor.txt').expect(413)).body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ErrorBody.parse((await c.post('/api/files/extract', {}).expect(400)).body).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses anyone not signed in with 401, before reading the file', async () => {
    const anon = await t.request.post('/api/files/extract').attach('file', Buffer.from('x'), { filename: 'a.txt' });
    // CSRF comes first for a stranger without a token; either way nothing is extracted.
    expect([401, 403]).toContain(anon.status);
  });
});

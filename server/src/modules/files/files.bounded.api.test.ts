import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, pdfWithText } from '../../../../test/fixtures/documents/make-files.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { docxBomb, docxManyEntries, docxWithBody, pdfFlateBomb, pdfManyPages, utf16Broken } from '../../../../test/support/bombs.js';
import { type Client, createUser, signedIn } from '../../../../test/support/factories.js';
import { healthDuring } from '../../../../test/support/responsiveness.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { ExtractResponse } from '../../contracts/files.js';

/**
 * Hostile files through POST /api/files/extract: each is refused with its limit's code and a Danish message
 * within 10 s, the server keeps answering meanwhile, and ordinary files read as before (docs/decisions/0012).
 */

interface World {
  t: TestApp;
  c: Client;
}
let plain: World;
/** Small limits, one per world, so that each is reached by a small file and by nothing else first. */
let tight: World;
let small: World;
let wordy: World;

async function world(env: Record<string, string>): Promise<World> {
  const t = await createTestApp({ env: { UPLOAD_MAX_MB: '10', ...env } });
  return { t, c: await signedIn(t, await createUser(t.deps)) };
}

const extract = (w: World, buffer: Buffer, filename: string) =>
  w.c.agent.post('/api/files/extract').set(CSRF_HEADER, w.c.csrf).attach('file', buffer, { filename });

/** Sends the file while polling /api/health; returns the refusal and how responsive the server stayed. */
async function refused(w: World, buffer: Buffer, filename: string, status: number) {
  const probe = await healthDuring(w.t.request, () => extract(w, buffer, filename));
  expect(probe.result.status, JSON.stringify(probe.result.body).slice(0, 300)).toBe(status);
  expect(probe.elapsedMs).toBeLessThan(10_000);
  expect(probe.worstHealthMs).toBeLessThan(1000);
  return ErrorBody.parse(probe.result.body).error;
}

beforeAll(async () => {
  plain = await world({});
  tight = await world({ PARSE_TIMEOUT_MS: '400' });
  small = await world({ PARSE_WORKER_MEMORY_MB: '48' });
  wordy = await world({ PARSE_MAX_CHARS: '5000' });
});
afterAll(async () => {
  await plain.t.close();
  await tight.t.close();
  await small.t.close();
  await wordy.t.close();
});

describe('a zip bomb in a .docx', () => {
  it('when a 77 KB .docx expands to 50 MB, then 413 FILE_LIMIT_EXCEEDED names the unpacked size, and the server keeps answering', async () => {
    const bomb = docxBomb({ expandedMb: 50 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const err = await refused(plain, bomb, 'referat.docx', 413);
    expect(err.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(err.details).toMatchObject({ limit: 'expandedBytes', max: 20 * 1024 * 1024 });
    expect(err.message).toBe('Filen fylder for meget, når den pakkes ud (over 20 MB). Gem den som en mindre fil, eller del den op.');
  });

  it('when the zip headers lie about the size (1 KB declared, 30 MB inside), then the bytes actually unpacked are counted: 413', async () => {
    const err = await refused(plain, docxBomb({ expandedMb: 30, lie: true }), 'løgn.docx', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
  });

  it('when an 8.5 KB .docx expands 600-fold (5 MB of empty paragraphs), then 422 FILE_TOO_COMPLEX names the compression', async () => {
    const err = await refused(plain, docxBomb({ expandedMb: 5 }), 'tæt.docx', 422);
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX', details: { limit: 'compressionRatio', max: 100 } });
    expect(err.message).toMatch(/pakket usædvanligt tæt/);
  });

  it('when a .docx has thousands of parts, then 413 names the number of parts', async () => {
    const err = await refused(plain, docxManyEntries(5000), 'mange.docx', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'entries', max: 1000 } });
    expect(err.message).toMatch(/for mange dele \(over 1\.000\)/);
  });
});

describe('a PDF bomb', () => {
  it('when a Flate stream expands to 50 MB, then 413 names the unpacked size', async () => {
    const bomb = pdfFlateBomb({ expandedMb: 50 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const err = await refused(plain, bomb, 'bombe.pdf', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
  });

  it('when a PDF has 6,000 pages, then 413 names the page limit at once', async () => {
    const err = await refused(plain, pdfManyPages(6000), 'sider.pdf', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'pages', max: 2000 } });
    expect(err.message).toMatch(/for mange sider \(over 2\.000\)/);
  });

  it('while a long but allowed PDF (1,500 pages) is read, health answers within 1 s, and the text comes back whole', async () => {
    const probe = await healthDuring(plain.t.request, () => extract(plain, pdfManyPages(1500), 'lang.pdf'));
    expect(probe.result.status).toBe(200);
    expect(probe.worstHealthMs).toBeLessThan(1000);
    expect(ExtractResponse.parse(probe.result.body).text.match(/Side med tekst/g)).toHaveLength(1500);
  });
});

describe('the time, memory and character limits', () => {
  it('when reading takes longer than PARSE_TIMEOUT_MS, then the worker is stopped, 422 names the time, and the next file is read by a fresh worker', async () => {
    const err = await refused(tight, pdfManyPages(1900), 'langsom.pdf', 422);
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX', details: { limit: 'timeMs', max: 400 } });
    expect(err.message).toMatch(/tog for lang tid at læse filen/);
    const ok = ExtractResponse.parse((await extract(tight, docx(['Kort tekst']), 'kort.docx').expect(200)).body);
    expect(ok.text).toContain('Kort tekst');
  });

  it('when reading needs more memory than PARSE_WORKER_MEMORY_MB, then 422 names the memory, and the process lives on', async () => {
    // About 12 MB of distinct paragraphs: under every size limit, but far more than 48 MB once parsed.
    const body = Array.from({ length: 120_000 }, (_, i) => `<w:p><w:r><w:t>Afsnit ${i} om sag ${(i * 7919) % 100_003}</w:t></w:r></w:p>`).join('');
    const err = await refused(small, docxWithBody(body), 'stor.docx', 422);
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX', details: { limit: 'memoryMb', max: 48 } });
    expect(err.message).toMatch(/for meget hukommelse/);
    await small.t.request.get('/api/health').expect(200);
    await extract(small, Buffer.from('Hej igen'), 'a.txt').expect(200);
  });

  it('when a file holds more text than PARSE_MAX_CHARS, then 413 names the number of characters', async () => {
    const err = await refused(wordy, Buffer.from('ord '.repeat(2000)), 'lang.txt', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'characters', max: 5000 } });
    expect(err.message).toMatch(/for meget tekst \(over 5\.000 tegn\)/);
    const fromWord = await refused(wordy, docx(['ord '.repeat(2000)]), 'lang.docx', 413);
    expect(fromWord.details).toMatchObject({ limit: 'characters' });
  });
});

describe('text that is not valid in its encoding', () => {
  it('when a .txt starts with FF FE 00 D8 (UTF-16 with a lone surrogate), then 422 UNREADABLE_FILE with a Danish message, not 500', async () => {
    const err = await refused(plain, utf16Broken(), 'noter.txt', 422);
    expect(err.code).toBe('UNREADABLE_FILE');
    expect(err.message).toMatch(/UTF-8/);
  });
});

describe('ordinary files after the bombs', () => {
  it('a .docx, a PDF, a .txt and a .vtt still read as before', async () => {
    const word = ExtractResponse.parse((await extract(plain, docx(['Kære borger', 'Vi har modtaget din ansøgning.']), 'brev.docx').expect(200)).body);
    expect(word).toMatchObject({ kind: 'docx' });
    expect(word.text).toMatch(/Kære borger\s+Vi har modtaget din ansøgning\./);
    expect(ExtractResponse.parse((await extract(plain, pdfWithText(['Afgørelse om boligstøtte']), 'a.pdf').expect(200)).body).text).toContain('Afgørelse om boligstøtte');
    expect(ExtractResponse.parse((await extract(plain, Buffer.from('Hej Søren'), 'note.txt').expect(200)).body).text).toBe('Hej Søren');
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Lærke Hovmand>Godmorgen.</v>\n';
    expect(ExtractResponse.parse((await extract(plain, Buffer.from(vtt), 'm.vtt').expect(200)).body).text).toBe('Lærke Hovmand: Godmorgen.');
  });
});

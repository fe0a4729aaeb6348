import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { docxBomb, docxManyEntries, docxWithBody, utf16Broken } from '../../../../test/support/bombs.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { healthDuring } from '../../../../test/support/responsiveness.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { MinutesTextUpload } from '../../contracts/minutes.js';

/**
 * Hostile transcripts through the minutes upload (POST /api/trials/:id/minutes/uploads): bombs are refused
 * with their limit within 10 s while the server keeps answering; Teams transcripts read as before.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
let t: TestApp;
let employee: Client;
let trialId: string;

const upload = (buffer: Buffer, filename: string) =>
  employee.agent.post(`/api/trials/${trialId}/minutes/uploads`).set(CSRF_HEADER, employee.csrf).attach('file', buffer, { filename });

async function refused(buffer: Buffer, filename: string, status: number) {
  const probe = await healthDuring(t.request, () => upload(buffer, filename));
  expect(probe.result.status, JSON.stringify(probe.result.body).slice(0, 300)).toBe(status);
  expect(probe.elapsedMs).toBeLessThan(10_000);
  expect(probe.worstHealthMs).toBeLessThan(1000);
  return ErrorBody.parse(probe.result.body).error;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW });
  const unitId = (await createUnit(t.deps)).id;
  const person = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  trialId = (await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'interne-referater', assistants: ['minutes'], participants: [person.id] })).id;
  employee = await signedIn(t, person);
});
afterAll(async () => {
  await t.close();
});

describe('a hostile transcript', () => {
  it('when a 77 KB .docx expands to 50 MB, then 413 FILE_LIMIT_EXCEEDED with the unpacked size, not a dead server', async () => {
    const err = await refused(docxBomb({ expandedMb: 50 }), 'udskrift.docx', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
    expect(err.message).toMatch(/pakkes ud \(over 20 MB\)/);
  });

  it('when an 8.5 KB .docx expands 600-fold, then 422 FILE_TOO_COMPLEX at once', async () => {
    const err = await refused(docxBomb({ expandedMb: 5 }), 'udskrift.docx', 422);
    expect(err).toMatchObject({ code: 'FILE_TOO_COMPLEX', details: { limit: 'compressionRatio' } });
  });

  it('when the zip headers understate the size, then the unpacked bytes are counted: 413', async () => {
    const err = await refused(docxBomb({ expandedMb: 30, lie: true }), 'udskrift.docx', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
  });

  it('when a .docx has thousands of parts, then 413 names them', async () => {
    const err = await refused(docxManyEntries(5000), 'udskrift.docx', 413);
    expect(err).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'entries' } });
  });

  it('a 4.9 MB transcript of speaker lines is read without holding up other requests', async () => {
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 4.9 * 1024 * 1024; i++) {
      const line = `${i % 2 ? 'Anna Holm' : 'Bo Lind'}: Vi taler om punkt ${i} på dagsordenen i dag.\n`;
      lines.push(line);
      size += line.length;
    }
    const probe = await healthDuring(t.request, () => upload(Buffer.from(lines.join('')), 'noter.txt'), 50);
    expect(probe.result.status).toBe(200);
    expect(probe.worstHealthMs).toBeLessThan(200);
    const body = MinutesTextUpload.parse(probe.result.body);
    expect(body).toMatchObject({ format: 'speaker-lines', attendees: ['Bo Lind', 'Anna Holm'] });
  });

  it('a broken UTF-16 text is refused with 422 UNREADABLE_FILE and a Danish message, and one with a valid mark is read', async () => {
    const err = ErrorBody.parse((await upload(utf16Broken(), 'noter.txt').expect(422)).body).error;
    expect(err.code).toBe('UNREADABLE_FILE');
    expect(err.message).toMatch(/UTF-8/);
    const notepad = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Anna Holm: Godmorgen.\nBo Lind: Hej.', 'utf16le')]);
    expect(MinutesTextUpload.parse((await upload(notepad, 'noter.txt').expect(200)).body).attendees).toEqual(['Anna Holm', 'Bo Lind']);
  });

  it('a Teams .docx still reads into turns', async () => {
    const paras = ['Anna Holm   0:03', 'Godmorgen.', 'Bo Lind   0:08', 'Jeg sender listen i dag.'].map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
    const res = await upload(docxWithBody(paras), 'udskrift.docx').expect(200);
    expect(MinutesTextUpload.parse(res.body)).toEqual({ text: 'Anna Holm: Godmorgen.\nBo Lind: Jeg sender listen i dag.', format: 'teams-docx', attendees: ['Anna Holm', 'Bo Lind'] });
  });
});

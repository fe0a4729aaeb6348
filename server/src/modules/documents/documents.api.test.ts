import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx } from '../../../../test/fixtures/documents/make-files.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { DocumentList, DocumentUploadResponse, SearchResponse } from '../../contracts/documents.js';
import { JobResponse } from '../../contracts/jobs.js';
import { runNextJob } from '../jobs/jobs.service.js';
import { ErrorBody } from '../../contracts/errors.js';

const KB = path.resolve(import.meta.dirname, '../../../../test/fixtures/documents/kb');
const NOW = new Date('2026-11-27T10:00:00Z');

let t: TestApp;
let leader: Client;
let participant: Client;
let outsider: Client;
let otherLeader: Client;
let trialId: string;
let unitId: string;

function upload(c: Client, trial: string, buffer: Buffer, filename: string) {
  return c.agent.post(`/api/trials/${trial}/documents`).set(CSRF_HEADER, c.csrf).attach('file', buffer, { filename });
}
/** Runs the queued jobs (the server's worker does this in the background). */
async function drainJobs() {
  while (await runNextJob(t.deps));
}
function del(c: Client, trial: string, id: string) {
  return c.agent.delete(`/api/trials/${trial}/documents/${id}`).set(CSRF_HEADER, c.csrf);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW, env: { UPLOAD_MAX_MB: '0.05' } });
  unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const stranger = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const elsewhere = await createUser(t.deps, { role: 'LEADER' });
  trialId = (
    await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: 'interne-referater', assistants: ['documents'], participants: [employee.id] })
  ).id;
  leader = await signedIn(t, leaderUser);
  participant = await signedIn(t, employee);
  outsider = await signedIn(t, stranger);
  otherLeader = await signedIn(t, elsewhere);
});
afterAll(async () => {
  await t.close();
});

describe('uploading to a trial’s knowledge base', () => {
  it('when the trial’s leader uploads Markdown, then it is stored, split into passages whose offsets slice the text exactly, and audited without content', async () => {
    const text = fs.readFileSync(path.join(KB, 'ferie-og-fridage.md'), 'utf8');
    const res = await upload(leader, trialId, Buffer.from(text), 'ferie-og-fridage.md').expect(202);
    const queued = DocumentUploadResponse.parse(res.body);
    expect(queued.document).toMatchObject({ status: 'INDEXING', chunks: 0 });

    await drainJobs();

    const { job } = JobResponse.parse((await leader.get(`/api/jobs/${queued.jobId}`).expect(200)).body);
    expect(job).toMatchObject({ type: 'INDEXING', status: 'SUCCEEDED' });
    const { documents } = DocumentList.parse((await leader.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    const document = documents.find((d) => d.id === queued.document.id)!;
    expect(document).toMatchObject({ trialId, filename: 'ferie-og-fridage.md', mimeType: 'text/markdown', status: 'READY', chars: text.length });
    expect(document.chunks).toBeGreaterThan(1);
    // interne-referater keeps content for 60 days.
    expect(document.retainUntil).toBe(new Date(NOW.getTime() + 60 * 86_400_000).toISOString());

    const row = await t.deps.db.document.findUniqueOrThrow({ where: { id: document.id }, include: { chunks: { orderBy: { ordinal: 'asc' } } } });
    expect(row.text).toBe(text);
    for (const c of row.chunks) expect(text.slice(c.startChar, c.endChar)).toBe(c.text);
    expect(row.chunks.map((c) => c.ordinal)).toEqual(row.chunks.map((_, i) => i));
    const hovedferie = row.chunks.find((c) => c.text.includes('søge om din hovedferie senest 1. marts'));
    expect(hovedferie?.heading).toBe('Hovedferie');
    // Every heading is the nearest one before the passage.
    for (const c of row.chunks) {
      const before = [...text.matchAll(/^#{1,6} (.+)$/gm)].filter((m) => m.index <= c.startChar).pop();
      expect(c.heading).toBe(before?.[1] ?? null);
    }

    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'document', resourceId: document.id }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(['document.uploaded', 'document.indexed']);
    expect(JSON.parse(events[0]!.details)).toEqual({ trialId, kind: 'markdown', sizeBytes: Buffer.byteLength(text), chars: text.length });
    expect(JSON.parse(events[1]!.details)).toEqual({ trialId, chunks: row.chunks.length });
    expect(events.map((e) => e.details).join('')).not.toMatch(/ferie/i);
  });

  it('a Word document is read and indexed too', async () => {
    const res = await upload(leader, trialId, docx(['Nøgler til rådhuset', 'Nøgler udleveres af Servicecentret mod kvittering.']), 'Nøgler.docx').expect(202);
    const { document } = DocumentUploadResponse.parse(res.body);
    await drainJobs();
    const row = await t.deps.db.document.findUniqueOrThrow({ where: { id: document.id }, include: { _count: { select: { chunks: true } } } });
    expect(row).toMatchObject({ filename: 'Nøgler.docx', status: 'READY', _count: { chunks: 1 } });
  });

  it('the same file twice is refused with 409', async () => {
    const text = fs.readFileSync(path.join(KB, 'ferie-og-fridage.md'));
    const res = await upload(leader, trialId, text, 'kopi.md').expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('CONFLICT');
  });

  it('an unsupported, an empty and a too large file are refused with their codes, and nothing is stored', async () => {
    const before = await t.deps.db.document.count();
    expect(ErrorBody.parse((await upload(leader, trialId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]), 'x.png').expect(415)).body).error.code).toBe('UNSUPPORTED_FILE');
    expect(ErrorBody.parse((await upload(leader, trialId, Buffer.from('  \n'), 'tom.txt').expect(422)).body).error.code).toBe('EMPTY_FILE');
    const big = await upload(leader, trialId, Buffer.alloc(60 * 1024, 0x61), 'stor.txt').expect(413);
    expect(ErrorBody.parse(big.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(ErrorBody.parse((await leader.post(`/api/trials/${trialId}/documents`, {}).expect(400)).body).error.code).toBe('VALIDATION_FAILED');
    expect(await t.deps.db.document.count()).toBe(before);
  });
});

describe('who may do what', () => {
  it('a participant lists and searches, but may not upload or delete (403)', async () => {
    const list = DocumentList.parse((await participant.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    expect(list.documents.map((d) => d.filename).sort()).toEqual(['Nøgler.docx', 'ferie-og-fridage.md']);
    expect(JSON.stringify(list)).not.toContain('hovedferie');

    const search = SearchResponse.parse(
      (await participant.get(`/api/trials/${trialId}/documents/search`).query({ q: 'Hvornår skal jeg søge om sommerferie?' }).expect(200)).body,
    );
    expect(search.results[0]).toMatchObject({ filename: 'ferie-og-fridage.md', heading: 'Hovedferie' });

    expect(ErrorBody.parse((await upload(participant, trialId, Buffer.from('Hej'), 'a.txt').expect(403)).body).error.code).toBe('FORBIDDEN');
    await del(participant, trialId, list.documents[0]!.id).expect(403);
  });

  it('an employee outside the trial and a leader of another unit get 404 for everything', async () => {
    const { documents } = DocumentList.parse((await leader.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    for (const c of [outsider, otherLeader]) {
      expect(ErrorBody.parse((await c.get(`/api/trials/${trialId}/documents`).expect(404)).body).error.code).toBe('NOT_FOUND');
      await c.get(`/api/trials/${trialId}/documents/search?q=ferie`).expect(404);
      await upload(c, trialId, Buffer.from('Hej med dig'), 'a.txt').expect(404);
      await del(c, trialId, documents[0]!.id).expect(404);
    }
    await t.request.get(`/api/trials/${trialId}/documents`).expect(401);
  });

  it('when the leader deletes a document, then its text and passages are gone, search no longer finds it, and the deletion is audited', async () => {
    const { documents } = DocumentList.parse((await leader.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    const doc = documents.find((d) => d.filename === 'ferie-og-fridage.md')!;
    // Warm the cached index, so the test shows that deleting invalidates it.
    await leader.get(`/api/trials/${trialId}/documents/search?q=hovedferie`).expect(200);

    await del(leader, trialId, doc.id).expect(204);

    const row = await t.deps.db.document.findUniqueOrThrow({ where: { id: doc.id } });
    expect(row).toMatchObject({ status: 'PURGED', text: null });
    expect(await t.deps.db.chunk.count({ where: { documentId: doc.id } })).toBe(0);
    const after = DocumentList.parse((await leader.get(`/api/trials/${trialId}/documents`).expect(200)).body);
    expect(after.documents.map((d) => d.id)).not.toContain(doc.id);
    const search = SearchResponse.parse((await leader.get(`/api/trials/${trialId}/documents/search?q=hovedferie`).expect(200)).body);
    expect(search.results.map((r) => r.documentId)).not.toContain(doc.id);
    const events = await t.deps.db.auditEvent.findMany({ where: { resourceType: 'document', resourceId: doc.id, action: 'document.deleted' } });
    expect(JSON.parse(events[0]!.details)).toEqual({ trialId, sizeBytes: doc.sizeBytes, chunks: doc.chunks });
    await del(leader, trialId, doc.id).expect(404);
  });
});

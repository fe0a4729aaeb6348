import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { docxBomb, markdownHuge, pdfFlateBomb, pdfManyPages } from '../../../../test/support/bombs.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { healthDuring } from '../../../../test/support/responsiveness.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { DocumentUploadResponse, SearchResponse } from '../../contracts/documents.js';
import { ErrorBody } from '../../contracts/errors.js';
import { runNextJob } from '../jobs/jobs.service.js';

/**
 * The knowledge-base upload (POST /api/trials/:id/documents) and its indexing: bombs are refused with their
 * limit and nothing is stored; a large honest file is split, stored and searched without blocking the server.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
let t: TestApp;
let leader: Client;
let trialId: string;

const upload = (buffer: Buffer, filename: string) =>
  leader.agent.post(`/api/trials/${trialId}/documents`).set(CSRF_HEADER, leader.csrf).attach('file', buffer, { filename });

async function refused(buffer: Buffer, filename: string, status: number) {
  const probe = await healthDuring(t.request, () => upload(buffer, filename));
  expect(probe.result.status, JSON.stringify(probe.result.body).slice(0, 300)).toBe(status);
  expect(probe.elapsedMs).toBeLessThan(10_000);
  expect(probe.worstHealthMs).toBeLessThan(1000);
  return ErrorBody.parse(probe.result.body).error;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => NOW, env: { UPLOAD_MAX_MB: '10' } });
  const unitId = (await createUnit(t.deps)).id;
  const person = await createUser(t.deps, { role: 'LEADER', unitId });
  trialId = (await createTrial(t.deps, { unitId, createdById: person.id, policyId: 'interne-referater', assistants: ['documents'] })).id;
  leader = await signedIn(t, person);
});
afterAll(async () => {
  await t.close();
});

describe('a hostile file for the knowledge base', () => {
  it('when a .docx bomb, a PDF Flate bomb or a PDF of 6,000 pages is uploaded, then each is refused with its limit and nothing is stored', async () => {
    const before = await t.deps.db.document.count();
    expect(await refused(docxBomb({ expandedMb: 50 }), 'håndbog.docx', 413)).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
    expect(await refused(pdfFlateBomb({ expandedMb: 50 }), 'håndbog.pdf', 413)).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'expandedBytes' } });
    expect(await refused(pdfManyPages(6000), 'sider.pdf', 413)).toMatchObject({ code: 'FILE_LIMIT_EXCEEDED', details: { limit: 'pages' } });
    expect(await t.deps.db.document.count()).toBe(before);
  });
});

describe('a large honest file', () => {
  it('when 9 MB of Markdown is uploaded, indexed and searched, then health answers within 1 s throughout and every passage slices the text', async () => {
    const text = markdownHuge(9);
    const uploaded = await healthDuring(t.request, () => upload(text, 'håndbog.md'));
    expect(uploaded.result.status, JSON.stringify(uploaded.result.body).slice(0, 300)).toBe(202);
    expect(uploaded.worstHealthMs, 'health while uploading').toBeLessThan(1000);
    const { document } = DocumentUploadResponse.parse(uploaded.result.body);

    // /api/ready asks the database: storing thousands of passages must not hold it for everyone else either.
    await t.request.get('/api/ready').expect(200);
    const indexing = await healthDuring(
      t.request,
      async () => {
        while (await runNextJob(t.deps));
      },
      50,
      '/api/ready',
    );
    expect(indexing.worstHealthMs, 'ready while indexing').toBeLessThan(1000);
    const row = await t.deps.db.document.findUniqueOrThrow({ where: { id: document.id }, include: { _count: { select: { chunks: true } } } });
    expect(row.status).toBe('READY');
    expect(row._count.chunks).toBeGreaterThan(5000);
    const sample = await t.deps.db.chunk.findMany({ where: { documentId: document.id }, orderBy: { ordinal: 'asc' }, take: 50, skip: 3000 });
    for (const c of sample) expect(row.text!.slice(c.startChar, c.endChar)).toBe(c.text);

    // The first search builds the trial's index: that too must leave room for other requests.
    const searching = await healthDuring(t.request, () => leader.get(`/api/trials/${trialId}/documents/search`).query({ q: 'boligindretning' }), 50);
    expect(searching.result.status).toBe(200);
    expect(searching.worstHealthMs, 'health while building the index').toBeLessThan(1000);
    expect(SearchResponse.parse(searching.result.body).results.length).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { DocumentList, DocumentUploadResponse, SearchResponse } from '../../contracts/documents.js';
import { JobResponse } from '../../contracts/jobs.js';
import { RunResponse } from '../../contracts/runs.js';
import { runNextJob } from '../jobs/jobs.service.js';

// The CPR number passes modulus 11; the name is found by the guard after "Kære".
const CPR = '070761-1006';
const NAME = 'Jens Peter Hansen';
const ORIGINALS = [CPR, NAME, 'Jens', 'Hansen', '070761'];

const filler = (topic: string) =>
  Array.from(
    { length: 6 },
    (_, i) => `Reglerne om ${topic} gælder for alle medarbejdere i forvaltningen, og afsnit ${i + 1} beskriver, hvad lederen skal godkende først.`,
  ).join(' ');

/** Three sections long enough to become three passages; only the last one is about a citizen. */
const DOCUMENT = [
  '# Personalehåndbog',
  '',
  '## Hovedferie',
  '',
  `Hovedferien holdes i perioden fra 1. maj til 30. september. ${filler('ferie')}`,
  '',
  '## Gaver',
  '',
  `Gaver fra borgere må højst have en værdi af 200 kroner. ${filler('gaver')}`,
  '',
  '## Eksempel på en sag',
  '',
  `Kære ${NAME}. Vi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nr. ${CPR}. ${filler('sager')}`,
].join('\n');

let fake: FakeProvider;
let t: TestApp;
let unitId: string;
let leaderId: string;
let employeeId: string;
let leader: Client;
let participant: Client;

async function trialWith(policyId: string) {
  return (await createTrial(t.deps, { unitId, createdById: leaderId, policyId, assistants: ['documents'], participants: [employeeId] })).id;
}

/** Uploads the document and runs the queued indexing job, as the server's worker would. */
async function uploadAndIndex(trialId: string, text = DOCUMENT, filename = 'haandbog.md') {
  const res = await leader.agent.post(`/api/trials/${trialId}/documents`).set(CSRF_HEADER, leader.csrf).attach('file', Buffer.from(text), { filename }).expect(202);
  const queued = DocumentUploadResponse.parse(res.body);
  while (await runNextJob(t.deps));
  const { job } = JobResponse.parse((await leader.get(`/api/jobs/${queued.jobId}`).expect(200)).body);
  const { documents } = DocumentList.parse((await leader.get(`/api/trials/${trialId}/documents`).expect(200)).body);
  const chunks = await t.deps.db.chunk.findMany({ where: { documentId: queued.document.id }, orderBy: { ordinal: 'asc' } });
  return { job, document: documents.find((d) => d.id === queued.document.id)!, chunks };
}

const embeddingRequests = () => fake.received.filter((r) => r.path === '/v1/embeddings');
const sentTexts = () => embeddingRequests().flatMap((r) => (r.body as { input: string[] }).input);

async function embeddedEvents(trialId: string) {
  return (await embeddedRows(trialId)).map((e) => e.details);
}

/** The events with who they are attributed to. */
async function embeddedRows(trialId: string) {
  const events = await t.deps.db.auditEvent.findMany({ where: { action: 'documents.embedded' }, orderBy: { seq: 'asc' } });
  return events
    .map((e) => ({ actorId: e.actorId, actorRole: e.actorRole, details: JSON.parse(e.details) as Record<string, unknown> }))
    .filter((e) => e.details.trialId === trialId);
}

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    env: {
      AI_PROVIDER: 'openai-compatible',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      AI_MODEL: 'fake-llama',
      AI_EMBEDDING_MODEL: 'fake-embed',
      PROVIDER_TIMEOUT_MS: '1000',
      PROVIDER_MAX_RETRIES: '0',
    },
    now: () => new Date('2026-11-27T10:00:00Z'),
  });
  unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leaderId = leaderUser.id;
  employeeId = employee.id;
  leader = await signedIn(t, leaderUser);
  participant = await signedIn(t, employee);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

describe('embeddings for the knowledge base, under the trial’s policy', () => {
  it('when the policy masks names and CPR numbers, then every passage gets a vector and the provider receives placeholders, never the originals', async () => {
    const trialId = await trialWith('borgerbreve-maskering');

    const { job, document, chunks } = await uploadAndIndex(trialId);

    expect(document).toMatchObject({ status: 'READY', errorCode: null });
    expect(job).toMatchObject({ status: 'SUCCEEDED' });
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks.every((c) => c.embedding !== null && c.embedding.byteLength === 8 * 4)).toBe(true);
    const sent = sentTexts().join('\n');
    expect(sent).toContain('[CPR_1]');
    expect(sent).toContain('[NAVN_1]');
    for (const original of ORIGINALS) expect(sent).not.toContain(original);
    expect(embeddingRequests().every((r) => (r.body as { model: string }).model === 'fake-embed')).toBe(true);
    const [event] = await embeddedEvents(trialId);
    expect(event).toMatchObject({ purpose: 'index', allowed: true, sent: chunks.length, skipped_blocked: 0, provider: 'openai-compatible', model: 'fake-embed' });
    expect(event!.tokens).toBeGreaterThan(0);
    expect(JSON.stringify(event)).not.toMatch(/Hansen|070761|Hovedferie/);
    // The indexing job sends the passages because the leader uploaded the document: the event says so.
    expect((await embeddedRows(trialId))[0]).toMatchObject({ actorId: leaderId, actorRole: 'LEADER' });
  });

  it('when the policy blocks CPR numbers, then the passage with one is not sent and has no vector, and the others are embedded', async () => {
    const trialId = await trialWith('interne-referater');

    const { document, chunks } = await uploadAndIndex(trialId);

    expect(document.status).toBe('READY');
    const withCpr = chunks.filter((c) => c.text.includes(CPR));
    const without = chunks.filter((c) => !c.text.includes(CPR));
    expect(withCpr.length).toBeGreaterThan(0);
    expect(withCpr.every((c) => c.embedding === null)).toBe(true);
    expect(without.every((c) => c.embedding !== null)).toBe(true);
    expect(sentTexts()).toHaveLength(without.length);
    expect(sentTexts().join('\n')).not.toContain('070761');
    expect(await embeddedEvents(trialId)).toEqual([expect.objectContaining({ sent: without.length, skipped_blocked: withCpr.length })]);
  });

  it('when the policy allows the provider only with the chat model, then nothing is sent for embedding and the document is searchable by BM25', async () => {
    const base = t.deps.policies.get('offentlig-information')!;
    t.deps.policies.set('kun-chatmodel', {
      ...base,
      policy: { ...base.policy, id: 'kun-chatmodel', providers: [{ provider: 'offline', models: ['*'] }, { provider: 'openai-compatible', models: ['fake-llama'] }] },
    });
    const trialId = await trialWith('kun-chatmodel');

    const { document, chunks } = await uploadAndIndex(trialId, DOCUMENT.replace(/## Eksempel[\s\S]*$/, ''));

    expect(document).toMatchObject({ status: 'READY', errorCode: null });
    expect(embeddingRequests()).toHaveLength(0);
    expect(chunks.every((c) => c.embedding === null)).toBe(true);
    expect(await embeddedEvents(trialId)).toEqual([expect.objectContaining({ allowed: false, sent: 0 })]);
    const search = SearchResponse.parse((await participant.get(`/api/trials/${trialId}/documents/search`).query({ q: 'Hvornår holdes hovedferien?' }).expect(200)).body);
    expect(search.results[0]?.heading).toBe('Hovedferie');
    expect(embeddingRequests()).toHaveLength(0);
  });

  it('when the embeddings endpoint fails, then the document is still READY, marked EMBEDDINGS_UNAVAILABLE, and found by BM25', async () => {
    const trialId = await trialWith('borgerbreve-maskering');
    fake.fail(500);

    const { job, document, chunks } = await uploadAndIndex(trialId);

    expect(document).toMatchObject({ status: 'READY', errorCode: 'EMBEDDINGS_UNAVAILABLE' });
    expect(job).toMatchObject({ status: 'SUCCEEDED' });
    expect(chunks.every((c) => c.embedding === null)).toBe(true);
    expect(await embeddedEvents(trialId)).toEqual([expect.objectContaining({ errorCode: 'server_error', sent: 0 })]);
    const search = SearchResponse.parse((await participant.get(`/api/trials/${trialId}/documents/search`).query({ q: 'Hvornår holdes hovedferien?' }).expect(200)).body);
    expect(search.results[0]?.heading).toBe('Hovedferie');
  });

  it('when the passages have vectors, then a search embeds the question through the same policy: masked, audited, and fused with BM25', async () => {
    const trialId = await trialWith('borgerbreve-maskering');
    await uploadAndIndex(trialId);
    fake.reset();

    const search = SearchResponse.parse(
      (await participant.get(`/api/trials/${trialId}/documents/search`).query({ q: `Hvornår holdes hovedferien for ${NAME}?` }).expect(200)).body,
    );

    expect(search.results.map((r) => r.heading)).toContain('Hovedferie');
    expect(sentTexts()).toHaveLength(1);
    expect(sentTexts()[0]).toContain('[NAVN_1]');
    expect(sentTexts()[0]).not.toContain('Hansen');
    const events = await embeddedEvents(trialId);
    expect(events.at(-1)).toMatchObject({ purpose: 'query', sent: 1, skipped_blocked: 0 });
  });

  it('when a person asks the documents assistant, then the question is embedded through the same function and the answer cites the passage', async () => {
    const trialId = await trialWith('interne-referater');
    await uploadAndIndex(trialId);
    fake.reset();

    const res = await participant.post('/api/runs', { trialId, assistant: 'documents', input: 'Hvornår holdes hovedferien?' }).expect(201);

    const run = RunResponse.parse(res.body).run;
    expect(run.status).toBe('DRAFT');
    expect(embeddingRequests()).toHaveLength(1);
    expect(fake.chatRequests).toHaveLength(1);
    // The question went out as part of this person's run: the event names both.
    expect((await embeddedRows(trialId)).at(-1)).toMatchObject({ actorId: employeeId, details: { purpose: 'query', sent: 1, runId: run.id } });
  });

  it('when the embeddings endpoint fails at search time, then the search answers by BM25 alone', async () => {
    const trialId = await trialWith('borgerbreve-maskering');
    await uploadAndIndex(trialId);
    fake.reset();
    fake.fail(500);

    const search = SearchResponse.parse((await participant.get(`/api/trials/${trialId}/documents/search`).query({ q: 'Hvornår holdes hovedferien?' }).expect(200)).body);

    expect(search.results[0]?.heading).toBe('Hovedferie');
    expect(embeddingRequests()).toHaveLength(1);
  });
});

describe('on an installation with only the offline engine', () => {
  let offline: TestApp;
  afterAll(async () => {
    await offline?.close();
  });

  it('nothing is embedded or sent, and passages are stored without vectors', async () => {
    offline = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z') });
    const unit = (await createUnit(offline.deps)).id;
    const boss = await createUser(offline.deps, { role: 'LEADER', unitId: unit });
    const trialId = (await createTrial(offline.deps, { unitId: unit, createdById: boss.id, policyId: 'borgerbreve-maskering', assistants: ['documents'] })).id;
    const client = await signedIn(offline, boss);
    expect(offline.deps.providers.configured.embed).toBeUndefined();

    const res = await client.agent.post(`/api/trials/${trialId}/documents`).set(CSRF_HEADER, client.csrf).attach('file', Buffer.from(DOCUMENT), { filename: 'h.md' }).expect(202);
    while (await runNextJob(offline.deps));

    const { documentId } = { documentId: DocumentUploadResponse.parse(res.body).document.id };
    const chunks = await offline.deps.db.chunk.findMany({ where: { documentId } });
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.embedding === null)).toBe(true);
    expect(await offline.deps.db.auditEvent.count({ where: { action: 'documents.embedded' } })).toBe(0);
    expect(fake.received).toHaveLength(0);
  });
});

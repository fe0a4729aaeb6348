import { getEventListeners } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../../contracts/auth.js';
import { ErrorBody } from '../../../contracts/errors.js';
import { JobResponse } from '../../../contracts/jobs.js';
import { MinutesJobUpload, MinutesTextUpload } from '../../../contracts/minutes.js';
import { RunResponse, RunFailedDetails } from '../../../contracts/runs.js';
import { buildDeps } from '../../../app.js';
import { createDb } from '../../../lib/db.js';
import { createLogger } from '../../../lib/logger.js';
import { runNextJob, startJobWorker } from '../../jobs/jobs.service.js';
import { Minutes } from './minutes.types.js';
import { NO_TRANSCRIPTION } from './minutes.uploads.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../../test/fixtures/minutes');
const MEETING_01 = fs.readFileSync(path.join(FIXTURES, 'shared/meeting-01.vtt'), 'utf8');
const NOW = new Date('2026-11-27T10:00:00Z');
// Not a real recording: the fake provider transcribes anything; what matters is the path it takes.
const AUDIO = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2048, 7)]);
const FAKE_TRANSCRIPT = 'Dette er en falsk transskription fra testserveren.';

interface World {
  t: TestApp;
  employee: { id: string; email: string };
  other: { id: string; email: string };
  unitId: string;
  leaderId: string;
  as: Client;
}

async function world(t: TestApp): Promise<World> {
  const unitId = (await createUnit(t.deps)).id;
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const other = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leaderId = (await createUser(t.deps, { role: 'LEADER', unitId })).id;
  return { t, employee, other, unitId, leaderId, as: await signedIn(t, employee) };
}

const trialFor = (w: World, policyId = 'interne-referater', status?: 'ACTIVE' | 'PAUSED') =>
  createTrial(w.t.deps, { unitId: w.unitId, createdById: w.leaderId, policyId, assistants: ['minutes'], participants: [w.employee.id], ...(status ? { status } : {}) });

const upload = (w: World, trialId: string, buffer: Buffer, filename: string, contentType?: string) =>
  w.as.agent
    .post(`/api/trials/${trialId}/minutes/uploads`)
    .set(CSRF_HEADER, w.as.csrf)
    .attach('file', buffer, contentType ? { filename, contentType } : filename);

let fake: FakeProvider;
let offline: World;
let remote: World;
/** Chat calls retried by the SDK (as in production), and a short transcription deadline. */
let retrying: World;

const refOf = async (t: TestApp, jobId: string) =>
  (JSON.parse((await t.deps.db.job.findUniqueOrThrow({ where: { id: jobId } })).payload) as { audioRef: string }).audioRef;
/** What the server keeps of a recording between attempts, in the database where every instance reaches it. */
const kept = async (t: TestApp, ref: string) => {
  const row = await t.deps.db.keptRecording.findUnique({ where: { ref } });
  return { audio: Boolean(row?.audio), transcript: Boolean(row?.transcript) };
};
const transcriptionsSent = () => fake.received.filter((r) => r.path.endsWith('/audio/transcriptions')).length;
const MINUTES_JSON = JSON.stringify({ summary: 'Kort møde.', attendees: [], decisions: [], actionItems: [] });

beforeAll(async () => {
  fake = await startFakeProvider();
  offline = await world(await createTestApp({ now: () => NOW }));
  remote = await world(
    await createTestApp({
      env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_TIMEOUT_MS: '2000', PROVIDER_MAX_RETRIES: '0' },
      now: () => NOW,
    }),
  );
  retrying = await world(
    await createTestApp({
      env: {
        AI_PROVIDER: 'openai-compatible',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        AI_MODEL: 'fake-llama',
        PROVIDER_TIMEOUT_MS: '2000',
        PROVIDER_MAX_RETRIES: '2',
        TRANSCRIPTION_TIMEOUT_MS: '300',
      },
      now: () => NOW,
    }),
  );
});
afterAll(async () => {
  await offline.t.close();
  await remote.t.close();
  await retrying.t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

describe('minutes through the runs pipeline', () => {
  it('when a Teams transcript is run with the offline engine, then the draft lists the action items with owner and due', async () => {
    const { id: trialId } = await trialFor(offline);

    const res = await offline.as.post('/api/runs', { trialId, assistant: 'minutes', input: MEETING_01 }).expect(201);

    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ provider: 'offline', status: 'DRAFT' });
    const details = Minutes.extend({ engine: Minutes.shape.summary }).parse(run.details);
    expect(details.engine).toBe('offline');
    expect(details.attendees).toEqual(['Lærke Hovmand', 'Casper Feddersen', 'Jamal Saadi', 'Ingrid Bjørnholt']);
    expect(details.actionItems).toContainEqual(expect.objectContaining({ owner: 'Jamal Saadi', due: 'i dag' }));
    expect(details.actionItems).toContainEqual(expect.objectContaining({ owner: 'Ingrid Bjørnholt', due: 'inden onsdag' }));
    expect(run.output).toMatch(/^> Offline regelmotor/);
    expect(run.output).toContain('## Opgaver');
    expect(run.output).toMatch(/\| Casper Feddersen \| Opdatere telefontiderne .* \| til den 1\. oktober \|/);
  });

  it('when a language model answers, then only placeholders leave the server and the names come back in the draft', async () => {
    const loaded = remote.t.deps.policies.get('interne-referater')!;
    remote.t.deps.policies.set('referater-maskering', {
      ...loaded,
      policy: { ...loaded.policy, id: 'referater-maskering', dataClasses: { ...loaded.policy.dataClasses, PERSON: 'mask' } },
    });
    const { id: trialId } = await trialFor(remote, 'referater-maskering');
    fake.reply((body) => {
      const user = String(body.messages?.at(-1)?.content ?? '');
      const who = /\[NAVN_\d+\]/.exec(user)?.[0] ?? 'ukendt';
      return JSON.stringify({ summary: `${who} ledte mødet.`, attendees: [who], decisions: ['Telefontiden udvides.'], actionItems: [{ owner: who, task: 'Bestille adgange', due: 'i denne uge' }] });
    });

    const res = await remote.as.post('/api/runs', { trialId, assistant: 'minutes', input: MEETING_01 }).expect(201);

    const sent = fake.received.find((r) => r.path.endsWith('/chat/completions'))!.raw;
    expect(sent).not.toContain('Hovmand');
    expect(sent).toMatch(/\[NAVN_1\]/);
    const { run } = RunResponse.parse(res.body);
    expect(run.output).not.toMatch(/\[NAVN_/);
    expect(run.output).toContain('| Bestille adgange | i denne uge |');
    expect((run.details as { engine: string }).engine).toBe('model');
  });

  it('when the model answers with something that is not the minutes JSON, then 502 PROVIDER_FAILED (malformed)', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.reply(() => 'Her er et referat i almindelig tekst uden JSON.');
    const res = await remote.as.post('/api/runs', { trialId, assistant: 'minutes', input: 'Anna Holm: Jeg sender listen i dag.\nBo Lind: Tak.' }).expect(502);
    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('PROVIDER_FAILED');
    expect(RunFailedDetails.parse(err.details).kind).toBe('malformed');
  });
});

describe('uploading a transcript', () => {
  it('a .vtt is read at once into "Name: text" lines with the attendees', async () => {
    const { id: trialId } = await trialFor(offline);
    const res = await upload(offline, trialId, Buffer.from(MEETING_01), 'Ugemøde.vtt').expect(200);
    const body = MinutesTextUpload.parse(res.body);
    expect(body.format).toBe('vtt');
    expect(body.attendees).toHaveLength(4);
    expect(body.text.split('\n')[0]).toBe('Lærke Hovmand: Godmorgen, godmorgen. Er I der alle sammen? Jeg kan se Jamal og Ingrid. Casper?');
  });

  it('a Teams .docx is read through mammoth', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    const paras = ['Anna Holm   0:03', 'Godmorgen.', 'Bo Lind   0:08', 'Jeg sender listen i dag.'].map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`);
    const { id: trialId } = await trialFor(offline);
    const res = await upload(offline, trialId, await zip.generateAsync({ type: 'nodebuffer' }), 'udskrift.docx').expect(200);
    expect(MinutesTextUpload.parse(res.body)).toEqual({ text: 'Anna Holm: Godmorgen.\nBo Lind: Jeg sender listen i dag.', format: 'teams-docx', attendees: ['Anna Holm', 'Bo Lind'] });
  });

  it.each([
    ['a file of another type', Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), 'billede.png', 415, 'UNSUPPORTED_MEDIA_TYPE', /Filtypen kan ikke bruges/],
    ['an empty file', Buffer.alloc(0), 'tom.vtt', 400, 'VALIDATION_FAILED', /tom/],
    ['a text over 5 MB', Buffer.alloc(5 * 1024 * 1024 + 1, 97), 'noter.txt', 413, 'PAYLOAD_TOO_LARGE', /højst fylde 5 MB/],
  ] as const)('%s is refused with a Danish message', async (_name, buffer, filename, status, code, message) => {
    const { id: trialId } = await trialFor(offline);
    const err = ErrorBody.parse((await upload(offline, trialId, buffer, filename).expect(status)).body).error;
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it('someone who does not take part in the trial gets 404', async () => {
    const { id: trialId } = await trialFor(offline);
    const c = await signedIn(offline.t, offline.other);
    const res = await c.agent.post(`/api/trials/${trialId}/minutes/uploads`).set(CSRF_HEADER, c.csrf).attach('file', Buffer.from(MEETING_01), 'm.vtt').expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('NOT_FOUND');
  });
});

describe('uploading a recording', () => {
  it('with the offline engine, then 415 with the clear Danish message and no job', async () => {
    const { id: trialId } = await trialFor(offline);
    const res = await upload(offline, trialId, AUDIO, 'møde.mp3', 'audio/mpeg').expect(415);
    expect(ErrorBody.parse(res.body).error.message).toBe(NO_TRANSCRIPTION);
    expect(await offline.t.deps.db.job.count()).toBe(0);
  });

  it('when the participant has not acknowledged the briefing, then 409 BRIEFING_REQUIRED and the recording is not sent', async () => {
    const trial = await createTrial(remote.t.deps, {
      unitId: remote.unitId,
      createdById: remote.leaderId,
      policyId: 'interne-referater',
      assistants: ['minutes'],
      participants: [remote.employee.id],
      briefed: false,
    });
    const before = { sent: fake.received.length, jobs: await remote.t.deps.db.job.count() };
    const res = await upload(remote, trial.id, AUDIO, 'møde.mp3', 'audio/mpeg').expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('BRIEFING_REQUIRED');
    expect(fake.received.length).toBe(before.sent);
    expect(await remote.t.deps.db.job.count()).toBe(before.jobs);
  });

  it('when the trial’s leader, who does not take part, uploads, then 403 with a message saying how to take part', async () => {
    const { id: trialId } = await trialFor(offline);
    const leader = await offline.t.deps.db.user.findUniqueOrThrow({ where: { id: offline.leaderId } });
    const c = await signedIn(offline.t, leader);
    const res = await c.agent.post(`/api/trials/${trialId}/minutes/uploads`).set(CSRF_HEADER, c.csrf).attach('file', Buffer.from(MEETING_01), 'm.vtt').expect(403);
    expect(ErrorBody.parse(res.body).error.message).toMatch(/Tilføj dig som deltager/);
  });

  it('when the trial’s policy does not allow the provider that transcribes, then 422 and nothing is sent', async () => {
    const loaded = remote.t.deps.policies.get('interne-referater')!;
    remote.t.deps.policies.set('referater-kun-offline', {
      ...loaded,
      policy: { ...loaded.policy, id: 'referater-kun-offline', providers: [{ provider: 'offline', models: ['*'] }] },
    });
    const { id: trialId } = await trialFor(remote, 'referater-kun-offline');
    const res = await upload(remote, trialId, AUDIO, 'møde.mp3', 'audio/mpeg').expect(422);
    expect(ErrorBody.parse(res.body).error.code).toBe('POLICY_VIOLATION');
    expect(fake.received).toEqual([]);
  });

  it('with an OpenAI-compatible provider, then a job transcribes it, progress reaches 100, and a minutes run is made from the transcript', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.reply(() => JSON.stringify({ summary: 'Kort møde.', attendees: [], decisions: [], actionItems: [] }));

    const res = await upload(remote, trialId, AUDIO, 'Møde med Jens Hansen.mp3', 'audio/mpeg').expect(202);
    const { job } = MinutesJobUpload.parse(res.body);
    expect(job).toMatchObject({ type: 'TRANSCRIPTION', status: 'QUEUED', progress: 0 });
    expect(fake.received).toEqual([]);

    const worker = startJobWorker(remote.t.deps, { pollMs: 10 });
    try {
      await expect
        .poll(async () => JobResponse.parse((await remote.as.get(`/api/jobs/${job.id}`).expect(200)).body).job.status, { timeout: 10_000 })
        .toBe('SUCCEEDED');
    } finally {
      await worker.stop();
    }

    const done = JobResponse.parse((await remote.as.get(`/api/jobs/${job.id}`).expect(200)).body).job;
    expect(done).toMatchObject({ progress: 100, errorCode: null, runId: expect.any(String) });
    const transcription = fake.received.find((r) => r.path === '/v1/audio/transcriptions')!;
    expect(transcription.raw).toContain('filename="lyd.mp3"');
    expect(transcription.raw).not.toContain('Jens');
    const { run } = RunResponse.parse((await remote.as.get(`/api/runs/${done.runId}`).expect(200)).body);
    expect(run).toMatchObject({ assistant: 'minutes', status: 'DRAFT' });
    // The transcript as numbered lines, so the model can say which line a decision rests on.
    expect(fake.chatRequests.at(-1)!.messages!.at(-1)!.content).toBe(`[1] ${FAKE_TRANSCRIPT}`);
    const row = await remote.t.deps.db.run.findUniqueOrThrow({ where: { id: done.runId! } });
    expect(row.input).toBe(FAKE_TRANSCRIPT);
    // The recording is gone from the server once the job is done.
    const { audioRef } = JSON.parse((await remote.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).payload) as { audioRef: string };
    expect(await remote.t.deps.db.keptRecording.count({ where: { ref: audioRef } })).toBe(0);
  });

  it('when the transcription endpoint fails on every try, then the job ends FAILED with the provider’s error kind after 3 attempts', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.fail(500);
    const { job } = MinutesJobUpload.parse((await upload(remote, trialId, AUDIO, 'm.wav', 'audio/wav').expect(202)).body);

    while (await runNextJob(remote.t.deps)) {
      /* three tries */
    }

    const row = await remote.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3, errorCode: 'server_error', runId: null });
    expect(fake.received.filter((r) => r.path.endsWith('/audio/transcriptions'))).toHaveLength(3);
    const view = JobResponse.parse((await remote.as.get(`/api/jobs/${job.id}`).expect(200)).body).job;
    expect(view.message).toMatch(/Prøv igen/);
    const other = await signedIn(remote.t, remote.other);
    await other.get(`/api/jobs/${job.id}`).expect(404);
  });

  it('when the language model fails on the minutes every time, then only the minutes are tried again: the audio is sent once, two FAILED runs, and the job ends FAILED naming the last', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.reply(() => 'Ikke JSON.');
    const { job } = MinutesJobUpload.parse((await upload(remote, trialId, AUDIO, 'm.m4a', 'audio/mp4').expect(202)).body);
    const ref = await refOf(remote.t, job.id);

    while (await runNextJob(remote.t.deps)) {
      /* until the job has ended */
    }

    expect(transcriptionsSent()).toBe(1);
    const runs = await remote.t.deps.db.run.findMany({ where: { trialId }, orderBy: { createdAt: 'asc' } });
    expect(runs.map((r) => [r.status, r.errorCode, r.input])).toEqual([
      ['FAILED', 'malformed', null],
      ['FAILED', 'malformed', null],
    ]);
    const row = await remote.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2, errorCode: 'PROVIDER_FAILED', runId: runs[1]!.id });
    expect(JobResponse.parse((await remote.as.get(`/api/jobs/${job.id}`).expect(200)).body).job.runId).toBe(runs[1]!.id);
    expect(await kept(remote.t, ref)).toEqual({ audio: false, transcript: false });
  });

  it('when the instance transcribing a recording dies, then another instance on the database takes it over after the lease and transcribes it exactly once', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.reply(() => MINUTES_JSON);
    const legacyDir = path.join(os.tmpdir(), 'workbench-audio');
    const onDiskBefore = fs.existsSync(legacyDir) ? fs.readdirSync(legacyDir).length : 0;
    const { job } = MinutesJobUpload.parse((await upload(remote, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(202)).body);
    // Kept where every instance reaches it: the database, not this instance's disk.
    expect(await kept(remote.t, await refOf(remote.t, job.id))).toEqual({ audio: true, transcript: false });
    expect(fs.existsSync(legacyDir) ? fs.readdirSync(legacyDir).length : 0).toBe(onDiskBefore);
    // The instance that claimed it died mid-way: RUNNING under its lease, which has run out.
    await remote.t.deps.db.job.update({
      where: { id: job.id },
      data: { status: 'RUNNING', attempts: 1, workerId: 'dead-instance', leaseUntil: new Date(Date.now() - 1000) },
    });
    const sentBefore = transcriptionsSent();

    // Another instance: its own app and connection on the same database.
    const db = await createDb(remote.t.deps.config.databaseUrl);
    const other = buildDeps(remote.t.deps.config, db, createLogger('silent'), { policies: remote.t.deps.policies });
    const worker = startJobWorker(other, { pollMs: 10 });
    try {
      await expect.poll(async () => (await remote.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).status, { timeout: 10_000 }).toBe('SUCCEEDED');
    } finally {
      await worker.stop();
      await db.$disconnect();
    }
    expect(transcriptionsSent() - sentBefore).toBe(1);
    const done = await remote.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(done).toMatchObject({ attempts: 2, runId: expect.any(String) });
    expect(await remote.t.deps.db.keptRecording.count({ where: { ref: await refOf(remote.t, job.id) } })).toBe(0);
  });

  it('when the minutes fail once after the transcription, then the next attempt uses the kept transcript (kept by the server, not in the job) and succeeds', async () => {
    const { id: trialId } = await trialFor(remote);
    let chats = 0;
    // The first attempt fails with its one repair (two answers that are not JSON); the second succeeds.
    fake.reply(() => (++chats <= 2 ? 'Ikke JSON.' : MINUTES_JSON));
    const { job } = MinutesJobUpload.parse((await upload(remote, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(202)).body);
    const ref = await refOf(remote.t, job.id);

    const first = (await runNextJob(remote.t.deps))!;
    expect(first).toMatchObject({ id: job.id, status: 'QUEUED', errorCode: 'PROVIDER_FAILED', result: null, runId: expect.any(String) });
    // Between the attempts: the recording is gone, the transcript waits in the database (any instance may take
    // the next attempt), not in the job.
    expect(await kept(remote.t, ref)).toEqual({ audio: false, transcript: true });
    expect(first.payload).not.toContain('transskription');

    const done = (await runNextJob(remote.t.deps))!;
    expect(done).toMatchObject({ id: job.id, status: 'SUCCEEDED', attempts: 2 });
    expect(transcriptionsSent()).toBe(1);
    expect(fake.chatRequests.at(-1)!.messages!.at(-1)!.content).toBe(`[1] ${FAKE_TRANSCRIPT}`);
    const run = await remote.t.deps.db.run.findUniqueOrThrow({ where: { id: done.runId! } });
    expect(run).toMatchObject({ status: 'DRAFT', input: FAKE_TRANSCRIPT });
    expect(done.result).toBe(JSON.stringify({ runId: run.id }));
    expect(await kept(remote.t, ref)).toEqual({ audio: false, transcript: false });
  });

  it('when the transcription endpoint never answers, then each attempt ends at TRANSCRIPTION_TIMEOUT_MS without SDK retries, and the job ends FAILED timeout after 3 sends', async () => {
    const { id: trialId } = await trialFor(retrying);
    fake.hang();
    const { job } = MinutesJobUpload.parse((await upload(retrying, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(202)).body);
    const ref = await refOf(retrying.t, job.id);
    const started = performance.now();

    while (await runNextJob(retrying.t.deps)) {
      /* three attempts */
    }

    expect(performance.now() - started).toBeLessThan(5000);
    expect(await retrying.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'FAILED', attempts: 3, errorCode: 'timeout' });
    expect(transcriptionsSent()).toBe(3);
    expect(await kept(remote.t, ref)).toEqual({ audio: false, transcript: false });
  });

  it('when the transcription endpoint fails on every try, then the recording is sent 3 times in all, not 3 times per attempt', async () => {
    const { id: trialId } = await trialFor(retrying);
    fake.fail(500);
    const { job } = MinutesJobUpload.parse((await upload(retrying, trialId, AUDIO, 'm.wav', 'audio/wav').expect(202)).body);

    while (await runNextJob(retrying.t.deps)) {
      /* three attempts */
    }

    expect(await retrying.t.deps.db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: 'FAILED', attempts: 3, errorCode: 'server_error' });
    expect(transcriptionsSent()).toBe(3);
  });

  it('when transcription jobs run under one worker signal, then the provider calls leave no abort listener on it', async () => {
    const { id: trialId } = await trialFor(remote);
    fake.reply(() => MINUTES_JSON);
    for (let i = 0; i < 3; i++) await upload(remote, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(202);
    const worker = new AbortController();

    while (await runNextJob(remote.t.deps, worker.signal)) {
      /* transcription and minutes, three times */
    }

    expect(fake.chatRequests).toHaveLength(3);
    expect(getEventListeners(worker.signal, 'abort')).toHaveLength(0);
  });

  it('when the person has used the day’s runs, then the recording is refused with 429 RUN_LIMIT_REACHED and nothing is stored or sent', async () => {
    const loaded = remote.t.deps.policies.get('interne-referater')!;
    remote.t.deps.policies.set('referater-en-om-dagen', { ...loaded, policy: { ...loaded.policy, id: 'referater-en-om-dagen', limits: { ...loaded.policy.limits, runsPerPersonPerDay: 1 } } });
    const { id: trialId } = await trialFor(remote, 'referater-en-om-dagen');
    fake.reply(() => MINUTES_JSON);
    await remote.as.post('/api/runs', { trialId, assistant: 'minutes', input: 'Anna Holm: Jeg sender listen i dag.' }).expect(201);
    fake.reset();
    const before = { jobs: await remote.t.deps.db.job.count(), kept: await remote.t.deps.db.keptRecording.count() };

    const res = await upload(remote, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(429);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('RUN_LIMIT_REACHED');
    expect(err.message).toMatch(/Prøv igen i morgen/);
    expect(await remote.t.deps.db.job.count()).toBe(before.jobs);
    expect(await remote.t.deps.db.keptRecording.count()).toBe(before.kept);
    expect(fake.received).toEqual([]);
  });

  it('when the trial is paused, then the recording is refused with 409 before anything is sent', async () => {
    const { id: trialId } = await trialFor(remote, 'interne-referater', 'PAUSED');
    const res = await upload(remote, trialId, AUDIO, 'm.mp3', 'audio/mpeg').expect(409);
    expect(ErrorBody.parse(res.body).error.code).toBe('TRIAL_NOT_ACTIVE');
    expect(fake.received).toEqual([]);
  });
});

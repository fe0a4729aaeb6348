import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Fault, startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { hangUpStream } from '../../../../test/support/stream.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import type { AssistantId } from '../../contracts/policies.js';
import { RunFailedDetails, RunResponse } from '../../contracts/runs.js';
import { runNextJob } from '../jobs/jobs.service.js';
import type { ProviderErrorKind } from '../providers/providers.types.js';
import { FAILURE_MESSAGES } from './runs.service.js';

/**
 * The provider-fault sweep: every way a provider call can end, for each assistant, through the plain and the
 * streaming endpoint, against the fake provider. Every run must end in a final state with the right kind and
 * its Danish message, within the configured deadline plus retries: none lost, none stuck, a cancel CANCELLED.
 */

const TIMEOUT_MS = 600;
const RETRIES = 1;
/** One try per retry plus the first, and the SDK's pause between tries (about half a second) with a margin. */
const WORST_CASE_MS = TIMEOUT_MS * (RETRIES + 1) + 2_500;
const NOW = new Date('2026-11-27T10:00:00Z');
const KB = path.resolve(import.meta.dirname, '../../../../test/fixtures/documents/kb/ferie-og-fridage.md');

const INPUTS: Record<AssistantId, string> = {
  letter:
    'Vi har modtaget din ansøgning om boligstøtte. Det er besluttet, at du får boligstøtte fra 1. januar 2027. Du kan klage inden 4 uger. Kontakt os på telefon 36 37 38 39.',
  minutes: 'Mødet handlede om telefontiden. Det blev besluttet at udvide telefontiden. Opgave: bestille adgange inden fredag.',
  documents: 'Hvornår er sidste frist for at søge om tre ugers sommerferie?',
};

const REPLIES: Record<AssistantId, string> = {
  letter:
    'Vi har fået din ansøgning om boligstøtte. Du får boligstøtte fra 1. januar 2027. Du kan klage inden 4 uger. Ring til os på telefon 36 37 38 39, hvis du har spørgsmål.',
  minutes: JSON.stringify({ summary: 'Kort møde om telefontiden.', attendees: [], decisions: ['Telefontiden udvides.'], actionItems: [] }),
  documents: 'Du skal søge om din hovedferie senest 1. marts [1]. Din leder svarer senest 1. april [1].',
};

interface Case {
  name: string;
  arrange(f: FakeProvider): void;
  /** The kind when the provider answers a plain request, and when it streams. */
  plain: ProviderErrorKind;
  stream: ProviderErrorKind;
}

const fault = (mode: Fault) => (f: FakeProvider) => void f.fault(mode);

const CASES: Case[] = [
  { name: '429 on every try', arrange: (f) => void f.fail(429), plain: 'rate_limited', stream: 'rate_limited' },
  { name: '500 on every try', arrange: (f) => void f.fail(500), plain: 'server_error', stream: 'server_error' },
  { name: '503 on every try', arrange: (f) => void f.fail(503), plain: 'server_error', stream: 'server_error' },
  { name: '400 (bad request, content filter)', arrange: (f) => void f.fail(400), plain: 'refused', stream: 'refused' },
  { name: '401 (a wrong key)', arrange: (f) => void f.fail(401), plain: 'refused', stream: 'refused' },
  { name: 'no answer at all (timeout before headers)', arrange: (f) => void f.hang(), plain: 'timeout', stream: 'timeout' },
  { name: 'the connection reset before an answer', arrange: fault('reset'), plain: 'unavailable', stream: 'unavailable' },
  { name: 'a 200 whose body is not JSON', arrange: (f) => void f.malformed(), plain: 'malformed', stream: 'malformed' },
  { name: 'the socket closed mid-answer', arrange: fault('close-mid-answer'), plain: 'incomplete', stream: 'incomplete' },
  { name: 'a stall after the headers (timeout after headers)', arrange: fault('stall-after-headers'), plain: 'timeout', stream: 'timeout' },
  { name: 'an answer that ends early without a finish', arrange: fault('end-mid-stream'), plain: 'malformed', stream: 'incomplete' },
  { name: 'an answer cut off by the token limit', arrange: fault('length'), plain: 'incomplete', stream: 'incomplete' },
  { name: 'an error event mid-stream', arrange: fault('error-event'), plain: 'incomplete', stream: 'server_error' },
];

const ASSISTANTS: AssistantId[] = ['letter', 'minutes', 'documents'];
/** The minutes assistant asks the model for JSON in one piece: it never streams from the provider. */
const streamsFromProvider = (a: AssistantId) => a !== 'minutes';

let fake: FakeProvider;
let t: TestApp;
let trialId: string;
const clients = new Map<string, Client>();
let requests = 0;

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    env: {
      AI_PROVIDER: 'openai-compatible',
      OPENAI_BASE_URL: `${fake.url}/v1`,
      AI_MODEL: 'fake-llama',
      PROVIDER_TIMEOUT_MS: String(TIMEOUT_MS),
      PROVIDER_MAX_RETRIES: String(RETRIES),
    },
    now: () => NOW,
  });
  const unitId = (await createUnit(t.deps)).id;
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  // One person per assistant and endpoint, so the sweep stays inside the policy's daily limit.
  const people = await Promise.all(ASSISTANTS.flatMap(() => [createUser(t.deps, { unitId }), createUser(t.deps, { unitId })]));
  const trial = await createTrial(t.deps, {
    unitId,
    createdById: leader.id,
    policyId: 'offentlig-information',
    assistants: ASSISTANTS,
    participants: people.map((p) => p.id),
  });
  trialId = trial.id;
  for (const [i, a] of ASSISTANTS.entries()) {
    clients.set(`${a}:plain`, await signedIn(t, people[2 * i]!));
    clients.set(`${a}:stream`, await signedIn(t, people[2 * i + 1]!));
  }
  const asLeader = await signedIn(t, leader);
  await asLeader.agent
    .post(`/api/trials/${trialId}/documents`)
    .set(CSRF_HEADER, asLeader.csrf)
    .attach('file', fs.readFileSync(KB), { filename: 'ferie-og-fridage.md' })
    .expect(202);
  while (await runNextJob(t.deps));
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
});

/** The error of a failed run, from a plain answer or from the stream's `error` event. */
async function runAndFail(assistant: AssistantId, mode: 'plain' | 'stream'): Promise<{ status: number; error: ErrorBody['error'] }> {
  requests += 1;
  const c = clients.get(`${assistant}:${mode}`)!;
  const body = { trialId, assistant, input: INPUTS[assistant] };
  if (mode === 'plain') {
    const res = await c.post('/api/runs', body);
    return { status: res.status, error: ErrorBody.parse(res.body).error };
  }
  const res = await c.agent
    .post('/api/runs/stream')
    .set(CSRF_HEADER, c.csrf)
    .send(body)
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => cb(null, text));
    });
  const raw = res.body as string;
  expect(res.status).toBe(200);
  const block = raw.split('\n\n').find((b) => b.startsWith('event: error'));
  expect(block, 'the stream ends with an error event').toBeDefined();
  const data = block!.split('\n').find((l) => l.startsWith('data: '))!.slice(6);
  return { status: 200, error: ErrorBody.parse(JSON.parse(data)).error };
}

describe('every provider fault ends in a stored run with the right kind', () => {
  for (const assistant of ASSISTANTS) {
    for (const mode of ['plain', 'stream'] as const) {
      it.each(CASES)(`${assistant}, ${mode}: when the provider gives $name, then the run is FAILED with its kind and Danish message`, async (c) => {
        c.arrange(fake);
        const started = performance.now();
        const { status, error } = await runAndFail(assistant, mode);
        const elapsed = performance.now() - started;

        const kind = mode === 'stream' && streamsFromProvider(assistant) ? c.stream : c.plain;
        expect(fake.chatRequests.length, 'the fault was met at the provider').toBeGreaterThan(0);
        expect(error.code).toBe(kind === 'timeout' ? 'PROVIDER_TIMEOUT' : 'PROVIDER_FAILED');
        if (mode === 'plain') expect(status).toBe(kind === 'timeout' ? 504 : 502);
        expect(error.message).toBe(FAILURE_MESSAGES[kind]);
        const { runId, kind: reported } = RunFailedDetails.parse(error.details);
        expect(reported).toBe(kind);
        const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
        expect(row).toMatchObject({ status: 'FAILED', errorCode: kind, output: null, input: null, provider: 'openai-compatible' });
        const audit = await t.deps.db.auditEvent.findMany({ where: { resourceId: runId } });
        expect(audit.map((a) => a.action)).toEqual(['run.failed']);
        expect(elapsed).toBeLessThan(WORST_CASE_MS);
      });
    }
  }
});

describe('a person who stops a stream', () => {
  it.each(ASSISTANTS)('%s: when the person stops half-way through the answer, then the run is CANCELLED, never a truncated draft', async (assistant) => {
    requests += 1;
    const c = clients.get(`${assistant}:stream`)!;
    const before = new Set((await t.deps.db.run.findMany({ where: { trialId }, select: { id: true } })).map((r) => r.id));
    const long = Array.from({ length: 8 }, () => REPLIES[assistant]).join(' ');
    if (streamsFromProvider(assistant)) fake.trickle(100).reply(() => long);
    else fake.slow(1_500).reply(() => REPLIES[assistant]);

    expect(await hangUpStream(t, c, { trialId, assistant, input: INPUTS[assistant] }, { afterFirstToken: streamsFromProvider(assistant) })).toBe(200);

    await expect
      .poll(async () => (await t.deps.db.run.findMany({ where: { trialId, id: { notIn: [...before] } } })).map((r) => r.status), { timeout: 5_000 })
      .toEqual(['CANCELLED']);
    const row = (await t.deps.db.run.findFirstOrThrow({ where: { trialId, id: { notIn: [...before] } } }))!;
    expect(row).toMatchObject({ errorCode: 'cancelled', output: null, details: null, pseudonymMap: null });
    const audit = await t.deps.db.auditEvent.findMany({ where: { resourceId: row.id } });
    expect(audit.map((a) => a.action)).toEqual(['run.cancelled']);
  });
});

describe('after the sweep', () => {
  it('every request has its run, and no run is left unfinished', async () => {
    const runs = await t.deps.db.run.findMany({ where: { trialId } });
    expect(runs).toHaveLength(requests);
    expect(runs.filter((r) => !['FAILED', 'CANCELLED'].includes(r.status))).toEqual([]);
  });

  it('when the provider answers whole, then each assistant still gives a draft through both endpoints', async () => {
    for (const assistant of ASSISTANTS) {
      fake.reset();
      fake.reply(() => REPLIES[assistant]);
      const c = clients.get(`${assistant}:plain`)!;
      const res = await c.post('/api/runs', { trialId, assistant, input: INPUTS[assistant] }).expect(201);
      expect(RunResponse.parse(res.body).run).toMatchObject({ status: 'DRAFT', provider: 'openai-compatible' });
    }
  });
});

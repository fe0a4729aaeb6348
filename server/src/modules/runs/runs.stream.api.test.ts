import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import supertest from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { hangUpStream } from '../../../../test/support/stream.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { RunBlockedDetails, RunFailedDetails, RunResponse, RunView } from '../../contracts/runs.js';
import { registryOf } from '../providers/providers.registry.js';
import { type Provider, ProviderError } from '../providers/providers.types.js';
import { HEARTBEAT_MS, streamRun } from './runs.stream.js';

const CPR = '070761-1006';
const NAME = 'Jens Peter Hansen';
const LETTER = `Kære ${NAME}\n\nVi har modtaget din ansøgning om boligstøtte. Sagen vedrører dig med CPR-nr. ${CPR}.\n\nMed venlig hilsen\nYdelseskontoret`;
const NOW = new Date('2026-11-27T10:00:00Z');
const PLACEHOLDER = /\[(NAVN|CPR)_\d+\]/;

interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a text/event-stream body into its events; comments (heartbeats) are kept as event ':'. */
function parseSse(raw: string): SseEvent[] {
  return raw
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      if (block.startsWith(':')) return { event: ':', data: block.slice(1).trim() };
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

/** Posts to the stream endpoint and collects the whole body as text, whatever its content type. */
function postStream(c: Client, body: object) {
  return c.agent
    .post('/api/runs/stream')
    .set(CSRF_HEADER, c.csrf)
    .send(body)
    .buffer(true)
    .parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => cb(null, text));
    });
}

/** Posts to the stream endpoint over a real socket and records each piece as it arrives, undecoded. */
async function readStream(c: Client, body: object, acceptEncoding: string) {
  const server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const cookie = (await c.agent.get('/api/auth/me')).request.cookies;
  try {
    return await new Promise<{ headers: http.IncomingHttpHeaders; chunks: { at: number; text: string }[] }>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: (server.address() as AddressInfo).port,
          path: '/api/runs/stream',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding, cookie, [CSRF_HEADER]: c.csrf },
        },
        (res) => {
          const chunks: { at: number; text: string }[] = [];
          res.on('data', (chunk: Buffer) => chunks.push({ at: performance.now(), text: chunk.toString('utf8') }));
          res.on('end', () => resolve({ headers: res.headers, chunks }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(body));
    });
  } finally {
    await new Promise((r) => server.close(r));
  }
}

let fake: FakeProvider;
let t: TestApp;
let unitId: string;
let employee: { id: string; email: string };
let leader: { id: string; email: string };
let asEmployee: Client;
let configured: Provider;

const trial = (policyId: string) => createTrial(t.deps, { unitId, createdById: leader.id, policyId, participants: [employee.id] });

/** A stand-in for the configured provider, for what the fake server cannot do (fail half-way, split placeholders). */
function useProvider(provider: Omit<Provider, 'kind' | 'model'>) {
  t.deps.providers = registryOf({ kind: 'openai-compatible', model: 'fake-llama', ...provider });
}

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_TIMEOUT_MS: '5000', PROVIDER_MAX_RETRIES: '0' },
    now: () => NOW,
  });
  configured = t.deps.providers.configured;
  unitId = (await createUnit(t.deps)).id;
  employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  leader = await createUser(t.deps, { role: 'LEADER', unitId });
  asEmployee = await signedIn(t, employee);
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  t.deps.providers = registryOf(configured);
});

describe('POST /api/runs/stream', () => {
  it('when names and CPR numbers are masked, then the draft streams in order with the originals restored and no placeholder reaches the client', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    fake.reply(() => 'Kære [NAVN_1]\n\nVi har behandlet din sag om boligstøtte. Dit CPR-nummer er [CPR_1]. Du får svar inden for 4 uger.');

    const res = await postStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }).expect(200);

    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toContain('no-transform');
    expect(res.headers['x-accel-buffering']).toBe('no');
    const events = parseSse(res.body as string);
    const tokens = events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text);
    // The fake streams word by word: many pieces, in the order of the text.
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.join('')).toBe(`Kære ${NAME}\n\nVi har behandlet din sag om boligstøtte. Dit CPR-nummer er ${CPR}. Du får svar inden for 4 uger.`);
    expect(events.at(-1)!.event).toBe('done');
    // The assistant may tidy the streamed text into its final draft; the names are restored there too.
    const run = RunView.parse((events.at(-1)!.data as { run: unknown }).run);
    expect(run.output).toContain(NAME);
    expect(run.output).toContain(CPR);
    for (const token of tokens) expect(token).not.toMatch(PLACEHOLDER);
    // ... while the provider did get placeholders only.
    expect(fake.received[0]!.raw).toMatch(PLACEHOLDER);
    expect(fake.received[0]!.raw).not.toContain(CPR);
    expect(fake.chatRequests[0]!.stream).toBe(true);

    const stored = RunResponse.parse((await asEmployee.get(`/api/runs/${run.id}`).expect(200)).body).run;
    expect(stored).toEqual(run);
  });

  it('when the model puts a placeholder inside a link, then neither the stream nor the stored draft has the original there, and the audit counts it', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    fake.reply(() => 'Kære [NAVN_1]\n\nSe https://x.example/?cpr=[CPR_1] og <a href="https://x.example/?n=[NAVN_1]">her</a>. Dit CPR-nummer er [CPR_1].');

    const res = await postStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }).expect(200);

    const events = parseSse(res.body as string);
    const streamed = events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text).join('');
    const expected = `Kære ${NAME}\n\nSe https://x.example/?cpr=[CPR_1] og <a href="https://x.example/?n=[NAVN_1]">her</a>. Dit CPR-nummer er ${CPR}.`;
    expect(streamed).toBe(expected);
    const run = RunView.parse((events.at(-1)!.data as { run: unknown }).run);
    expect(run.output).toContain('https://x.example/?cpr=[CPR_1] ');
    expect(run.output).toContain('href="https://x.example/?n=[NAVN_1]"');
    expect(run.output).toContain(`Dit CPR-nummer er ${CPR}.`);
    const [completed] = await t.deps.db.auditEvent.findMany({ where: { action: 'run.completed', resourceId: run.id } });
    expect(JSON.parse(completed!.details)).toMatchObject({ placeholdersKeptInLinks: 2 });
  });

  it('when the provider splits a placeholder across pieces, then the client still only sees the restored name', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    useProvider({
      async complete(req) {
        // Three characters at a time: "[NAVN_1]" arrives as "[NA", "VN_", "1] ..." .
        for (let i = 0; i < req.user.length; i += 3) req.onToken?.(req.user.slice(i, i + 3));
        return { text: req.user, provider: 'openai-compatible', model: 'fake-llama', usage: { promptTokens: 1, completionTokens: 1 } };
      },
    });

    const res = await postStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }).expect(200);

    const events = parseSse(res.body as string);
    const tokens = events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text);
    for (const token of tokens) expect(token).not.toMatch(/\[[A-Z]/);
    expect(tokens.join('')).toBe(LETTER);
  });

  it('when the policy blocks the text, then the answer is the 422 JSON error with the Danish reasons, not a stream', async () => {
    const { id: trialId } = await trial('offentlig-information');

    const res = await postStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }).expect(422);

    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const err = ErrorBody.parse(JSON.parse(res.body as string)).error;
    expect(err.code).toBe('POLICY_VIOLATION');
    expect(RunBlockedDetails.parse(err.details).reasons.some((r) => r.code === 'DATA_CLASS_BLOCKED' && r.da.length > 0)).toBe(true);
    expect(fake.received).toEqual([]);
  });

  it('when the body is invalid or the person does not take part, then the answer is plain JSON with 400 or 404', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    const invalid = await postStream(asEmployee, { trialId, assistant: 'letter', input: '   ' }).expect(400);
    expect(ErrorBody.parse(JSON.parse(invalid.body as string)).error.code).toBe('VALIDATION_FAILED');

    const other = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'borgerbreve-maskering', participants: [] });
    const notPart = await postStream(asEmployee, { trialId: other.id, assistant: 'letter', input: LETTER }).expect(404);
    expect(ErrorBody.parse(JSON.parse(notPart.body as string)).error.code).toBe('NOT_FOUND');
    expect(fake.received).toEqual([]);
  });

  it('when the provider fails half-way, then the stream ends with an error event and the run is stored as FAILED', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    useProvider({
      async complete(req) {
        const piece = 'Kære [NAVN_1]\n\nVi har behandlet din ansøgning om boligstøtte, og du får svar inden for fire uger. ';
        for (const word of piece.match(/\S+\s*/g)!) req.onToken?.(word);
        throw new ProviderError('server_error', 'openai-compatible', 500);
      },
    });

    const res = await postStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }).expect(200);

    const events = parseSse(res.body as string);
    const tokens = events.filter((e) => e.event === 'token').map((e) => (e.data as { text: string }).text);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.join('')).toContain(`Kære ${NAME}`);
    for (const token of tokens) expect(token).not.toMatch(PLACEHOLDER);
    expect(events.map((e) => e.event).at(-1)).toBe('error');
    const err = ErrorBody.parse(events.at(-1)!.data).error;
    expect(err.code).toBe('PROVIDER_FAILED');
    const { runId } = RunFailedDetails.parse(err.details);
    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({ status: 'FAILED', errorCode: 'server_error', output: null });
    const audit = await t.deps.db.auditEvent.findMany({ where: { resourceId: runId } });
    expect(audit.map((a) => a.action)).toEqual(['run.failed']);
  });

  it('when the client goes away, then the provider call is aborted and the run is stored as cancelled', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    let aborted = false;
    useProvider({
      complete(req) {
        req.onToken?.('Kære ');
        return new Promise((_resolve, reject) => {
          req.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new ProviderError('cancelled', 'openai-compatible'));
          });
        });
      },
    });
    // The stream has begun and the model is writing: hang up, as a person pressing Stop does.
    expect(await hangUpStream(t, asEmployee, { trialId, assistant: 'letter', input: LETTER })).toBe(200);
    await expect.poll(() => aborted).toBe(true);
    await expect
      .poll(async () => (await t.deps.db.run.findFirst({ where: { trialId } }))?.status)
      .toBe('CANCELLED');
  });

  it('when the browser accepts gzip and brotli, then the stream is not compressed and the draft arrives in pieces as it is written', async () => {
    const { id: trialId } = await trial('borgerbreve-maskering');
    fake.trickle(40).reply(() => 'Kære [NAVN_1]\n\nVi har behandlet din sag om boligstøtte. Dit CPR-nummer er [CPR_1]. Du får svar inden for 4 uger.');

    const { headers, chunks } = await readStream(asEmployee, { trialId, assistant: 'letter', input: LETTER }, 'gzip, deflate, br');

    expect(headers['content-encoding']).toBeUndefined();
    const tokenChunks = chunks.filter((c) => c.text.includes('event: token'));
    const events = parseSse(chunks.map((c) => c.text).join(''));
    expect(events.at(-1), JSON.stringify(events.at(-1))).toMatchObject({ event: 'done' });
    // A compressor that buffered would deliver everything at the end, in one or two pieces.
    expect(tokenChunks.length).toBeGreaterThan(5);
    expect(chunks.at(-1)!.at - tokenChunks[0]!.at).toBeGreaterThan(200);
  });

  it('while the model is silent, then a heartbeat comment keeps the connection open (every 15 s in production)', async () => {
    expect(HEARTBEAT_MS).toBe(15_000);
    const { id: trialId } = await trial('borgerbreve-maskering');
    useProvider({
      async complete(req) {
        await new Promise((r) => setTimeout(r, 120));
        req.onToken?.(req.user);
        return { text: req.user, provider: 'openai-compatible', model: 'fake-llama', usage: { promptTokens: 1, completionTokens: 1 } };
      },
    });
    // The route with a short interval, behind a stand-in for the session middleware.
    const app = express();
    app.use(express.json());
    app.post('/stream', (req, res) => {
      req.actor = { id: employee.id, role: 'EMPLOYEE', unitId, sessionId: 'test' };
      return streamRun(t.deps, req, res, { heartbeatMs: 20 });
    });

    const res = await supertest(app)
      .post('/stream')
      .send({ trialId, assistant: 'letter', input: LETTER })
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      })
      .expect(200);

    const events = parseSse(res.body as string);
    expect(events.filter((e) => e.event === ':').length).toBeGreaterThanOrEqual(2);
    expect(events.at(-1)!.event).toBe('done');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startFakeProvider, type FakeProvider } from '../../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../../test/support/factories.js';
import { ErrorBody } from '../../../contracts/errors.js';
import { MinutesDetails } from '../../../contracts/minutes.js';
import { RunFailedDetails, RunResponse } from '../../../contracts/runs.js';
import { jsonSchemaOf } from '../assistants.structured.js';
import { MinutesAnswer } from './minutes.llm.js';

/**
 * The minutes assistant's language-model path against the fake provider: the answer is held to its JSON
 * schema with one repair, a transcript longer than the model's context goes in parts that are merged, and a
 * reference to a line the model was not given is removed and counted.
 */

const NOW = new Date('2026-11-27T10:00:00Z');
const ChatBody = z.object({ messages: z.array(z.object({ role: z.string(), content: z.string() })), response_format: z.unknown().optional() });
const LongDetails = MinutesDetails.extend({ engine: z.string(), parts: z.number(), removedReferences: z.number() });

const SHORT = ['Anna Holm: Skal vi udvide telefontiden til klokken 15?', 'Bo Lind: Ja, det gør vi fra 1. oktober.', 'Anna Holm: Godt. Bo, kan du bestille adgangene inden fredag?', 'Bo Lind: Det tager jeg.'].join('\n');
const VALID = JSON.stringify({
  summary: 'Mødet besluttede at udvide telefontiden.',
  attendees: ['Anna Holm', 'Bo Lind'],
  decisions: [{ text: 'Telefontiden udvides til klokken 15 fra 1. oktober.', cues: [1, 2] }],
  actionItems: [{ owner: 'Bo Lind', task: 'Bestille adgangene', due: 'inden fredag', cues: [3, 4] }],
});

let fake: FakeProvider;
let schemaApp: TestApp;
let smallApp: TestApp;

interface World {
  t: TestApp;
  as: Client;
  trialId: string;
}

async function world(t: TestApp): Promise<World> {
  const unitId = (await createUnit(t.deps)).id;
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leaderId = (await createUser(t.deps, { role: 'LEADER', unitId })).id;
  const trial = await createTrial(t.deps, { unitId, createdById: leaderId, policyId: 'interne-referater', assistants: ['minutes'], participants: [employee.id] });
  return { t, as: await signedIn(t, employee), trialId: trial.id };
}

const chats = () => fake.chatRequests.map((b) => ChatBody.parse(b));
const userOf = (b: z.infer<typeof ChatBody>) => b.messages.find((m) => m.role === 'user')!.content;

beforeAll(async () => {
  fake = await startFakeProvider();
  const env = { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_MAX_RETRIES: '0' };
  schemaApp = await createTestApp({ env: { ...env, AI_STRUCTURED_OUTPUT: 'json_schema' }, now: () => NOW });
  // The smallest context there is: a short meeting no longer fits in one request.
  smallApp = await createTestApp({ env: { ...env, AI_CONTEXT_TOKENS: '1024' }, now: () => NOW });
});
afterAll(async () => {
  await schemaApp.close();
  await smallApp.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

describe('minutes held to their JSON schema', () => {
  it('when the model answers with valid JSON, then one request carries the schema derived from zod (strict) and the run is a DRAFT with references to the lines', async () => {
    const w = await world(schemaApp);
    fake.reply(() => VALID);

    const res = await w.as.post('/api/runs', { trialId: w.trialId, assistant: 'minutes', input: SHORT }).expect(201);

    expect(chats()).toHaveLength(1);
    const format = chats()[0]!.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: { properties: Record<string, unknown>; required: string[] } } };
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'minutes', strict: true } });
    const derived = jsonSchemaOf(MinutesAnswer) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(format.json_schema.schema.properties)).toEqual(Object.keys(derived.properties));
    expect(format.json_schema.schema.required).toEqual(['summary', 'attendees', 'decisions', 'actionItems']);
    expect(userOf(chats()[0]!).split('\n')[0]).toBe('[1] Anna Holm: Skal vi udvide telefontiden til klokken 15?');

    const { run } = RunResponse.parse(res.body);
    expect(run.status).toBe('DRAFT');
    const details = LongDetails.parse(run.details);
    expect(details.decisions).toEqual(['Telefontiden udvides til klokken 15 fra 1. oktober.']);
    expect(details.actionItems).toEqual([{ owner: 'Bo Lind', task: 'Bestille adgangene', due: 'inden fredag' }]);
    expect(details.references!.decisions).toEqual([[1, 2]]);
    expect(details.references!.sources.map((s) => [s.id, s.line, s.speaker])).toEqual([
      [1, 1, 'Anna Holm'],
      [2, 2, 'Bo Lind'],
      [3, 3, 'Anna Holm'],
      [4, 4, 'Bo Lind'],
    ]);
    expect(details).toMatchObject({ engine: 'model', parts: 1, removedReferences: 0 });
  });

  it('when the first answer is not valid, then it is sent back once with what was wrong, and the corrected answer becomes the DRAFT', async () => {
    const w = await world(schemaApp);
    let n = 0;
    fake.reply(() => (++n === 1 ? JSON.stringify({ summary: 'Kort.', attendees: 'Anna Holm', decisions: [], actionItems: [{ owner: 'Bo Lind' }] }) : VALID));

    const res = await w.as.post('/api/runs', { trialId: w.trialId, assistant: 'minutes', input: SHORT }).expect(201);

    expect(chats()).toHaveLength(2);
    const repair = chats()[1]!;
    expect(repair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(repair.messages[1]!.content).toBe(userOf(chats()[0]!));
    expect(repair.messages[2]!.content).toContain('"attendees":"Anna Holm"');
    expect(repair.messages[3]!.content).toMatch(/attendees/);
    expect(repair.messages[3]!.content).toMatch(/actionItems\.0\.task/);
    expect(repair.messages[3]!.content).toMatch(/rettet JSON-objekt/);
    expect(repair.response_format).toEqual(chats()[0]!.response_format);
    const { run } = RunResponse.parse(res.body);
    expect(run.status).toBe('DRAFT');
    expect(LongDetails.parse(run.details).actionItems).toHaveLength(1);
    expect(run.usage!.promptTokens).toBeGreaterThan(0);
  });

  it('when the corrected answer is not valid either, then the run is FAILED malformed with run.failed in the audit, after exactly two requests', async () => {
    const w = await world(schemaApp);
    fake.reply(() => 'Her er referatet: mødet gik godt.');

    const res = await w.as.post('/api/runs', { trialId: w.trialId, assistant: 'minutes', input: SHORT }).expect(502);

    expect(chats()).toHaveLength(2);
    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('PROVIDER_FAILED');
    const { runId, kind } = RunFailedDetails.parse(err.details);
    expect(kind).toBe('malformed');
    const row = await w.t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({ status: 'FAILED', errorCode: 'malformed', output: null });
    const audit = await w.t.deps.db.auditEvent.findMany({ where: { resourceId: runId } });
    expect(audit.map((a) => a.action)).toEqual(['run.failed']);
  });
});

describe('a transcript longer than the model’s context', () => {
  const speakers = ['Anna Holm', 'Bo Lind', 'Carla Juhl'];
  const LINES = Array.from({ length: 24 }, (_, i) => `${speakers[i % 3]}: Punkt ${i + 1} handler om telefontiden og bemandingen i borgerservice, som vi har talt om længe nu.`);
  const LONG = LINES.join('\n');
  /** What the fake model answers for a part: a decision every part repeats, one of its own, and a task on its first line. */
  const partAnswer = (user: string, extraCues: number[] = []) => {
    const numbers = [...user.matchAll(/^\[(\d+)\]/gmu)].map((m) => Number(m[1]));
    const first = numbers[0]!;
    return JSON.stringify({
      summary: `Del fra linje ${first}.`,
      attendees: [...new Set([...user.matchAll(/^\[\d+\] ([^:]+):/gmu)].map((m) => m[1]!))],
      decisions: [
        { text: 'Telefontiden udvides.', cues: [first] },
        { text: `Punkt ${first} er afgjort.`, cues: [first, ...extraCues] },
      ],
      actionItems: [{ owner: 'Bo Lind', task: 'Bestille adgange', due: null, cues: [first] }],
    });
  };

  it('then it is sent in several parts at line boundaries, every line exactly once, and the answers are merged without duplicates', async () => {
    const w = await world(smallApp);
    fake.reply((body) => partAnswer(String(body.messages!.find((m) => m.role === 'user')!.content)));

    const res = await w.as.post('/api/runs', { trialId: w.trialId, assistant: 'minutes', input: LONG }).expect(201);

    const requests = chats();
    expect(requests.length).toBeGreaterThan(2);
    // Nothing dropped, nothing twice: every line of the transcript, numbered, in exactly one request, whole.
    const sent = requests.flatMap((b) => userOf(b).split('\n'));
    expect(sent).toEqual(LINES.map((l, i) => `[${i + 1}] ${l}`));
    for (const [i, b] of requests.entries()) {
      expect(b.messages[0]!.content).toContain(`kommer i ${requests.length} dele; dette er del ${i + 1}.`);
      expect(b.messages[0]!.content.length + userOf(b).length).toBeLessThanOrEqual(1024 * 3);
    }

    const { run } = RunResponse.parse(res.body);
    const details = LongDetails.parse(run.details);
    expect(details.parts).toBe(requests.length);
    expect(details.attendees).toEqual(speakers);
    // The decision every part found is there once; each part's own follows in order.
    const firsts = requests.map((b) => Number(/^\[(\d+)\]/u.exec(userOf(b))![1]));
    expect(details.decisions).toEqual(['Telefontiden udvides.', ...firsts.map((f) => `Punkt ${f} er afgjort.`)]);
    expect(details.actionItems).toEqual([{ owner: 'Bo Lind', task: 'Bestille adgange', due: null }]);
    // The repeated decision rests on the first line of every part.
    const lineOf = (id: number) => details.references!.sources.find((s) => s.id === id)!.line;
    expect(details.references!.decisions[0]!.map(lineOf)).toEqual(firsts);
    expect(details.summary).toBe(firsts.map((f) => `Del fra linje ${f}.`).join(' '));
    expect(details.removedReferences).toBe(0);
    expect(run.usage!.promptTokens).toBeGreaterThan(0);
  });

  it('when the model cites lines it was not given (another part’s, or none at all), then those references are removed and counted', async () => {
    const w = await world(smallApp);
    // Every part's answer also cites line 24 (in the last part only) and line 99 (in none).
    fake.reply((body) => partAnswer(String(body.messages!.find((m) => m.role === 'user')!.content), [24, 99]));

    const res = await w.as.post('/api/runs', { trialId: w.trialId, assistant: 'minutes', input: LONG }).expect(201);

    const parts = chats().length;
    const details = LongDetails.parse(RunResponse.parse(res.body).run.details);
    // 99 is removed in every part; 24 in every part but the last, which was given line 24.
    expect(details.removedReferences).toBe(parts + (parts - 1));
    const lines = details.references!.sources.map((s) => s.line);
    expect(lines).not.toContain(99);
    expect(lines.filter((l) => l === 24)).toHaveLength(1);
    for (const s of details.references!.sources) expect(LINES[s.line - 1]).toContain(s.text);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn } from '../../../../../test/support/factories.js';
import { ErrorBody } from '../../../contracts/errors.js';
import { RunFailedDetails, RunResponse } from '../../../contracts/runs.js';

/** A letter longer than the model's context (AI_CONTEXT_TOKENS) is rewritten in parts and joined, never cut off. */

const NOW = new Date('2026-11-27T10:00:00Z');
const NAME = 'Jens Peter Hansen';
const PARAGRAPH = (i: number) =>
  `Afsnit ${i}. Med henvisning til Deres ansøgning skal det hermed meddeles, at kommunen har truffet afgørelse i sagen, og at De efter reglerne opfylder betingelserne for hjælp.`;
/** One paragraph far longer than a part: it must be cut at its sentences, not dropped or cut mid-word. */
const LONG_PARAGRAPH = Array.from({ length: 12 }, (_, i) => `Sætning ${i + 1} i det lange afsnit forklarer endnu en del af reglerne for ydelsen.`).join(' ');
const LETTER = [`Kære ${NAME}`, ...Array.from({ length: 8 }, (_, i) => PARAGRAPH(i + 1)), LONG_PARAGRAPH, 'Med venlig hilsen\nYdelseskontoret'].join('\n\n');

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_MAX_RETRIES: '0', AI_CONTEXT_TOKENS: '1024' },
    now: () => NOW,
  });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

async function participant() {
  const unitId = (await createUnit(t.deps)).id;
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const trial = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'borgerbreve-maskering', participants: [employee.id] });
  return { trialId: trial.id, client: await signedIn(t, employee) };
}

const userTexts = () => fake.chatRequests.map((b) => String(b.messages!.find((m) => m.role === 'user')!.content));

describe('a letter longer than the model’s context', () => {
  it('then it is rewritten in parts at paragraph boundaries, every paragraph sent exactly once, and the rewrites joined in order', async () => {
    const { trialId, client } = await participant();
    // The fake "rewrites" by answering "Omskrevet: <the part>"; the preamble is stripped, so the draft is the parts joined.
    const res = await client.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);

    const sent = userTexts();
    expect(sent.length).toBeGreaterThan(2);
    const systems = fake.chatRequests.map((b) => String(b.messages![0]!.content));
    systems.forEach((s, i) => expect(s).toContain(`kommer i ${sent.length} dele; dette er del ${i + 1}.`));
    for (const [i, s] of sent.entries()) expect(s.length + systems[i]!.length).toBeLessThanOrEqual(1024 * 3);
    // Nothing dropped and nothing twice: each paragraph is in exactly one request, whole.
    for (const p of [...Array.from({ length: 8 }, (_, i) => PARAGRAPH(i + 1)), 'Med venlig hilsen\nYdelseskontoret']) {
      expect(sent.filter((s) => s.includes(p)), p).toHaveLength(1);
    }
    // The long paragraph went in pieces at its sentences: every sentence once, none cut.
    for (const sentence of LONG_PARAGRAPH.split(/(?<=\.) /u)) expect(sent.filter((s) => s.includes(sentence)), sentence).toHaveLength(1);
    expect(sent.join('')).not.toContain(NAME);

    const { run } = RunResponse.parse(res.body);
    expect(run.status).toBe('DRAFT');
    // The parts joined with the separators they had give the letter back (the fake changed nothing), the name restored.
    expect(run.output).toBe(LETTER);
    expect(run.details).toMatchObject({ parts: sent.length });
  });

  it('when one part’s rewrite loses the placeholder it was given, then the run is FAILED malformed', async () => {
    const { trialId, client } = await participant();
    fake.reply((body) => String(body.messages!.find((m) => m.role === 'user')!.content).replace(/\[NAVN_\d+\]/g, 'borger'));

    const res = await client.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(502);

    expect(RunFailedDetails.parse(ErrorBody.parse(res.body).error.details).kind).toBe('malformed');
  });
});

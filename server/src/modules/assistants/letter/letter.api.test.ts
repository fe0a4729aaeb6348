import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../../test/support/factories.js';
import { ErrorBody } from '../../../contracts/errors.js';
import { RunFailedDetails, RunResponse } from '../../../contracts/runs.js';
import { LetterRunDetails } from './letter.details.js';
import { lix } from './letter.lix.js';

// A letter in officialese with a name, a phone number and an e-mail address that the policy masks.
const NAME = 'Jens Peter Hansen';
const PHONE = '22 33 44 55';
const EMAIL = 'ydelse@rk.dk';
const LETTER = [
  'Afgørelse om hjælp til flytning',
  '',
  'Med henvisning til Deres ansøgning af 2. november 2026 skal det hermed meddeles, at Rødovre Kommune har truffet afgørelse om at bevilge Dem 4.500 kr. til flytning, idet De efter § 85 i lov om aktiv socialpolitik opfylder betingelserne, og De anmodes om at fremsende kvittering for flytningen senest den 15. januar 2027.',
  '',
  `Såfremt De har spørgsmål, bedes De rette henvendelse til sagsbehandler ${NAME} på telefon ${PHONE} eller pr. e-mail til ${EMAIL}.`,
  '',
  'Klagevejledning',
  'De kan klage til Rødovre Kommune, Ydelseskontoret. Klagen skal være modtaget senest 4 uger efter, at De har modtaget afgørelsen.',
  '',
  'Med venlig hilsen',
  '',
  NAME,
  'Ydelseskontoret',
].join('\n');
const ORIGINALS = [NAME, 'Hansen', PHONE, '22334455', EMAIL];
const NOW = new Date('2026-11-27T10:00:00Z');

async function participant(t: TestApp): Promise<{ trialId: string; client: Client }> {
  const unitId = (await createUnit(t.deps)).id;
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const trial = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'borgerbreve-maskering', participants: [employee.id] });
  return { trialId: trial.id, client: await signedIn(t, employee) };
}

describe('POST /api/runs with the letter assistant and the offline engine', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AI_PROVIDER: 'offline' }, now: () => NOW });
  });
  afterAll(async () => t.close());

  it('then the draft is the rule engine’s plain Danish with the originals restored, LIX goes down, and the checklist is in the run’s details', async () => {
    const { trialId, client } = await participant(t);

    const res = await client.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);

    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ status: 'DRAFT', provider: 'offline', model: 'regelmotor-1', guardDecision: 'masked' });
    expect(run.output).toContain('Rødovre Kommune har truffet afgørelse om at bevilge dig 4.500 kr. til flytning');
    expect(run.output).toContain('Vi beder dig om at sende kvittering for flytningen senest den 15. januar 2027.');
    expect(run.output).toContain('senest den 15. januar 2027');
    expect(run.output).toContain('§ 85 i lov om aktiv socialpolitik');
    expect(run.output).toContain(`Hvis du har spørgsmål, beder vi dig kontakte sagsbehandler ${NAME} på telefon ${PHONE} eller på e-mail til ${EMAIL}.`);
    expect(run.output).not.toMatch(/\[[A-Z_]+_\d+\]/);
    expect(run.output).not.toMatch(/\b(?:De|Dem|Deres)\b/);

    const details = LetterRunDetails.parse(run.details);
    expect(details.engine).toBe('Offline regelmotor – ikke en sprogmodel');
    expect(details.lixAfter).toBeLessThan(details.lixBefore);
    // Counted on the letter as written and on the restored draft, not on the text with placeholders.
    expect(details.lixBefore).toBe(lix(LETTER));
    expect(details.lixAfter).toBe(lix(run.output!));
    expect(Object.fromEntries(details.checklist.map((i) => [i.item, i.present]))).toEqual({
      decision: true,
      reason: true,
      action: true,
      deadline: true,
      complaint: true,
      contact: true,
    });
    // The evidence quotes the letter as the caseworker wrote it: the name and number are back, not placeholders.
    const contact = details.checklist.find((i) => i.item === 'contact')!;
    expect(contact.evidence).toContain(NAME);
    expect(contact.evidence).toContain(PHONE);
    expect(JSON.stringify(details)).not.toMatch(/\[[A-Z_]+_\d+\]/);

    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(JSON.parse(row.details!)).toEqual(run.details);
  });
});

describe('POST /api/runs with the letter assistant and a language model (fake OpenAI-compatible server)', () => {
  let fake: FakeProvider;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeProvider();
    t = await createTestApp({
      env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_TIMEOUT_MS: '300', PROVIDER_MAX_RETRIES: '0' },
      now: () => NOW,
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  beforeEach(() => fake.reset());

  it('then the model receives the Danish system prompt and the letter with placeholders, never a name, and the draft comes back restored', async () => {
    const { trialId, client } = await participant(t);

    const res = await client.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(201);

    expect(fake.chatRequests).toHaveLength(1);
    const sent = fake.received[0]!.raw;
    for (const v of ORIGINALS) expect(sent).not.toContain(v);
    const [system, user] = fake.chatRequests[0]!.messages!;
    expect(system).toMatchObject({ role: 'system', content: expect.stringMatching(/klarsprog/) });
    expect(system!.content).toMatch(/Gengiv hver pladsholder nøjagtigt/);
    expect(user).toMatchObject({ role: 'user', content: expect.stringContaining('[NAVN_1] på telefon [TELEFON_1]') });
    expect(user!.content).toContain('[EMAIL_1]');

    // The fake answers "Omskrevet: <the letter>"; the preamble goes, the originals come back.
    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ status: 'DRAFT', provider: 'openai-compatible', model: 'fake-llama' });
    expect(run.output!.startsWith('Afgørelse om hjælp til flytning')).toBe(true);
    expect(run.output).toContain(NAME);
    const details = LetterRunDetails.parse(run.details);
    expect(details.engine).toBeUndefined();
    expect(details.checklist.every((i) => i.present)).toBe(true);
    expect(details.checklist.find((i) => i.item === 'contact')!.evidence).toContain(NAME);
  });

  it('when the model’s answer drops a placeholder, then the run ends FAILED as malformed and no draft is kept', async () => {
    const { trialId, client } = await participant(t);
    fake.reply((body) => {
      const user = String(body.messages?.find((m) => m.role === 'user')?.content ?? '');
      return user.replaceAll('[NAVN_1]', 'sagsbehandleren');
    });

    const res = await client.post('/api/runs', { trialId, assistant: 'letter', input: LETTER }).expect(502);

    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('PROVIDER_FAILED');
    const { runId, kind } = RunFailedDetails.parse(err.details);
    expect(kind).toBe('malformed');
    const row = await t.deps.db.run.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({ status: 'FAILED', errorCode: 'malformed', output: null, details: null, provider: 'openai-compatible' });
  });
});

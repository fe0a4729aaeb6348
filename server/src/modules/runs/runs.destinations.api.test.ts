import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';
import { RunResponse } from '../../contracts/runs.js';

// Our own texts, written for these tests: a decision on an aid for a citizen with a disability, and the minutes
// of an internal meeting where someone mentions a colleague's bad back. Under the old demo policies both were
// refused outright (HEALTH: block); now the health phrase is masked for an external model.
const NAME = 'Jens Nielsen';
const CONDITION = 'sklerose';
const PHONE = '36 37 38 39';
const DECISION_LETTER = [
  `Kære ${NAME}`,
  '',
  'Afgørelse om hjælpemiddel (el-kørestol)',
  '',
  `Du har søgt om en el-kørestol. ${NAME} har ${CONDITION} og kan ikke længere gå mere end 50 meter.`,
  'Vi har vurderet din ansøgning efter servicelovens § 112, og vi bevilger dig en el-kørestol.',
  '',
  `Har du spørgsmål, kan du ringe til os på ${PHONE}.`,
  '',
  'Med venlig hilsen',
  'Hjælpemiddelteamet',
].join('\n');

const BAD_BACK = 'diskusprolaps';
const MINUTES = [
  'Referat af teammøde i Ydelsesteamet',
  'Deltagere: Anna Holm, Bo Lind og Karen Due',
  '',
  `Anna Holm: Karen Due er sygemeldt med en ${BAD_BACK}, så hun er væk resten af måneden.`,
  'Bo Lind: Så fordeler vi hendes sager mellem os. Jeg tager de nye ansøgninger.',
  'Anna Holm: Godt. Vi beslutter, at Bo tager ansøgningerne, og jeg tager klagerne.',
].join('\n');

const NOW = new Date('2026-11-27T10:00:00Z');

interface World {
  t: TestApp;
  as: Client;
  trial: (policyId: string, assistants: ('letter' | 'minutes')[]) => Promise<{ id: string }>;
}

async function world(t: TestApp): Promise<World> {
  const unitId = (await createUnit(t.deps)).id;
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  return {
    t,
    as: await signedIn(t, employee),
    trial: (policyId, assistants) => createTrial(t.deps, { unitId, createdById: leader.id, policyId, assistants, participants: [employee.id] }),
  };
}

let fake: FakeProvider;
/** The fake provider as an OpenAI-compatible server at an address no policy lists as local: external. */
let external: World;
/** Only the offline engine: local, nothing leaves the server. */
let offline: World;

beforeAll(async () => {
  fake = await startFakeProvider();
  external = await world(
    await createTestApp({ env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama' }, now: () => NOW }),
  );
  offline = await world(await createTestApp({ now: () => NOW }));
});
afterAll(async () => {
  await external.t.close();
  await offline.t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

const stored = (w: World, id: string) => w.t.deps.db.run.findUniqueOrThrow({ where: { id } });

describe('a decision on a disability aid under the letter policy', () => {
  it('for an external model, the health phrase is replaced by a Danish placeholder, never reaches the provider, and is restored in the draft', async () => {
    const { id: trialId } = await external.trial('borgerbreve-maskering', ['letter']);

    const res = await external.as.post('/api/runs', { trialId, assistant: 'letter', input: DECISION_LETTER }).expect(201);

    const sent = fake.received.find((r) => r.path.endsWith('/chat/completions'))!.raw;
    for (const original of [CONDITION, NAME, PHONE]) expect(sent).not.toContain(original);
    for (const placeholder of ['[HELBRED_1]', '[NAVN_1]', '[TELEFON_1]']) expect(sent).toContain(placeholder);
    expect(sent).not.toMatch(/\[(PERSON|PHONE|HEALTH)_\d+\]/);

    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ status: 'DRAFT', guardDecision: 'masked', provider: 'openai-compatible' });
    expect(run.output).toContain(`${NAME} har ${CONDITION}`);
    expect(run.output).not.toMatch(/\[[A-Z_]+_\d+\]/);
    // Health is one of the classes that ask for a second approver.
    expect((await stored(external, run.id)).fourEyes).toBe(true);
  });

  it('on the offline engine the health phrase may stay as it is: the run is allowed and nothing is sent anywhere', async () => {
    const { id: trialId } = await offline.trial('borgerbreve-maskering', ['letter']);

    const res = await offline.as.post('/api/runs', { trialId, assistant: 'letter', input: DECISION_LETTER }).expect(201);

    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ status: 'DRAFT', provider: 'offline' });
    expect(run.output).toContain(CONDITION);
    const mapping = JSON.parse((await stored(offline, run.id)).pseudonymMap ?? '{}') as Record<string, string>;
    expect(Object.values(mapping)).not.toContain(CONDITION);
    expect(Object.keys(mapping)).toContain('[NAVN_1]');
    expect(fake.received).toHaveLength(0);
  });

  it('at a base URL the policy lists as the municipality’s own model, the health phrase is sent as it is', async () => {
    const loaded = external.t.deps.policies.get('borgerbreve-maskering')!;
    external.t.deps.policies.set('borgerbreve-egen-model', {
      ...loaded,
      policy: {
        ...loaded.policy,
        id: 'borgerbreve-egen-model',
        providers: loaded.policy.providers.map((p) => (p.provider === 'openai-compatible' ? { ...p, localBaseUrls: [`${fake.url}/v1`] } : p)),
      },
    });
    const { id: trialId } = await external.trial('borgerbreve-egen-model', ['letter']);

    await external.as.post('/api/runs', { trialId, assistant: 'letter', input: DECISION_LETTER }).expect(201);

    const sent = fake.received.find((r) => r.path.endsWith('/chat/completions'))!.raw;
    expect(sent).toContain(CONDITION);
    expect(sent).not.toContain(NAME);
  });
});

describe('internal minutes that mention a colleague’s bad back', () => {
  it('run with the health phrase masked for an external model instead of being refused, and the phrase is back in the draft', async () => {
    const { id: trialId } = await external.trial('interne-referater', ['minutes']);
    fake.reply((body) => {
      const user = String(body.messages?.at(-1)?.content ?? '');
      const health = /\[HELBRED_\d+\]/.exec(user)?.[0] ?? 'intet';
      return JSON.stringify({
        summary: `Karen Due er sygemeldt med en ${health}; hendes sager fordeles.`,
        attendees: ['Anna Holm', 'Bo Lind', 'Karen Due'],
        decisions: ['Bo tager ansøgningerne, Anna tager klagerne.'],
        actionItems: [{ owner: 'Bo Lind', task: 'Tage de nye ansøgninger', due: null }],
      });
    });

    const res = await external.as.post('/api/runs', { trialId, assistant: 'minutes', input: MINUTES }).expect(201);

    const sent = fake.received.find((r) => r.path.endsWith('/chat/completions'))!.raw;
    expect(sent).not.toContain(BAD_BACK);
    expect(sent).toContain('[HELBRED_1]');
    const { run } = RunResponse.parse(res.body);
    expect(run).toMatchObject({ status: 'DRAFT', guardDecision: 'masked' });
    expect(run.output).toContain(`sygemeldt med en ${BAD_BACK}`);
  });
});

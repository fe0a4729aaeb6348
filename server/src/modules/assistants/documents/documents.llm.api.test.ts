import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../../test/support/app.js';
import { type Client, createTrial, createUnit, createUser, signedIn } from '../../../../../test/support/factories.js';
import { CSRF_HEADER } from '../../../contracts/auth.js';
import { DocumentUploadResponse, DocumentsRunDetails } from '../../../contracts/documents.js';
import { RunResponse } from '../../../contracts/runs.js';
import { runNextJob } from '../../jobs/jobs.service.js';

/** A language model's quotes are checked against the passages it was sent: an invented one is removed and counted. */

const NOW = new Date('2026-11-27T10:00:00Z');
const KEYS = [
  '# Nøgler',
  '',
  '## Udlevering af nøgler',
  '',
  'Nøgler til rådhuset udleveres af pedellen alle hverdage mellem 8 og 15. Du skal kvittere for nøglen ved udleveringen.',
  '',
].join('\n');
const KEPT = 'Nøgler til rådhuset udleveres af pedellen alle hverdage mellem 8 og 15.';
const INVENTED = 'Nøgler kan også hentes i weekenden hos borgerservice.';

let fake: FakeProvider;
let t: TestApp;

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({
    now: () => NOW,
    env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama', PROVIDER_MAX_RETRIES: '0' },
  });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});
beforeEach(() => fake.reset());

async function setUp(): Promise<{ trialId: string; employee: Client }> {
  const unitId = (await createUnit(t.deps)).id;
  const leaderUser = await createUser(t.deps, { role: 'LEADER', unitId });
  const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
  const trial = await createTrial(t.deps, { unitId, createdById: leaderUser.id, policyId: 'interne-referater', assistants: ['documents'], participants: [employee.id] });
  const leader = await signedIn(t, leaderUser);
  const res = await leader.agent.post(`/api/trials/${trial.id}/documents`).set(CSRF_HEADER, leader.csrf).attach('file', Buffer.from(KEYS), { filename: 'noegler.md' }).expect(202);
  DocumentUploadResponse.parse(res.body);
  while (await runNextJob(t.deps));
  return { trialId: trial.id, employee: await signedIn(t, employee) };
}

describe('quotes in a language model’s answer to a question on the knowledge base', () => {
  it('when the model quotes a sentence that is not in the passage it cites, then the quote is removed from the draft and counted in the details; a true quote stays', async () => {
    const { trialId, employee } = await setUp();
    // The passage sent to the model spreads the sentence over its own whitespace; the check normalises it.
    fake.reply(() => `Pedellen udleverer dem: »${KEPT.replace('alle hverdage', 'alle\n hverdage')}« [1] Og »${INVENTED}« [1]`);

    const res = await employee.post('/api/runs', { trialId, assistant: 'documents', input: 'Hvem udleverer nøgler til rådhuset?' }).expect(201);

    const user = String(fake.chatRequests[0]!.messages!.find((m) => m.role === 'user')!.content);
    expect(user).toContain(KEPT);
    expect(String(fake.chatRequests[0]!.messages![0]!.content)).toMatch(/ordret i »…«/);
    const { run } = RunResponse.parse(res.body);
    expect(run.output).not.toContain(INVENTED);
    expect(run.output).toBe(`Pedellen udleverer dem: »${KEPT.replace('alle hverdage', 'alle\n hverdage')}« [1] Og [1]`);
    const details = DocumentsRunDetails.parse(run.details);
    expect(details).toMatchObject({ answered: true, removedQuotes: 1 });
    expect(details.citations.map((c) => c.n)).toEqual([1]);
  });

  it('when every quote is in its passage, then nothing is removed and the count is 0', async () => {
    const { trialId, employee } = await setUp();
    fake.reply(() => `»${KEPT}« [1]`);
    const { run } = RunResponse.parse((await employee.post('/api/runs', { trialId, assistant: 'documents', input: 'Hvem udleverer nøgler til rådhuset?' }).expect(201)).body);
    expect(run.output).toBe(`»${KEPT}« [1]`);
    expect(DocumentsRunDetails.parse(run.details).removedQuotes).toBe(0);
  });
});

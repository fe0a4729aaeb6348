import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn, type Client } from '../../../../test/support/factories.js';
import { actionFor, type DataClass } from '../../contracts/policies.js';
import { PreviewResponse } from '../../contracts/policies.js';
import { RunResponse } from '../../contracts/runs.js';
import { parseAnnotatedJsonl, type AnnotatedText } from '../guard/pii-corpus.js';

// The project's own annotated Danish texts (letters, case notes, e-mails, minutes), each sent as a letter run to
// an external model under the masking policy for letters. The recording fake provider keeps every request: no
// value of a class the policy masks may arrive in any of them, as a whole word, in any run.
const root = path.resolve(import.meta.dirname, '../../../..');
const corpus: AnnotatedText[] = ['da-sample.jsonl', 'da-corpus.jsonl'].flatMap((f) =>
  parseAnnotatedJsonl(fs.readFileSync(path.join(root, 'test/fixtures/guard', f), 'utf8')),
);
const POLICY = 'borgerbreve-maskering';
const NOW = new Date('2026-11-27T10:00:00Z');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const asWord = (value: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'u');

let fake: FakeProvider;
let t: TestApp;
let trialId: string;
let clients: Client[];

beforeAll(async () => {
  fake = await startFakeProvider();
  t = await createTestApp({ env: { AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'fake-llama' }, now: () => NOW });
  const unitId = (await createUnit(t.deps)).id;
  const leader = await createUser(t.deps, { role: 'LEADER', unitId });
  // The policy's daily limit is per person: enough participants for the whole corpus in one day.
  const limit = t.deps.policies.get(POLICY)!.policy.limits.runsPerPersonPerDay;
  const people = await Promise.all(Array.from({ length: Math.ceil(corpus.length / limit) }, () => createUser(t.deps, { role: 'EMPLOYEE', unitId })));
  trialId = (await createTrial(t.deps, { unitId, createdById: leader.id, policyId: POLICY, assistants: ['letter'], participants: people.map((p) => p.id) })).id;
  clients = await Promise.all(people.map((p) => signedIn(t, p)));
}, 60_000);
afterAll(async () => {
  await t?.close();
  await fake?.stop();
});

describe('the project’s own corpus through the gateway, to an external model under the masking policy', () => {
  it('no masked personal value of any text reaches the provider, and every draft has the originals back', async () => {
    const policy = t.deps.policies.get(POLICY)!.policy;
    const masked = (type: DataClass) => actionFor(policy.dataClasses[type] ?? 'block', 'external') === 'mask';
    const leaks: string[] = [];
    const previewDiffers: string[] = [];
    let sentRuns = 0;
    for (const [i, doc] of corpus.entries()) {
      fake.reset();
      const res = await clients[i % clients.length]!.post('/api/runs', { trialId, assistant: 'letter', input: doc.text });
      // A text the policy refuses sends nothing at all, which is no leak; the masking policy refuses none here.
      expect([201, 422]).toContain(res.status);
      const sent = fake.received.map((r) => r.raw).join('\n');
      if (res.status === 201) {
        sentRuns += 1;
        expect(RunResponse.parse(res.body).run.output).not.toMatch(/\[[A-ZÆØÅ_]+_\d+\]/);
        // The policy preview shows the person exactly the text that went out.
        const preview = PreviewResponse.parse((await clients[0]!.post(`/api/policies/${POLICY}/preview`, { text: doc.text, assistant: 'letter' })).body);
        if (!sent.includes(JSON.stringify(preview.maskedText).slice(1, -1))) previewDiffers.push(doc.id);
      } else {
        expect(fake.received).toHaveLength(0);
      }
      for (const e of doc.entities) {
        if (masked(e.type) && asWord(e.value).test(sent)) leaks.push(`${doc.id} ${e.type} at ${e.start}`);
      }
    }
    expect(sentRuns).toBe(corpus.length);
    // Positions and types only: the test output does not repeat the personal data either.
    expect(previewDiffers).toEqual([]);
    expect(leaks).toEqual([]);
  }, 120_000);
});

import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from './fake-provider.js';

let fake: FakeProvider;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeProvider();
  client = new OpenAI({ apiKey: 'test', baseURL: `${fake.url}/v1`, maxRetries: 0, logLevel: 'off', organization: null, project: null });
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

describe('the fake OpenAI-compatible provider', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(new URL(fake.url).hostname).toBe('127.0.0.1');
  });

  it('answers embeddings with one deterministic vector per input and records the request', async () => {
    const a = await client.embeddings.create({ model: 'fake-embed', input: ['første', 'anden'] });
    const b = await client.embeddings.create({ model: 'fake-embed', input: ['første'] });
    expect(a.data).toHaveLength(2);
    expect(a.data[0]!.embedding).toEqual(b.data[0]!.embedding);
    expect(fake.received.map((r) => r.path)).toEqual(['/v1/embeddings', '/v1/embeddings']);
  });

  it('answers transcriptions with a text', async () => {
    const res = await client.audio.transcriptions.create({ model: 'whisper-1', file: await toFile(Buffer.from('RIFF'), 'm.wav') });
    expect(res.text).toMatch(/transskription/);
    expect(fake.received[0]?.raw).toContain('whisper-1');
  });

  it('a reply function decides the completion text; reset forgets requests and behaviour', async () => {
    fake.reply(() => 'Fast svar').slow(20);
    const res = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(res.choices[0]?.message.content).toBe('Fast svar');
    fake.reset();
    expect(fake.received).toEqual([]);
    const again = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] });
    expect(again.choices[0]?.message.content).toBe('Omskrevet: x');
  });

  it('fails the given number of times, then succeeds', async () => {
    fake.fail(500, 1);
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 500 });
    await expect(client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).resolves.toBeTruthy();
  });
});

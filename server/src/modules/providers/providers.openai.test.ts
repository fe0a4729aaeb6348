import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { loadConfig } from '../../config/env.js';
import { createOpenAiProvider } from './providers.openai.js';
import { createProviderRegistry } from './providers.registry.js';
import type { Provider } from './providers.types.js';

let fake: FakeProvider;
let provider: Provider;

beforeAll(async () => {
  fake = await startFakeProvider();
  const { ai } = loadConfig({
    AI_PROVIDER: 'openai-compatible',
    OPENAI_BASE_URL: `${fake.url}/v1`,
    AI_MODEL: 'fake-llama',
    PROVIDER_TIMEOUT_MS: '300',
    PROVIDER_MAX_RETRIES: '2',
  });
  if (ai.provider === 'offline') throw new Error('expected a remote provider');
  provider = createOpenAiProvider(ai);
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const req = { system: 'Skriv klart.', user: 'Kære [NAVN_1].' };

describe('an OpenAI-compatible provider through the SDK', () => {
  it('sends the system prompt, the text and the model, and returns the text with token usage', async () => {
    const res = await provider.complete(req);
    expect(res).toMatchObject({ text: 'Omskrevet: Kære [NAVN_1].', provider: 'openai-compatible', model: 'fake-llama' });
    expect(res.usage.promptTokens).toBeGreaterThan(0);
    expect(fake.chatRequests).toEqual([
      expect.objectContaining({ model: 'fake-llama', messages: [{ role: 'system', content: 'Skriv klart.' }, { role: 'user', content: 'Kære [NAVN_1].' }] }),
    ]);
  });

  it('streams: onToken gets the pieces, and they add up to the text', async () => {
    const pieces: string[] = [];
    const res = await provider.complete({ ...req, onToken: (t) => pieces.push(t) });
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join('')).toBe(res.text);
    expect(res.text).toBe('Omskrevet: Kære [NAVN_1].');
    expect(res.usage.completionTokens).toBeGreaterThan(0);
    expect(fake.chatRequests[0]?.stream).toBe(true);
  });

  it('when the provider answers 429 twice, then it retries and succeeds on the third try', async () => {
    fake.fail(429, 2);
    const res = await provider.complete(req);
    expect(res.text).toContain('Omskrevet');
    expect(fake.chatRequests).toHaveLength(3);
  });

  it('when the provider answers 500 on every try, then it fails as server_error after 1 + 2 retries', async () => {
    fake.fail(500);
    await expect(provider.complete(req)).rejects.toMatchObject({ name: 'ProviderError', kind: 'server_error', status: 500 });
    expect(fake.chatRequests).toHaveLength(3);
  });

  it('when the provider answers 429 on every try, then it fails as rate_limited', async () => {
    fake.fail(429);
    await expect(provider.complete(req)).rejects.toMatchObject({ kind: 'rate_limited', status: 429 });
  });

  it('when the provider never answers, then it fails as timeout', async () => {
    fake.hang();
    await expect(provider.complete(req)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('when the provider answers with broken JSON, then it fails as malformed', async () => {
    fake.malformed();
    await expect(provider.complete(req)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('when nothing listens at the address, then it fails as unavailable', async () => {
    const { ai } = loadConfig({ AI_PROVIDER: 'openai-compatible', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', AI_MODEL: 'x', PROVIDER_MAX_RETRIES: '0' });
    if (ai.provider === 'offline') throw new Error('expected a remote provider');
    await expect(createOpenAiProvider(ai).complete(req)).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('Azure OpenAI goes to the deployment with the api-version and the key header', async () => {
    const { ai } = loadConfig({
      AI_PROVIDER: 'azure-openai',
      AZURE_OPENAI_ENDPOINT: `${fake.url}/`,
      AZURE_OPENAI_API_KEY: 'azure-test-key',
      AZURE_OPENAI_DEPLOYMENT: 'gpt4o-prod',
      AI_MODEL: 'gpt-4o',
    });
    if (ai.provider !== 'azure-openai') throw new Error('expected azure');
    const res = await createOpenAiProvider(ai).complete(req);
    expect(res).toMatchObject({ provider: 'azure-openai', model: 'gpt-4o' });
    expect(fake.received[0]?.path).toBe('/openai/deployments/gpt4o-prod/chat/completions');
    expect(fake.received[0]?.headers['api-key']).toBe('azure-test-key');
  });
});

describe('the provider registry', () => {
  it('always has the offline engine, and the configured provider besides', () => {
    const offlineOnly = createProviderRegistry(loadConfig({}).ai);
    expect(offlineOnly.configured.kind).toBe('offline');
    const both = createProviderRegistry(loadConfig({ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k', AI_MODEL: 'gpt-4o-mini' }).ai);
    expect(both.configured).toMatchObject({ kind: 'openai', model: 'gpt-4o-mini' });
    expect(both.get('offline')?.kind).toBe('offline');
  });

  it('chooses the configured provider when allowed, else the offline engine, else the configured one (to be refused)', () => {
    const r = createProviderRegistry(loadConfig({ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k', AI_MODEL: 'gpt-4o-mini' }).ai);
    expect(r.choose(() => true).kind).toBe('openai');
    expect(r.choose((kind) => kind === 'offline').kind).toBe('offline');
    expect(r.choose(() => false).kind).toBe('openai');
  });
});

describe('asking for a JSON answer (AI_STRUCTURED_OUTPUT)', () => {
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { task: { type: 'string', minLength: 1 }, minimum: { type: 'integer', minimum: 1 } },
    required: ['task', 'minimum'],
    additionalProperties: false,
  };
  const json = { ...req, responseFormat: { name: 'opgave', schema } };
  const remote = (env: Record<string, string>) => {
    const { ai } = loadConfig({ OPENAI_BASE_URL: `${fake.url}/v1`, AI_MODEL: 'm', PROVIDER_MAX_RETRIES: '0', ...env });
    if (ai.provider === 'offline') throw new Error('expected a remote provider');
    return createOpenAiProvider(ai);
  };

  it('openai sends the JSON schema, strict, without the keywords strict mode does not take; the field names stay', async () => {
    await remote({ AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k' }).complete(json);
    expect(fake.chatRequests[0]!).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'opgave',
          strict: true,
          schema: { type: 'object', properties: { task: { type: 'string' }, minimum: { type: 'integer' } }, required: ['task', 'minimum'], additionalProperties: false },
        },
      },
    });
    const sent = JSON.stringify((fake.chatRequests[0] as { response_format: unknown }).response_format);
    expect(sent).not.toMatch(/\$schema|minLength|"minimum":1/);
  });

  it('an OpenAI-compatible server gets json_object by default, the schema when configured, and nothing when off', async () => {
    await remote({ AI_PROVIDER: 'openai-compatible' }).complete(json);
    await remote({ AI_PROVIDER: 'openai-compatible', AI_STRUCTURED_OUTPUT: 'json_schema' }).complete(json);
    await remote({ AI_PROVIDER: 'openai-compatible', AI_STRUCTURED_OUTPUT: 'off' }).complete(json);
    await remote({ AI_PROVIDER: 'openai-compatible' }).complete(req);
    const formats = fake.chatRequests.map((b) => (b as { response_format?: { type: string } }).response_format?.type);
    expect(formats).toEqual(['json_object', 'json_schema', undefined, undefined]);
  });

  it('sends the follow-up messages after the text, in order', async () => {
    await provider.complete({ ...req, followUps: [{ role: 'assistant', content: 'Ikke JSON.' }, { role: 'user', content: 'Ret det.' }] });
    expect(fake.chatRequests[0]!.messages!.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(fake.chatRequests[0]!.messages!.at(-1)!.content).toBe('Ret det.');
  });
});

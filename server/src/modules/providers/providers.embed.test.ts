import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { loadConfig } from '../../config/env.js';
import { createOfflineProvider } from './providers.offline.js';
import { createOpenAiProvider, readEmbeddings } from './providers.openai.js';
import { ProviderError } from './providers.types.js';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const provider = (embedding?: { model: string }) =>
  createOpenAiProvider({
    provider: 'openai-compatible',
    model: 'fake-llama',
    baseUrl: `${fake.url}/v1`,
    timeoutMs: 300,
    maxRetries: 0,
    ...(embedding ? { embedding } : {}),
  });

describe('embeddings from a provider', () => {
  it('sends the texts to the embeddings model as floats and returns one vector per text, in order', async () => {
    const result = await provider({ model: 'fake-embed' }).embed!(['første tekst', 'anden tekst']);

    expect(result).toMatchObject({ provider: 'openai-compatible', model: 'fake-embed', usage: { promptTokens: 2 } });
    expect(result.vectors).toHaveLength(2);
    expect(result.vectors[0]).toBeInstanceOf(Float32Array);
    expect(result.vectors[0]).toHaveLength(8);
    const body = fake.received[0]!.body as { model: string; input: string[]; encoding_format: string };
    expect(body).toEqual({ model: 'fake-embed', input: ['første tekst', 'anden tekst'], encoding_format: 'float' });
  });

  it('when no embeddings model is configured, or the engine is offline, then there is no embed()', () => {
    expect(provider().embed).toBeUndefined();
    expect(createOfflineProvider().embed).toBeUndefined();
  });

  it.each([
    ['fails with 500', 'server_error', (f: FakeProvider) => f.fail(500)],
    ['hangs', 'timeout', (f: FakeProvider) => f.hang()],
    ['answers with broken JSON', 'malformed', (f: FakeProvider) => f.malformed()],
  ] as const)('when the endpoint %s, then a ProviderError of kind %s', async (_name, kind, arrange) => {
    arrange(fake);
    const err = await provider({ model: 'fake-embed' })
      .embed!(['tekst'])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe(kind);
  });

  it.each([
    ['fewer vectors than texts', { data: [{ index: 0, embedding: [0.1] }] }],
    ['vectors of different lengths', { data: [{ index: 0, embedding: [0.1] }, { index: 1, embedding: [0.1, 0.2] }] }],
    ['a value that is not a number', { data: [{ index: 0, embedding: [0.1] }, { index: 1, embedding: ['x'] }] }],
    ['the same index twice', { data: [{ index: 0, embedding: [0.1] }, { index: 0, embedding: [0.2] }] }],
  ])('an answer with %s is malformed', (_name, body) => {
    expect(() => readEmbeddings(body, 2, 'openai', 'm')).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });

  it('puts vectors in the order of their index', () => {
    const res = readEmbeddings({ data: [{ index: 1, embedding: [2] }, { index: 0, embedding: [1] }] }, 2, 'openai', 'm');
    expect(res.vectors.map((v) => v[0])).toEqual([1, 2]);
  });
});

describe('configuring embeddings', () => {
  const base = { NODE_ENV: 'test', AI_MODEL: 'gpt-4o-mini' };

  it('names the embeddings model for openai and openai-compatible, and leaves it out when empty', () => {
    const cfg = loadConfig({ ...base, AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k', AI_EMBEDDING_MODEL: 'text-embedding-3-small' });
    expect(cfg.ai).toMatchObject({ embedding: { model: 'text-embedding-3-small' } });
    expect(loadConfig({ ...base, AI_PROVIDER: 'openai', OPENAI_API_KEY: 'k', AI_EMBEDDING_MODEL: '' }).ai).not.toHaveProperty('embedding');
  });

  it('for azure, requires the embeddings deployment when a model is named', () => {
    const azure = { ...base, AI_PROVIDER: 'azure-openai', AZURE_OPENAI_ENDPOINT: 'https://x.openai.azure.com', AZURE_OPENAI_API_KEY: 'k', AZURE_OPENAI_DEPLOYMENT: 'chat' };
    expect(() => loadConfig({ ...azure, AI_EMBEDDING_MODEL: 'text-embedding-3-small' })).toThrow(/AZURE_OPENAI_EMBEDDING_DEPLOYMENT/);
    expect(loadConfig({ ...azure, AZURE_OPENAI_EMBEDDING_DEPLOYMENT: 'emb' }).ai).toMatchObject({ embedding: { model: 'emb', deployment: 'emb' } });
  });
});

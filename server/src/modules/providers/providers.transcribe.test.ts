import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../../test/fake-provider.js';
import { createOfflineProvider } from './providers.offline.js';
import { createOpenAiProvider, TRANSCRIPTION_MODEL } from './providers.openai.js';
import { ProviderError } from './providers.types.js';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => fake.reset());

const provider = () =>
  createOpenAiProvider({ provider: 'openai-compatible', model: 'fake-llama', baseUrl: `${fake.url}/v1`, timeoutMs: 2000, maxRetries: 0 });

describe('speech to text', () => {
  it('sends the audio as a multipart upload named by its extension only, in Danish, and returns the text', async () => {
    const result = await provider().transcribe!(Buffer.from('OggS-fake-audio'), 'Møde med Jens Hansen.ogg', 'audio/ogg');

    expect(result).toEqual({ text: 'Dette er en falsk transskription fra testserveren.', provider: 'openai-compatible', model: TRANSCRIPTION_MODEL });
    const req = fake.received.find((r) => r.path === '/v1/audio/transcriptions')!;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(req.raw).toContain('filename="lyd.ogg"');
    expect(req.raw).not.toContain('Jens');
    expect(req.raw).toMatch(/name="language"\r\n\r\nda/);
    expect(req.raw).toMatch(new RegExp(`name="model"\\r\\n\\r\\n${TRANSCRIPTION_MODEL}`));
  });

  it('when the endpoint fails, then a ProviderError of the usual kind', async () => {
    fake.fail(500);
    const err = await provider()
      .transcribe!(Buffer.from('x'), 'a.mp3', 'audio/mpeg')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe('server_error');
  });

  it('when the endpoint never answers, then the try ends as a timeout at TRANSCRIPTION_TIMEOUT_MS, and the client does not try again', async () => {
    fake.hang();
    const slowAndRetrying = createOpenAiProvider({
      provider: 'openai-compatible',
      model: 'fake-llama',
      baseUrl: `${fake.url}/v1`,
      timeoutMs: 100,
      maxRetries: 2,
      transcriptionTimeoutMs: 300,
    });
    const started = performance.now();
    const err = await slowAndRetrying.transcribe!(Buffer.from('x'), 'a.mp3', 'audio/mpeg').catch((e: unknown) => e);
    const tookMs = performance.now() - started;

    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).kind).toBe('timeout');
    // Its own deadline, not the chat timeout (100 ms) and not a 10-minute floor.
    expect(tookMs).toBeGreaterThanOrEqual(250);
    expect(tookMs).toBeLessThan(3000);
    expect(fake.received.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(1);
  });

  it('when the endpoint fails, then it is sent once however many retries chat calls get: the job decides about another try', async () => {
    fake.fail(500);
    const retrying = createOpenAiProvider({ provider: 'openai-compatible', model: 'fake-llama', baseUrl: `${fake.url}/v1`, timeoutMs: 2000, maxRetries: 2 });
    const err = await retrying.transcribe!(Buffer.from('x'), 'a.mp3', 'audio/mpeg').catch((e: unknown) => e);
    expect((err as ProviderError).kind).toBe('server_error');
    expect(fake.received.filter((r) => r.path === '/v1/audio/transcriptions')).toHaveLength(1);
  });

  it('the offline engine cannot transcribe', () => {
    expect(createOfflineProvider().transcribe).toBeUndefined();
  });
});

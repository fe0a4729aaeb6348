import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, InternalServerError, RateLimitError } from 'openai';
import { describe, expect, it } from 'vitest';
import { kindOfStatus, toProviderError } from './providers.errors.js';
import { ProviderConnectionLostError, ProviderDeadlineError } from './providers.fetch.js';
import { readCompletion } from './providers.openai.js';
import { ProviderError } from './providers.types.js';

const headers = new Headers();

describe('mapping provider failures to one typed error', () => {
  it.each([
    ['a timeout', new APIConnectionTimeoutError(), 'timeout'],
    ['an aborted call', new APIUserAbortError(), 'cancelled'],
    ['an answer past its deadline, body included', new ProviderDeadlineError(1000), 'timeout'],
    ['a connection lost mid-answer', new ProviderConnectionLostError(new TypeError('terminated')), 'incomplete'],
    ["Node's fetch when the socket closes mid-body", new TypeError('terminated'), 'incomplete'],
    ['a refused connection', new APIConnectionError({ message: 'ECONNREFUSED' }), 'unavailable'],
    ['429 after the last retry', new RateLimitError(429, {}, 'rate', headers), 'rate_limited'],
    ['500 after the last retry', new InternalServerError(500, {}, 'boom', headers), 'server_error'],
    ['503', APIError.generate(503, {}, 'unavailable', headers), 'server_error'],
    ['401 (a wrong key)', APIError.generate(401, {}, 'bad key', headers), 'refused'],
    ['400 (content filter)', APIError.generate(400, { code: 'content_filter' }, 'filtered', headers), 'refused'],
    ['a body that is not JSON', new SyntaxError('Unexpected end of JSON input'), 'malformed'],
  ] as const)('%s becomes %s', (_name, err, kind) => {
    const mapped = toProviderError(err, 'openai-compatible');
    expect(mapped).toBeInstanceOf(ProviderError);
    expect(mapped?.kind).toBe(kind);
    expect(mapped?.provider).toBe('openai-compatible');
  });

  it('keeps the HTTP status, and a message that quotes nothing from the provider', () => {
    const mapped = toProviderError(APIError.generate(400, {}, 'the text was: Jens Hansen 010203-1234', headers), 'openai');
    expect(mapped?.status).toBe(400);
    expect(mapped?.message).not.toContain('Jens');
  });

  it('when the caller aborted, then whatever was thrown is a cancel, not a provider fault', () => {
    const abort = new AbortController();
    abort.abort();
    expect(toProviderError(new DOMException('This operation was aborted', 'AbortError'), 'openai', abort.signal)?.kind).toBe('cancelled');
  });

  it('leaves errors that are not about the provider alone, so bugs surface as bugs', () => {
    expect(toProviderError(new TypeError('x is undefined'), 'openai')).toBeNull();
  });

  it('maps statuses', () => {
    expect([429, 408, 500, 502, 404, undefined].map(kindOfStatus)).toEqual(['rate_limited', 'timeout', 'server_error', 'server_error', 'refused', 'server_error']);
  });
});

describe('reading a completion without trusting its shape', () => {
  const ok = { choices: [{ message: { content: 'Hej' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } };

  it('reads text and usage', () => {
    expect(readCompletion(ok, 'openai', 'm')).toEqual({ text: 'Hej', provider: 'openai', model: 'm', usage: { promptTokens: 3, completionTokens: 1 } });
  });

  it.each([
    ['a string (an HTML error page)', '<html>Bad gateway</html>'],
    ['no choices', { id: 'x' }],
    ['empty choices', { choices: [] }],
    ['no content', { choices: [{ message: {} }] }],
    ['empty content', { choices: [{ message: { content: '' } }] }],
  ])('%s is malformed', (_name, body) => {
    expect(() => readCompletion(body, 'openai', 'm')).toThrow(expect.objectContaining({ kind: 'malformed' }));
  });

  it('a refusal or a content filter is refused', () => {
    expect(() => readCompletion({ choices: [{ message: { content: null, refusal: 'I cannot' } }] }, 'openai', 'm')).toThrow(
      expect.objectContaining({ kind: 'refused' }),
    );
    expect(() => readCompletion({ choices: [{ message: { content: null }, finish_reason: 'content_filter' }] }, 'azure-openai', 'm')).toThrow(
      expect.objectContaining({ kind: 'refused' }),
    );
  });
});

import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { ProviderConnectionLostError, ProviderDeadlineError } from './providers.fetch.js';
import { ProviderError, type ProviderErrorKind, type ProviderKind } from './providers.types.js';

/**
 * Maps whatever the SDK threw after its last try to one ProviderError kind. Returns null for errors that are
 * not about the provider (a bug of ours), which should surface as such.
 */
export function toProviderError(err: unknown, provider: ProviderKind, signal?: AbortSignal): ProviderError | null {
  if (err instanceof ProviderError) return err;
  // The caller stopped the call: whatever the SDK or fetch made of the abort, it is a cancel, not a fault.
  if (signal?.aborted || err instanceof APIUserAbortError) return new ProviderError('cancelled', provider);
  if (err instanceof ProviderDeadlineError) return new ProviderError('timeout', provider);
  if (err instanceof ProviderConnectionLostError || isTerminated(err)) return new ProviderError('incomplete', provider);
  // Subclasses before their parents: a timeout is a connection error.
  if (err instanceof APIConnectionTimeoutError) return new ProviderError('timeout', provider);
  if (err instanceof APIConnectionError) return new ProviderError('unavailable', provider);
  if (err instanceof APIError) return new ProviderError(kindOfStatus(err.status), provider, err.status);
  // A 200 whose body is not JSON: the SDK's response.json() throws SyntaxError; a broken stream event too.
  if (err instanceof SyntaxError) return new ProviderError('malformed', provider);
  if (err instanceof OpenAIError) return new ProviderError('malformed', provider);
  return null;
}

/** Node's fetch when the socket closes mid-body: TypeError('terminated'), with the socket error as its cause. */
function isTerminated(err: unknown): boolean {
  return err instanceof TypeError && err.message === 'terminated';
}

export function kindOfStatus(status: number | undefined): ProviderErrorKind {
  if (status === undefined) return 'server_error';
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server_error';
  return 'refused';
}

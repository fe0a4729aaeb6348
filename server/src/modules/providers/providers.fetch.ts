/**
 * The fetch the SDK clients use. The SDK's own `timeout` ends when the response headers arrive: a provider that
 * sends its headers and then stalls, or closes the connection half-way through the answer, would otherwise hold
 * the request until the HTTP server gives up, and end in an error nobody maps. Here one deadline covers a whole
 * try, from sending the request to the last byte of the answer, and a broken body ends in an error of our own.
 */

/** The try took longer than its deadline, body included. Mapped to the ProviderError kind `timeout`. */
export class ProviderDeadlineError extends Error {
  constructor(public readonly timeoutMs: number) {
    super(`provider answer not complete within ${timeoutMs} ms`);
    this.name = 'ProviderDeadlineError';
  }
}

/**
 * The connection broke after the answer had begun (Node's fetch throws TypeError('terminated')). Mapped to the
 * kind `incomplete`. The cause's name only: its message can hold socket details, never content, but keep it short.
 */
export class ProviderConnectionLostError extends Error {
  constructor(cause: unknown) {
    super(`provider connection lost mid-answer (${(cause as Error)?.name ?? 'unknown'})`);
    this.name = 'ProviderConnectionLostError';
  }
}

/**
 * A fetch with a deadline per try. Before the headers the caller's signal and the SDK's own timer (the same
 * number) decide, so the SDK still classifies and retries those failures itself. After the headers the body is
 * read through a stream of ours: when the deadline passes it errors with ProviderDeadlineError; when the
 * connection breaks, with ProviderConnectionLostError; when the caller aborts, with the abort itself (the SDK
 * treats that as a cancel). The listener on the caller's signal is removed when the try ends, so a long-lived
 * signal (a worker's) collects no listeners.
 */
export function fetchWithDeadline(timeoutMs: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const outer = init.signal ?? undefined;
    const relay = () => controller.abort(outer?.reason);
    if (outer?.aborted) controller.abort(outer.reason);
    else outer?.addEventListener('abort', relay, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', relay);
    };

    let response: Response;
    try {
      response = await base(input, { ...init, signal: controller.signal });
    } catch (err) {
      finish();
      // An abort before the headers: the SDK knows its own timeout and the caller's cancel, and retries the first.
      throw err;
    }
    if (!response.body) {
      finish();
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(c) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            finish();
            c.close();
          } else {
            c.enqueue(value);
          }
        } catch (err) {
          finish();
          if (timedOut) c.error(new ProviderDeadlineError(timeoutMs));
          else if (outer?.aborted) c.error(err);
          else c.error(new ProviderConnectionLostError(err));
        }
      },
      cancel(reason) {
        finish();
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

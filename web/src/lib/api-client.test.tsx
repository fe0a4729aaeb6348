// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiRequest, resetCsrfToken } from './api-client';

function setCsrfCookie(value: string | null): void {
  document.cookie = value === null ? 'pw_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/' : `pw_csrf=${value}; path=/`;
}

/**
 * A server whose CSRF tokens are tied to the session, as the real one's are (docs/decisions/0002): a pre-session
 * token before sign-in, the session's own after, set as the cookie by /api/auth/csrf and by the sign-in answer.
 */
function sessionBoundServer(opts: { setsCookies: boolean }) {
  let session: string | null = null;
  const tokenFor = () => (session ? `session-${session}.sig` : 'pre-session.sig');
  const sent: { method: string; path: string; token: string | null }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const token = new Headers(init.headers).get('x-csrf-token');
      sent.push({ method, path, token });
      if (path === '/api/auth/csrf') {
        if (opts.setsCookies) setCsrfCookie(tokenFor());
        return json(200, { csrfToken: tokenFor() });
      }
      if (method !== 'GET' && token !== tokenFor()) return json(403, { error: { code: 'CSRF_FAILED', message: 'Genindlæs siden.', requestId: 'r' } });
      if (path === '/api/auth/login') {
        session = 's1';
        if (opts.setsCookies) setCsrfCookie(tokenFor());
        return new Response(null, { status: 204 });
      }
      return new Response(null, { status: 204 });
    }),
  );
  return { sent };
}

beforeEach(() => {
  setCsrfCookie(null);
  resetCsrfToken();
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CSRF tokens tied to the session', () => {
  it('when sign-in sets the session\'s token in the cookie, then the next request sends it without a retry', async () => {
    const { sent } = sessionBoundServer({ setsCookies: true });
    await apiRequest('/api/auth/login', null, { method: 'POST', body: { email: 'a@b.dk', password: 'x' } });
    await apiRequest('/api/auth/me', null, { method: 'PATCH', body: { locale: 'en' } });
    expect(sent.filter((r) => r.method !== 'GET')).toEqual([
      { method: 'POST', path: '/api/auth/login', token: 'pre-session.sig' },
      { method: 'PATCH', path: '/api/auth/me', token: 'session-s1.sig' },
    ]);
  });

  it('when the cookie cannot be read and the remembered token belongs to no session any more, then it fetches the token again and retries once', async () => {
    const { sent } = sessionBoundServer({ setsCookies: false });
    await apiRequest('/api/auth/login', null, { method: 'POST', body: { email: 'a@b.dk', password: 'x' } });
    await apiRequest('/api/auth/me', null, { method: 'PATCH', body: { locale: 'en' } });
    expect(sent.filter((r) => r.path === '/api/auth/me').map((r) => r.token)).toEqual(['pre-session.sig', 'session-s1.sig']);
  });
});

import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { Client } from './factories.js';
import { IDP_PASSWORD, type TestIdp } from './oidc-idp.js';

/**
 * A sign-in through the test identity provider as a browser does it: the workbench's start route, the provider's
 * own login page and redirects (with the provider's cookies), and back to the workbench's callback. The client
 * keeps the workbench's cookies, so after a successful callback it holds the session.
 */
/** What a browser sends with a navigation of the whole page. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export interface IdpRoundTrip {
  client: Client;
  /** The callback's path and query as the provider sent the browser back. */
  callback: string;
  /** The workbench's answer to the callback. */
  status: number;
  location: string | undefined;
  text: string;
  errorCode: string | undefined;
}

export async function toProviderAndBack(t: TestApp, idp: TestIdp, login: string, opts: { returnTo?: string; client?: Client } = {}): Promise<Omit<IdpRoundTrip, 'status' | 'location' | 'text' | 'errorCode'>> {
  const client = opts.client ?? new Client(t);
  const start = await client.get(`/api/auth/oidc/start${opts.returnTo !== undefined ? `?returnTo=${encodeURIComponent(opts.returnTo)}` : ''}`).set('Accept', BROWSER_ACCEPT);
  expect(start.status, start.text).toBe(302);
  const jar = new Map<string, string>();
  let url = new URL(start.headers.location as string);
  expect(url.origin).toBe(idp.issuer);
  for (let hop = 0; hop < 10; hop++) {
    const isLogin = /^\/interaction\//.test(url.pathname);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(isLogin ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(isLogin ? { method: 'POST', body: new URLSearchParams({ login, password: IDP_PASSWORD }).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider stopped at ${url.pathname} with ${res.status}: ${await res.text()}`);
    url = new URL(next, url);
    if (url.pathname === '/api/auth/oidc/callback') return { client, callback: `${url.pathname}${url.search}` };
  }
  throw new Error('the provider never sent the browser back');
}

/** The whole round trip, with the workbench's answer to the callback. */
export async function signInThroughIdp(t: TestApp, idp: TestIdp, login: string, opts: { returnTo?: string; client?: Client } = {}): Promise<IdpRoundTrip> {
  const trip = await toProviderAndBack(t, idp, login, opts);
  const res = await trip.client.get(trip.callback).set('Accept', BROWSER_ACCEPT);
  return {
    ...trip,
    status: res.status,
    location: res.headers.location as string | undefined,
    text: res.text,
    errorCode: res.headers['x-error-code'] as string | undefined,
  };
}

import type { CurrentUser, Role } from '@contracts/auth.js';
import { cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { i18n, LOCALE_STORAGE_KEY } from '../app/i18n';
import { en } from '../app/i18n/en';
import { AppProviders, createQueryClient } from '../app/providers';
import { preloadPages, routes } from '../app/router';
import { makeTrialSummary, type TrialSummaryFixture } from './fixtures';

/**
 * Helpers for web tests: the real router, providers and API client, with `fetch` answered by a fake server
 * that records what the page sent. Nothing leaves the process.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

export type FakeRoute = FakeResponse | ((req: RecordedRequest) => FakeResponse);

export const CSRF_TOKEN = 'test-nonce.test-signature';

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, requestId: 'req-test', ...(details === undefined ? {} : { details }) } };
}

const UNITS = {
  BORGERSERVICE: { id: 'unit-bs', name: 'Borgerservice', code: 'BORGERSERVICE' },
  DIGITAL: { id: 'unit-dig', name: 'Digital Udvikling', code: 'DIGITAL' },
};

export function makeUser(role: Role, overrides: Partial<CurrentUser> = {}): CurrentUser {
  const base: Record<Role, CurrentUser> = {
    EMPLOYEE: {
      id: 'u-emp',
      email: 'medarbejder@demo.rodovre.dk',
      name: 'Mette Medarbejder',
      role: 'EMPLOYEE',
      locale: 'da',
      mustChangePassword: false,
      sso: false,
      dataProtectionAdviser: false,
      unit: UNITS.BORGERSERVICE,
    },
    LEADER: {
      id: 'u-lead',
      email: 'leder@demo.rodovre.dk',
      name: 'Lars Leder',
      role: 'LEADER',
      locale: 'da',
      mustChangePassword: false,
      sso: false,
      dataProtectionAdviser: false,
      unit: UNITS.BORGERSERVICE,
    },
    DIGITAL_UNIT: {
      id: 'u-dig',
      email: 'digital@demo.rodovre.dk',
      name: 'Dorte Digital',
      role: 'DIGITAL_UNIT',
      locale: 'da',
      mustChangePassword: false,
      sso: false,
      dataProtectionAdviser: false,
      unit: UNITS.DIGITAL,
    },
  };
  return { ...base[role], ...overrides };
}

export const TRIALS: { trials: TrialSummaryFixture[] } = {
  trials: [
    makeTrialSummary(),
    makeTrialSummary({
      id: 't2',
      title: 'Referater af teammøder',
      purpose: 'Referater fra Teams-udskrifter',
      status: 'DRAFT',
      unit: { id: 'unit-dig', name: 'Digital Udvikling' },
      startsAt: '2026-02-01T00:00:00.000Z',
      endsAt: '2026-04-30T00:00:00.000Z',
      assistants: ['minutes'],
      participantCount: 2,
    }),
  ],
};

/**
 * Installs a fake API. `routes` maps "METHOD /path" (without query string) to an answer. The session starts
 * as `user` (null: not signed in); sign-in and sign-out change it like the real server does.
 */
export function fakeApi(user: CurrentUser | null, routes: Record<string, FakeRoute> = {}) {
  const requests: RecordedRequest[] = [];
  let current = user;
  const defaults: Record<string, FakeRoute> = {
    'GET /api/auth/csrf': { status: 200, body: { csrfToken: CSRF_TOKEN } },
    'GET /api/auth/me': () =>
      current
        ? { status: 200, body: { user: current } }
        : { status: 401, body: errorBody('UNAUTHENTICATED', 'Du er ikke logget ind. Log ind og prøv igen.') },
    'POST /api/auth/logout': () => {
      current = null;
      return { status: 204 };
    },
    'PATCH /api/auth/me': (req) => {
      if (!current) return { status: 401, body: errorBody('UNAUTHENTICATED', 'Du er ikke logget ind.') };
      current = { ...current, ...(req.body as Partial<CurrentUser>) };
      return { status: 200, body: { user: current } };
    },
    'GET /api/trials': { status: 200, body: TRIALS },
  };
  const table = { ...defaults, ...routes };

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? url;
    const method = (init.method ?? 'GET').toUpperCase();
    const req: RecordedRequest = {
      method,
      path,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
      credentials: init.credentials,
    };
    requests.push(req);
    const route = table[`${method} ${path}`];
    let answer: FakeResponse = route
      ? typeof route === 'function'
        ? route(req)
        : route
      : { status: 404, body: errorBody('ROUTE_NOT_FOUND', `No fake for ${method} ${path}`) };
    if (method === 'POST' && path === '/api/auth/login' && answer.status === 200) {
      current = (answer.body as { user: CurrentUser }).user;
    }
    if (method !== 'GET' && req.headers.get('x-csrf-token') !== CSRF_TOKEN) {
      answer = { status: 403, body: errorBody('CSRF_FAILED', 'Forespørgslen mangler et gyldigt sikkerhedstoken.') };
    }
    return answer.status === 204 || answer.body === undefined
      ? new Response(null, { status: answer.status })
      : new Response(JSON.stringify(answer.body), {
          status: answer.status,
          headers: { 'Content-Type': 'application/json' },
        });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    /** changes who the fake server thinks is signed in (null: the session ended on the server) */
    setUser: (u: CurrentUser | null) => {
      current = u;
    },
    /** the requests made with this method to this path */
    calls: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path),
  };
}

/** Renders the whole app (layout, guards, pages) at `path`. */
export function renderApp(path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  const view = render(
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, queryClient };
}

/** Registers the per-test reset: Danish, empty storage, no cookies, no fakes left behind. */
export function setupWebTests(): void {
  // Pages are loaded on demand (router.tsx); loaded once here, a test's first visit does not wait for a transform.
  beforeAll(() => preloadPages());
  // The app loads English when it is chosen; tests switch with changeLanguage directly, so it is there from the start.
  beforeAll(() => {
    i18n.addResourceBundle('en', 'translation', en, true, true);
  });
  beforeEach(async () => {
    localStorage.removeItem(LOCALE_STORAGE_KEY);
    document.cookie = 'pw_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    // jsdom has no scrolling; the router's scroll restoration calls it on every navigation.
    window.scrollTo = () => undefined;
    await i18n.changeLanguage('da');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
}

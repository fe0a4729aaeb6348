import type { Request, Response } from 'express';
import { AuthConfigResponse, ChangePasswordRequest, CsrfResponse, LoginRequest, MeResponse, OidcCallbackQuery, OidcStartQuery, UpdateMeRequest } from '../../contracts/auth.js';
import { SIGNED_IN, perApp, publicRoute, route, routes } from '../../api.js';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE, sessionCookieOptions, setCsrfCookie } from './auth.middleware.js';
import { changeOwnPassword } from '../users/users.service.js';
import { getCurrentUser, hashToken, login, logout, updateOwnLocale } from './auth.service.js';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, SsoRefusal, createOidcSignIn, localPath } from './oidc.service.js';
import { refusalPage } from './oidc.page.js';

/** The app's sign-in through the identity provider, when one is configured: made once per app. */
const oidcOf = perApp((deps) => (deps.config.oidc ? createOidcSignIn(deps, deps.config.oidc) : undefined));
const notConfigured = () => new SsoRefusal('SSO_NOT_CONFIGURED', 'Log ind med arbejdskonto er ikke sat op her. Log ind med e-mail og adgangskode.', 404, 'not_configured');

// The OIDC routes are navigations of the whole page (to the provider and back), so they answer with redirects
// and, when a sign-in is refused, with a Danish page rather than JSON.
const oidcCookie = (deps: Deps, maxAge?: number) => ({ httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax' as const, path: OIDC_COOKIE_PATH, ...(maxAge ? { maxAge } : {}) });
// A browser's navigation (its Accept names text/html) gets the page; anything else gets the JSON error body, as
// from every other route.
const sendRefusal = (req: Request, res: Response, err: unknown) => {
  if (!(err instanceof SsoRefusal) || !/\btext\/html\b/i.test(req.get('accept') ?? '')) throw err;
  res.status(err.status).set('X-Error-Code', err.code).type('html').send(refusalPage(err.code, err.message));
};

async function startOidc(deps: Deps, req: Request, res: Response): Promise<void> {
  const oidc = oidcOf(deps);
  if (!oidc) return sendRefusal(req, res, notConfigured());
  try {
    const { url, browser } = await oidc.begin(localPath(req.query.returnTo));
    res.cookie(OIDC_COOKIE, browser, oidcCookie(deps, 10 * 60_000));
    res.redirect(302, url);
  } catch (err) {
    sendRefusal(req, res, err);
  }
}

async function completeOidc(deps: Deps, req: Request, res: Response): Promise<void> {
  const oidc = oidcOf(deps);
  if (!oidc) return sendRefusal(req, res, notConfigured());
  res.clearCookie(OIDC_COOKIE, oidcCookie(deps));
  try {
    const query = new URLSearchParams(req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '');
    const { token, expiresAt, returnTo } = await oidc.complete(query, req.cookies?.[OIDC_COOKIE] as string | undefined);
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
    setCsrfCookie(deps, req, res, hashToken(token));
    res.redirect(302, returnTo);
  } catch (err) {
    sendRefusal(req, res, err);
  }
}

export const authRoutes = routes(
  '/auth',
  [
    publicRoute({
      method: 'GET',
      path: '/csrf',
      operationId: 'getCsrfToken',
      tag: 'auth',
      summary: 'A CSRF token for state-changing requests',
      description:
        'Sets the pw_csrf cookie and returns the same token, to be sent in the x-csrf-token header (double submit). The token is tied to the session: before sign-in it is a pre-session token, good only for signing in; signing in and signing out set a new one in the cookie. Call it before signing in, and again after, or read the cookie.',
      responses: { 200: { description: 'The token (also set as the pw_csrf cookie).', schema: CsrfResponse } },
      errors: [],
      handle: ({ deps, req, res }) => ({ csrfToken: setCsrfCookie(deps, req, res, req.actor?.sessionId) }),
    }),
    publicRoute({
      method: 'GET',
      path: '/config',
      operationId: 'getAuthConfig',
      tag: 'auth',
      summary: 'How people sign in here',
      description: 'Whether e-mail and password sign-in is on (PASSWORD_LOGIN) and, when the organisation\'s identity provider is configured (OIDC_ISSUER), the label of its button and the addresses that start a sign-in there and sign out there. Read by the sign-in page before anyone is signed in.',
      responses: { 200: { description: 'The sign-in settings.', schema: AuthConfigResponse } },
      errors: [],
      handle: ({ deps }) => ({
        passwordLogin: deps.config.passwordLogin,
        oidc: deps.config.oidc ? { label: deps.config.oidc.buttonLabel, startUrl: '/api/auth/oidc/start', logoutUrl: '/api/auth/oidc/logout' } : null,
      }),
    }),
    publicRoute({
      method: 'GET',
      path: '/oidc/start',
      operationId: 'startOidcSignIn',
      tag: 'auth',
      summary: 'Start signing in through the identity provider (OpenID Connect)',
      description: 'A navigation of the whole page, not a call: redirects to the provider\'s authorization endpoint (authorization code flow, PKCE S256, state, nonce) and sets the httpOnly pw_oidc cookie that binds the sign-in to this browser for 10 minutes. `returnTo`: a path on this site to land on afterwards (anything else gives /).',
      query: OidcStartQuery,
      responses: { 302: { description: 'To the provider\'s sign-in page.' }, 404: { description: 'Refused: a Danish page that says why, with the stable code (SSO_*, ACCOUNT_DISABLED) on the page and in the X-Error-Code header; a client whose Accept prefers JSON gets the error body with that code instead. No session is started.', contentType: 'text/html', rawSchema: { type: 'string' } }, 503: { description: 'Refused: a Danish page that says why, with the stable code (SSO_*, ACCOUNT_DISABLED) on the page and in the X-Error-Code header; a client whose Accept prefers JSON gets the error body with that code instead. No session is started.', contentType: 'text/html', rawSchema: { type: 'string' } } },
      errors: [],
      parseQuery: false,
      handle: ({ deps, req, res }) => startOidc(deps, req, res),
    }),
    publicRoute({
      method: 'GET',
      path: '/oidc/callback',
      operationId: 'oidcCallback',
      tag: 'auth',
      summary: 'Where the identity provider sends the browser back',
      description: 'Checks state (used once), the browser binding, the code with the PKCE verifier, the ID token and its nonce; creates the person at the first sign-in (name, e-mail, role from OIDC_ROLE_GROUPS, unit from OIDC_UNIT_CLAIM) or updates role and unit; starts the same session as password sign-in (pw_session, pw_csrf) and redirects to the returnTo of the start. Audited as auth.sso_login, refusals as auth.sso_refused.',
      query: OidcCallbackQuery,
      responses: { 302: { description: 'Signed in: to the page the person started from.' }, 400: { description: 'Refused: a Danish page that says why, with the stable code (SSO_*, ACCOUNT_DISABLED) on the page and in the X-Error-Code header; a client whose Accept prefers JSON gets the error body with that code instead. No session is started.', contentType: 'text/html', rawSchema: { type: 'string' } }, 403: { description: 'Refused: a Danish page that says why, with the stable code (SSO_*, ACCOUNT_DISABLED) on the page and in the X-Error-Code header; a client whose Accept prefers JSON gets the error body with that code instead. No session is started.', contentType: 'text/html', rawSchema: { type: 'string' } }, 503: { description: 'Refused: a Danish page that says why, with the stable code (SSO_*, ACCOUNT_DISABLED) on the page and in the X-Error-Code header; a client whose Accept prefers JSON gets the error body with that code instead. No session is started.', contentType: 'text/html', rawSchema: { type: 'string' } } },
      errors: [],
      parseQuery: false,
      handle: ({ deps, req, res }) => completeOidc(deps, req, res),
    }),
    publicRoute({
      method: 'GET',
      path: '/oidc/logout',
      operationId: 'oidcLogout',
      tag: 'auth',
      summary: 'Sign out at the identity provider too (RP-initiated logout)',
      description: 'After signing out here (POST /api/auth/logout): redirects to the provider\'s end_session_endpoint, which returns the person to /log-ind; to /log-ind directly when the provider has none or none is configured.',
      responses: { 302: { description: 'To the provider\'s sign-out, or to the sign-in page.' } },
      errors: [],
      // RP-initiated logout: after signing out here, the person may also sign out at the provider.
      handle: async ({ deps, res }) => {
        res.redirect(302, (await oidcOf(deps)?.endSessionUrl()) ?? '/log-ind');
      },
    }),
    publicRoute({
      method: 'POST',
      path: '/login',
      operationId: 'login',
      tag: 'auth',
      summary: 'Sign in (log ind) with e-mail and password',
      description:
        'Sets the httpOnly session cookie pw_session and the session\'s CSRF token in pw_csrf (the pre-session token stops working). Repeated failures for one account, from any address or from one address, get growing waits (429 with Retry-After), the same for unknown e-mails; many failures from one address only delay its sign-ins by up to 3 s.',
      note: 'Needs the CSRF header like every state-changing request.',
      body: { kind: 'json', schema: LoginRequest },
      responses: { 200: { description: 'Signed in: the current user.', schema: MeResponse } },
      errors: ['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'RATE_LIMITED', 'PASSWORD_LOGIN_DISABLED'],
      handle: async ({ deps, req, res, body }) => {
        const { token, user, expiresAt } = await login(deps, body, req.ip ?? 'unknown');
        res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
        // The pre-session token gives way to the new session's own (docs/decisions/0002); the web client reads the cookie.
        setCsrfCookie(deps, req, res, hashToken(token));
        return { user };
      },
    }),
    publicRoute({
      method: 'POST',
      path: '/logout',
      operationId: 'logout',
      tag: 'auth',
      summary: 'Sign out (log ud)',
      description: 'Ends the session, clears the cookie and sets a new pre-session CSRF token in pw_csrf. Harmless when not signed in, so a stale tab cannot get stuck.',
      note: 'Needs the CSRF header; ends the session when there is one.',
      responses: { 204: { description: 'Signed out.' } },
      errors: [],
      handle: async ({ deps, req, res }) => {
        if (req.actor) await logout(deps, req.actor);
        res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
        setCsrfCookie(deps, req, res, undefined);
        res.status(204).end();
      },
    }),
    route({
      method: 'GET',
      path: '/me',
      operationId: 'getCurrentUser',
      tag: 'auth',
      summary: 'The signed-in person',
      description: 'Name, role, unit and language of the person the session belongs to.',
      access: SIGNED_IN,
      responses: { 200: { description: 'The current user.', schema: MeResponse } },
      errors: [],
      handle: async ({ deps, actor }) => ({ user: await getCurrentUser(deps, actor) }),
    }),
    route({
      method: 'PATCH',
      path: '/me',
      operationId: 'updateCurrentUser',
      tag: 'auth',
      summary: "Change one's own language",
      description: 'The interface language (da or en) of the signed-in person.',
      access: SIGNED_IN,
      body: { kind: 'json', schema: UpdateMeRequest },
      responses: { 200: { description: 'The updated current user.', schema: MeResponse } },
      errors: [],
      handle: async ({ deps, actor, body }) => ({ user: await updateOwnLocale(deps, actor, body.locale) }),
    }),
    route({
      method: 'POST',
      path: '/password',
      operationId: 'changeOwnPassword',
      tag: 'auth',
      summary: "Change one's own password (skift adgangskode)",
      description:
        'Needs the current password; the new one has at least 12 characters and differs from it (in production it is never the published demo password). ' +
        "Ends the person's other sessions and keeps this one; clears mustChangePassword after a reset. Audited (auth.password_changed; a wrong current " +
        'password as auth.password_change_failed). After 5 wrong current passwords in 15 minutes: 429.',
      access: SIGNED_IN,
      body: { kind: 'json', schema: ChangePasswordRequest },
      responses: { 200: { description: 'Changed: the current user, mustChangePassword false.', schema: MeResponse } },
      errors: ['WRONG_CURRENT_PASSWORD', 'RATE_LIMITED'],
      handle: async ({ deps, actor, body }) => {
        await changeOwnPassword(deps, actor, body);
        return { user: await getCurrentUser(deps, actor) };
      },
    }),
  ],
  { setup: (deps) => void oidcOf(deps) },
);

import { Router, type Request, type Response } from 'express';
import { AuthConfigResponse, ChangePasswordRequest, CsrfResponse, LoginRequest, MeResponse, UpdateMeRequest } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE, requireActor, sessionCookieOptions, setCsrfCookie } from './auth.middleware.js';
import { changeOwnPassword } from '../users/users.service.js';
import { getCurrentUser, hashToken, login, logout, updateOwnLocale } from './auth.service.js';
import { OIDC_COOKIE, OIDC_COOKIE_PATH, SsoRefusal, createOidcSignIn, localPath } from './oidc.service.js';
import { refusalPage } from './oidc.page.js';

export function authRoutes(deps: Deps): Router {
  const r = Router();
  const oidc = deps.config.oidc ? createOidcSignIn(deps, deps.config.oidc) : undefined;
  const notConfigured = () => new SsoRefusal('SSO_NOT_CONFIGURED', 'Log ind med arbejdskonto er ikke sat op her. Log ind med e-mail og adgangskode.', 404, 'not_configured');

  r.get('/config', (_req, res) => {
    res.json(
      AuthConfigResponse.parse({
        passwordLogin: deps.config.passwordLogin,
        oidc: deps.config.oidc ? { label: deps.config.oidc.buttonLabel, startUrl: '/api/auth/oidc/start', logoutUrl: '/api/auth/oidc/logout' } : null,
      }),
    );
  });

  // The OIDC routes are navigations of the whole page (to the provider and back), so they answer with redirects
  // and, when a sign-in is refused, with a Danish page rather than JSON.
  const oidcCookie = (maxAge?: number) => ({ httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax' as const, path: OIDC_COOKIE_PATH, ...(maxAge ? { maxAge } : {}) });
  // A browser's navigation (its Accept names text/html) gets the page; anything else gets the JSON error body, as
  // from every other route.
  const sendRefusal = (req: Request, res: Response, err: unknown) => {
    if (!(err instanceof SsoRefusal) || !/\btext\/html\b/i.test(req.get('accept') ?? '')) throw err;
    res.status(err.status).set('X-Error-Code', err.code).type('html').send(refusalPage(err.code, err.message));
  };

  r.get('/oidc/start', async (req, res) => {
    if (!oidc) return sendRefusal(req, res, notConfigured());
    try {
      const { url, browser } = await oidc.begin(localPath(req.query.returnTo));
      res.cookie(OIDC_COOKIE, browser, oidcCookie(10 * 60_000));
      res.redirect(302, url);
    } catch (err) {
      sendRefusal(req, res, err);
    }
  });

  r.get('/oidc/callback', async (req, res) => {
    if (!oidc) return sendRefusal(req, res, notConfigured());
    res.clearCookie(OIDC_COOKIE, oidcCookie());
    try {
      const query = new URLSearchParams(req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '');
      const { token, expiresAt, returnTo } = await oidc.complete(query, req.cookies?.[OIDC_COOKIE] as string | undefined);
      res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
      setCsrfCookie(deps, req, res, hashToken(token));
      res.redirect(302, returnTo);
    } catch (err) {
      sendRefusal(req, res, err);
    }
  });

  /** RP-initiated logout: after signing out here, the person may also sign out at the provider. */
  r.get('/oidc/logout', async (_req, res) => {
    res.redirect(302, (await oidc?.endSessionUrl()) ?? '/log-ind');
  });

  r.get('/csrf', (req, res) => {
    res.json(CsrfResponse.parse({ csrfToken: setCsrfCookie(deps, req, res, req.actor?.sessionId) }));
  });

  r.post('/login', async (req, res) => {
    const body = LoginRequest.parse(req.body);
    const { token, user, expiresAt } = await login(deps, body, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
    // The pre-session token gives way to the new session's own (docs/decisions/0002); the web client reads the cookie.
    setCsrfCookie(deps, req, res, hashToken(token));
    res.json(MeResponse.parse({ user }));
  });

  r.post('/logout', async (req, res) => {
    if (req.actor) await logout(deps, req.actor);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    setCsrfCookie(deps, req, res, undefined);
    res.status(204).end();
  });

  r.get('/me', async (req, res) => {
    const user = await getCurrentUser(deps, requireActor(req));
    res.json(MeResponse.parse({ user }));
  });

  r.patch('/me', async (req, res) => {
    const actor = requireActor(req);
    const { locale } = UpdateMeRequest.parse(req.body);
    res.json(MeResponse.parse({ user: await updateOwnLocale(deps, actor, locale) }));
  });
  r.post('/password', async (req, res) => {
    const actor = requireActor(req);
    await changeOwnPassword(deps, actor, ChangePasswordRequest.parse(req.body));
    res.json(MeResponse.parse({ user: await getCurrentUser(deps, actor) }));
  });

  return r;
}

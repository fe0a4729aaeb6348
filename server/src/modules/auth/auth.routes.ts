import { Router } from 'express';
import { ChangePasswordRequest, CsrfResponse, LoginRequest, MeResponse, UpdateMeRequest } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import { SESSION_COOKIE, requireActor, sessionCookieOptions, setCsrfCookie } from './auth.middleware.js';
import { changeOwnPassword } from '../users/users.service.js';
import { getCurrentUser, hashToken, login, logout, updateOwnLocale } from './auth.service.js';

export function authRoutes(deps: Deps): Router {
  const r = Router();

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

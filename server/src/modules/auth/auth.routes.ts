import { Router } from 'express';
import { CsrfResponse, LoginRequest, MeResponse, UpdateMeRequest } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import { issueCsrfToken, isValidCsrfToken } from './csrf.js';
import {
  CSRF_COOKIE,
  SESSION_COOKIE,
  csrfCookieOptions,
  requireActor,
  sessionCookieOptions,
} from './auth.middleware.js';
import { getCurrentUser, login, logout, updateOwnLocale } from './auth.service.js';

export function authRoutes(deps: Deps): Router {
  const r = Router();

  r.get('/csrf', (req, res) => {
    const existing: unknown = req.cookies?.[CSRF_COOKIE];
    const token = typeof existing === 'string' && isValidCsrfToken(deps.config.sessionSecret, existing) ? existing : issueCsrfToken(deps.config.sessionSecret);
    res.cookie(CSRF_COOKIE, token, csrfCookieOptions(deps));
    res.json(CsrfResponse.parse({ csrfToken: token }));
  });

  r.post('/login', async (req, res) => {
    const body = LoginRequest.parse(req.body);
    const { token, user, expiresAt } = await login(deps, body, req.ip ?? 'unknown');
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, expiresAt));
    res.json(MeResponse.parse({ user }));
  });

  r.post('/logout', async (req, res) => {
    if (req.actor) await logout(deps, req.actor);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
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

  return r;
}

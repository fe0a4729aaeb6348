import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Deps } from '../../deps.js';
import { AppError, sessionExpired, unauthenticated } from '../../lib/errors.js';
import { requestContext } from '../../lib/request-context.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import type { Actor } from './auth.types.js';
import { issueCsrfToken, isValidCsrfToken, safeEqual } from './csrf.js';
import { resolveSession } from './auth.service.js';

export const SESSION_COOKIE = 'pw_session';
export const CSRF_COOKIE = 'pw_csrf';

/**
 * The session cookie lives as long as the session: as a Max-Age counted on the server's clock, so a browser whose
 * clock is off (or a test with a fixed clock) neither drops it early nor keeps it past the session's end.
 */
export function sessionCookieOptions(deps: Deps, expires?: Date): CookieOptions {
  const maxAge = expires ? Math.max(0, expires.getTime() - deps.now().getTime()) : undefined;
  return { httpOnly: true, secure: deps.config.cookieSecure, sameSite: 'lax', path: '/', ...(maxAge !== undefined ? { maxAge } : {}) };
}

export function csrfCookieOptions(deps: Deps): CookieOptions {
  // Readable by the page's own script (that is the point of double submit); strict so it never rides along cross-site.
  return { httpOnly: false, secure: deps.config.cookieSecure, sameSite: 'strict', path: '/' };
}

/**
 * The CSRF token for a session (`sessionId` undefined: the pre-session token): the one in the cookie when it is
 * still good for that session, else a new one; set as the cookie either way. Sign-in and sign-out pass the session
 * the browser has after them (the new one; none), so it holds the right token at once.
 */
export function setCsrfCookie(deps: Deps, req: Request, res: Response, sessionId: string | undefined): string {
  const existing: unknown = req.cookies?.[CSRF_COOKIE];
  const token =
    typeof existing === 'string' && isValidCsrfToken(deps.config.sessionSecret, existing, sessionId)
      ? existing
      : issueCsrfToken(deps.config.sessionSecret, sessionId);
  res.cookie(CSRF_COOKIE, token, csrfCookieOptions(deps));
  return token;
}

/** Finds the signed-in person from the session cookie, if any. Never refuses a request by itself. */
export function sessionMiddleware(deps: Deps): RequestHandler {
  return async (req, res, next) => {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length < 200) {
      const found = await resolveSession(deps, token);
      if (found.state === 'valid') {
        req.actor = found.actor;
        const ctx = requestContext.getStore();
        if (ctx) ctx.userId = found.actor.id;
        if (found.renewedExpiry) res.cookie(SESSION_COOKIE, token, sessionCookieOptions(deps, found.renewedExpiry));
      } else {
        req.sessionExpired = true;
        res.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
      }
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request must echo the CSRF cookie in the X-CSRF-Token header, signed for the request's
 * session (or, without a session, a pre-session token). Runs after sessionMiddleware, which sets req.actor.
 */
export function csrfMiddleware(deps: Deps): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    const header = req.get(CSRF_HEADER);
    if (
      typeof cookie !== 'string' ||
      !header ||
      !safeEqual(cookie, header) ||
      !isValidCsrfToken(deps.config.sessionSecret, header, req.actor?.sessionId)
    ) {
      throw new AppError(
        'CSRF_FAILED',
        'Forespørgslen mangler et gyldigt sikkerhedstoken. Genindlæs siden, og prøv igen.',
        403,
      );
    }
    next();
  };
}

/** The signed-in person, or a 401 that says whether the session expired or never existed. */
export function requireActor(req: Request): Actor {
  if (req.actor) return req.actor;
  throw req.sessionExpired ? sessionExpired() : unauthenticated();
}

/**
 * The calls a person whose password was reset may still make: who am I (and the language), a CSRF token, sign
 * out, sign in, and changing the password. Paths are relative to /api.
 */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /auth/me',
  'PATCH /auth/me',
  'GET /auth/csrf',
  'POST /auth/logout',
  'POST /auth/login',
  'POST /auth/password',
]);

/**
 * After a reset by the digital unit the temporary password has been seen by someone else: until the person has
 * chosen their own, the session is good for nothing but choosing it.
 */
export function passwordChangeGate(): RequestHandler {
  return (req, _res, next) => {
    if (!req.actor?.mustChangePassword) return next();
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    if (ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method === 'HEAD' ? 'GET' : req.method} ${path}`)) return next();
    throw new AppError(
      'PASSWORD_CHANGE_REQUIRED',
      'Du skal vælge en ny adgangskode, før du kan fortsætte. Gå til »Skift adgangskode«, og vælg en ny.',
      403,
    );
  };
}

import type { CookieOptions, Request, RequestHandler } from 'express';
import type { Deps } from '../../deps.js';
import { AppError, sessionExpired, unauthenticated } from '../../lib/errors.js';
import { requestContext } from '../../lib/request-context.js';
import { CSRF_HEADER } from '../../contracts/auth.js';
import type { Actor } from './auth.types.js';
import { isValidCsrfToken, safeEqual } from './csrf.js';
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

/** Every state-changing request must echo the signed CSRF cookie in the X-CSRF-Token header. */
export function csrfMiddleware(deps: Deps): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    const header = req.get(CSRF_HEADER);
    if (typeof cookie !== 'string' || !header || !safeEqual(cookie, header) || !isValidCsrfToken(deps.config.sessionSecret, header)) {
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

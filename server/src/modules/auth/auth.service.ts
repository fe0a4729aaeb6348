import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CurrentUser, Locale, LoginRequest } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import type { Tx } from '../../lib/db.js';
import { AppError, rateLimited, unauthenticated } from '../../lib/errors.js';
import { recordAudit, recordAuditAlone, type AuditDetails } from '../audit/audit.service.js';
import type { Actor } from './auth.types.js';
import { findAccountByEmail, findAccountWithUnit, recordSignIn, setAccountLocale } from '../users/users.service.js';
import { hashPassword, verifyPassword } from './password.service.js';
import { pruneSignInFailures } from './sign-in-book.js';

// For other modules, which reach this one through its service (eslint.config.js, module-boundary).
export { DEMO_PASSWORD, hashPassword, verifyPassword } from './password.service.js';


type UserRow = {
  id: string;
  email: string;
  name: string;
  role: CurrentUser['role'];
  locale: string;
  mustChangePassword: boolean;
  oidcSubject: string | null;
  dataProtectionAdviser: boolean;
  unit: { id: string; name: string; code: string };
};

export function toCurrentUser(u: UserRow): CurrentUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale === 'en' ? 'en' : 'da',
    unit: u.unit,
    mustChangePassword: u.mustChangePassword,
    sso: u.oidcSubject !== null,
    dataProtectionAdviser: u.dataProtectionAdviser,
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Verifying against a real hash when the user is unknown keeps the response time the same, so timing does not
// tell which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export async function login(
  deps: Deps,
  input: LoginRequest,
  clientIp: string,
): Promise<{ token: string; user: CurrentUser; expiresAt: Date }> {
  const { db, provider, loginLimiter, config } = deps;
  // With PASSWORD_LOGIN=false people sign in through the identity provider; one named account may still use its
  // password for when the provider is down (break glass), and each such sign-in is audited as such.
  const breakGlass = !config.passwordLogin && config.breakGlassEmail === input.email;
  if (!config.passwordLogin && !breakGlass) {
    throw new AppError('PASSWORD_LOGIN_DISABLED', 'Log ind med din arbejdskonto. Log ind med adgangskode er slået fra.', 403);
  }
  // Limits per account, per (account, address) and per address (rate-limit.ts, docs/decisions/0002). The attempt
  // counts as a failure from here until the password proves right; an address with many failures is only slowed.
  const attempt = await loginLimiter.begin(input.email, clientIp);
  if (!attempt.allowed) throw rateLimited(attempt.retryAfterSeconds);
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);

  const user = await findAccountByEmail(db, input.email);
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword(randomBytes(16).toString('hex'), config.argon2)), input.password);

  if (!user || !ok) {
    await recordAuditAlone(db, provider, {
      actor: null,
      action: 'auth.login_failed',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      details: { reason: user ? 'wrong_password' : 'unknown_user' },
    });
    throw new AppError('INVALID_CREDENTIALS', 'Forkert e-mail eller adgangskode. Prøv igen.', 401);
  }
  if (!user.active) {
    throw new AppError('ACCOUNT_DISABLED', 'Din konto er deaktiveret. Kontakt Digital Udvikling, hvis du skal have adgang igen.', 403);
  }
  await attempt.succeeded();
  const session = await startSession(deps, user, breakGlass ? { action: 'auth.break_glass_login' } : { action: 'auth.login' });
  return { ...session, user: toCurrentUser(user) };
}

/**
 * A new session for a person who has proved who they are (password or identity provider), with the audit event
 * that says how, in one transaction. The token goes to the browser only; the database keeps its hash.
 */
export async function startSession(
  deps: Deps,
  user: { id: string; role: CurrentUser['role']; unitId: string },
  audit: { action: 'auth.login' | 'auth.break_glass_login' | 'auth.sso_login'; details?: AuditDetails },
  writeMore?: (tx: Tx) => Promise<void>,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + Math.min(deps.config.sessionIdleMs, deps.config.sessionMaxMs));
  await deps.db.$transaction(async (tx) => {
    await writeMore?.(tx);
    await tx.session.create({ data: { id: hashToken(token), userId: user.id, createdAt: now, lastSeenAt: now, expiresAt } });
    await recordSignIn(tx, user.id, now);
    await recordAudit(tx, deps.provider, {
      actor: { id: user.id, role: user.role },
      action: audit.action,
      resourceType: 'user',
      resourceId: user.id,
      unitId: user.unitId,
      ...(audit.details ? { details: audit.details } : {}),
    });
  });
  return { token, expiresAt };
}

export type SessionLookup =
  | { state: 'valid'; actor: Actor; renewedExpiry?: Date }
  | { state: 'expired' }
  | { state: 'none' };

interface SessionRow {
  createdAt: Date | string;
  lastSeenAt: Date | string;
  expiresAt: Date | string;
  userId: string;
  role: Actor['role'];
  unitId: string;
  active: boolean | number | bigint;
  mustChangePassword: boolean | number | bigint;
}

/**
 * Resolves a session cookie. Sliding expiry, capped at the session's maximum age.
 *
 * Every API request passes here, so the session and its user are read with one join instead of the two queries
 * Prisma issues for an include (a quarter of the time, measured with `npm run bench:pipeline`). The SQL is plain
 * enough for both SQLite and PostgreSQL; the row is normalised below because the drivers return dates and
 * booleans differently.
 */
export async function resolveSession(deps: Deps, token: string): Promise<SessionLookup> {
  const id = hashToken(token);
  // The one read of the User table outside users: every request's session and person in one join, as said above.
  // eslint-disable-next-line architecture/table-owner -- the hot path's join; it only reads role and state
  const [row] = await deps.db.$queryRaw<SessionRow[]>`
    SELECT s."createdAt", s."lastSeenAt", s."expiresAt", u."id" AS "userId", u."role", u."unitId", u."active", u."mustChangePassword"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${id}`;
  if (!row) return { state: 'expired' };
  const now = deps.now();
  const expiresAtMs = new Date(row.expiresAt).getTime();
  if (expiresAtMs <= now.getTime() || !Number(row.active)) {
    await deps.db.session.deleteMany({ where: { id } });
    return { state: 'expired' };
  }
  const actor: Actor = {
    id: row.userId,
    role: row.role,
    unitId: row.unitId,
    sessionId: id,
    ...(Number(row.mustChangePassword) ? { mustChangePassword: true } : {}),
  };
  // Write at most once a minute per session, not on every request.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() < 60_000) return { state: 'valid', actor };
  const hardLimit = new Date(row.createdAt).getTime() + deps.config.sessionMaxMs;
  const expiresAt = new Date(Math.min(now.getTime() + deps.config.sessionIdleMs, hardLimit));
  await deps.db.session.update({ where: { id }, data: { lastSeenAt: now, expiresAt } });
  return { state: 'valid', actor, renewedExpiry: expiresAt };
}

export async function logout(deps: Deps, actor: Actor): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: actor.sessionId } });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'auth.logout',
      resourceType: 'user',
      resourceId: actor.id,
      unitId: actor.unitId,
    });
  });
}

export async function getCurrentUser(deps: Deps, actor: Actor): Promise<CurrentUser> {
  const user = await findAccountWithUnit(deps.db, actor.id);
  if (!user) throw unauthenticated();
  return toCurrentUser(user);
}

export async function updateOwnLocale(deps: Deps, actor: Actor, locale: Locale): Promise<CurrentUser> {
  const user = await setAccountLocale(deps.db, actor.id, locale);
  return toCurrentUser(user);
}

/** Expired sessions, and sign-in failures that are all forgiven (sign-in-book.ts): both on the same timer. */
export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  const { count } = await deps.db.session.deleteMany({ where: { expiresAt: { lte: deps.now() } } });
  await pruneSignInFailures(deps.db, deps.config.login, deps.now());
  return count;
}


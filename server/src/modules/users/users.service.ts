import { randomInt } from 'node:crypto';
import { type ChangePasswordRequest, Email, Password } from '../../contracts/auth.js';
import type { CreateUserRequest, DirectoryEntry, UnitList, UpdateUserRequest, UserSummary } from '../../contracts/users.js';
import type { Deps } from '../../deps.js';
import type { Db } from '../../lib/db.js';
import { AppError, badRequest, conflict, notFound, rateLimited, unauthenticated } from '../../lib/errors.js';
import { countAuditEventsSince, recordAudit, recordAuditAlone } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { DEMO_PASSWORD, hashPassword, verifyPassword } from '../auth/password.service.js';
import { requireRole } from '../auth/permissions.service.js';
import { endSessionsOf } from '../auth/sessions.service.js';

export {
  createSsoAccount,
  findAccountByEmail,
  findAccountForSso,
  findAccountWithUnit,
  recordSignIn,
  setAccountLocale,
  unitIdByCode,
  updateSsoAccount,
} from './users.accounts.js';

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  mustChangePassword: true,
  locale: true,
  lastLoginAt: true,
  oidcSubject: true,
  dataProtectionAdviser: true,
  createdAt: true,
  unit: { select: { id: true, name: true, code: true } },
} as const;

type Row = {
  id: string;
  email: string;
  name: string;
  role: UserSummary['role'];
  active: boolean;
  mustChangePassword: boolean;
  locale: string;
  lastLoginAt: Date | null;
  oidcSubject: string | null;
  dataProtectionAdviser: boolean;
  createdAt: Date;
  unit: { id: string; name: string; code: string };
};

function toSummary({ oidcSubject, ...u }: Row): UserSummary {
  return {
    ...u,
    sso: oidcSubject !== null,
    locale: u.locale === 'en' ? 'en' : 'da',
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function listUsers(deps: Deps, actor: Actor): Promise<UserSummary[]> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const rows = await deps.db.user.findMany({ select, orderBy: [{ active: 'desc' }, { name: 'asc' }] });
  return rows.map(toSummary);
}

/** Leaders choose a trial's participants from here; see contracts/users.ts DirectoryEntry for what it holds. */
export async function listDirectory(deps: Deps, actor: Actor): Promise<DirectoryEntry[]> {
  requireRole(actor, ['LEADER', 'DIGITAL_UNIT']);
  return deps.db.user.findMany({
    where: { active: true },
    select: { id: true, name: true, email: true, role: true, unit: { select: { id: true, name: true, code: true } } },
    orderBy: { name: 'asc' },
  });
}

async function requireUnit(deps: Deps, unitId: string): Promise<void> {
  if (!(await unitExists(deps.db, unitId))) throw badRequest('VALIDATION_FAILED', 'Den valgte enhed findes ikke.', [{ path: ['unitId'], message: 'Ukendt enhed' }]);
}

/**
 * Rules for a new password beyond the contract's length: in production never the demo password, which is
 * published in the README and on the demo's console (main.ts refuses to start while an account accepts it).
 */
function requireAcceptablePassword(deps: Pick<Deps, 'config'>, password: string, field: string): void {
  if (deps.config.nodeEnv === 'production' && password === DEMO_PASSWORD) {
    const message = 'Adgangskoden er demoens offentlige adgangskode. Vælg en anden.';
    throw badRequest('VALIDATION_FAILED', message, [{ path: [field], message }]);
  }
}

const emailTaken = () => conflict('EMAIL_TAKEN', 'Der findes allerede en bruger med denne e-mailadresse.');

export async function createUser(deps: Deps, actor: Actor, input: CreateUserRequest): Promise<UserSummary> {
  requireRole(actor, ['DIGITAL_UNIT']);
  await requireUnit(deps, input.unitId);
  requireAcceptablePassword(deps, input.password, 'password');
  const existing = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw emailTaken();
  const passwordHash = await hashPassword(input.password, deps.config.argon2);
  return deps.db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, unitId: input.unitId, passwordHash },
      select,
    });
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'user.created',
      resourceType: 'user',
      resourceId: user.id,
      unitId: input.unitId,
      details: { role: input.role },
    });
    return toSummary(user);
  });
}

export async function updateUser(deps: Deps, actor: Actor, userId: string, input: UpdateUserRequest): Promise<UserSummary> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const current = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, unitId: true, active: true, name: true, dataProtectionAdviser: true } });
  if (!current) throw notFound('Brugeren');
  // Nobody can lock themselves out: the last word on one's own access belongs to a colleague.
  if (userId === actor.id && ((input.role && input.role !== current.role) || input.active === false)) {
    throw conflict('CANNOT_CHANGE_SELF', 'Du kan ikke ændre din egen rolle eller deaktivere dig selv. Bed en kollega i Digital Udvikling om det.');
  }
  if (input.unitId) await requireUnit(deps, input.unitId);
  const changed = (Object.keys(input) as (keyof UpdateUserRequest)[]).filter((k) => input[k] !== undefined && input[k] !== current[k]);
  return deps.db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: input, select });
    // Deactivation and role changes end the person's sessions so the change applies at once.
    if (input.active === false || (input.role && input.role !== current.role)) {
      await endSessionsOf(tx, userId);
    }
    if (changed.length > 0) {
      await recordAudit(tx, deps.provider, {
        actor,
        action: input.active === false && current.active ? 'user.deactivated' : input.active === true && !current.active ? 'user.reactivated' : 'user.updated',
        resourceType: 'user',
        resourceId: userId,
        unitId: user.unit.id,
        details: {
          changed,
          ...(changed.includes('role') ? { fromRole: current.role, toRole: user.role } : {}),
          ...(changed.includes('unitId') ? { fromUnitId: current.unitId, toUnitId: user.unit.id } : {}),
        },
      });
    }
    return toSummary(user);
  });
}

export async function listUnits(deps: Deps): Promise<UnitList['units']> {
  return deps.db.orgUnit.findMany({ select: { id: true, name: true, code: true, parentId: true }, orderBy: { name: 'asc' } });
}

// --- passwords -------------------------------------------------------------------------------------------------

/** Wrong current passwords allowed per person in the window before the change is refused for a while. */
const PASSWORD_CHANGE_MAX_FAILURES = 5;
const PASSWORD_CHANGE_WINDOW_MS = 15 * 60_000;

/**
 * A person changes their own password, proving it with the current one. Their other sessions end (a session
 * someone else opened with the old password must not outlive it); the one they are using stays. Clears the
 * "must change" flag of a reset.
 *
 * Wrong current passwords are counted from the audit trail, so the limit holds across restarts and instances:
 * a stolen open session must not become a way to guess the password and keep the account.
 */
export async function changeOwnPassword(deps: Deps, actor: Actor, input: ChangePasswordRequest): Promise<void> {
  const user = await deps.db.user.findUnique({ where: { id: actor.id }, select: { id: true, passwordHash: true, mustChangePassword: true, unitId: true } });
  if (!user) throw unauthenticated();
  // The audit trail's clock is the wall clock (audit.service.ts), so the window is counted on it too.
  const since = new Date(Date.now() - PASSWORD_CHANGE_WINDOW_MS);
  const failures = await countAuditEventsSince(deps.db, { action: 'auth.password_change_failed', resourceType: 'user', resourceId: user.id }, since);
  if (failures >= PASSWORD_CHANGE_MAX_FAILURES) throw rateLimited(PASSWORD_CHANGE_WINDOW_MS / 1000);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAuditAlone(deps.db, deps.provider, {
      actor,
      action: 'auth.password_change_failed',
      resourceType: 'user',
      resourceId: user.id,
      unitId: user.unitId,
    });
    const message = 'Den nuværende adgangskode er forkert. Skriv den adgangskode, du loggede ind med.';
    throw new AppError('WRONG_CURRENT_PASSWORD', message, 400, [{ path: ['currentPassword'], message }]);
  }
  requireAcceptablePassword(deps, input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword, deps.config.argon2);
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    const ended = await endSessionsOf(tx, user.id, actor.sessionId);
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'auth.password_changed',
      resourceType: 'user',
      resourceId: user.id,
      unitId: user.unitId,
      details: { endedSessions: ended, afterReset: user.mustChangePassword },
    });
  });
}

/** Without look-alikes (0/o, 1/l/i), so it can be read aloud or typed from a note. */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four (about 79 bits), e.g. "k7mq-3xfa-9rtw-pe2h". */
export function temporaryPassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join(''));
  return groups.join('-');
}

/**
 * The digital unit resets someone's password: a generated temporary password, returned once and stored only as
 * a hash. Generated rather than chosen, so it is strong and nobody reuses a pattern; the person must replace it at
 * their next sign-in (mustChangePassword), and every session of theirs ends now.
 */
export async function resetPassword(deps: Deps, actor: Actor, userId: string): Promise<{ user: UserSummary; temporaryPassword: string }> {
  requireRole(actor, ['DIGITAL_UNIT']);
  if (userId === actor.id) {
    throw conflict('CANNOT_CHANGE_SELF', 'Du kan ikke nulstille din egen adgangskode. Skift den under »Skift adgangskode«.');
  }
  const current = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!current) throw notFound('Brugeren');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password, deps.config.argon2);
  return deps.db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true }, select });
    const ended = await endSessionsOf(tx, userId);
    await recordAudit(tx, deps.provider, {
      actor,
      action: 'user.password_reset',
      resourceType: 'user',
      resourceId: userId,
      unitId: user.unit.id,
      details: { endedSessions: ended },
    });
    return { user: toSummary(user), temporaryPassword: password };
  });
}

/** What creating an account from the command line needs: no HTTP, no policies, no model providers. */
export type AccountDeps = Pick<Deps, 'db' | 'provider' | 'config'>;

export interface DigitalUnitAccountInput {
  email: string;
  name: string;
  password: string;
  /** The unit's code; the unit is created when no unit has it. */
  unitCode: string;
  /** The name of a unit that is created; ignored when the unit exists. */
  unitName: string;
}

function invalid(field: string, message: string): AppError {
  return badRequest('VALIDATION_FAILED', message, [{ path: [field], message }]);
}

/**
 * A digital-unit account made by the operator (`npm run admin:create`): the first one on a new production
 * database, where nobody can sign in to create it, or a way back in when nobody in the digital unit can. Its unit
 * is found by code or created (an empty database has no units). Audited with no actor: the operator at the
 * server's console is not a person in the app.
 */
export async function createDigitalUnitAccount(
  deps: AccountDeps,
  input: DigitalUnitAccountInput,
): Promise<{ user: UserSummary; unitCreated: boolean }> {
  const email = Email.safeParse(input.email);
  if (!email.success) throw invalid('email', 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.');
  const name = input.name.trim();
  if (!name || name.length > 200) throw invalid('name', 'Skriv et navn (højst 200 tegn).');
  const unitCode = input.unitCode.trim().toUpperCase();
  if (!/^[A-Z0-9_-]{1,50}$/.test(unitCode)) throw invalid('unit', 'Enhedens kode må kun have bogstaverne A-Z, tal, - og _ (højst 50 tegn).');
  const password = Password.safeParse(input.password);
  if (!password.success) throw invalid('password', password.error.issues[0]?.message ?? 'Adgangskoden er ikke gyldig.');
  requireAcceptablePassword(deps, input.password, 'password');
  if (await deps.db.user.findUnique({ where: { email: email.data }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password, deps.config.argon2);
  return deps.db.$transaction(async (tx) => {
    const existing = await tx.orgUnit.findUnique({ where: { code: unitCode }, select: { id: true } });
    const unitId = existing?.id ?? (await tx.orgUnit.create({ data: { code: unitCode, name: input.unitName.trim() || unitCode }, select: { id: true } })).id;
    const user = await tx.user.create({ data: { email: email.data, name, role: 'DIGITAL_UNIT', unitId, passwordHash }, select });
    await recordAudit(tx, deps.provider, {
      actor: null,
      action: 'user.created',
      resourceType: 'user',
      resourceId: user.id,
      unitId,
      details: { role: 'DIGITAL_UNIT', via: 'command_line', unitCreated: !existing },
    });
    return { user: toSummary(user), unitCreated: !existing };
  });
}

/**
 * The e-mail addresses of active accounts that accept `password`. One hash check per active account, a few at a
 * time (argon2 runs on libuv's thread pool): 2.7 s per hundred accounts on two cores at the production cost.
 */
export async function activeAccountsAcceptingPassword(deps: Pick<Deps, 'db'>, password: string): Promise<string[]> {
  const users = await deps.db.user.findMany({ where: { active: true }, select: { email: true, passwordHash: true }, orderBy: { email: 'asc' } });
  const found: string[] = [];
  for (let i = 0; i < users.length; i += 4) {
    const batch = users.slice(i, i + 4);
    const ok = await Promise.all(batch.map((u) => verifyPassword(u.passwordHash, password)));
    batch.forEach((u, j) => ok[j] && found.push(u.email));
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// The accounts and units as other modules read them (STYLE.md: queries stay inside the owning module)

export async function unitExists(db: Db, unitId: string): Promise<boolean> {
  return (await db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true } })) !== null;
}

/** Those of `userIds` whose accounts exist and are active. */
export async function activeUserIdsAmong(db: Db, userIds: string[]): Promise<string[]> {
  const found = await db.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true } });
  return found.map((u) => u.id);
}

/**
 * The account a job acts in the name of (the person who queued it), with whether it is still active; null when
 * it is gone. Each job decides what a deactivated account may still do.
 */
export async function findJobCreator(db: Db, userId: string): Promise<{ id: string; role: UserSummary['role']; unitId: string; active: boolean } | null> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, unitId: true, active: true } });
  return u ? { ...u, role: u.role as UserSummary['role'] } : null;
}

export async function isDataProtectionAdviser(db: Db, userId: string): Promise<boolean> {
  const u = await db.user.findUnique({ where: { id: userId }, select: { dataProtectionAdviser: true } });
  return u?.dataProtectionAdviser === true;
}

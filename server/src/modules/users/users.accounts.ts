/**
 * The accounts as signing in reads and changes them (auth: password and identity provider). The users module owns
 * the User and OrgUnit tables; these are its queries for auth, reached through users.service.ts.
 */
import type { Locale, Role } from '../../contracts/auth.js';
import type { Db, Tx } from '../../lib/db.js';

/** An account with the unit the person belongs to, as the signed-in person sees it. */
const WITH_UNIT = { unit: { select: { id: true, name: true, code: true } } } as const;

/** The account for a password sign-in, with its password hash and unit; null when there is none. */
export function findAccountByEmail(db: Db, email: string) {
  return db.user.findUnique({ where: { email }, include: WITH_UNIT });
}

export function findAccountWithUnit(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, include: WITH_UNIT });
}

export function setAccountLocale(db: Db, userId: string, locale: Locale) {
  return db.user.update({ where: { id: userId }, data: { locale }, include: WITH_UNIT });
}

/** In the sign-in's transaction: when the person last signed in. */
export async function recordSignIn(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { lastLoginAt: at } });
}

/** The account an identity provider's subject signs in to: linked by subject, or else found by e-mail. */
export async function findAccountForSso(db: Db, subject: string, email: string | null) {
  return (await db.user.findUnique({ where: { oidcSubject: subject } })) ?? (email ? await db.user.findUnique({ where: { email } }) : null);
}

/** The id of the unit with this code (the identity provider's unit claim); null when there is none. */
export async function unitIdByCode(db: Db, code: string): Promise<string | null> {
  return (await db.orgUnit.findUnique({ where: { code }, select: { id: true } }))?.id ?? null;
}

/** In the first sign-in's transaction: the account as the identity provider describes the person. */
export function createSsoAccount(tx: Tx, a: { email: string; name: string; role: Role; unitId: string; passwordHash: string; oidcSubject: string }) {
  return tx.user.create({ data: a, select: { id: true } });
}

/** In a later sign-in's transaction: the role and unit the provider gives now, and the subject it is linked to. */
export async function updateSsoAccount(tx: Tx, userId: string, a: { role: Role; unitId: string; oidcSubject: string }): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: a });
}

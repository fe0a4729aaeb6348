import type { Tx } from '../../lib/db.js';

/**
 * Auth's door for the accounts' administration (users): ending a person's sessions when their password is reset
 * or changed, or their account is deactivated. Apart from auth.service.ts, which asks users for the accounts, so
 * that the two make no cycle.
 */

/** Ends the person's sessions (all but the one kept), in the caller's transaction; how many it ended. */
export async function endSessionsOf(tx: Tx, userId: string, keep?: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: keep === undefined ? { userId } : { userId, id: { not: keep } } });
  return count;
}

import type { Role } from '../../contracts/auth.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from './auth.types.js';

export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden();
}

/**
 * Who administers a trial: a leader only the trials of their own unit; the digital unit runs the platform and
 * sees across units. Employees administer none.
 */
export function canAdministerTrial(actor: Pick<Actor, 'role' | 'unitId'>, trial: { unitId: string }): boolean {
  if (actor.role === 'DIGITAL_UNIT') return true;
  return actor.role === 'LEADER' && actor.unitId === trial.unitId;
}

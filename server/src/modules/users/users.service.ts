import type { CreateUserRequest, DirectoryEntry, UnitList, UpdateUserRequest, UserSummary } from '../../contracts/users.js';
import type { Deps } from '../../deps.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.types.js';
import { hashPassword } from '../auth/password.js';
import { requireRole } from '../auth/permissions.js';

const select = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  locale: true,
  lastLoginAt: true,
  createdAt: true,
  unit: { select: { id: true, name: true, code: true } },
} as const;

type Row = {
  id: string;
  email: string;
  name: string;
  role: UserSummary['role'];
  active: boolean;
  locale: string;
  lastLoginAt: Date | null;
  createdAt: Date;
  unit: { id: string; name: string; code: string };
};

function toSummary(u: Row): UserSummary {
  return {
    ...u,
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
  const unit = await deps.db.orgUnit.findUnique({ where: { id: unitId }, select: { id: true } });
  if (!unit) throw badRequest('VALIDATION_FAILED', 'Den valgte enhed findes ikke.', [{ path: ['unitId'], message: 'Ukendt enhed' }]);
}

export async function createUser(deps: Deps, actor: Actor, input: CreateUserRequest): Promise<UserSummary> {
  requireRole(actor, ['DIGITAL_UNIT']);
  await requireUnit(deps, input.unitId);
  const existing = await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw conflict('EMAIL_TAKEN', 'Der findes allerede en bruger med denne e-mailadresse.');
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
  const current = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, unitId: true, active: true, name: true } });
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
      await tx.session.deleteMany({ where: { userId } });
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

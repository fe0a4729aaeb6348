import type { Role } from '../../contracts/auth.js';
import type { Deps } from '../../deps.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.constants.js';

export class DemoRefusedError extends Error {
  constructor() {
    super('Refusing to create demo users when NODE_ENV=production');
    this.name = 'DemoRefusedError';
  }
}

const UNITS = [
  { code: 'DEMO', name: 'Rødovre Kommune (demo)', parent: null },
  { code: 'BORGERSERVICE', name: 'Borgerservice', parent: 'DEMO' },
  { code: 'SOCIAL', name: 'Social- og Sundhedsforvaltningen', parent: 'DEMO' },
  { code: 'DIGITAL', name: 'Digital Udvikling', parent: 'DEMO' },
] as const;

/**
 * Creates the demo municipality on an empty database: units, one user per role and two trials in different
 * units, so that each role visibly sees something different. Does nothing when any user exists.
 */
export async function seedDemoOrganisation(deps: Deps): Promise<{ created: boolean }> {
  if (deps.config.nodeEnv === 'production') throw new DemoRefusedError();
  if ((await deps.db.user.count()) > 0) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD, deps.config.argon2);
  const now = deps.now();
  const day = 86_400_000;

  await deps.db.$transaction(async (tx) => {
    const unitIds = new Map<string, string>();
    for (const u of UNITS) {
      const row = await tx.orgUnit.create({
        data: { code: u.code, name: u.name, parentId: u.parent ? unitIds.get(u.parent)! : null },
      });
      unitIds.set(u.code, row.id);
    }
    const userIds = {} as Record<Role, string>;
    for (const [role, u] of Object.entries(DEMO_USERS) as [Role, (typeof DEMO_USERS)[Role]][]) {
      const row = await tx.user.create({
        data: { email: u.email, name: u.name, role, unitId: unitIds.get(u.unitCode)!, passwordHash },
      });
      userIds[role] = row.id;
    }
    const own = await tx.trial.create({
      data: {
        unitId: unitIds.get('BORGERSERVICE')!,
        title: 'Klarsprog i breve til borgere',
        purpose: 'Afprøve om en AI-assistent kan gøre vores afgørelsesbreve lettere at forstå.',
        hypothesis: 'Breve omskrevet med AI og rettet af en sagsbehandler får lavere LIX uden at miste indhold.',
        successCriteria: 'LIX falder med mindst 10 point, og mindst 70 % af udkastene godkendes med små rettelser.',
        briefing: 'Assistenten laver kun udkast. Du skal altid læse, rette og godkende teksten, før den bruges.',
        assistants: JSON.stringify(['letter']),
        policyId: 'borgerbreve-maskering',
        policyVersion: 'demo',
        status: 'ACTIVE',
        startsAt: new Date(now.getTime() - 7 * day),
        endsAt: new Date(now.getTime() + 60 * day),
        createdById: userIds.LEADER,
        participants: { create: [{ userId: userIds.EMPLOYEE }, { userId: userIds.LEADER }] },
      },
    });
    const other = await tx.trial.create({
      data: {
        unitId: unitIds.get('SOCIAL')!,
        title: 'Referater af teammøder',
        purpose: 'Afprøve om mødeudskrifter kan blive til referater med beslutninger og opgaver.',
        assistants: JSON.stringify(['minutes']),
        policyId: 'interne-referater',
        policyVersion: 'demo',
        status: 'DRAFT',
        startsAt: new Date(now.getTime() + 7 * day),
        endsAt: new Date(now.getTime() + 90 * day),
        createdById: userIds.DIGITAL_UNIT,
      },
    });
    await recordAudit(tx, deps.provider, {
      actor: null,
      action: 'demo.seeded',
      resourceType: 'organisation',
      resourceId: unitIds.get('DEMO')!,
      details: { units: UNITS.length, users: Object.keys(DEMO_USERS).length, trials: [own.id, other.id] },
    });
  });
  return { created: true };
}

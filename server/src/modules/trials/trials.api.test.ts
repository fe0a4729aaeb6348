import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrialList } from '../../contracts/trials.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUnit, createUser, signedIn } from '../../../../test/support/factories.js';

let t: TestApp;
let unitA: string;
let unitB: string;
let employeeA: { id: string; email: string };
let leaderA: { id: string; email: string };
let digital: { id: string; email: string };
let trialA: string;
let trialB: string;
let draftA: string;

async function trial(unitId: string, createdById: string, status: 'DRAFT' | 'ACTIVE', participants: string[] = []) {
  const row = await t.deps.db.trial.create({
    data: {
      unitId,
      title: `Forsøg ${status}`,
      purpose: 'Afprøvning',
      policyId: 'offentlig-information',
      policyVersion: 'v1',
      status,
      startsAt: new Date('2026-11-01'),
      endsAt: new Date('2027-01-31'),
      createdById,
      participants: { create: participants.map((userId) => ({ userId })) },
    },
  });
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  unitA = (await createUnit(t.deps)).id;
  unitB = (await createUnit(t.deps)).id;
  employeeA = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitA });
  leaderA = await createUser(t.deps, { role: 'LEADER', unitId: unitA });
  digital = await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId: unitB });
  trialA = await trial(unitA, leaderA.id, 'ACTIVE', [employeeA.id]);
  draftA = await trial(unitA, leaderA.id, 'DRAFT', [employeeA.id]);
  trialB = await trial(unitB, digital.id, 'ACTIVE');
});
afterAll(() => t.close());

async function visible(user: { email: string }) {
  const c = await signedIn(t, user);
  return TrialList.parse((await c.get('/api/trials').expect(200)).body).trials;
}

describe('which trials each role sees', () => {
  it('an employee sees only the started trials they take part in, and administers none', async () => {
    const trials = await visible(employeeA);
    expect(trials.map((x) => x.id)).toEqual([trialA]);
    expect(trials.every((x) => !x.canAdminister)).toBe(true);
  });

  it('a leader sees and administers the trials of their own unit only', async () => {
    const trials = await visible(leaderA);
    expect(trials.map((x) => x.id).sort()).toEqual([trialA, draftA].sort());
    expect(trials.every((x) => x.canAdminister)).toBe(true);
  });

  it('the digital unit sees and administers trials across units', async () => {
    const trials = await visible(digital);
    expect(trials.map((x) => x.id)).toEqual(expect.arrayContaining([trialA, trialB, draftA]));
    expect(trials.every((x) => x.canAdminister)).toBe(true);
  });

  it('signed out, the list is refused', async () => {
    await t.request.get('/api/trials').expect(401);
  });
});

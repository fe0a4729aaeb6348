import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createUser } from '../../../../test/support/factories.js';
import { hashPassword } from '../auth/password.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.constants.js';
import { demoPasswordRefusal, seedDemoOrganisation } from './demo.service.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoOrganisation(t.deps);
});
afterAll(() => t.close());

/** The same database, seen by a server started with NODE_ENV=production. */
const asProduction = () => ({ db: t.deps.db, config: { ...t.deps.config, nodeEnv: 'production' as const } });
const DEMO_EMAILS = Object.values(DEMO_USERS).map((u) => u.email);

describe('production refuses to serve accounts with the published demo password', () => {
  it('when the demo accounts are active in production, then the refusal names each of them and never the password', async () => {
    const message = await demoPasswordRefusal(asProduction());
    expect(message).not.toBeNull();
    for (const email of DEMO_EMAILS) expect(message).toContain(email);
    expect(message).not.toContain(DEMO_PASSWORD);
    expect(message).toContain('README.md');
  });

  it('outside production, then there is no refusal (the demo is the point there)', async () => {
    expect(await demoPasswordRefusal(t.deps)).toBeNull();
  });

  it('when any other active account has the demo password, then it is named too', async () => {
    const other = await createUser(t.deps, { password: DEMO_PASSWORD });
    expect(await demoPasswordRefusal(asProduction())).toContain(other.email);
    await t.deps.db.user.update({ where: { id: other.id }, data: { active: false } });
  });

  it('when the demo accounts are deactivated or have new passwords, then production may start', async () => {
    const [employee, leader, digital] = DEMO_EMAILS as [string, string, string];
    await t.deps.db.user.updateMany({ where: { email: { in: [employee, leader] } }, data: { active: false } });
    await t.deps.db.user.update({ where: { email: digital }, data: { passwordHash: await hashPassword('en ny og lang adgangskode', t.deps.config.argon2) } });
    expect(await demoPasswordRefusal(asProduction())).toBeNull();
  });
});

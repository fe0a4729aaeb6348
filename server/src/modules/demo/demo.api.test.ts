import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeResponse } from '../../contracts/auth.js';
import { loadConfig } from '../../config/env.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client } from '../../../../test/support/factories.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.constants.js';
import { DemoRefusedError, seedDemoOrganisation } from './demo.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo organisation', () => {
  it('on an empty database, creates one user per role who can sign in, once', async () => {
    expect(await seedDemoOrganisation(t.deps)).toEqual({ created: true });
    expect(await seedDemoOrganisation(t.deps)).toEqual({ created: false });
    for (const [role, u] of Object.entries(DEMO_USERS)) {
      const c = new Client(t);
      await c.fetchCsrf();
      const res = await c.post('/api/auth/login', { email: u.email, password: DEMO_PASSWORD }).expect(200);
      expect(MeResponse.parse(res.body).user.role).toBe(role);
    }
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });

  it('refuses to create demo users when NODE_ENV is production', async () => {
    const production = { ...t.deps, config: { ...t.deps.config, nodeEnv: 'production' as const } };
    await expect(seedDemoOrganisation(production)).rejects.toBeInstanceOf(DemoRefusedError);
  });

  it('configuration refuses DEMO_SEED=true together with NODE_ENV=production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DEMO_SEED: 'true', SESSION_SECRET: 'x'.repeat(40) })).toThrow(/DEMO_SEED/);
  });
});

import { randomBytes } from 'node:crypto';
import supertest from 'supertest';
import type { Role } from '../../server/src/contracts/auth.js';
import { CSRF_HEADER } from '../../server/src/contracts/auth.js';
import type { Deps } from '../../server/src/deps.js';
import { hashPassword } from '../../server/src/modules/auth/password.service.js';
import type { TestApp } from './app.js';

export const TEST_PASSWORD = 'korrekt-hest-batteri-41';

const uid = () => randomBytes(4).toString('hex');

export async function createUnit(deps: Deps, name = `Enhed ${uid()}`) {
  return deps.db.orgUnit.create({ data: { name, code: `U_${uid()}` } });
}

export async function createUser(
  deps: Deps,
  opts: { role?: Role; unitId?: string; active?: boolean; password?: string; email?: string } = {},
) {
  const unitId = opts.unitId ?? (await createUnit(deps)).id;
  return deps.db.user.create({
    data: {
      email: opts.email ?? `person-${uid()}@test.example`,
      name: `Test Person ${uid()}`,
      role: opts.role ?? 'EMPLOYEE',
      unitId,
      active: opts.active ?? true,
      passwordHash: await hashPassword(opts.password ?? TEST_PASSWORD, deps.config.argon2),
    },
  });
}

/** A browser-like client: keeps cookies and sends the CSRF header on state-changing requests. */
export class Client {
  readonly agent: ReturnType<typeof supertest.agent>;
  csrf = '';

  constructor(t: TestApp) {
    this.agent = supertest.agent(t.app);
  }

  async fetchCsrf(): Promise<string> {
    const res = await this.agent.get('/api/auth/csrf').expect(200);
    this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return this.csrf;
  }

  get(url: string) {
    return this.agent.get(url);
  }
  post(url: string, body?: object) {
    return this.agent.post(url).set(CSRF_HEADER, this.csrf).send(body);
  }
  patch(url: string, body?: object) {
    return this.agent.patch(url).set(CSRF_HEADER, this.csrf).send(body);
  }
  put(url: string, body?: object) {
    return this.agent.put(url).set(CSRF_HEADER, this.csrf).send(body);
  }
}

export async function signedIn(t: TestApp, user: { email: string }, password = TEST_PASSWORD): Promise<Client> {
  const c = new Client(t);
  await c.fetchCsrf();
  await c.post('/api/auth/login', { email: user.email, password }).expect(200);
  // Sign-in replaces the pre-session CSRF token with the session's own (docs/decisions/0002).
  await c.fetchCsrf();
  return c;
}

export async function userWithRole(t: TestApp, role: Role, unitId?: string) {
  return createUser(t.deps, { role, ...(unitId ? { unitId } : {}) });
}

/** A trial with participants. Defaults: ACTIVE, the letter assistant, 1 November 2026 to 31 January 2027. */
export async function createTrial(
  deps: Deps,
  opts: {
    unitId: string;
    createdById: string;
    policyId: string;
    status?: 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'CLOSED';
    assistants?: string[];
    participants?: string[];
    startsAt?: Date;
    endsAt?: Date;
    /** Participants have acknowledged the trial's current briefing (revision 1); default true. */
    briefed?: boolean;
  },
) {
  const briefed = opts.briefed ?? true;
  return deps.db.trial.create({
    data: {
      unitId: opts.unitId,
      title: `Forsøg ${uid()}`,
      purpose: 'Afprøvning',
      policyId: opts.policyId,
      policyVersion: deps.policies.get(opts.policyId)?.version ?? 'unknown',
      status: opts.status ?? 'ACTIVE',
      assistants: JSON.stringify(opts.assistants ?? ['letter']),
      startsAt: opts.startsAt ?? new Date('2026-11-01T00:00:00Z'),
      endsAt: opts.endsAt ?? new Date('2027-01-31T00:00:00Z'),
      createdById: opts.createdById,
      participants: {
        create: (opts.participants ?? []).map((userId) => ({
          userId,
          ...(briefed ? { briefedAt: new Date('2026-11-01T08:00:00Z'), briefingVersion: 1 } : {}),
        })),
      },
    },
  });
}

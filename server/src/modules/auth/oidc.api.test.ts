import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthConfigResponse, MeResponse } from '../../contracts/auth.js';
import { ErrorBody } from '../../contracts/errors.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { Client, TEST_PASSWORD, createUnit, createUser } from '../../../../test/support/factories.js';
import { BROWSER_ACCEPT, signInThroughIdp, toProviderAndBack } from '../../../../test/support/oidc-flow.js';
import { startTestIdp, type TestIdp } from '../../../../test/support/oidc-idp.js';

/**
 * Sign-in through the organisation's identity provider, against a real OpenID provider (the certified
 * oidc-provider on loopback; test/support/oidc-idp.ts), the whole round trip as a browser makes it.
 */

let idp: TestIdp;
let t: TestApp;
let unitA: { id: string; code: string };
let unitB: { id: string; code: string };
let breakGlass: { id: string; email: string };
let n = 0;
const login = () => `person-${++n}`;

beforeAll(async () => {
  idp = await startTestIdp();
  t = await createTestApp({ env: idp.env('http://workbench.test', { PASSWORD_LOGIN: 'false', BREAK_GLASS_EMAIL: 'noedadgang@kommune.test' }) });
  unitA = await createUnit(t.deps, 'Borgerservice');
  unitB = await createUnit(t.deps, 'Jobcenter');
  breakGlass = await createUser(t.deps, { role: 'DIGITAL_UNIT', email: 'noedadgang@kommune.test' });
});
afterAll(async () => {
  await t.close();
  await idp.stop();
});

async function me(c: Client) {
  const res = await c.get('/api/auth/me');
  return res.status === 200 ? MeResponse.parse(res.body).user : null;
}
const auditOf = (action: string, resourceId?: string) =>
  t.deps.db.auditEvent.findMany({ where: { action, ...(resourceId ? { resourceId } : {}) }, orderBy: { seq: 'asc' } });

describe('the sign-in page learns how people sign in here', () => {
  it('GET /api/auth/config says password sign-in is off and names the button and its start address', async () => {
    const res = await t.request.get('/api/auth/config').expect(200);
    expect(AuthConfigResponse.parse(res.body)).toEqual({
      passwordLogin: false,
      oidc: { label: 'Log ind med din arbejdskonto', startUrl: '/api/auth/oidc/start', logoutUrl: '/api/auth/oidc/logout' },
    });
  });

  it('the start sends the browser to the provider with the code flow, PKCE S256, state and nonce', async () => {
    const res = await new Client(t).get('/api/auth/oidc/start').expect(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: idp.clientId,
      redirect_uri: 'http://workbench.test/api/auth/oidc/callback',
      code_challenge_method: 'S256',
      scope: 'openid profile email',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)?.length).toBeGreaterThanOrEqual(32);
  });
});

describe('a first sign-in through the provider', () => {
  it('creates the person with the highest mapped role and the unit of the department claim, and starts a session', async () => {
    const id = login();
    idp.accounts.set(id, { email: `Anna.${id}@Kommune.test`, name: 'Anna Holm', groups: ['alle-ansatte', 'ai-medarbejdere', 'ai-ledere'], department: unitA.code });
    const trip = await signInThroughIdp(t, idp, id, { returnTo: '/koersler?side=2' });
    expect(trip.status, trip.text).toBe(302);
    expect(trip.location).toBe('/koersler?side=2');
    const user = await me(trip.client);
    expect(user).toMatchObject({ email: `anna.${id}@kommune.test`, name: 'Anna Holm', role: 'LEADER', unit: { id: unitA.id }, sso: true });
    const [created] = await auditOf('user.created', user!.id);
    expect(JSON.parse(created!.details ?? '{}')).toMatchObject({ role: 'LEADER', via: 'sso' });
    expect(await auditOf('auth.sso_login', user!.id)).toHaveLength(1);
  });

  it('takes Entra ID group object ids as well as names, and leads somewhere on this site only', async () => {
    const t2 = await createTestApp({ env: idp.env('http://workbench.test', { OIDC_ROLE_GROUPS: '6f1c2a9e-0b7d-4e8f-9a3c-2d5e7f1a4b6c=DIGITAL_UNIT' }) });
    try {
      const unit = await createUnit(t2.deps);
      const id = login();
      idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['6f1c2a9e-0b7d-4e8f-9a3c-2d5e7f1a4b6c'], department: unit.code });
      const trip = await signInThroughIdp(t2, idp, id, { returnTo: '//evil.example/x' });
      expect(trip.location).toBe('/');
      const res = await trip.client.get('/api/auth/me').expect(200);
      expect(MeResponse.parse(res.body).user).toMatchObject({ role: 'DIGITAL_UNIT', name: `${id}@kommune.test` });
    } finally {
      await t2.close();
    }
  });

  it('links an existing account with the same e-mail, which from then on is known by the provider’s subject', async () => {
    const local = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitA.id, email: 'lokal.konto@kommune.test' });
    const id = login();
    idp.accounts.set(id, { email: 'Lokal.Konto@kommune.test', groups: ['ai-medarbejdere'], department: unitA.code });
    const trip = await signInThroughIdp(t, idp, id);
    expect(trip.status).toBe(302);
    expect(await me(trip.client)).toMatchObject({ id: local.id, sso: true });
    expect(await auditOf('auth.sso_linked', local.id)).toHaveLength(1);
    // The e-mail may change at the provider: the subject still finds the same person.
    idp.accounts.set(id, { email: 'ny.adresse@kommune.test', groups: ['ai-medarbejdere'], department: unitA.code });
    expect(await me((await signInThroughIdp(t, idp, id)).client)).toMatchObject({ id: local.id });
  });
});

describe('a later sign-in', () => {
  it('when the groups and the department changed at the provider, then the role and the unit change, audited', async () => {
    const id = login();
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-medarbejdere'], department: unitA.code });
    const first = await signInThroughIdp(t, idp, id);
    const before = (await me(first.client))!;
    expect(before).toMatchObject({ role: 'EMPLOYEE', unit: { id: unitA.id } });

    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-digital'], department: unitB.code });
    const second = await signInThroughIdp(t, idp, id);
    expect(await me(second.client)).toMatchObject({ id: before.id, role: 'DIGITAL_UNIT', unit: { id: unitB.id } });
    // The role is read with every request, so a session from before has the new role as well.
    expect(await me(first.client)).toMatchObject({ role: 'DIGITAL_UNIT' });
    const [updated] = await auditOf('user.updated', before.id);
    expect(JSON.parse(updated!.details ?? '{}')).toMatchObject({ changed: ['role', 'unitId'], via: 'sso', fromRole: 'EMPLOYEE', toRole: 'DIGITAL_UNIT', toUnitId: unitB.id });
  });

  it('when the person has left every mapped group, then the sign-in is refused and the person keeps no new session', async () => {
    const id = login();
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-ledere'], department: unitA.code });
    const user = (await me((await signInThroughIdp(t, idp, id)).client))!;
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['alle-ansatte'], department: unitA.code });
    const trip = await signInThroughIdp(t, idp, id);
    expect([trip.status, trip.errorCode]).toEqual([403, 'SSO_NO_ROLE']);
    expect(await me(trip.client)).toBeNull();
    expect(await t.deps.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe('refusals: a Danish page, a stable code, no session', () => {
  async function refused(account: Parameters<TestIdp['accounts']['set']>[1]) {
    const id = login();
    idp.accounts.set(id, account);
    const trip = await signInThroughIdp(t, idp, id);
    expect(await me(trip.client)).toBeNull();
    expect(trip.text).toMatch(/<html lang="da">/);
    expect(trip.text).toContain('Tilbage til log ind');
    return trip;
  }

  it('no mapped group', async () => {
    const trip = await refused({ email: 'ingen.gruppe@kommune.test', groups: ['alle-ansatte'], department: unitA.code });
    expect([trip.status, trip.errorCode]).toEqual([403, 'SSO_NO_ROLE']);
    expect(trip.text).toContain('Din arbejdskonto giver ikke adgang til arbejdsbænken');
    expect(await t.deps.db.user.count({ where: { email: 'ingen.gruppe@kommune.test' } })).toBe(0);
  });

  it('a department the workbench does not know', async () => {
    const trip = await refused({ email: 'ukendt.afdeling@kommune.test', groups: ['ai-medarbejdere'], department: 'FINDES_IKKE' });
    expect([trip.status, trip.errorCode]).toEqual([403, 'SSO_UNKNOWN_UNIT']);
    expect(trip.text).toContain('afdeling, som arbejdsbænken ikke kender');
  });

  it('a deactivated person: deactivation in the workbench wins over the provider', async () => {
    const person = await createUser(t.deps, { role: 'EMPLOYEE', unitId: unitA.id, email: 'deaktiveret@kommune.test', active: false });
    const trip = await refused({ email: 'deaktiveret@kommune.test', groups: ['ai-medarbejdere'], department: unitA.code });
    expect([trip.status, trip.errorCode]).toEqual([403, 'ACCOUNT_DISABLED']);
    expect(trip.text).toContain('Din konto er deaktiveret');
    expect(await t.deps.db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  it('Entra ID’s groups overage (more than 200 groups): told to configure the group claim, not let in without groups', async () => {
    const trip = await refused({ email: 'mange.grupper@kommune.test', department: unitA.code, extra: { _claim_names: { groups: 'src1' } } });
    expect([trip.status, trip.errorCode]).toEqual([403, 'SSO_MISSING_CLAIMS']);
  });

  it('a program (no text/html in its Accept) gets the error body with the same code instead of the page', async () => {
    const res = await new Client(t).get('/api/auth/oidc/callback?state=nobody-started-this');
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'SSO_INVALID', message: expect.stringContaining('Start forfra') });
  });

  it('a replayed callback: the second time the same answer is refused', async () => {
    const id = login();
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-medarbejdere'], department: unitA.code });
    const trip = await toProviderAndBack(t, idp, id);
    expect((await trip.client.get(trip.callback)).status).toBe(302);
    const again = new Client(t);
    const replay = await again.get(trip.callback).set('Accept', BROWSER_ACCEPT);
    expect([replay.status, replay.headers['x-error-code']]).toEqual([400, 'SSO_INVALID']);
    expect(replay.text).toContain('allerede brugt eller er udløbet');
    expect(await me(again)).toBeNull();
  });

  it('a callback in another browser than the one that started (a link sent to someone): refused', async () => {
    const id = login();
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-medarbejdere'], department: unitA.code });
    const trip = await toProviderAndBack(t, idp, id);
    const other = new Client(t);
    const res = await other.get(trip.callback).set('Accept', BROWSER_ACCEPT);
    expect([res.status, res.headers['x-error-code']]).toEqual([400, 'SSO_INVALID']);
    expect(await me(other)).toBeNull();
  });

  it('a state nobody started, a code that is not the provider’s, or a nonce that does not match: refused', async () => {
    const id = login();
    idp.accounts.set(id, { email: `${id}@kommune.test`, groups: ['ai-medarbejdere'], department: unitA.code });

    const tamperedState = await toProviderAndBack(t, idp, id);
    const url = new URL(tamperedState.callback, 'http://x');
    url.searchParams.set('state', 'x'.repeat(43));
    expect((await tamperedState.client.get(`${url.pathname}${url.search}`).set('Accept', BROWSER_ACCEPT)).headers['x-error-code']).toBe('SSO_INVALID');

    const tamperedCode = await toProviderAndBack(t, idp, id);
    const url2 = new URL(tamperedCode.callback, 'http://x');
    url2.searchParams.set('code', 'not-a-code-the-provider-issued');
    const res2 = await tamperedCode.client.get(`${url2.pathname}${url2.search}`).set('Accept', BROWSER_ACCEPT);
    expect([res2.status, res2.headers['x-error-code']]).toEqual([400, 'SSO_INVALID']);
    expect(await me(tamperedCode.client)).toBeNull();

    // The nonce the ID token carries must be the one this sign-in sent: change the stored one and it is refused.
    const wrongNonce = await toProviderAndBack(t, idp, id);
    await t.deps.db.oidcLogin.updateMany({ data: { nonce: 'a-nonce-that-was-never-sent-to-the-provider' } });
    const res3 = await wrongNonce.client.get(wrongNonce.callback).set('Accept', BROWSER_ACCEPT);
    expect([res3.status, res3.headers['x-error-code']]).toEqual([400, 'SSO_INVALID']);
    expect(await me(wrongNonce.client)).toBeNull();
    const reasons = (await auditOf('auth.sso_refused')).map((e) => JSON.parse(e.details ?? '{}').reason as string);
    expect(reasons).toEqual(expect.arrayContaining(['state_unknown', 'token_invalid', 'browser_mismatch']));
  });

  it('when the provider cannot be reached, then a Danish page says so (503), and the next try asks again', async () => {
    const t2 = await createTestApp({ env: { ...idp.env('http://workbench.test'), OIDC_ISSUER: 'http://127.0.0.1:9' } });
    try {
      const res = await new Client(t2).get('/api/auth/oidc/start').set('Accept', BROWSER_ACCEPT);
      expect([res.status, res.headers['x-error-code']]).toEqual([503, 'SSO_UNAVAILABLE']);
      expect(res.text).toContain('identitetsudbyderen ikke svarer');
    } finally {
      await t2.close();
    }
  });
});

describe('PASSWORD_LOGIN=false', () => {
  it('refuses e-mail and password for everyone (403), even with the right password', async () => {
    const person = await createUser(t.deps, { role: 'LEADER', unitId: unitA.id });
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: person.email, password: TEST_PASSWORD }).expect(403);
    expect(ErrorBody.parse(res.body).error.code).toBe('PASSWORD_LOGIN_DISABLED');
    expect(await me(c)).toBeNull();
  });

  it('except the break-glass account, for when the provider is down, and that sign-in is audited as such', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    await c.post('/api/auth/login', { email: breakGlass.email, password: TEST_PASSWORD }).expect(200);
    expect(await me(c)).toMatchObject({ id: breakGlass.id, sso: false });
    expect(await auditOf('auth.break_glass_login', breakGlass.id)).toHaveLength(1);
  });

  it('signing out offers the provider’s own sign-out (RP-initiated logout) back to the sign-in page', async () => {
    const res = await t.request.get('/api/auth/oidc/logout').expect(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe('http://workbench.test/log-ind');
    expect(url.searchParams.get('client_id')).toBe(idp.clientId);
  });
});

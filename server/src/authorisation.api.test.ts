/**
 * Who may call what: every endpoint the app answers, for every role and signed out, against a table of what
 * each should get. The list of endpoints is read from the app itself, so an endpoint added without a row here
 * fails the first test.
 *
 * The people: a participant (an employee taking part in the trial), an outsider (an employee in another unit),
 * the leader of the trial's unit (who administers it without taking part), a leader of another unit, and the
 * digital unit (administers every trial). "ok" means a 2xx answer to a valid request; the denials are 401
 * (not signed in), 403 (may see it, may not do this) and 404 (may not know it exists).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from './contracts/auth.js';
import { ErrorBody } from './contracts/errors.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { Client, createTrial, createUnit, createUser, signedIn, TEST_PASSWORD } from '../../test/support/factories.js';
import { signInThroughIdp, toProviderAndBack } from '../../test/support/oidc-flow.js';
import { startTestIdp, type TestIdp } from '../../test/support/oidc-idp.js';
import { listEndpoints } from '../../test/support/routes.js';

const POLICY = 'offentlig-information';
const WHO = ['anon', 'participant', 'outsider', 'leader', 'otherLeader', 'digital'] as const;
type Who = (typeof WHO)[number];
type Outcome = 'ok' | 401 | 403 | 404;

interface World {
  t: TestApp;
  unitId: string;
  otherUnitId: string;
  users: Record<Exclude<Who, 'anon'>, { id: string; email: string }>;
  clients: Record<Who, Client>;
  trialId: string;
}

interface Request {
  path: string;
  body?: object;
  file?: { name: string; content: string };
  /** Sign in anew for this request (signing out ends the session the other rows use). */
  freshSession?: boolean;
  /** A browser of its own, not signed in (signing in would replace the session the other rows use). */
  freshBrowser?: boolean;
  /** Sign in as this account instead (for requests that change the caller's own account, e.g. its password). */
  signInAs?: { email: string };
  /** The path is the callback of a sign-in through the identity provider, made in a browser of its own. */
  throughIdp?: boolean;
}

interface Row {
  /** Fresh rows for requests that change things, so each role meets the same state. */
  request: (w: World, who: Who) => Promise<Request> | Request;
  expect: Record<Who, Outcome>;
}

const all = (o: Outcome): Record<Who, Outcome> => Object.fromEntries(WHO.map((w) => [w, o])) as Record<Who, Outcome>;
const signedInOk = { ...all('ok'), anon: 401 } as const;
const digitalOnly: Record<Who, Outcome> = { anon: 401, participant: 403, outsider: 403, leader: 403, otherLeader: 403, digital: 'ok' };
/** Trial administrators act; the participant sees the trial but may not change it; others do not know it. */
const administer: Record<Who, Outcome> = { anon: 401, participant: 403, outsider: 404, leader: 'ok', otherLeader: 404, digital: 'ok' };
/** Participants and administrators see it; others do not know it exists. */
const seeTrial: Record<Who, Outcome> = { anon: 401, participant: 'ok', outsider: 404, leader: 'ok', otherLeader: 404, digital: 'ok' };
/** Only those who take part use the assistants; administrators who do not take part are told how to. */
const takePart: Record<Who, Outcome> = { anon: 401, participant: 'ok', outsider: 404, leader: 403, otherLeader: 404, digital: 403 };
/** The briefing is for participants; to anyone else, in this form, the trial does not exist. */
const participantOnly: Record<Who, Outcome> = { anon: 401, participant: 'ok', outsider: 404, leader: 404, otherLeader: 404, digital: 404 };

const uid = () => randomBytes(4).toString('hex');

/** A new account with the same role and unit as `who`, so a change to one's own account leaves the table's alone. */
async function lookalike(w: World, who: Exclude<Who, 'anon'>) {
  const u = await w.t.deps.db.user.findUniqueOrThrow({ where: { id: w.users[who].id } });
  return createUser(w.t.deps, { role: u.role, unitId: u.unitId });
}
const LETTER = 'Kære borger\n\nVi har modtaget din ansøgning om et nyt pas. Du hører fra os inden for 14 dage.\n\nMed venlig hilsen\nBorgerservice';

async function freshTrial(w: World, status: 'ACTIVE' | 'DRAFT' = 'ACTIVE') {
  return createTrial(w.t.deps, {
    unitId: w.unitId,
    createdById: w.users.leader.id,
    policyId: POLICY,
    status,
    assistants: ['letter', 'minutes', 'documents'],
    participants: [w.users.participant.id],
  });
}

async function freshRun(w: World, status: 'DRAFT' | 'APPROVED' = 'DRAFT') {
  const version = w.t.deps.policies.get(POLICY)!.version;
  return w.t.deps.db.run.create({
    data: {
      trialId: w.trialId,
      userId: w.users.participant.id,
      assistant: 'letter',
      status,
      policyId: POLICY,
      policyVersion: version,
      guardDecision: 'allowed',
      input: LETTER,
      output: LETTER,
      ...(status === 'APPROVED' ? { finalText: LETTER } : {}),
      provider: 'offline',
      model: 'regelmotor',
      retainUntil: new Date('2027-06-01T00:00:00Z'),
      completedAt: new Date(),
    },
  });
}

const TABLE: Record<string, Row> = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: all('ok') },
  'GET /api/ready': { request: () => ({ path: '/api/ready' }), expect: all('ok') },
  'GET /api/openapi.json': { request: () => ({ path: '/api/openapi.json' }), expect: all('ok') },
  'GET /api/auth/csrf': { request: () => ({ path: '/api/auth/csrf' }), expect: all('ok') },
  'GET /api/auth/config': { request: () => ({ path: '/api/auth/config' }), expect: all('ok') },
  // Navigations of the whole page: a redirect (302) is the answer that lets the person go on.
  'GET /api/auth/oidc/start': { request: () => ({ path: '/api/auth/oidc/start' }), expect: all('ok') },
  'GET /api/auth/oidc/callback': { request: () => ({ path: '', throughIdp: true }), expect: all('ok') },
  'GET /api/auth/oidc/logout': { request: () => ({ path: '/api/auth/oidc/logout' }), expect: all('ok') },
  'POST /api/auth/login': {
    request: async (w) => {
      const u = await createUser(w.t.deps, { unitId: w.unitId });
      return { path: '/api/auth/login', body: { email: u.email, password: TEST_PASSWORD }, freshBrowser: true };
    },
    expect: all('ok'),
  },
  // Signing out when not signed in is harmless and answers as if it worked, so a stale tab cannot get stuck.
  'POST /api/auth/logout': { request: () => ({ path: '/api/auth/logout', freshSession: true }), expect: all('ok') },
  'GET /api/auth/me': { request: () => ({ path: '/api/auth/me' }), expect: signedInOk },
  'PATCH /api/auth/me': { request: () => ({ path: '/api/auth/me', body: { locale: 'da' } }), expect: signedInOk },
  // Everyone signed in changes their own password (and no one else's: there is no id to name).
  'POST /api/auth/password': {
    request: async (w, who) => ({
      path: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: 'en ny og lang adgangskode' },
      ...(who === 'anon' ? {} : { signInAs: await lookalike(w, who) }),
    }),
    expect: signedInOk,
  },

  'GET /api/users': { request: () => ({ path: '/api/users' }), expect: digitalOnly },
  'POST /api/users': {
    request: (w) => ({
      path: '/api/users',
      body: { email: `ny-${uid()}@test.example`, name: 'Ny Kollega', role: 'EMPLOYEE', unitId: w.unitId, password: 'en-lang-adgangskode-1' },
    }),
    expect: digitalOnly,
  },
  'PATCH /api/users/:id': {
    request: async (w) => ({ path: `/api/users/${(await createUser(w.t.deps, { unitId: w.unitId })).id}`, body: { name: 'Nyt Navn' } }),
    expect: digitalOnly,
  },
  'POST /api/users/:id/password-reset': {
    request: async (w) => ({ path: `/api/users/${(await createUser(w.t.deps, { unitId: w.unitId })).id}/password-reset` }),
    expect: digitalOnly,
  },
  'GET /api/users/directory': {
    request: () => ({ path: '/api/users/directory' }),
    expect: { anon: 401, participant: 403, outsider: 403, leader: 'ok', otherLeader: 'ok', digital: 'ok' },
  },
  'GET /api/units': { request: () => ({ path: '/api/units' }), expect: signedInOk },
  'GET /api/audit': { request: () => ({ path: '/api/audit' }), expect: digitalOnly },
  'GET /api/audit/verify': { request: () => ({ path: '/api/audit/verify' }), expect: digitalOnly },
  'GET /api/retention': { request: () => ({ path: '/api/retention' }), expect: digitalOnly },
  'POST /api/retention/sweeps': { request: () => ({ path: '/api/retention/sweeps', body: {} }), expect: digitalOnly },

  'GET /api/policies': { request: () => ({ path: '/api/policies' }), expect: signedInOk },
  'GET /api/policies/:id': { request: () => ({ path: `/api/policies/${POLICY}` }), expect: signedInOk },
  'POST /api/policies/:id/preview': { request: () => ({ path: `/api/policies/${POLICY}/preview`, body: { text: LETTER } }), expect: signedInOk },
  'POST /api/files/extract': { request: () => ({ path: '/api/files/extract', file: { name: 'brev.txt', content: LETTER } }), expect: signedInOk },

  'GET /api/trials': { request: () => ({ path: '/api/trials' }), expect: signedInOk },
  'POST /api/trials': {
    // For the trial's unit: its leader and the digital unit may; a leader of another unit may not; employees never.
    request: (w) => ({
      path: '/api/trials',
      body: { title: 'Ny prøvehandling', purpose: 'At lære', assistants: ['letter'], policyId: POLICY, startsAt: '2026-12-01', endsAt: '2027-02-01', unitId: w.unitId },
    }),
    expect: { anon: 401, participant: 403, outsider: 403, leader: 'ok', otherLeader: 403, digital: 'ok' },
  },
  'GET /api/trials/:id': { request: (w) => ({ path: `/api/trials/${w.trialId}` }), expect: seeTrial },
  'PATCH /api/trials/:id': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}`, body: { expectedVersion: 1, purpose: 'Et skarpere formål' } }),
    expect: administer,
  },
  'POST /api/trials/:id/status': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/status`, body: { status: 'PAUSED' } }),
    expect: administer,
  },
  'PUT /api/trials/:id/participants': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/participants`, body: { userIds: [w.users.participant.id, w.users.outsider.id] } }),
    expect: administer,
  },
  'GET /api/trials/:id/revisions': { request: (w) => ({ path: `/api/trials/${w.trialId}/revisions` }), expect: administer },
  'POST /api/trials/:id/policy/confirm': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/policy/confirm`, body: {} }),
    expect: administer,
  },
  'GET /api/trials/:id/briefing': { request: (w) => ({ path: `/api/trials/${w.trialId}/briefing` }), expect: participantOnly },
  'POST /api/trials/:id/briefing/acknowledge': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/briefing/acknowledge`, body: { briefingRevision: 1 } }),
    expect: participantOnly,
  },

  'GET /api/trials/:trialId/documents': { request: (w) => ({ path: `/api/trials/${w.trialId}/documents` }), expect: seeTrial },
  'GET /api/trials/:trialId/documents/search': { request: (w) => ({ path: `/api/trials/${w.trialId}/documents/search?q=pas` }), expect: seeTrial },
  'POST /api/trials/:trialId/documents': {
    request: (w) => ({ path: `/api/trials/${w.trialId}/documents`, file: { name: `regler-${uid()}.md`, content: `# Regler ${uid()}\n\nPas bestilles i Borgerservice.` } }),
    expect: administer,
  },
  'DELETE /api/trials/:trialId/documents/:id': {
    request: async (w) => {
      const doc = await w.t.deps.db.document.create({
        data: { trialId: w.trialId, filename: 'gammel.md', mimeType: 'text/markdown', sizeBytes: 10, sha256: uid(), status: 'READY', text: 'Gammel tekst', uploadedById: w.users.leader.id },
      });
      return { path: `/api/trials/${w.trialId}/documents/${doc.id}` };
    },
    expect: administer,
  },
  'POST /api/trials/:trialId/reflections': {
    request: (w) => ({ path: `/api/trials/${w.trialId}/reflections`, body: { text: 'Assistenten sparer tid på standardbreve.' } }),
    expect: takePart,
  },
  'GET /api/trials/:trialId/reflections': { request: (w) => ({ path: `/api/trials/${w.trialId}/reflections` }), expect: seeTrial },
  'GET /api/trials/:trialId/baseline': { request: (w) => ({ path: `/api/trials/${w.trialId}/baseline` }), expect: seeTrial },
  'PUT /api/trials/:trialId/baseline': { request: (w) => ({ path: `/api/trials/${w.trialId}/baseline`, body: { assistant: 'letter', minutes: 25 } }), expect: takePart },
  'GET /api/trials/:trialId/insights': { request: (w) => ({ path: `/api/trials/${w.trialId}/insights` }), expect: administer },
  'GET /api/trials/:trialId/decisions': { request: (w) => ({ path: `/api/trials/${w.trialId}/decisions` }), expect: seeTrial },
  'POST /api/trials/:trialId/decisions': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/decisions`, body: { outcome: 'ADJUST', rationale: 'Brevene blev bedre, men skabelonen skal justeres.', evidence: '' } }),
    expect: administer,
  },
  'POST /api/trials/:trialId/export.csv': { request: (w) => ({ path: `/api/trials/${w.trialId}/export.csv` }), expect: administer },
  'POST /api/trials/:trialId/export.json': { request: (w) => ({ path: `/api/trials/${w.trialId}/export.json` }), expect: administer },
  'GET /api/trials/:trialId/report': { request: (w) => ({ path: `/api/trials/${w.trialId}/report` }), expect: administer },
  'POST /api/trials/:trialId/publication': {
    request: async (w) => ({ path: `/api/trials/${(await freshTrial(w)).id}/publication`, body: { published: true } }),
    expect: administer,
  },
  'GET /api/trials/:trialId/compliance': { request: (w) => ({ path: `/api/trials/${w.trialId}/compliance` }), expect: administer },
  'POST /api/trials/:trialId/compliance/:kind/export.docx': { request: (w) => ({ path: `/api/trials/${w.trialId}/compliance/ropa/export.docx` }), expect: administer },
  // Only the data protection adviser signs off; nobody in this table is one, so those who see the drafts get 403.
  'POST /api/trials/:trialId/compliance/:kind/approval': {
    request: (w) => ({ path: `/api/trials/${w.trialId}/compliance/ropa/approval`, body: { factsHash: '0'.repeat(64) } }),
    expect: { ...administer, leader: 403, digital: 403 },
  },
  'GET /api/insights': { request: () => ({ path: '/api/insights' }), expect: digitalOnly },
  'GET /api/insights/export.csv': { request: () => ({ path: '/api/insights/export.csv' }), expect: digitalOnly },
  // The public AI register: anyone, signed in or not.
  'GET /api/public/register': { request: () => ({ path: '/api/public/register' }), expect: all('ok') },
  'GET /api/public/register/:standard.json': { request: () => ({ path: '/api/public/register/atrs.json' }), expect: all('ok') },
  'POST /api/trials/:trialId/minutes/uploads': {
    request: (w) => ({ path: `/api/trials/${w.trialId}/minutes/uploads`, file: { name: 'noter.txt', content: 'Anne: Vi beslutter at holde møde igen.\nBo: Jeg sender referatet senest fredag.' } }),
    expect: takePart,
  },

  'POST /api/runs': { request: (w) => ({ path: '/api/runs', body: { trialId: w.trialId, assistant: 'letter', input: LETTER } }), expect: takePart },
  'POST /api/runs/stream': { request: (w) => ({ path: '/api/runs/stream', body: { trialId: w.trialId, assistant: 'letter', input: LETTER } }), expect: takePart },
  'GET /api/runs': { request: () => ({ path: '/api/runs' }), expect: signedInOk },
  'GET /api/runs/:id': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w)).id}` }),
    expect: seeTrial,
  },
  'POST /api/runs/:id/reviews': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w)).id}/reviews`, body: { decision: 'APPROVE' } }),
    expect: seeTrial,
  },
  'GET /api/runs/:id/final': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w, 'APPROVED')).id}/final` }),
    expect: seeTrial,
  },
  'POST /api/runs/:id/final/export': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w, 'APPROVED')).id}/final/export` }),
    expect: seeTrial,
  },
  'POST /api/runs/:id/final/export.docx': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w, 'APPROVED')).id}/final/export.docx` }),
    expect: seeTrial,
  },
  'POST /api/runs/:id/experience': {
    // Only the person who used the assistant logs the experience; administrators see the run but may not.
    request: async (w) => ({
      path: `/api/runs/${(await freshRun(w, 'APPROVED')).id}/experience`,
      body: { usefulness: 4, minutesSaved: 10, failureTypes: [], wouldUseAgain: true, answers: {} },
    }),
    expect: { anon: 401, participant: 'ok', outsider: 404, leader: 403, otherLeader: 404, digital: 403 },
  },
  'GET /api/runs/:id/experience': {
    request: async (w) => ({ path: `/api/runs/${(await freshRun(w, 'APPROVED')).id}/experience` }),
    expect: seeTrial,
  },
  'GET /api/jobs': { request: () => ({ path: '/api/jobs' }), expect: digitalOnly },
  'GET /api/jobs/:id': {
    // A job is its creator's; the digital unit sees all jobs to help when one is stuck.
    request: async (w) => {
      const job = await w.t.deps.db.job.create({ data: { type: 'INDEXING', status: 'SUCCEEDED', createdById: w.users.participant.id } });
      return { path: `/api/jobs/${job.id}` };
    },
    expect: { anon: 401, participant: 'ok', outsider: 404, leader: 404, otherLeader: 404, digital: 'ok' },
  },
  // The web app's own pages: public, as the sign-in wall is the app's, not the server's.
  'GET /{*splat}': { request: () => ({ path: '/proevehandlinger' }), expect: all('ok') },
};

let w: World;
let idp: TestIdp;

beforeAll(async () => {
  // The participant signs in through the organisation's identity provider (OIDC), the others with passwords.
  idp = await startTestIdp();
  // A stand-in for the built web app, so the page fallback answers as in production on a fresh checkout too.
  const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'authz-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Arbejdsbænk</title>');
  const t = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z'), env: { WEB_DIST: webDist, ...idp.env('http://workbench.test') } });
  const unit = await createUnit(t.deps);
  const unitId = unit.id;
  idp.accounts.set('participant', { email: 'deltager.sso@kommune.test', groups: ['ai-medarbejdere'], department: unit.code });
  const viaIdp = await signInThroughIdp(t, idp, 'participant');
  if (viaIdp.status !== 302) throw new Error(`the participant could not sign in through the provider: ${viaIdp.text}`);
  await viaIdp.client.fetchCsrf();
  const ssoParticipant = await t.deps.db.user.findUniqueOrThrow({ where: { email: 'deltager.sso@kommune.test' } });
  const otherUnitId = (await createUnit(t.deps)).id;
  const users = {
    participant: ssoParticipant,
    outsider: await createUser(t.deps, { role: 'EMPLOYEE', unitId: otherUnitId }),
    leader: await createUser(t.deps, { role: 'LEADER', unitId }),
    otherLeader: await createUser(t.deps, { role: 'LEADER', unitId: otherUnitId }),
    digital: await createUser(t.deps, { role: 'DIGITAL_UNIT', unitId: otherUnitId }),
  };
  const anon = new Client(t);
  await anon.fetchCsrf();
  const clients = { anon } as Record<Who, Client>;
  for (const [who, u] of Object.entries(users)) clients[who as Who] = who === 'participant' ? viaIdp.client : await signedIn(t, u);
  w = { t, unitId, otherUnitId, users, clients, trialId: '' };
  w.trialId = (await freshTrial(w)).id;
});
afterAll(async () => {
  await w.t.close();
  await idp.stop();
});

/** A new session for `who`, the way that person signs in. */
async function signInAnew(who: Exclude<Who, 'anon'>): Promise<Client> {
  if (who !== 'participant') return signedIn(w.t, w.users[who]);
  const trip = await signInThroughIdp(w.t, idp, 'participant');
  await trip.client.fetchCsrf();
  return trip.client;
}

async function send(who: Who, method: string, req: Request) {
  let c = w.clients[who];
  if (req.freshSession && who !== 'anon') c = await signInAnew(who);
  if (req.signInAs && who !== 'anon') c = await signedIn(w.t, req.signInAs);
  if (req.freshBrowser) {
    c = new Client(w.t);
    await c.fetchCsrf();
  }
  if (req.throughIdp) {
    // Whoever asks, a fresh browser completes a sign-in: the callback needs no session, only the provider's answer.
    const trip = await toProviderAndBack(w.t, idp, 'participant');
    return trip.client.get(trip.callback);
  }
  const m = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let r = c.agent[m](req.path).set(CSRF_HEADER, c.csrf);
  if (req.file) return r.attach('file', Buffer.from(req.file.content), req.file.name);
  if (req.body) r = r.send(req.body);
  return r;
}

describe('authorisation of every endpoint', () => {
  it('has an expected answer for every role at every endpoint the app serves, and no row for an endpoint that is gone', () => {
    const served = listEndpoints(w.t.app).map((e) => `${e.method} ${e.path}`).sort();
    expect(served).toEqual(Object.keys(TABLE).sort());
  });

  for (const [endpoint, row] of Object.entries(TABLE)) {
    const [method, pattern] = endpoint.split(' ') as [string, string];
    for (const who of WHO) {
      const expected = row.expect[who];
      it(`${endpoint} as ${who}: ${expected === 'ok' ? 'allowed' : `refused with ${expected}`}`, async () => {
        const req = await row.request(w, who);
        const res = await send(who, method, req);
        if (expected === 'ok') {
          // A redirect is how the sign-in navigations (OIDC) go on; every other route answers 2xx.
          expect(res.status, `${method} ${req.path} as ${who}: ${JSON.stringify(res.body)}`).toBeLessThan(pattern.startsWith('/api/auth/oidc/') ? 400 : 300);
          return;
        }
        expect(res.status, `${method} ${pattern} as ${who}: ${JSON.stringify(res.body)}`).toBe(expected);
        const code = ErrorBody.parse(res.body).error.code;
        expect(code).toMatch(expected === 401 ? /^(UNAUTHENTICATED|SESSION_EXPIRED)$/ : expected === 403 ? /^(FORBIDDEN|FOUR_EYES_REQUIRED|NOT_DATA_PROTECTION_ADVISER)$/ : /^NOT_FOUND$/);
      });
    }
  }
});

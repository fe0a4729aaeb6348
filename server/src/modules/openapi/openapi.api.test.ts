import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../contracts/errors.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createTrial, createUnit, createUser, signedIn } from '../../../../test/support/factories.js';
import { validateJsonSchema } from '../../../../test/support/json-schema.js';
import { listEndpoints } from '../../../../test/support/routes.js';
import { ERROR_STATUS, OPENAPI_FILE, renderOpenApiDocument } from './openapi.document.js';
import { API_ENDPOINTS } from '../../app.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  tags: string[];
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { description?: string; content?: Record<string, { schema: Json }> }>;
  security?: Record<string, string[]>[];
}
type Doc = { openapi: string; info: Json; tags: { name: string }[]; paths: Record<string, Record<string, Operation>>; components: { schemas: Json; securitySchemes: Json } };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
let t: TestApp;
let doc: Doc;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-27T10:00:00Z') });
  const res = await t.request.get('/api/openapi.json').expect(200);
  doc = res.body as Doc;
});
afterAll(() => t.close());

function operations(): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([m, op]) => [m.toUpperCase(), p, op] as [string, string, Operation]));
}

function resolve(ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Only local references are used, not ${ref}`);
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/').map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')))) {
    node = node && typeof node === 'object' ? (node as Json)[part] : undefined;
    if (node === undefined) throw new Error(`The reference ${ref} does not resolve`);
  }
  return node as Json;
}

function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => allRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else allRefs(v, out);
    }
  }
  return out;
}

/** The problems of a real answer against the schema the document gives for it (empty when it fits). */
function checkAgainstDocument(method: string, path: string, status: number, body: unknown): string[] {
  const schema = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']?.schema;
  if (!schema) return [`the document has no JSON answer ${status} for ${method} ${path}`];
  return validateJsonSchema(body, schema, resolve);
}

describe('the OpenAPI document', () => {
  it('when the app serves an endpoint, then the document describes it, and it describes nothing the app does not serve', () => {
    const served = listEndpoints(t.app)
      .filter((e) => e.path.startsWith('/api/'))
      .map((e) => `${e.method} ${e.path.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    const described = operations().map(([m, p]) => `${m} ${p}`).sort();
    expect(described).toEqual(served);
    // The only endpoint outside /api is the web app's page fallback.
    expect(listEndpoints(t.app).filter((e) => !e.path.startsWith('/api/')).map((e) => `${e.method} ${e.path}`)).toEqual(['GET /{*splat}']);
  });

  it('is served to a signed-out browser as OpenAPI 3.1 with the session cookie and the CSRF header as security', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe('string');
    expect(typeof doc.info.version).toBe('string');
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'pw_session' },
      csrfHeader: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
  });

  it('has answers, unique operation ids, declared tags and security schemes, and every path parameter, in every operation', () => {
    const ids = operations().map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const tags = new Set(doc.tags.map((x) => x.name));
    for (const [method, path, op] of operations()) {
      const where = `${method} ${path}`;
      expect(path, where).toMatch(/^\/api\//);
      expect(op.operationId, where).toMatch(/^[a-zA-Z]+$/);
      expect(op.tags.every((x) => tags.has(x)), where).toBe(true);
      const statuses = Object.keys(op.responses);
      // Success is 2xx for calls, and a redirect (3xx) for the sign-in navigations through the identity provider.
      expect(statuses.some((s) => /^[23]\d\d$/.test(s)), `${where} has a success answer`).toBe(true);
      for (const [status, r] of Object.entries(op.responses)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect(r.description, `${where} ${status}`).toBeTruthy();
        // GET /api/ready answers 503 with its own body (not ready yet), and the sign-in navigations through the
        // identity provider a Danish page (text/html); every other 4xx/5xx is an error body.
        const ownAnswer = (path === '/api/ready' && status === '503') || (path.startsWith('/api/auth/oidc/') && !!r.content?.['text/html']);
        if (/^[45]/.test(status) && !ownAnswer) expect(allRefs(r.content), `${where} ${status}`).toContain('#/components/schemas/ErrorBody');
      }
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), where).toEqual(templated);
      expect(declared.every((p) => p.required === true), where).toBe(true);
      for (const requirement of op.security ?? []) for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes, where).toHaveProperty(name);
      // State-changing requests need the CSRF header, signed in or not.
      if (method !== 'GET') expect(op.security?.every((r) => 'csrfHeader' in r), where).toBe(true);
    }
  });

  it('when a schema refers to another, then the reference resolves in the document', () => {
    const refs = allRefs(doc);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(() => resolve(ref), ref).not.toThrow();
  });

  it('gives every stable error code an HTTP status', () => {
    expect(ErrorCode.options.filter((c) => !ERROR_STATUS[c])).toEqual([]);
  });

  it('when docs/openapi.json is compared with the route definitions, then it is current', () => {
    const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
    expect(committed === renderOpenApiDocument(API_ENDPOINTS), 'docs/openapi.json is out of date: run npm run openapi and commit it').toBe(true);
    expect(JSON.parse(committed)).toEqual(doc);
  });
});

describe('real answers against the documented schemas', () => {
  it('when a signed-out browser asks for health and a CSRF token, then the answers fit the document', async () => {
    const health = await t.request.get('/api/health').expect(200);
    expect(checkAgainstDocument('GET', '/api/health', 200, health.body)).toEqual([]);
    // The check has teeth: an answer without its required field does not fit.
    expect(checkAgainstDocument('GET', '/api/health', 200, { status: 'ok' })).toEqual(['$.uptimeSeconds: is required']);
    const csrf = await t.request.get('/api/auth/csrf').expect(200);
    expect(checkAgainstDocument('GET', '/api/auth/csrf', 200, csrf.body)).toEqual([]);
  });

  it('when a leader lists and opens trials and runs, then the answers fit the document', async () => {
    const unitId = (await createUnit(t.deps)).id;
    const leader = await createUser(t.deps, { role: 'LEADER', unitId });
    const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
    const trial = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'offentlig-information', participants: [employee.id] });
    const c = await signedIn(t, leader);

    const me = await c.get('/api/auth/me').expect(200);
    expect(checkAgainstDocument('GET', '/api/auth/me', 200, me.body)).toEqual([]);
    const trials = await c.get('/api/trials').expect(200);
    expect((trials.body as { trials: unknown[] }).trials).toHaveLength(1);
    expect(checkAgainstDocument('GET', '/api/trials', 200, trials.body)).toEqual([]);
    const one = await c.get(`/api/trials/${trial.id}`).expect(200);
    expect(checkAgainstDocument('GET', '/api/trials/{id}', 200, one.body)).toEqual([]);
    const runs = await c.get('/api/runs').expect(200);
    expect(checkAgainstDocument('GET', '/api/runs', 200, runs.body)).toEqual([]);
    const policies = await c.get('/api/policies/offentlig-information').expect(200);
    expect(checkAgainstDocument('GET', '/api/policies/{id}', 200, policies.body)).toEqual([]);
  });

  it('when a participant makes a run, then the run fits the document, and a refusal fits the documented error', async () => {
    const unitId = (await createUnit(t.deps)).id;
    const leader = await createUser(t.deps, { role: 'LEADER', unitId });
    const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
    const trial = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'offentlig-information', participants: [employee.id] });
    const c = await signedIn(t, employee);

    const run = await c.post('/api/runs', { trialId: trial.id, assistant: 'letter', input: 'Kære borger\n\nVi har modtaget din ansøgning om pas.\n\nMed venlig hilsen' }).expect(201);
    expect(checkAgainstDocument('POST', '/api/runs', 201, run.body)).toEqual([]);
    const missing = await c.get('/api/runs/findes-ikke').expect(404);
    expect(checkAgainstDocument('GET', '/api/runs/{id}', 404, missing.body)).toEqual([]);
    const signedOut = await t.request.get('/api/trials').expect(401);
    expect(checkAgainstDocument('GET', '/api/trials', 401, signedOut.body)).toEqual([]);
  });

  it('when a participant runs each assistant, then its details fit the documented shape of that assistant', async () => {
    const unitId = (await createUnit(t.deps)).id;
    const leader = await createUser(t.deps, { role: 'LEADER', unitId });
    const employee = await createUser(t.deps, { role: 'EMPLOYEE', unitId });
    const trial = await createTrial(t.deps, {
      unitId,
      createdById: leader.id,
      policyId: 'offentlig-information',
      assistants: ['letter', 'minutes', 'documents'],
      participants: [employee.id],
    });
    const c = await signedIn(t, employee);
    const inputs = {
      letter: 'Kære borger\n\nVi har modtaget din ansøgning om pas. Du skal sende et foto senest 1. marts.\n\nMed venlig hilsen',
      minutes: 'Leder: Velkommen til mødet.\nMedarbejder: Vi beslutter at holde møde hver uge.\nLeder: Jeg laver dagsordenen til næste gang.',
      documents: 'Hvornår er der åbent i borgerservice?',
    };
    const shapes = { letter: 'LetterRunDetails', minutes: 'MinutesDetails', documents: 'DocumentsRunDetails' };
    expect(resolve('#/components/schemas/RunView')).toMatchObject({ properties: { details: { anyOf: [{ $ref: '#/components/schemas/RunDetails' }, { type: 'null' }] } } });
    for (const assistant of ['letter', 'minutes', 'documents'] as const) {
      const res = await c.post('/api/runs', { trialId: trial.id, assistant, input: inputs[assistant] });
      expect(res.status, `${assistant}: ${JSON.stringify(res.body)}`).toBe(201);
      const details = (res.body as { run: { details: unknown } }).run.details;
      expect(details, assistant).not.toBeNull();
      expect(validateJsonSchema(details, resolve(`#/components/schemas/${shapes[assistant]}`), resolve), assistant).toEqual([]);
      expect(checkAgainstDocument('POST', '/api/runs', 201, res.body), assistant).toEqual([]);
    }
  });

  it('when a leader reviews a trial and anyone reads the public AI register, then the answers fit the document, exports included', async () => {
    const unitId = (await createUnit(t.deps)).id;
    const leader = await createUser(t.deps, { role: 'LEADER', unitId });
    const trial = await createTrial(t.deps, { unitId, createdById: leader.id, policyId: 'offentlig-information' });
    const c = await signedIn(t, leader);

    const insights = await c.get(`/api/trials/${trial.id}/insights`).expect(200);
    expect(checkAgainstDocument('GET', '/api/trials/{trialId}/insights', 200, insights.body)).toEqual([]);
    const exported = await c.post(`/api/trials/${trial.id}/export.json`).expect(200);
    expect(checkAgainstDocument('POST', '/api/trials/{trialId}/export.json', 200, exported.body)).toEqual([]);
    const csv = await c.post(`/api/trials/${trial.id}/export.csv`).expect(200);
    expect(Object.keys(doc.paths['/api/trials/{trialId}/export.csv']!.post!.responses['200']!.content!)).toEqual([csv.type]);
    const report = await c.get(`/api/trials/${trial.id}/report`).expect(200);
    expect(Object.keys(doc.paths['/api/trials/{trialId}/report']!.get!.responses['200']!.content!)).toEqual([report.type]);
    const register = await t.request.get('/api/public/register').expect(200);
    expect(checkAgainstDocument('GET', '/api/public/register', 200, register.body)).toEqual([]);
  });
});

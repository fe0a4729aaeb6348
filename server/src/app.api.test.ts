import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ErrorBody } from './contracts/errors.js';
import { HealthResponse, ReadyResponse } from './contracts/health.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { Client, createUser, signedIn } from '../../test/support/factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT: '10kb' } });
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('runs on the database the test run asked for (TEST_DATABASE)', () => {
    expect(t.deps.provider).toBe(inject('testDatabase') === 'postgres' ? 'postgresql' : 'sqlite');
  });

  it('GET /api/health answers ok', async () => {
    const res = await t.request.get('/api/health').expect(200);
    expect(HealthResponse.parse(res.body).status).toBe('ok');
  });

  it('GET /api/ready answers ready when the database is reachable and migrated', async () => {
    const res = await t.request.get('/api/ready').expect(200);
    expect(ReadyResponse.parse(res.body)).toMatchObject({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });
});

describe('bad input gets the one error shape, never a 500 or a stack trace', () => {
  it('when JSON is malformed, then 400 MALFORMED_JSON', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.agent.post('/api/auth/login').set('x-csrf-token', c.csrf).set('content-type', 'application/json').send('{"email": ').expect(400);
    const err = ErrorBody.parse(res.body).error;
    expect(err.code).toBe('MALFORMED_JSON');
    expect(err.requestId).toBe(res.headers['x-request-id']);
  });

  it('when the body is larger than the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const c = new Client(t);
    await c.fetchCsrf();
    const res = await c.post('/api/auth/login', { email: 'a@b.dk', password: 'x'.repeat(20_000) }).expect(413);
    expect(ErrorBody.parse(res.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when the API route does not exist, then 404 ROUTE_NOT_FOUND', async () => {
    const res = await t.request.get('/api/findes-ikke').expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('when a signed-in person sends an unknown route with a body, then still 404 and JSON', async () => {
    const c = await signedIn(t, await createUser(t.deps));
    const res = await c.post('/api/findes/ikke', { a: 1 }).expect(404);
    expect(ErrorBody.parse(res.body).error.code).toBe('ROUTE_NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|node_modules/);
  });

  it('a caller’s well-formed request id is echoed; a malformed one is replaced', async () => {
    const ok = await t.request.get('/api/health').set('x-request-id', 'trace-12345678').expect(200);
    expect(ok.headers['x-request-id']).toBe('trace-12345678');
    const bad = await t.request.get('/api/health').set('x-request-id', '<script>').expect(200);
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });
});

describe('security headers', () => {
  it('sends a content security policy, nosniff and frame protection, and no X-Powered-By', async () => {
    const res = await t.request.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from './contracts/auth.js';
import { ErrorBody } from './contracts/errors.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { createTrial, createUser, signedIn, type Client } from '../../test/support/factories.js';

/**
 * Requests that every layer below the routes (router, static files, body parser, multipart parser) refuses: each is
 * the client's fault, so each is a 4xx in the one error shape, never a 500 and never an HTML page.
 */
let t: TestApp;
let c: Client;
let me: { id: string; unitId: string; email: string };
let webDist: string;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'malformed-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Arbejdsbænk</title>');
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app");');
  t = await createTestApp({ env: { WEB_DIST: webDist } });
  me = await createUser(t.deps);
  c = await signedIn(t, me);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

function errorOf(res: { status: number; body: unknown; headers: Record<string, string> }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const err = ErrorBody.parse(res.body).error;
  expect(err.code).toBe(code);
  expect(err.requestId).toBe(res.headers['x-request-id']);
  expect(err.message).not.toMatch(/decode|Failed|Error|at \w/);
  return err;
}

describe('a path that cannot be decoded', () => {
  it('when a path parameter is not valid percent-encoding (/api/trials/%ZZ), then 400 MALFORMED_URL, signed out or in', async () => {
    errorOf(await t.request.get('/api/trials/%ZZ'), 400, 'MALFORMED_URL');
    errorOf(await c.get('/api/trials/%ZZ'), 400, 'MALFORMED_URL');
    errorOf(await c.get('/api/policies/%C0%AF'), 400, 'MALFORMED_URL');
    errorOf(await c.get('/api/trials/%E0%A4%A/documents'), 400, 'MALFORMED_URL');
  });

  it('when a page address is not valid percent-encoding (/%ZZ), then 400 MALFORMED_URL instead of the app', async () => {
    errorOf(await t.request.get('/%ZZ'), 400, 'MALFORMED_URL');
    errorOf(await t.request.get('/trials/%ZZ'), 400, 'MALFORMED_URL');
  });

  it('when a path or query carries a NUL byte (%00), then 400 MALFORMED_URL before any database sees it', async () => {
    errorOf(await c.get('/api/trials/%00'), 400, 'MALFORMED_URL');
    errorOf(await c.get('/api/audit?resourceId=a%00b'), 400, 'MALFORMED_URL');
  });
});

describe('static files', () => {
  it('when an asset does not exist (/assets/nope.js), then 404 NOT_FOUND as JSON, not the app’s index page', async () => {
    errorOf(await t.request.get('/assets/nope.js'), 404, 'NOT_FOUND');
    const ok = await t.request.get('/assets/app.js').expect(200);
    expect(ok.text).toContain('console.log');
  });

  it('when a Range cannot be satisfied, then 416 RANGE_NOT_SATISFIABLE with the size in Content-Range', async () => {
    const res = await t.request.get('/assets/app.js').set('Range', 'bytes=999999-');
    errorOf(res, 416, 'RANGE_NOT_SATISFIABLE');
    expect(res.headers['content-range']).toMatch(/^bytes \*\/\d+$/);
    // The asset's own headers (cached for a year, its modification time) do not describe the refusal.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['last-modified']).toBeUndefined();
    await t.request.get('/assets/app.js').set('Range', 'bytes=0-6').expect(206);
  });

  it('when the path climbs out of the assets folder, then a 4xx in the one shape and no file outside it', async () => {
    for (const p of ['/assets/../index.html', '/assets/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/assets/a%00.js']) {
      const res = await t.request.get(p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
      ErrorBody.parse(res.body);
      expect(res.text).not.toContain('"name"');
    }
  });

  it('when something other than GET or HEAD is sent to a page or an asset, then 405 METHOD_NOT_ALLOWED as JSON', async () => {
    for (const method of ['post', 'put', 'delete', 'patch'] as const) {
      const page = await t.request[method]('/');
      errorOf(page, 405, 'METHOD_NOT_ALLOWED');
      expect(page.headers.allow).toBe('GET, HEAD');
      errorOf(await t.request[method]('/assets/app.js'), 405, 'METHOD_NOT_ALLOWED');
    }
  });
});

describe('bodies that cannot be read', () => {
  it('when Content-Encoding says gzip but the data is not, then 400 MALFORMED_REQUEST on any JSON route', async () => {
    for (const url of ['/api/auth/login', '/api/trials', '/api/runs']) {
      const res = await c.agent.post(url).set(CSRF_HEADER, c.csrf).set('content-type', 'application/json').set('content-encoding', 'gzip').send('{"a":1}');
      errorOf(res, 400, 'MALFORMED_REQUEST');
    }
    const deflate = await c.agent.post('/api/trials').set(CSRF_HEADER, c.csrf).set('content-type', 'application/json').set('content-encoding', 'deflate').send('nope');
    errorOf(deflate, 400, 'MALFORMED_REQUEST');
  });

  it('when the gzip is valid, then the body is read; when the encoding is unknown, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const gz = await c.agent.post('/api/trials').set(CSRF_HEADER, c.csrf).set('content-type', 'application/json').set('content-encoding', 'gzip')
      // superagent would JSON-encode a Buffer sent as application/json: send the bytes as they are.
      .serialize((b: unknown) => b as string)
      .send(gzipSync('{"title":1}'));
    errorOf(gz, 400, 'VALIDATION_FAILED');
    const unknown = await c.agent.post('/api/trials').set(CSRF_HEADER, c.csrf).set('content-type', 'application/json').set('content-encoding', 'compress').send('{}');
    errorOf(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a JSON string carries a NUL character, then 400 VALIDATION_FAILED naming the field, and nothing is stored', async () => {
    // A reflection is stored as it is sent: PostgreSQL refuses text with NUL (a 500 before), SQLite stored it.
    const policyId = [...t.deps.policies.keys()][0]!;
    const trial = await createTrial(t.deps, { unitId: me.unitId, createdById: me.id, policyId, participants: [me.id] });
    const res = await c.post(`/api/trials/${trial.id}/reflections`, { text: 'Gode erfaringer\u0000' });
    expect(errorOf(res, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ path: ['text'] })]);
    expect(await t.deps.db.reflection.count({ where: { trialId: trial.id } })).toBe(0);
    const nested = await c.post('/api/trials', { title: 'Forsøg', questions: [{ text: 'a\u0000' }] });
    expect(errorOf(nested, 400, 'VALIDATION_FAILED').details).toEqual([expect.objectContaining({ path: ['questions', '0', 'text'] })]);
  });
});

describe('multipart uploads that cannot be parsed', () => {
  const boundary = 'graense42';
  const head = (name: string, filename: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`;
  const send = (body: string | Buffer, contentType = `multipart/form-data; boundary=${boundary}`) =>
    c.agent.post('/api/files/extract').set(CSRF_HEADER, c.csrf).set('content-type', contentType).send(Buffer.from(body));

  it('when the form is cut off half-way, then 400 MALFORMED_REQUEST', async () => {
    errorOf(await send(`${head('file', 'a.txt')}Hej med`), 400, 'MALFORMED_REQUEST');
  });

  it('when the boundary is missing from the Content-Type, then 400 MALFORMED_REQUEST', async () => {
    errorOf(await send(`${head('file', 'a.txt')}Hej\r\n--${boundary}--\r\n`, 'multipart/form-data'), 400, 'MALFORMED_REQUEST');
  });

  it('when a part header is malformed (a NUL in the file name, garbage instead of a header), then 400 MALFORMED_REQUEST', async () => {
    errorOf(await send(`${head('file', 'a\u0000b.txt')}Hej\r\n--${boundary}--\r\n`), 400, 'MALFORMED_REQUEST');
    errorOf(await send(`--${boundary}\r\nSkrald\r\n\r\nHej\r\n--${boundary}--\r\n`), 400, 'MALFORMED_REQUEST');
  });

  it('when the file name carries control characters through RFC 5987 encoding, then they are dropped from the name', async () => {
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''not%00at%07.txt\r\nContent-Type: text/plain\r\n\r\nHej\r\n--${boundary}--\r\n`;
    const res = await send(body).expect(200);
    expect((res.body as { filename: string }).filename).toBe('notat.txt');
  });

  it('a well-formed upload still works', async () => {
    const res = await send(`${head('file', 'æble.txt')}Hej med dig\r\n--${boundary}--\r\n`).expect(200);
    expect(res.body).toMatchObject({ text: 'Hej med dig', filename: 'æble.txt' });
  });
});

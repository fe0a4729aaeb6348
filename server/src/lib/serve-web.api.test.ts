import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { ErrorBody } from '../contracts/errors.js';

let t: TestApp;
let webDist: string;
let server: http.Server;

// Large enough to be worth compressing (the threshold is 1 KB), repetitive like real bundles.
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const label${i} = "Prøvehandling ${i}";`).join('\n');
const MAP = JSON.stringify({ version: 3, sources: ['../../web/src/secret-comments.tsx'], sourcesContent: ['// internal notes'] });
const BROTLI_11 = zlib.brotliCompressSync(SCRIPT, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
const GZIP_9 = zlib.gzipSync(SCRIPT, { level: 9 });
const INDEX = `<!doctype html><html lang="da"><title>Arbejdsbænk</title><script type="module" src="/assets/index-Ab12Cd34.js"></script>${'<!-- -->'.repeat(200)}</html>`;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), INDEX);
  fs.writeFileSync(path.join(webDist, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  fs.writeFileSync(path.join(webDist, 'assets', 'index-Ab12Cd34.js.map'), MAP);
  fs.writeFileSync(path.join(webDist, 'stray.js.map'), MAP);
  // As the build writes them: the best brotli and gzip beside the file.
  fs.writeFileSync(path.join(webDist, 'assets', 'react-Ef56Gh78.js'), SCRIPT);
  fs.writeFileSync(path.join(webDist, 'assets', 'react-Ef56Gh78.js.br'), BROTLI_11);
  fs.writeFileSync(path.join(webDist, 'assets', 'react-Ef56Gh78.js.gz'), GZIP_9);
  t = await createTestApp({ env: { WEB_DIST: webDist } });
  server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** GET over a real socket, keeping the body exactly as sent (supertest decodes gzip and brotli itself). */
function getRaw(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: url, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

describe('compression of the web app and the API', () => {
  it('when the browser accepts gzip, then a script is sent gzipped, smaller, and unpacks to the file', async () => {
    const res = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(SCRIPT);
  });

  it('when the browser accepts brotli, then brotli is preferred and unpacks to the file', async () => {
    const res = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(SCRIPT);
  });

  it('when the client accepts no encoding, then the file is sent as it is', async () => {
    const res = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(SCRIPT);
  });

  it('the index page and API answers are compressed too', async () => {
    const page = await getRaw('/proevehandlinger', { 'accept-encoding': 'gzip' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(page.body).toString('utf8')).toBe(INDEX);
    const api = await getRaw('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(api.body).toString('utf8'))).toHaveProperty('openapi');
  });

  it('a Range request gets the bytes it asked for, uncompressed', async () => {
    const res = await getRaw('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip', range: 'bytes=0-99' });
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(Buffer.from(SCRIPT).subarray(0, 100).toString('utf8'));
  });
});

describe('assets compressed at build time', () => {
  it('when the build wrote .br and .gz beside a script, then those exact files are sent, brotli first, with the script’s type and cache headers', async () => {
    const br = await getRaw('/assets/react-Ef56Gh78.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.body.equals(BROTLI_11)).toBe(true);

    const gz = await getRaw('/assets/react-Ef56Gh78.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(GZIP_9)).toBe(true);

    const plain = await getRaw('/assets/react-Ef56Gh78.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(SCRIPT);
  });
});

describe('caching', () => {
  it('hashed assets may be kept for a year without asking again', async () => {
    const res = await t.request.get('/assets/index-Ab12Cd34.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('the index page is asked for again every time, at /, at a page address and by its own name', async () => {
    for (const url of ['/', '/proevehandlinger/abc/indsigt', '/index.html']) {
      const res = await t.request.get(url).expect(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.text, url).toBe(INDEX);
    }
  });
});

describe('source maps are never served', () => {
  it('when a .map file exists in the build, then 404 NOT_FOUND in the one error shape and none of its content', async () => {
    for (const url of ['/assets/index-Ab12Cd34.js.map', '/assets/index-Ab12Cd34.js%2Emap', '/assets/index-Ab12Cd34.js.MAP', '/stray.js.map']) {
      const res = await t.request.get(url).expect(404);
      expect(ErrorBody.parse(res.body).error.code, url).toBe('NOT_FOUND');
      expect(res.text, url).not.toContain('secret-comments');
    }
  });
});

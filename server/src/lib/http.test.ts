import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import supertest from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBody } from '../contracts/errors.js';
import { clientErrorHandler, errorMiddleware, findNul, requestIdMiddleware, requestLogMiddleware } from './http.js';
import { createLogger } from './logger.js';

function capturedLogger() {
  const lines: { level: number; msg: string; raw: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const raw of chunk.toString().split('\n').filter(Boolean)) {
        const o = JSON.parse(raw) as { level: number; msg: string };
        lines.push({ level: o.level, msg: o.msg, raw });
      }
      cb();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

function appThrowing(err: unknown, logger: ReturnType<typeof createLogger>) {
  const app = express();
  app.use(requestIdMiddleware());
  app.use(requestLogMiddleware(logger));
  app.get('/boom', () => {
    throw err;
  });
  app.use(errorMiddleware(logger));
  return app;
}

const ERROR = 50;

describe('the error middleware', () => {
  it('when an unknown error escapes, then 500 INTERNAL and one error-level log line without the message', async () => {
    const { logger, lines } = capturedLogger();
    const res = await supertest(appThrowing(new Error('borger 010190-1234 ikke fundet'), logger)).get('/boom').expect(500);
    expect(ErrorBody.parse(res.body).error).toMatchObject({ code: 'INTERNAL', message: 'Der opstod en uventet fejl. Prøv igen om lidt.' });
    await new Promise((r) => setImmediate(r));
    expect(lines.filter((l) => l.level >= ERROR).map((l) => l.msg)).toEqual(['unhandled error']);
    expect(lines.some((l) => l.raw.includes('010190'))).toBe(false);
    expect(JSON.stringify(res.body)).not.toContain('010190');
  });

  it('when an SDK error carries only a status (a provider’s 401), then it stays 500: it is not the client’s fault', async () => {
    const { logger } = capturedLogger();
    const sdk = Object.assign(new Error('Incorrect API key'), { status: 401 });
    const res = await supertest(appThrowing(sdk, logger)).get('/boom').expect(500);
    expect(ErrorBody.parse(res.body).error.code).toBe('INTERNAL');
  });

  it('when a library marks an error as the client’s (http-errors: status and statusCode), then its 4xx, logged at info only', async () => {
    const { logger, lines } = capturedLogger();
    const lib = Object.assign(new Error('precondition failed'), { status: 412, statusCode: 412, expose: true });
    const res = await supertest(appThrowing(lib, logger)).get('/boom').expect(412);
    expect(ErrorBody.parse(res.body).error.code).toBe('PRECONDITION_FAILED');
    const odd = Object.assign(new Error('teapot'), { status: 418, statusCode: 418 });
    const res2 = await supertest(appThrowing(odd, logger)).get('/boom').expect(400);
    expect(ErrorBody.parse(res2.body).error.code).toBe('MALFORMED_REQUEST');
    await new Promise((r) => setImmediate(r));
    expect(lines.filter((l) => l.level >= ERROR)).toEqual([]);
  });
});

describe('findNul', () => {
  it('finds a NUL in a nested value or key, and walks a deeply nested body without overflowing the stack', () => {
    expect(findNul({ a: [{ b: 'x\u0000' }] })).toEqual(['a', '0', 'b']);
    expect(findNul({ 'k\u0000': 1 })).toEqual(['k\u0000']);
    expect(findNul({ a: 'ok', b: [1, null, true] })).toBeUndefined();
    const deep = JSON.parse(`${'['.repeat(300_000)}"\\u0000"${']'.repeat(300_000)}`) as unknown;
    const started = Date.now();
    expect(findNul(deep)).toHaveLength(300_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the HTTP server’s own refusals (clientError)', () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

  async function rawExchange(request: string): Promise<string> {
    const { logger } = capturedLogger();
    server = http.createServer((_req, res) => res.end('ok'));
    server.on('clientError', clientErrorHandler(logger));
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as net.AddressInfo;
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
      let out = '';
      socket.on('data', (d) => (out += d.toString()));
      socket.on('end', () => resolve(out));
      socket.on('error', reject);
    });
  }

  function parse(raw: string) {
    const [head, body] = raw.split('\r\n\r\n');
    return { statusLine: head!.split('\r\n')[0], head: head!, error: ErrorBody.parse(JSON.parse(body!)).error };
  }

  it('when the headers are too large, then 431 HEADERS_TOO_LARGE in the one shape', async () => {
    const r = parse(await rawExchange(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`));
    expect(r.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(r.head).toMatch(/content-type: application\/json/i);
    expect(r.error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('when the request line is not HTTP (an unknown method), then 400 MALFORMED_REQUEST in the one shape', async () => {
    const r = parse(await rawExchange('BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n'));
    expect(r.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(r.error.code).toBe('MALFORMED_REQUEST');
  });
});

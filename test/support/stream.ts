import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CSRF_HEADER } from '../../server/src/contracts/auth.js';
import type { TestApp } from './app.js';
import type { Client } from './factories.js';

/**
 * Posts to POST /api/runs/stream over a real socket and hangs up, as a person pressing Stop does: once the
 * stream has begun, or (with `afterFirstToken`) once the first piece of the draft has arrived. Resolves with the
 * status the stream began with; supertest cannot hang up half-way, so this uses node:http.
 */
export async function hangUpStream(t: TestApp, c: Client, body: object, opts: { afterFirstToken?: boolean } = {}): Promise<number> {
  const server = http.createServer(t.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const cookie = (await c.agent.get('/api/auth/me')).request.cookies;
  try {
    return await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: (server.address() as AddressInfo).port,
          path: '/api/runs/stream',
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, [CSRF_HEADER]: c.csrf },
        },
        (res) => {
          const hangUp = () => {
            req.destroy();
            resolve(res.statusCode ?? 0);
          };
          if (!opts.afterFirstToken || res.statusCode !== 200) return hangUp();
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (chunk.includes('event: token')) hangUp();
          });
        },
      );
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      req.end(JSON.stringify(body));
    });
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

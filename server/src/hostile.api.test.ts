import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerServerRefusals, HTTP_SERVER_OPTIONS } from './lib/http.js';
import { seedDemoOrganisation } from './modules/demo/demo.service.js';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import {
  bombs,
  describe as describeAnswer,
  figures,
  hostileCases,
  loadOperations,
  prepareContext,
  runBombs,
  runCases,
  sampleCases,
  signInDemoRoles,
  watchHealth,
  type SweepContext,
} from '../../test/support/hostile.js';

/**
 * The bounded hostile-input sweep inside `npm test`: a fixed sample of the requests `npm run check:hostile`
 * generates from the served OpenAPI document, and every bomb, sent over real HTTP to createApp() on the demo
 * organisation (both databases). The full sweep, with the server as its own process and its RSS, is the script.
 */
const SAMPLE = 400;
const SEED = 20_261_202;

let t: TestApp;
let server: http.Server;
let ctx: SweepContext;
let operations: Awaited<ReturnType<typeof loadOperations>>['operations'];
let webDist: string;

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-web-'));
  fs.mkdirSync(path.join(webDist, 'assets'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Arbejdsbænk</title>');
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log("app");');
  t = await createTestApp({ env: { WEB_DIST: webDist } });
  await seedDemoOrganisation(t.deps);
  server = http.createServer(HTTP_SERVER_OPTIONS, t.app);
  answerServerRefusals(server, t.deps.logger);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
  const identities = await signInDemoRoles(target);
  const loaded = await loadOperations(target);
  operations = loaded.operations;
  ctx = await prepareContext(target, identities, loaded.schemas);
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

describe('hostile input, a bounded sample of the sweep', () => {
  it(`when ${SAMPLE} generated bad requests hit every kind of operation, then none is answered with 500 and every error has the one shape`, async () => {
    const all = hostileCases(operations, ctx);
    expect(all.length).toBeGreaterThan(1_000);
    const cases = sampleCases(all, SAMPLE, SEED);
    const health = watchHealth(ctx.target, 200);
    const answers = await runCases(ctx, cases, { concurrency: 4 });
    const h = await health.stop();
    const f = figures(answers);
    const bad = answers.filter((a) => a.status === 'none' || (a.status as number) >= 500 || !a.shapeOk).map(describeAnswer);
    expect(bad).toEqual([]);
    expect(f).toMatchObject({ sent: SAMPLE, serverErrors: 0, noAnswer: 0, notInShape: 0 });
    expect(f.byClass['4xx']).toBeGreaterThan(SAMPLE / 2);
    expect(h.failures).toBe(0);
    expect(h.maxMs).toBeLessThan(1_000);
  }, 180_000);

  it('when each decompression bomb and oversized file is uploaded, then each is answered below 500 within 10 s and health within 1 s', async () => {
    const health = watchHealth(ctx.target, 200);
    const answers = await runBombs(ctx, bombs());
    const h = await health.stop();
    expect(answers.filter((a) => a.status === 'none' || (a.status as number) >= 500 || !a.shapeOk).map(describeAnswer)).toEqual([]);
    expect(answers.filter((a) => a.ms >= 10_000).map(describeAnswer)).toEqual([]);
    expect(h.maxMs).toBeLessThan(1_000);
  }, 180_000);
});

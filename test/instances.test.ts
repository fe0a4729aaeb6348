/**
 * Two instances on one throwaway PostgreSQL behind a real reverse proxy (Debian's nginx), as an operator runs
 * them: people work through the proxy while one instance is restarted and the other is killed, then started
 * again. Nobody gets an answer of 500 or more, the audit chain holds, and the sign-in limit is the same on
 * both instances. The figures are printed for the record.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployMigrations } from '../prisma/tools/schema-engine.js';
import { createDb } from '../server/src/lib/db.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../server/src/modules/demo/demo.constants.js';
import { verifyAuditChain } from '../server/src/modules/audit/audit.service.js';
import { freePort, startServer, type RunningServer } from './e2e/server.js';
import { type FakeProvider, startFakeProvider } from './fake-provider.js';
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.js';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const LETTER_TRIAL = 'Klarsprog i breve til borgere';
const DOCUMENTS_TRIAL = 'Svar på personalespørgsmål fra interne retningslinjer';
/** A knowledge-base document; each upload is an indexing job, run by whichever instance claims it. */
const guide = (n: number) =>
  `# Vejledning ${n} om kørsel i egen bil\n\nMedarbejdere kan få godtgørelse for kørsel i egen bil efter statens takster. ` +
  `Kørslen registreres i kørselssystemet senest den ${n}. i måneden efter.\n\n## Afsnit ${n}\n\nSpørg din leder, hvis du er i tvivl.`;
const LETTER = 'Kære borger\n\nVi har modtaget din ansøgning om hjælp til briller, og vi skal bruge flere oplysninger.\n\nMed venlig hilsen\nBorgerservice';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A person behind the proxy: the session and CSRF cookies, whichever instance answers. */
class Person {
  private cookies = new Map<string, string>();
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async send(method: string, p: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${p}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  }

  async refreshCsrf(): Promise<void> {
    this.csrf = ((await (await this.send('GET', '/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string): Promise<number> {
    await this.refreshCsrf();
    const res = await this.send('POST', '/api/auth/login', { email, password });
    await res.arrayBuffer();
    if (res.status === 200) await this.refreshCsrf();
    return res.status;
  }
}

function nginxConfig(dir: string, proxyPort: number, upstreams: number[]): string {
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
daemon off;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # max_fails=0: never mark an instance down on its own; a request to one that is gone fails at once (connection
  # refused) and goes to the other. With passive marking, an instance just restarted can still be marked down
  # when the other dies, and nginx answers 502 "no live upstreams" for a moment.
  upstream workbench {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${proxyPort};
    client_max_body_size 30m;
    location / {
      proxy_pass http://workbench;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # An instance that is stopping answers 503 SHUTTING_DOWN without starting the request, and one that is
      # gone refuses the connection: both are safe to send to the other instance, a POST included.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_next_upstream_tries 2;
    }
  }
}
`;
}

let pg: ThrowawayPostgres;
let fake: FakeProvider;
let url: string;
let dir: string;
let proxy: ChildProcess | undefined;
let proxyUrl: string;
const ports: number[] = [];
const instances: (RunningServer | undefined)[] = [];

const ENV = () => ({
  DATABASE_URL: url,
  AUTO_MIGRATE: 'false',
  DEMO_SEED: 'true',
  SESSION_SECRET: 'ein-geheimnis-fuer-beide-instanzen-genau-gleich',
  TRUST_PROXY: '1',
  RETENTION_INTERVAL_MINUTES: '0',
  // Short, so that a job the killed instance held is taken over within the test.
  JOB_LEASE_SECONDS: '3',
  // The model provider (and transcription) played by the fake, on this machine.
  AI_PROVIDER: 'openai-compatible',
  OPENAI_BASE_URL: `${fake.url}/v1`,
  OPENAI_API_KEY: 'test-key',
  AI_MODEL: 'fake-model',
  PROVIDER_TIMEOUT_MS: '30000',
  PROVIDER_MAX_RETRIES: '0',
});
const start = (i: number) => startServer({ web: false, port: ports[i]!, env: ENV() });

beforeAll(async () => {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx was not found at ${NGINX}. Install Debian's package: apt-get install nginx (or set NGINX_PATH).`);
  fake = await startFakeProvider();
  pg = await startThrowawayPostgres();
  url = await createDatabase(pg.url, 'two_instances');
  await deployMigrations({ url });
  ports.push(await freePort(), await freePort());
  instances.push(await start(0), await start(1));

  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-nginx-'));
  // nginx's workers run as an unprivileged user when it starts as root: they must reach the folder.
  fs.chmodSync(dir, 0o755);
  const proxyPort = await freePort();
  fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir, proxyPort, ports));
  const check = spawnSync(NGINX, ['-t', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
  proxy = spawn(NGINX, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'ignore' });
  proxyUrl = `http://127.0.0.1:${proxyPort}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${proxyUrl}/api/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 100) throw new Error(`nginx did not come up:\n${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    await sleep(100);
  }
}, 180_000);

afterAll(async () => {
  proxy?.kill('SIGTERM');
  await Promise.all(instances.map((s) => s?.stop()));
  if (dir && !process.env.KEEP_NGINX_DIR) fs.rmSync(dir, { recursive: true, force: true });
  await pg?.stop();
  await fake?.stop();
}, 60_000);

describe('two instances behind nginx on one PostgreSQL', () => {
  it('people keep working while one instance restarts and the other is killed: no answer ≥ 500, every job done once, the audit chain holds, one sign-in limit', async () => {
    // The golden path's core through the proxy: sign in, read the briefing, make a draft, approve it.
    const employee = new Person(proxyUrl);
    expect(await employee.signIn(DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD)).toBe(200);
    const { trials } = (await (await employee.send('GET', '/api/trials')).json()) as { trials: { id: string; title: string }[] };
    const trialId = trials.find((t) => t.title === LETTER_TRIAL)!.id;
    const { briefing } = (await (await employee.send('GET', `/api/trials/${trialId}/briefing`)).json()) as { briefing: { briefingRevision: number } };
    expect((await employee.send('POST', `/api/trials/${trialId}/briefing/acknowledge`, { briefingRevision: briefing.briefingRevision })).status).toBe(200);
    const first = await employee.send('POST', '/api/runs', { trialId, assistant: 'letter', input: LETTER });
    expect(first.status).toBe(201);
    const runId = ((await first.json()) as { run: { id: string } }).run.id;
    expect((await employee.send('POST', `/api/runs/${runId}/reviews`, { decision: 'APPROVE', step: 1 })).status).toBe(201);

    const statuses = new Map<number | string, number>();
    const count = (s: number | string) => statuses.set(s, (statuses.get(s) ?? 0) + 1);

    // The leader adds documents to the knowledge base through the proxy during the load: background jobs.
    const leader = new Person(proxyUrl);
    expect(await leader.signIn(DEMO_USERS.LEADER.email, DEMO_PASSWORD)).toBe(200);
    const leaderTrials = ((await (await leader.send('GET', '/api/trials')).json()) as { trials: { id: string; title: string }[] }).trials;
    const documentsTrialId = leaderTrials.find((t) => t.title === DOCUMENTS_TRIAL)!.id;
    const jobIds: string[] = [];
    const uploadGuide = async (n: number) => {
      const form = new FormData();
      form.append('file', new Blob([guide(n)], { type: 'text/markdown' }), `vejledning-${n}.md`);
      const res = await leader.send('POST', `/api/trials/${documentsTrialId}/documents`, form);
      count(res.status);
      if (res.status === 202) jobIds.push(((await res.json()) as { jobId: string }).jobId);
      else await res.arrayBuffer();
    };

    // Load: readers and writers through the proxy, while the instances are restarted and killed under them.
    let running = true;
    let writes = 0;
    const reader = async () => {
      while (running) {
        try {
          const res = await employee.send('GET', Math.random() < 0.5 ? '/api/trials' : '/api/runs');
          await res.arrayBuffer();
          count(res.status);
        } catch {
          count('network');
        }
      }
    };
    const writer = async () => {
      while (running && writes < 30) {
        writes += 1;
        try {
          const res = await employee.send('POST', '/api/runs', { trialId, assistant: 'letter', input: LETTER });
          await res.arrayBuffer();
          count(res.status);
        } catch {
          count('network');
        }
        await sleep(100);
      }
    };
    const load = Promise.all([reader(), reader(), reader(), writer()]);

    await Promise.all([uploadGuide(1), uploadGuide(2)]);
    await sleep(1500);
    // One instance restarted (SIGTERM: it finishes what it has, turns new requests away with 503) ...
    await instances[0]!.terminate();
    await sleep(500);
    instances[0] = await start(0);
    await sleep(1500);
    await Promise.all([uploadGuide(3), uploadGuide(4)]);
    // ... the other killed outright, then started again.
    const killed = instances[1]!;
    await killed.kill();
    await sleep(1500);
    await killed.stop();
    instances[1] = await start(1);
    await sleep(1500);
    await uploadGuide(5);
    running = false;
    await load;

    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const serverErrors = [...statuses].filter(([s]) => typeof s === 'number' && s >= 500);
    process.stdout.write(`two instances behind nginx: ${total} requests, answers ${JSON.stringify(Object.fromEntries(statuses))}, 1 restart, 1 kill\n`);
    expect(total).toBeGreaterThan(100);
    expect(serverErrors).toEqual([]);
    // A response the killed instance had begun to send cannot be sent again by the proxy: at most the requests
    // in flight at that moment (4 clients) are cut off. Every other request got its answer.
    expect(statuses.get('network') ?? 0).toBeLessThanOrEqual(4);

    // One sign-in limit for both instances: the proxy alternates between them.
    const guesser = new Person(proxyUrl);
    const tries: number[] = [];
    for (let i = 0; i < 12; i++) tries.push(await guesser.signIn(DEMO_USERS.LEADER.email, `forkert-${i}`));
    expect(tries.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(tries.slice(10)).toEqual([429, 429]);

    const db = await createDb(url);
    try {
      // Every job ran to the end exactly once, whichever instance it was on when the other was killed.
      expect(jobIds).toHaveLength(5);
      await expect
        .poll(async () => (await db.job.findMany({ where: { id: { in: jobIds } }, select: { status: true } })).map((j) => j.status), { timeout: 30_000 })
        .toEqual(jobIds.map(() => 'SUCCEEDED'));
      const succeeded = await db.auditEvent.groupBy({ by: ['resourceId'], where: { action: 'job.succeeded', resourceId: { in: jobIds } }, _count: true });
      expect(succeeded.map((e) => e._count)).toEqual(jobIds.map(() => 1));
      const documents = await db.document.findMany({ where: { trialId: documentsTrialId, filename: { startsWith: 'vejledning-' } }, select: { status: true } });
      expect(documents.map((d) => d.status)).toEqual(jobIds.map(() => 'READY'));
      process.stdout.write(`two instances behind nginx: ${jobIds.length} indexing jobs, each succeeded once\n`);

      expect((await verifyAuditChain(db)).ok).toBe(true);
      // Every stored run of the load has the event that says how it ended.
      const runs = await db.run.findMany({ where: { trialId }, select: { id: true, status: true } });
      const ended = await db.auditEvent.findMany({ where: { resourceType: 'run', action: { in: ['run.completed', 'run.blocked', 'run.failed', 'run.cancelled'] } }, select: { resourceId: true } });
      const endedIds = new Set(ended.map((e) => e.resourceId));
      expect(runs.filter((r) => r.status !== 'RUNNING' && !endedIds.has(r.id))).toEqual([]);
      expect(await db.job.count({ where: { status: 'RUNNING', leaseUntil: null } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  }, 240_000);

  it('a recording whose instance is killed mid-transcription is transcribed by the other instance after the lease, and makes one minutes run', async () => {
    const MINUTES_TRIAL = 'Referater af teammøder';
    const employee = new Person(proxyUrl);
    expect(await employee.signIn(DEMO_USERS.EMPLOYEE.email, DEMO_PASSWORD)).toBe(200);
    const { trials } = (await (await employee.send('GET', '/api/trials')).json()) as { trials: { id: string; title: string }[] };
    const trialId = trials.find((t) => t.title.startsWith(MINUTES_TRIAL))!.id;
    const { briefing } = (await (await employee.send('GET', `/api/trials/${trialId}/briefing`)).json()) as { briefing: { briefingRevision: number } };
    await (await employee.send('POST', `/api/trials/${trialId}/briefing/acknowledge`, { briefingRevision: briefing.briefingRevision })).arrayBuffer();

    fake.reset();
    fake.reply(() => JSON.stringify({ summary: 'Kort møde.', attendees: [], decisions: [], actionItems: [] }));
    // The transcription takes long enough to kill its instance while it runs.
    fake.slow(8_000);
    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2048, 7)])], { type: 'audio/mpeg' }), 'møde.mp3');
    const upload = await employee.send('POST', `/api/trials/${trialId}/minutes/uploads`, form);
    expect(upload.status).toBe(202);
    const jobId = ((await upload.json()) as { job: { id: string } }).job.id;
    const transcriptions = () => fake.received.filter((r) => r.path.endsWith('/audio/transcriptions')).length;
    await expect.poll(transcriptions, { timeout: 15_000 }).toBe(1);

    const db = await createDb(url);
    try {
      const { workerId } = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      const holder = instances.findIndex((s) => s !== undefined && workerId?.includes(`-${s.pid}-`));
      expect(holder, `the job is held by one of the instances (${workerId})`).toBeGreaterThanOrEqual(0);
      await instances[holder]!.kill();
      fake.slow(0);

      // After the lease (3 s) the other instance takes the job over and finishes it.
      await expect.poll(async () => (await db.job.findUniqueOrThrow({ where: { id: jobId } })).status, { timeout: 30_000 }).toBe('SUCCEEDED');
      const job = await db.job.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.attempts).toBe(2);
      expect(job.workerId).toBeNull();
      // The cut-off request and the one that finished; one transcript, one minutes run.
      expect(transcriptions()).toBe(2);
      expect(job.runId).not.toBeNull();
      expect(await db.run.count({ where: { trialId, assistant: 'minutes', createdAt: { gte: job.createdAt } } })).toBe(1);
      // The recording and its transcript go once the job has ended for good (just after it is marked SUCCEEDED).
      await expect.poll(() => db.keptRecording.count(), { timeout: 5_000 }).toBe(0);
      process.stdout.write(`two instances behind nginx: a recording's instance killed mid-transcription, taken over after the lease, ${job.attempts} attempts, 1 minutes run\n`);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});

/**
 * SIGTERM while people are waiting for drafts and a recording is being transcribed: the real server in its own
 * process (`node --import tsx server/src/main.ts`) on a fresh SQLite file with the demo organisation, the model
 * provider played by the fake one, made slow so that the work is still under way when the signal arrives.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './e2e/server.js';
import { type FakeProvider, startFakeProvider } from './fake-provider.js';

const PASSWORD = 'Demo-Workbench-2026';
const EMPLOYEE = 'medarbejder@demo.rodovre.dk';
const LETTER = 'Kære borger. Vi har modtaget din ansøgning om hjælp til briller, og vi skal bruge flere oplysninger fra dig.';

/** A signed-in person against the real server: the session and CSRF cookies, and the token header. */
class Person {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async send(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) }),
      ...init,
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return res;
  }

  async signIn(email: string): Promise<void> {
    const { csrfToken } = (await (await this.send('GET', '/api/auth/csrf')).json()) as { csrfToken: string };
    this.csrf = csrfToken;
    const res = await this.send('POST', '/api/auth/login', { email, password: PASSWORD });
    expect(res.status).toBe(200);
    // A session of its own may come with a token of its own.
    const fresh = (await (await this.send('GET', '/api/auth/csrf')).json()) as { csrfToken: string };
    this.csrf = fresh.csrfToken;
  }

  /** The demo trial with this title, its briefing acknowledged. */
  async joinTrial(titleStart: string): Promise<string> {
    const { trials } = (await (await this.send('GET', '/api/trials')).json()) as { trials: { id: string; title: string }[] };
    const trial = trials.find((t) => t.title.startsWith(titleStart));
    if (!trial) throw new Error(`No demo trial titled "${titleStart}…" among ${trials.map((t) => t.title).join(', ')}`);
    const { briefing } = (await (await this.send('GET', `/api/trials/${trial.id}/briefing`)).json()) as { briefing: { briefingRevision: number } };
    const ack = await this.send('POST', `/api/trials/${trial.id}/briefing/acknowledge`, { briefingRevision: briefing.briefingRevision });
    expect(ack.status).toBe(200);
    return trial.id;
  }
}

interface Outcome {
  status: number | 'connection lost';
  runId?: string;
}

async function letterRun(person: Person, trialId: string): Promise<Outcome> {
  try {
    const res = await person.send('POST', '/api/runs', { trialId, assistant: 'letter', input: LETTER });
    const body = (await res.json()) as { run?: { id: string } };
    return { status: res.status, ...(body.run ? { runId: body.run.id } : {}) };
  } catch {
    return { status: 'connection lost' };
  }
}

const untilReceived = async (fake: FakeProvider, n: number, path = '/v1/chat/completions') => {
  await expect.poll(() => fake.received.filter((r) => r.path === path).length, { timeout: 15_000, interval: 20 }).toBeGreaterThanOrEqual(n);
};

/** The rows the test made: runs of its trial and their events (the demo organisation's history has its own). */
function readDatabase(file: string, trialId: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      runs: db.prepare('SELECT id, status, errorCode FROM Run WHERE trialId = ?').all(trialId) as { id: string; status: string; errorCode: string | null }[],
      jobs: db.prepare('SELECT status, attempts FROM Job WHERE type = \'TRANSCRIPTION\'').all() as { status: string; attempts: number }[],
      audit: db
        .prepare("SELECT action FROM AuditEvent WHERE resourceType = 'run' AND resourceId IN (SELECT id FROM Run WHERE trialId = ?)")
        .all(trialId) as { action: string }[],
    };
  } finally {
    db.close();
  }
}

describe('SIGTERM under load (the real server in its own process)', () => {
  let fake: FakeProvider;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    fake = await startFakeProvider();
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(async () => {
    fake.reset();
    await server?.stop();
    server = undefined;
  });

  const start = (graceMs: number) =>
    startServer({
      web: false,
      env: {
        AI_PROVIDER: 'openai-compatible',
        OPENAI_BASE_URL: `${fake.url}/v1`,
        OPENAI_API_KEY: 'test-key',
        AI_MODEL: 'fake-model',
        PROVIDER_TIMEOUT_MS: '30000',
        SHUTDOWN_GRACE_MS: String(graceMs),
        PROVIDER_MAX_RETRIES: '0',
      },
    });

  it('when the signal arrives while 8 runs wait 11 s for the provider, then all 8 answer 201 with a stored draft, a new request is turned away, and the server exits 0', async () => {
    server = await start(30_000);
    const person = new Person(server.baseUrl);
    await person.signIn(EMPLOYEE);
    const trialId = await person.joinTrial('Klarsprog i breve til borgere');
    // Longer than the 10 s an earlier version allowed before it exited regardless.
    fake.slow(11_000);

    const runs = Array.from({ length: 8 }, () => letterRun(person, trialId));
    await untilReceived(fake, 8);
    const exit = server.terminate(30_000);
    // After the signal nothing new is started: a fresh connection is refused or a kept-alive one gets 503.
    await new Promise((r) => setTimeout(r, 100));
    const late = await letterRun(person, trialId);
    const outcomes = await Promise.all(runs);

    expect(await exit).toBe(0);
    expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill(201));
    expect([503, 'connection lost']).toContain(late.status);
    const { runs: stored, audit } = readDatabase(server.databaseFile, trialId);
    for (const o of outcomes) expect(stored.find((r) => r.id === o.runId)).toMatchObject({ status: 'DRAFT' });
    expect(stored).toHaveLength(8);
    expect(audit.filter((a) => a.action === 'run.completed')).toHaveLength(8);
  });

  it('when the runs outlast the grace period, then each cut-off run is stored as CANCELLED with its audit event, none is left unfinished, and the server still exits 0', async () => {
    server = await start(400);
    const person = new Person(server.baseUrl);
    await person.signIn(EMPLOYEE);
    const trialId = await person.joinTrial('Klarsprog i breve til borgere');
    fake.slow(20_000);

    const runs = Array.from({ length: 4 }, () => letterRun(person, trialId));
    await untilReceived(fake, 4);
    const exit = await server.terminate(20_000);
    const outcomes = await Promise.all(runs);

    expect(exit).toBe(0);
    expect(outcomes.map((o) => o.status)).toEqual(Array(4).fill('connection lost'));
    const { runs: stored, audit } = readDatabase(server.databaseFile, trialId);
    expect(stored.map((r) => r.status)).toEqual(Array(4).fill('CANCELLED'));
    expect(audit.filter((a) => a.action === 'run.cancelled')).toHaveLength(4);
  });

  it('when a recording is being transcribed, then the job goes back to the queue without using up an attempt, and no job is left RUNNING', async () => {
    server = await start(1_000);
    const person = new Person(server.baseUrl);
    await person.signIn(EMPLOYEE);
    const trialId = await person.joinTrial('Referater af teammøder');
    fake.slow(20_000);

    const form = new FormData();
    form.append('file', new Blob([Buffer.concat([Buffer.from('ID3'), Buffer.alloc(2048, 7)])], { type: 'audio/mpeg' }), 'møde.mp3');
    const upload = await person.send('POST', `/api/trials/${trialId}/minutes/uploads`, form);
    expect(upload.status).toBe(202);
    await untilReceived(fake, 1, '/v1/audio/transcriptions');
    expect(await server.terminate(20_000)).toBe(0);

    const { jobs } = readDatabase(server.databaseFile, trialId);
    expect(jobs).toEqual([{ status: 'QUEUED', attempts: 0 }]);
  });
});

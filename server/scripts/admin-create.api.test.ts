/**
 * `npm run --silent admin:create`, run as an operator runs it: a child process on a freshly migrated database
 * with no users (SQLite, or PostgreSQL when TEST_DATABASE=postgres), the password piped to standard input.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps, createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { MeResponse } from '../src/contracts/auth.js';
import { createDb, type Db } from '../src/lib/db.js';
import { createLogger } from '../src/lib/logger.js';
import { freshDatabaseUrl } from '../../test/support/app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'den første lange adgangskode';

let url: string;
let drop: () => Promise<void>;
let db: Db;

beforeAll(async () => {
  ({ url, drop } = await freshDatabaseUrl());
  db = await createDb(url);
});
afterAll(async () => {
  await db.$disconnect();
  await drop();
});

function env(databaseUrl: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? os.tmpdir(), NODE_ENV: 'test', DATABASE_URL: databaseUrl, ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };
}

/** The command exactly as the README gives it. */
function npmAdminCreate(args: string[], input: string, databaseUrl = url) {
  return spawnSync('npm', ['run', '--silent', 'admin:create', '--', ...args], { cwd: ROOT, env: env(databaseUrl), input, encoding: 'utf8', timeout: 60_000 });
}

/** The same script without npm in front, for the refusals (quicker). */
function adminCreate(args: string[], input: string, databaseUrl = url) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/scripts/admin-create.ts', ...args], {
    cwd: ROOT,
    env: env(databaseUrl),
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the first digital-unit account from the command line', () => {
  it('when run on a migrated database with no users, then it creates a digital-unit account in a new unit "Digital Udvikling" that can sign in, audited', async () => {
    expect(await db.user.count()).toBe(0);

    const res = npmAdminCreate(['--email', 'Forste.Admin@Kommune.Example', '--name', 'Første Admin'], `${PASSWORD}\n`);

    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('forste.admin@kommune.example');
    expect(res.stdout).not.toContain(PASSWORD);
    const user = await db.user.findUniqueOrThrow({ where: { email: 'forste.admin@kommune.example' }, include: { unit: true } });
    expect(user).toMatchObject({ name: 'Første Admin', role: 'DIGITAL_UNIT', active: true, mustChangePassword: false });
    expect(user.unit).toMatchObject({ code: 'DIGITAL', name: 'Digital Udvikling', parentId: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'user.created', resourceId: user.id } });
    expect(event.actorId).toBeNull();
    expect(JSON.parse(event.details)).toEqual({ role: 'DIGITAL_UNIT', via: 'command_line', unitCreated: true });

    // The account works in the app on the same database.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const app = createApp(buildDeps(config, db, createLogger('silent')));
    const agent = supertest.agent(app);
    const { csrfToken } = (await agent.get('/api/auth/csrf').expect(200)).body as { csrfToken: string };
    const login = await agent.post('/api/auth/login').set('x-csrf-token', csrfToken).send({ email: user.email, password: PASSWORD }).expect(200);
    expect(MeResponse.parse(login.body).user).toMatchObject({ role: 'DIGITAL_UNIT', unit: { code: 'DIGITAL' } });
  }, 90_000);

  it('when the e-mail exists, then it exits 1 saying so and creates nothing', async () => {
    const before = await db.user.count();
    const res = adminCreate(['--email', 'forste.admin@kommune.example', '--name', 'En Anden'], `${PASSWORD}\n`);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('Der findes allerede en bruger med denne e-mailadresse');
    expect(await db.user.count()).toBe(before);
  }, 60_000);

  it('when the password is too short or missing, then it exits 1 saying what is wrong and creates nothing', async () => {
    const short = adminCreate(['--email', 'to@kommune.example', '--name', 'To'], 'kort\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('mindst 12 tegn');
    const none = adminCreate(['--email', 'to@kommune.example', '--name', 'To'], '');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('ingen adgangskode');
    expect(await db.user.count({ where: { email: 'to@kommune.example' } })).toBe(0);
  }, 60_000);

  it('when --unit names an existing unit, then the account is placed there and no unit is created', async () => {
    const unit = await db.orgUnit.create({ data: { code: 'IT', name: 'IT og Digitalisering' } });
    const units = await db.orgUnit.count();
    const res = adminCreate(['--email', 'it@kommune.example', '--name', 'It Person', '--unit', 'it'], `${PASSWORD}\r\nen linje til overs\n`);
    expect(res.status).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { email: 'it@kommune.example' } })).unitId).toBe(unit.id);
    expect(await db.orgUnit.count()).toBe(units);
  }, 60_000);

  it('when --email or --name is missing, then it exits 2 with the usage', () => {
    const res = adminCreate(['--email', 'tre@kommune.example'], `${PASSWORD}\n`);
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('--name');
    expect(res.stderr).toContain('admin:create');
  }, 60_000);

  it('when the database has not been migrated, then it exits 1 naming npm run db:migrate', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-create-'));
    try {
      const res = adminCreate(['--email', 'fire@kommune.example', '--name', 'Fire'], `${PASSWORD}\n`, `file:${path.join(dir, 'new.db')}`);
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('npm run db:migrate');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

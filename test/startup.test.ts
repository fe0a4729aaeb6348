import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, inject, it } from 'vitest';
import { checkSqliteIntegrity } from '../server/src/lib/db-health.js';

const root = path.resolve(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the server refuses to start half-configured', () => {
  it('when a policy file has an unknown data class, then it exits naming the file and the field, before opening the database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bad-policies-'));
    const db = path.join(dir, 'never-created.db');
    const good = fs.readFileSync(path.join(root, 'policies/borgerbreve-maskering.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'borgerbreve-maskering.yaml'), good.replace('  CVR: allow', '  CVR: allow\n  BLOOD_TYPE: block'));
    try {
      const res = start({ POLICIES_DIR: dir, DATABASE_URL: `file:${db}` });
      expect(res.status).toBe(78);
      expect(res.stderr).toContain('borgerbreve-maskering.yaml');
      expect(res.stderr).toMatch(/dataClasses.*BLOOD_TYPE/);
      expect(fs.existsSync(db)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when the configuration is wrong, then it exits listing each wrong variable', () => {
    const res = start({ PORT: 'seventy', LOG_LEVEL: 'loud' });
    expect(res.status).toBe(78);
    expect(res.stderr).toMatch(/PORT/);
    expect(res.stderr).toMatch(/LOG_LEVEL/);
    const production = start({ NODE_ENV: 'production' });
    expect(production.status).toBe(78);
    expect(production.stderr).toMatch(/SESSION_SECRET: is required when NODE_ENV=production/);
  });
});

/** A copy of the migrated database with garbage written over the pages of the tables sign-in reads and writes. */
function corruptCopy(dir: string): string {
  const file = path.join(dir, 'damaged.db');
  fs.copyFileSync(inject('sqliteTemplate'), file);
  const db = new Database(file);
  // As a file the server has run on is (createDb switches it to incremental auto-vacuum): starting on it then
  // rewrites nothing, so without the check the damage would go unnoticed until someone signs in.
  db.pragma('auto_vacuum = INCREMENTAL');
  db.exec('VACUUM');
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const roots = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name IN ('User', 'Session')").pluck().all() as number[];
  db.close();
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of roots) fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

describe('the server refuses to start on a damaged database', () => {
  it('when pages of the SQLite file are garbage, then the start check finds it, and the server exits 78 saying what to do', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'damaged-db-'));
    try {
      const file = corruptCopy(dir);
      const check = checkSqliteIntegrity(file);
      expect(check.ok).toBe(false);
      expect(check.ok ? '' : check.failure).toBe('corrupt');
      // An intact file, and one that does not exist yet (the migrations create it), pass.
      expect(checkSqliteIntegrity(inject('sqliteTemplate'))).toEqual({ ok: true });
      expect(checkSqliteIntegrity(path.join(dir, 'new.db'))).toEqual({ ok: true });

      // Without the demo seed (which would write, and fail): a server started on it would say it is ready.
      const res = start({ DATABASE_URL: `file:${file}`, DEMO_SEED: 'false' });
      expect(res.status, res.stderr).toBe(78);
      expect(res.stderr).toContain(`The SQLite database ${file} is damaged`);
      expect(res.stderr).toMatch(/quick_check/);
      expect(res.stderr).toContain('restore the last backup');
      expect(res.stderr).toContain('The server has not started.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

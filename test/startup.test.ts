import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

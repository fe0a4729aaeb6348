import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { da } from './da';

/**
 * The audit trail is read by people in the digital unit: every action the server records has a Danish label.
 * The actions are collected from the server's source, where they are written as literals ('run.reviewed').
 */
const SERVER = path.resolve(__dirname, '../../../../server/src');
const PREFIXES = ['auth', 'user', 'trial', 'run', 'experience', 'reflection', 'document', 'documents', 'job', 'retention', 'demo'];

function serverActions(): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(p);
      } else if (entry.name.endsWith('.ts') && !entry.name.includes('.test.')) {
        const text = fs.readFileSync(p, 'utf8');
        if (!/recordAudit|action/.test(text)) continue;
        for (const m of text.matchAll(/['`]([a-z]+)\.([a-z_]+)['`]/g)) {
          if (PREFIXES.includes(m[1]!) && /action|recordAudit/.test(text.slice(Math.max(0, m.index - 400), m.index))) found.add(`${m[1]}.${m[2]}`);
        }
      }
    }
  };
  walk(SERVER);
  return [...found].sort();
}

describe('audit labels', () => {
  it('every action the server records has a Danish label', () => {
    const actions = serverActions();
    expect(actions).toEqual(expect.arrayContaining(['run.completed', 'run.reviewed', 'trial.created', 'experience.logged', 'retention.swept']));
    expect(actions.length).toBeGreaterThan(25);
    const labels = da.audit.actions as Record<string, Record<string, string>>;
    const missing = actions.filter((a) => {
      const [group, name] = a.split('.') as [string, string];
      return !labels[group]?.[name];
    });
    expect(missing).toEqual([]);
  });
});

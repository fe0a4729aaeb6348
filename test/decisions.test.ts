/**
 * The decision records stay findable: every record in docs/decisions has a status under its title and a row in
 * the index, and every row of the index names a record that exists, with the same title.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../docs/decisions');
const records = fs.readdirSync(DIR).filter((f) => /^\d{4}-.*\.md$/.test(f)).sort();
const index = fs.readFileSync(path.join(DIR, 'README.md'), 'utf8');

describe('the decision records', () => {
  it('each has a status and a row in the index with its own title, and the index names no record that is gone', () => {
    const rows = [...index.matchAll(/^\| (\d{4}) \| \[(.+)\]\((\d{4}-[^)]+\.md)\) \| (accepted|superseded by \d{4}|proposed) \|$/gm)];
    expect(rows.map((r) => r[3])).toEqual(records);
    for (const r of rows) {
      const text = fs.readFileSync(path.join(DIR, r[3]!), 'utf8');
      expect(text.split('\n')[0], r[3]).toBe(`# ${r[1]} ${r[2]}`);
      expect(text.split('\n').slice(1, 4).join('\n'), r[3]).toMatch(/^Status: (accepted|superseded by \d{4}|proposed)$/m);
    }
  });
});

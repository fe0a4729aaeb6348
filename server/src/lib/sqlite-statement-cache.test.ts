import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cacheStatements } from './sqlite-statement-cache.js';

/** The adapter's calling pattern: prepare(sql).bind(args), then run() or columns() + raw().all(). */
type AdapterView = { reader: boolean; bind(a: unknown[]): AdapterView; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[][] } };

function open() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  return db;
}

describe('prepared statement cache', () => {
  it('when the same SQL runs again with other arguments, then each call sees its own arguments', () => {
    const db = open();
    cacheStatements(db);
    const prepare = (sql: string) => (db.prepare as unknown as (s: string) => AdapterView)(sql);
    for (const [id, name] of [[1, 'Anne'], [2, 'Bo'], [3, 'Carl']] as const) {
      expect(prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run().changes).toBe(1);
    }
    const select = (id: number) => prepare('SELECT id, name FROM t WHERE id = ?').bind([id]);
    expect(select(2).raw().all()).toEqual([[2, 'Bo']]);
    expect(select(3).raw().all()).toEqual([[3, 'Carl']]);
    expect(select(9).raw().all()).toEqual([]);
    expect(select(1).columns().map((c) => c.name)).toEqual(['id', 'name']);
    expect(select(1).reader).toBe(true);
    expect(prepare('DELETE FROM t WHERE id = ?').bind([1]).reader).toBe(false);
  });

  it('when more distinct statements are used than the cache holds, then the oldest are dropped and all still work', () => {
    const db = open();
    cacheStatements(db, 2);
    const prepare = (sql: string) => (db.prepare as unknown as (s: string) => AdapterView)(sql);
    prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([1, 'Anne']).run();
    for (let i = 0; i < 5; i++) {
      expect(prepare(`SELECT name, ${i} AS n FROM t WHERE id = ?`).bind([1]).raw().all()).toEqual([['Anne', i]]);
    }
  });
});

import { providerOf } from './db.js';

/** Arbitrary constant that names the start-up lock on PostgreSQL (the audit chain's is 724_201, retention's 724_202). */
const STARTUP_LOCK_KEY = 724_203;

/**
 * Runs `work` (migrations, the demo seed) while no other instance on the same PostgreSQL database runs its own:
 * instances started together would otherwise both apply a migration or both create the demo organisation (the
 * second crashed on the unique unit code). A session advisory lock on a connection of its own, held for the
 * whole of `work` and released when it ends or the process dies (the connection closes). The instance that
 * waits then finds the migrations applied and the organisation there, and does nothing. On SQLite, one file is
 * one instance's: nothing to coordinate.
 */
export async function withStartupLock<T>(databaseUrl: string, onWait: () => void, work: () => Promise<T>): Promise<T> {
  if (providerOf(databaseUrl) !== 'postgresql') return work();
  // Loaded only here: a server on SQLite does not keep PostgreSQL's driver in memory.
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [STARTUP_LOCK_KEY]);
    if (!rows[0]?.locked) {
      onWait();
      await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    }
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

import { Prisma, type Db, type DbProvider } from '../../lib/db.js';
import { type BackoffRule, type FailureBook, type FailureEntry, forgotten, ruleOfKey, signInRules } from './rate-limit.js';

const fromRow = (r: { score: number; scoredAt: Date; lastFailureAt: Date }): FailureEntry => ({
  score: r.score,
  scoredAt: r.scoredAt.getTime(),
  lastFailureAt: r.lastFailureAt.getTime(),
});

/**
 * The sign-in failures in the database (table SignInFailure), so that every instance behind one proxy counts
 * the same failures: with a book per instance, 20 wrong passwords got through two instances where one allows 10.
 * One short transaction per sign-in: the keys' rows are created if missing and locked (FOR UPDATE on PostgreSQL,
 * in the order of the keys, which is the same for every sign-in, so two never deadlock; SQLite's writes are
 * serial), read, decided on and written. The clock is the server's (deps.now), as for the rest of the limits.
 */
export function databaseFailureBook(db: Db, provider: DbProvider, now: () => Date): FailureBook {
  return {
    async change(keys, decide) {
      return db.$transaction(async (tx) => {
        const t = now();
        for (const key of keys) {
          await tx.$executeRaw`INSERT INTO "SignInFailure" ("key", "score", "scoredAt", "lastFailureAt") VALUES (${key}, 0, ${t}, ${t}) ON CONFLICT ("key") DO NOTHING`;
        }
        if (provider === 'postgresql') {
          await tx.$queryRaw`SELECT "key" FROM "SignInFailure" WHERE "key" IN (${Prisma.join(keys)}) ORDER BY "key" FOR UPDATE`;
        }
        const rows = await tx.signInFailure.findMany({ where: { key: { in: keys } } });
        const byKey = new Map(rows.map((r) => [r.key, r]));
        const entries = keys.map((k) => {
          const r = byKey.get(k);
          return r && r.score > 0 ? fromRow(r) : null;
        });
        const { set, result } = decide(entries, t.getTime());
        for (const [i, key] of keys.entries()) {
          const v = set[i];
          if (v === undefined) continue;
          // deleteMany and upsert, not delete and update: on PostgreSQL a concurrent sign-in from the same address
          // may have deleted the row after it was inserted above and before it was locked, and the attempt must not
          // fail for it (P2025 would answer 404).
          if (v === null) await tx.signInFailure.deleteMany({ where: { key } });
          else {
            const data = { score: v.score, scoredAt: new Date(v.scoredAt), lastFailureAt: new Date(v.lastFailureAt) };
            await tx.signInFailure.upsert({ where: { key }, create: { key, ...data }, update: data });
          }
        }
        // Rows created above and not written (a refused attempt on a fresh key) hold nothing: gone again.
        for (const [i, key] of keys.entries()) {
          if (set[i] === undefined && !entries[i]) await tx.signInFailure.deleteMany({ where: { key, score: 0 } });
        }
        return result;
      });
    },
  };
}

/**
 * Deletes the rows whose every failure is forgiven, so that a flood of made-up e-mails or addresses does not
 * grow the table for good. Called with the session clean-up; a row is at most a few hundred bytes.
 */
export async function pruneSignInFailures(
  db: Db,
  settings: { maxAttempts: number; maxWaitMs: number },
  now: Date,
): Promise<number> {
  const rules = signInRules(settings);
  let removed = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.signInFailure.findMany({
      where: { scoredAt: { lt: now }, ...(cursor ? { key: { gt: cursor } } : {}) },
      orderBy: { key: 'asc' },
      take: 500,
    });
    if (batch.length === 0) return removed;
    cursor = batch[batch.length - 1]!.key;
    const gone = batch
      .filter((r) => {
        const rule: BackoffRule | null = ruleOfKey(rules, r.key);
        return !rule || forgotten(rule, fromRow(r), now.getTime());
      })
      .map((r) => r.key);
    if (gone.length) removed += (await db.signInFailure.deleteMany({ where: { key: { in: gone } } })).count;
  }
}

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createUnit } from '../../../test/support/factories.js';
import { isTransactionConflict, retryingTransactions, TRANSACTION_ATTEMPTS } from './db-retry.js';

const conflict = Object.assign(new Error('Transaction failed due to a write conflict or a deadlock'), { code: 'P2034' });
const noPause = async () => {};

/** A client whose interactive transactions fail with the given errors first, then return "ok". */
function fakeClient(failures: unknown[]) {
  const calls: number[] = [];
  const client = {
    async $transaction(arg: unknown) {
      calls.push(1);
      if (typeof arg !== 'function') return 'batch';
      const next = failures.shift();
      if (next) throw next;
      return 'ok';
    },
  };
  return { client, calls };
}

describe('transactions that lose a deadlock are run again', () => {
  it('a conflict is retried, at most TRANSACTION_ATTEMPTS in all; any other error is thrown at once; a batch is passed through', async () => {
    const retried: number[] = [];
    const twice = fakeClient([conflict, conflict]);
    retryingTransactions(twice.client, (n) => retried.push(n), noPause);
    expect(await twice.client.$transaction(async () => 'ignored')).toBe('ok');
    expect(twice.calls).toHaveLength(3);
    expect(retried).toEqual([1, 2]);

    const always = fakeClient(Array(TRANSACTION_ATTEMPTS + 1).fill(conflict));
    retryingTransactions(always.client, () => {}, noPause);
    await expect(always.client.$transaction(async () => null)).rejects.toBe(conflict);
    expect(always.calls).toHaveLength(TRANSACTION_ATTEMPTS);

    const unique = Object.assign(new Error('Unique constraint failed'), { code: 'P2002' });
    const other = fakeClient([unique]);
    retryingTransactions(other.client, () => {}, noPause);
    await expect(other.client.$transaction(async () => null)).rejects.toBe(unique);
    expect(other.calls).toHaveLength(1);
    expect(await other.client.$transaction([])).toBe('batch');
  });

  it('knows a conflict in each shape it arrives in: Prisma P2034, a raw query\'s SQLSTATE, the driver adapter\'s error', () => {
    expect(isTransactionConflict({ code: 'P2034' })).toBe(true);
    expect(isTransactionConflict({ code: 'P2010', meta: { code: '40P01' } })).toBe(true);
    expect(isTransactionConflict({ meta: { driverAdapterError: { cause: { originalCode: '40001' } } } })).toBe(true);
    expect(isTransactionConflict({ kind: 'TransactionWriteConflict' })).toBe(true);
    expect(isTransactionConflict({ code: 'P2002' })).toBe(false);
    expect(isTransactionConflict(new Error('40P01 in a message is not a code'))).toBe(false);
  });
});

describe('a real deadlock on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it.skipIf(inject('testDatabase') !== 'postgres')(
    'two transactions that lock two rows in opposite order both finish: the database aborts one, it runs again',
    async () => {
      const [a, b] = [await createUnit(t.deps), await createUnit(t.deps)];
      const crossing = (first: string, second: string, name: string) =>
        t.deps.db.$transaction(
          async (tx) => {
            await tx.$executeRaw`UPDATE "OrgUnit" SET "name" = ${name} WHERE "id" = ${first}`;
            await tx.$executeRaw`SELECT pg_sleep(0.3)`;
            await tx.$executeRaw`UPDATE "OrgUnit" SET "name" = ${name} WHERE "id" = ${second}`;
          },
          { timeout: 15_000, maxWait: 15_000 },
        );
      const results = await Promise.allSettled([crossing(a.id, b.id, 'Første'), crossing(b.id, a.id, 'Anden')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      // The one that ran again committed last, so both rows carry its name.
      const names = (await t.deps.db.orgUnit.findMany({ where: { id: { in: [a.id, b.id] } } })).map((u) => u.name);
      expect(new Set(names).size).toBe(1);
    },
    30_000,
  );
});

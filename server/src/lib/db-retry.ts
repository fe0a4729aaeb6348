/**
 * Interactive transactions that lose a deadlock or a serialization conflict (PostgreSQL aborts one side, SQLSTATE
 * 40P01 / 40001; Prisma says P2034) are run again, a bounded number of times with a short random pause: the
 * aborted side wrote nothing, and running it again after the winner committed is what the database expects.
 * The last line of defence: every audited write also takes its locks in one order (docs/decisions/0003), so a
 * deadlock should not happen at all. A transaction's function must therefore be safe to run again: it writes
 * only to the database (the services' rule: the change and its audit event in one transaction, nothing else).
 */
export const TRANSACTION_ATTEMPTS = 3;

const CONFLICT_CODES = new Set(['P2034', '40P01', '40001']);

interface Coded {
  code?: unknown;
  originalCode?: unknown;
  kind?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown; code?: unknown };
}

/** Whether the error is the database aborting a transaction for a deadlock or a write conflict. */
export function isTransactionConflict(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as Coded;
  // A raw query's failure (P2010) carries the SQLSTATE in meta.code.
  for (const code of [e.originalCode, e.code, e.meta?.code]) if (typeof code === 'string' && CONFLICT_CODES.has(code)) return true;
  if (e.kind === 'TransactionWriteConflict') return true;
  return isTransactionConflict(e.meta?.driverAdapterError, depth + 1) || isTransactionConflict(e.cause, depth + 1);
}

type TransactionFn = (...args: unknown[]) => Promise<unknown>;

/**
 * Makes `client.$transaction(fn, options)` run `fn` again after a conflict (at most TRANSACTION_ATTEMPTS in all).
 * Batch transactions (an array of queries) pass through unchanged. Returns the same client.
 */
export function retryingTransactions<T extends { $transaction: unknown }>(
  client: T,
  onRetry: (attempt: number) => void = () => {},
  pause: (attempt: number) => Promise<void> = (attempt) => new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30)),
): T {
  const original = (client.$transaction as TransactionFn).bind(client);
  const wrapped: TransactionFn = async (arg, ...rest) => {
    if (typeof arg !== 'function') return original(arg, ...rest);
    for (let attempt = 1; ; attempt++) {
      try {
        return await original(arg, ...rest);
      } catch (err) {
        if (attempt >= TRANSACTION_ATTEMPTS || !isTransactionConflict(err)) throw err;
        onRetry(attempt);
        await pause(attempt);
      }
    }
  };
  Object.defineProperty(client, '$transaction', { value: wrapped, configurable: true, writable: true });
  return client;
}

import { Prisma, type DbProvider, type Run, type Tx } from '../../lib/db.js';

const COLUMNS = [
  'id', 'trialId', 'userId', 'assistant', 'status', 'policyId', 'policyVersion', 'guardDecision', 'guardFindings',
  'provider', 'model', 'promptTokens', 'completionTokens', 'durationMs', 'errorCode', 'inputChars', 'fourEyes',
  'input', 'output', 'finalText', 'details', 'pseudonymMap', 'contentPurgedAt', 'retainUntil', 'createdAt', 'completedAt',
] as const satisfies readonly (keyof Run)[];
/** Fails to compile when the Run model gains a column this insert does not name. */
const everyColumn: [Exclude<keyof Run, (typeof COLUMNS)[number]>] extends [never] ? true : never = true;
void everyColumn;

/**
 * Stores a finished run as one plain INSERT. Prisma's typed `create` costs about a third of a millisecond here
 * (building the query and mapping the returned row), the largest single cost left in the governed pipeline
 * (docs/decisions/0009). The row is a complete `Run`, so the compiler insists on every field, and
 * runs.insert.api.test.ts reads it back through Prisma on SQLite and PostgreSQL to prove the two agree.
 */
export async function insertRun(tx: Tx, provider: DbProvider, row: Run): Promise<void> {
  const values = COLUMNS.map((c) =>
    // PostgreSQL's status column is an enum type; a text parameter must be cast to it.
    c === 'status' && provider === 'postgresql' ? Prisma.sql`CAST(${row.status} AS "RunStatus")` : Prisma.sql`${row[c]}`,
  );
  const columns = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(', '));
  await tx.$executeRaw`INSERT INTO "Run" (${columns}) VALUES (${Prisma.join(values)})`;
}

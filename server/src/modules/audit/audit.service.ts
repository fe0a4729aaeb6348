import type { AuditAction, AuditEventView, AuditList, AuditVerification } from '../../contracts/audit.js';
import { Prisma, type Db, type DbProvider, type Tx } from '../../lib/db.js';
import type { Actor } from '../auth/auth.types.js';
import { requireRole } from '../auth/permissions.service.js';
import { GENESIS_HASH, hashEvent, verifyChainPage, type AuditDetails } from './audit.chain.js';
export type { AuditDetails } from './audit.chain.js';

export interface AuditInput {
  actor: Pick<Actor, 'id' | 'role'> | null;
  action: AuditAction;
  resourceType: string;
  resourceId?: string | null;
  unitId?: string | null;
  details?: AuditDetails;
}

/** Arbitrary constant that names the audit chain's advisory lock on PostgreSQL. */
const AUDIT_LOCK_KEY = 724_201;

/** The stored fields of an event, as the chain hashes them. */
function eventFields(input: AuditInput, at: Date, prevHash: string) {
  return {
    at,
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId ?? null,
    unitId: input.unitId ?? null,
    details: JSON.stringify(input.details ?? {}),
    prevHash,
  };
}

/**
 * Appends one event to the chain. Call it inside the transaction that makes the change it records, so that
 * either both are stored or neither. The chain is a single line: on PostgreSQL an advisory lock serialises
 * appenders; on SQLite transactions are already serial. `prevHash` is unique, so a fork can never be stored.
 */
export async function recordAudit(tx: Tx, provider: DbProvider, input: AuditInput): Promise<void> {
  if (provider === 'postgresql') {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  }
  // Plain SQL for the chain's tip: it is read on every audited change, and the query builder costs four times
  // the query itself here (see `npm run bench:pipeline`).
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`;
  const fields = eventFields(input, new Date(), last?.hash ?? GENESIS_HASH);
  // A plain INSERT too, for the same reason; `seq` comes from the database. The chain tests read the events back
  // through Prisma and verify every hash on SQLite and PostgreSQL, so a difference in how either is stored shows.
  const hash = hashEvent(fields);
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("at", "actorId", "actorRole", "action", "resourceType", "resourceId", "unitId", "details", "prevHash", "hash")
    VALUES (${fields.at}, ${fields.actorId}, ${fields.actorRole}, ${fields.action}, ${fields.resourceType}, ${fields.resourceId},
            ${fields.unitId}, ${fields.details}, ${fields.prevHash}, ${hash})`;
}

/** An event that happened at `at`, recorded later (recordAuditHistory). */
export interface DatedAuditInput extends AuditInput {
  at: Date;
}

/** Rows per INSERT: 10 parameters each, well under SQLite's and PostgreSQL's limits. */
const HISTORY_BATCH = 200;

/**
 * Appends events that happened earlier, each dated at its own time, in the order given: the demo organisation's
 * history, written in the same transaction as the rows the events record. The chain is the same as recordAudit's
 * (same lock, same hashes, each event linked to the one before), only written a few hundred rows per statement.
 * The chain links events in the order they were stored; verifyAuditChain does not require their dates to rise.
 */
export async function recordAuditHistory(tx: Tx, provider: DbProvider, events: readonly DatedAuditInput[]): Promise<void> {
  if (events.length === 0) return;
  if (provider === 'postgresql') {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  }
  const [last] = await tx.$queryRaw<{ hash: string }[]>`SELECT "hash" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1`;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = events.map((input) => {
    const fields = eventFields(input, input.at, prevHash);
    prevHash = hashEvent(fields);
    return { ...fields, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += HISTORY_BATCH) {
    const values = rows
      .slice(i, i + HISTORY_BATCH)
      .map((f) => Prisma.sql`(${f.at}, ${f.actorId}, ${f.actorRole}, ${f.action}, ${f.resourceType}, ${f.resourceId}, ${f.unitId}, ${f.details}, ${f.prevHash}, ${f.hash})`);
    // One statement's rows get their `seq` in the order of its VALUES, on SQLite and PostgreSQL alike.
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("at", "actorId", "actorRole", "action", "resourceType", "resourceId", "unitId", "details", "prevHash", "hash")
      VALUES ${Prisma.join(values)}`;
  }
}

/** Records an event that accompanies no other change (sign-in, sign-out, a refused request). */
export async function recordAuditAlone(db: Db, provider: DbProvider, input: AuditInput): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, provider, input));
}

/**
 * Views of someone else's content are audited once per look, not per request: a page that fetches a run and
 * its final text, fetches again when the window regains focus, or mounts twice (React StrictMode), is one view.
 * A view by the same person of the same resource within this window of the last one recorded adds nothing.
 */
export const VIEW_WINDOW_MS = 10 * 60_000;

/**
 * Records a `*.viewed` event unless the same person's view of the same resource is already recorded within
 * `windowMs`. The check runs under the chain's lock (PostgreSQL) or in SQLite's serial transaction, so two
 * requests at the same moment record one view. Returns whether an event was written.
 */
export async function recordViewOnce(db: Db, provider: DbProvider, input: AuditInput & { resourceId: string }, windowMs = VIEW_WINDOW_MS): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (provider === 'postgresql') await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const recent = await tx.auditEvent.findFirst({
      where: {
        resourceType: input.resourceType,
        resourceId: input.resourceId,
        action: input.action,
        actorId: input.actor?.id ?? null,
        // The chain's own clock (recordAudit stamps events with the wall clock, not an injected one).
        at: { gt: new Date(Date.now() - windowMs) },
      },
      select: { seq: true },
    });
    if (recent) return false;
    await recordAudit(tx, provider, input);
    return true;
  });
}

/**
 * Someone else's run read by a person (its page or its approved text): one `run.viewed` per look, the same event
 * whichever of the run's pages was opened.
 */
export function recordRunViewed(db: Db, provider: DbProvider, actor: AuditInput['actor'], run: { id: string; status: string; unitId: string }): Promise<boolean> {
  return recordViewOnce(db, provider, { actor, action: 'run.viewed', resourceType: 'run', resourceId: run.id, unitId: run.unitId, details: { status: run.status } });
}

/** How many events of this action on this resource the trail holds since `since` (e.g. failed attempts, for a limit). */
export function countAuditEventsSince(
  db: Db,
  event: { action: AuditAction; resourceType: string; resourceId: string },
  since: Date,
): Promise<number> {
  return db.auditEvent.count({ where: { action: event.action, resourceType: event.resourceType, resourceId: event.resourceId, at: { gte: since } } });
}

const PAGE = 1000;

export async function verifyAuditChain(db: Db): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: PAGE });
    if (page.length === 0) break;
    const { broken, lastHash } = verifyChainPage(page, prevHash);
    if (broken) return { ok: false, checked: checked + page.findIndex((e) => e.seq === broken.seq), firstBroken: broken };
    checked += page.length;
    prevHash = lastHash;
    after = page[page.length - 1]!.seq;
  }
  return { ok: true, checked, firstBroken: null };
}

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  query: { before?: number; limit: number; resourceType?: string; resourceId?: string },
): Promise<AuditList> {
  requireRole(actor, ['DIGITAL_UNIT']);
  const rows = await db.auditEvent.findMany({
    where: {
      ...(query.before ? { seq: { lt: query.before } } : {}),
      ...(query.resourceType ? { resourceType: query.resourceType } : {}),
      ...(query.resourceId ? { resourceId: query.resourceId } : {}),
    },
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const events: AuditEventView[] = page.map((e) => ({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    unitId: e.unitId,
    details: JSON.parse(e.details) as Record<string, unknown>,
    hash: e.hash,
  }));
  return { events, nextBefore: rows.length > query.limit ? page[page.length - 1]!.seq : null };
}

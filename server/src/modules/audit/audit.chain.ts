import { createHash } from 'node:crypto';

/** The first event of the chain links to this. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditDetailValue = string | number | boolean | null | string[];
/** Content-free details: ids, counts, statuses, versions. Never text a person wrote or personal data. */
export type AuditDetails = Record<string, AuditDetailValue>;

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  unitId: string | null;
  details: string;
  prevHash: string;
}

/** Canonical JSON: object keys sorted, so the same details always hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEvent(e: ChainedFields): string {
  const material = canonicalJson({
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    unitId: e.unitId,
    details: e.details,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(material).digest('hex');
}

export interface StoredEvent extends ChainedFields {
  seq: number;
  hash: string;
}

export type Broken = { seq: number; reason: 'hash_mismatch' | 'chain_break' };

/**
 * Walks events in sequence order. Each must link to the hash of the one before it and its own hash must match
 * its fields. Returns the first broken link. `prevHash` carries over between pages so long chains can be
 * checked in batches.
 */
export function verifyChainPage(events: StoredEvent[], prevHash: string): { broken: Broken | null; lastHash: string } {
  let expectedPrev = prevHash;
  for (const e of events) {
    if (e.prevHash !== expectedPrev) return { broken: { seq: e.seq, reason: 'chain_break' }, lastHash: expectedPrev };
    if (hashEvent(e) !== e.hash) return { broken: { seq: e.seq, reason: 'hash_mismatch' }, lastHash: expectedPrev };
    expectedPrev = e.hash;
  }
  return { broken: null, lastHash: expectedPrev };
}

import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashEvent, verifyChainPage, type StoredEvent } from './audit.chain.js';

function chain(n: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = {
      at: new Date(Date.UTC(2026, 10, 27, 9, 0, i)),
      actorId: `u${i}`,
      actorRole: 'LEADER',
      action: 'trial.updated',
      resourceType: 'trial',
      resourceId: `t${i}`,
      unitId: null,
      details: JSON.stringify({ version: i }),
      prevHash: prev,
    };
    const hash = hashEvent(f);
    events.push({ ...f, seq: i, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('an untouched chain verifies', () => {
    expect(verifyChainPage(chain(5), GENESIS_HASH).broken).toBeNull();
  });

  it('when one field of one event is changed, then that event is reported as the first broken link', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, actorId: 'someone-else' };
    expect(verifyChainPage(events, GENESIS_HASH).broken).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('when an event is removed, then the next one is reported as a chain break', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verifyChainPage(events, GENESIS_HASH).broken).toEqual({ seq: 3, reason: 'chain_break' });
  });

  it('when an event is rewritten with a fresh hash, then the following event no longer links to it', () => {
    const events = chain(4);
    const forged = { ...events[1]!, action: 'trial.deleted' };
    events[1] = { ...forged, hash: hashEvent(forged) };
    expect(verifyChainPage(events, GENESIS_HASH).broken).toEqual({ seq: 3, reason: 'chain_break' });
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

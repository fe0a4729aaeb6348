import { describe, expect, it } from 'vitest';
import { FailureCounter, LoginLimiter, addressKey, memoryFailureBook } from './rate-limit.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const MINUTE = 60_000;

describe('FailureCounter', () => {
  const rule = { free: 3, forgiveEveryMs: 15 * MINUTE, firstWaitMs: 1000, maxWaitMs: 15 * MINUTE };

  it('lets the free failures through, then makes each further attempt wait twice as long, up to the cap', () => {
    const c = clock();
    const counter = new FailureCounter(rule, c.now);
    for (let i = 0; i < 3; i++) {
      expect(counter.waitMs('k')).toBe(0);
      counter.fail('k');
    }
    const waits: number[] = [];
    for (let i = 0; i < 14; i++) {
      const wait = counter.waitMs('k');
      waits.push(wait);
      c.advance(wait);
      expect(counter.waitMs('k')).toBe(0);
      counter.fail('k');
    }
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16_000]);
    expect(Math.max(...waits)).toBe(15 * MINUTE);
    expect(waits.at(-1)).toBe(15 * MINUTE);
  });

  it('counts the wait from the last failure', () => {
    const c = clock();
    const counter = new FailureCounter(rule, c.now);
    for (let i = 0; i < 4; i++) counter.fail('k');
    expect(counter.waitMs('k')).toBe(2000);
    c.advance(500);
    expect(counter.waitMs('k')).toBe(1500);
  });

  it('forgives one failure per interval, so a quiet key starts over', () => {
    const c = clock();
    const counter = new FailureCounter(rule, c.now);
    for (let i = 0; i < 5; i++) counter.fail('k');
    c.advance(15 * MINUTE);
    // 4 remembered: still past the free three, but the wait since the last failure has run out.
    expect(counter.waitMs('k')).toBe(0);
    counter.fail('k');
    expect(counter.waitMs('k')).toBe(4000);
    c.advance(6 * 15 * MINUTE);
    expect(counter.remembered('k')).toBe(0);
    expect(counter.size).toBe(0);
  });

  it('keeps keys apart, and forgets one failure or all of them on request', () => {
    const counter = new FailureCounter(rule, clock().now);
    for (let i = 0; i < 3; i++) counter.fail('a');
    counter.fail('b');
    expect(counter.waitMs('a')).toBe(1000);
    expect(counter.waitMs('b')).toBe(0);
    counter.forgiveOne('a');
    expect(counter.waitMs('a')).toBe(0);
    counter.fail('a');
    counter.clear('a');
    expect(counter.remembered('a')).toBe(0);
  });

  it('holds at most maxKeys keys, dropping the oldest first', () => {
    const c = clock();
    const counter = new FailureCounter(rule, c.now, 10);
    for (let i = 0; i < 25; i++) {
      counter.fail(`k${i}`);
      c.advance(1);
    }
    expect(counter.size).toBeLessThanOrEqual(10);
    expect(counter.remembered('k24')).toBe(1);
    expect(counter.remembered('k0')).toBe(0);
  });
});

describe('LoginLimiter', () => {
  const settings = { maxAttempts: 10, maxWaitMs: 15 * MINUTE };

  async function tryAs(limiter: LoginLimiter, email: string, address: string, ok: boolean) {
    const d = await limiter.begin(email, address);
    if (!d.allowed) return d;
    if (ok) await d.succeeded();
    return d;
  }

  it('limits one account and one address after LOGIN_MAX_ATTEMPTS failures, with Retry-After in whole seconds', async () => {
    const limiter = new LoginLimiter(settings, memoryFailureBook(clock().now));
    for (let i = 0; i < 10; i++) expect((await tryAs(limiter, 'a@x.dk', '10.0.0.1', false)).allowed).toBe(true);
    expect(await tryAs(limiter, 'a@x.dk', '10.0.0.1', true)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('limits one account from any number of addresses after twice LOGIN_MAX_ATTEMPTS failures', async () => {
    const limiter = new LoginLimiter(settings, memoryFailureBook(clock().now));
    for (let i = 0; i < 20; i++) expect((await tryAs(limiter, 'a@x.dk', `10.0.0.${i}`, false)).allowed).toBe(true);
    expect((await tryAs(limiter, 'a@x.dk', '10.9.9.9', true)).allowed).toBe(false);
    expect((await tryAs(limiter, 'b@x.dk', '10.9.9.9', true)).allowed).toBe(true);
  });

  it('never refuses an address as a whole: after many failures its sign-ins are delayed a little, and the right password gets in', async () => {
    const c = clock();
    const limiter = new LoginLimiter(settings, memoryFailureBook(c.now));
    for (let i = 0; i < 300; i++) {
      const d = await tryAs(limiter, `ukendt-${i}@x.dk`, '10.0.0.1', false);
      expect(d.allowed).toBe(true);
      c.advance(10);
    }
    const d = await limiter.begin('kollega@x.dk', '10.0.0.1');
    expect(d.allowed).toBe(true);
    if (!d.allowed) return;
    expect(d.delayMs).toBeGreaterThan(0);
    expect(d.delayMs).toBeLessThanOrEqual(3000);
    // A quiet spell after the flood: no delay any more.
    c.advance(3000);
    const later = await limiter.begin('kollega2@x.dk', '10.0.0.1');
    expect(later.allowed && later.delayMs).toBe(0);
  });

  it('counts an attempt before the password is checked, so requests sent at the same time cannot slip past the limit', async () => {
    const limiter = new LoginLimiter(settings, memoryFailureBook(clock().now));
    const inFlight = await Promise.all(Array.from({ length: 15 }, () => limiter.begin('a@x.dk', '10.0.0.1')));
    expect(inFlight.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('when the right password is given, then the failures of that account at that address are forgotten', async () => {
    const limiter = new LoginLimiter(settings, memoryFailureBook(clock().now));
    for (let i = 0; i < 9; i++) await tryAs(limiter, 'a@x.dk', '10.0.0.1', false);
    await tryAs(limiter, 'a@x.dk', '10.0.0.1', true);
    for (let i = 0; i < 10; i++) expect((await tryAs(limiter, 'a@x.dk', '10.0.0.1', false)).allowed).toBe(true);
  });

  it('treats e-mail addresses that differ only in case as one account', async () => {
    const limiter = new LoginLimiter(settings, memoryFailureBook(clock().now));
    for (let i = 0; i < 10; i++) await tryAs(limiter, i % 2 ? 'A@X.DK' : 'a@x.dk', '10.0.0.1', false);
    expect((await tryAs(limiter, 'a@x.dk', '10.0.0.1', true)).allowed).toBe(false);
  });
});

describe('addressKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['192.0.2.7:51234', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['[2001:db8::1]:443', '2001:db8:0:0::/64'],
    ['2001:db8:aa:bb:1:2:3:4', '2001:db8:aa:bb::/64'],
    ['2001:0db8:00aa:00bb::9', '2001:db8:aa:bb::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (raw, key) => {
    expect(addressKey(raw)).toBe(key);
  });

  it('counts the addresses of one IPv6 /64 as one address', async () => {
    const limiter = new LoginLimiter({ maxAttempts: 2, maxWaitMs: 15 * MINUTE }, memoryFailureBook(clock().now));
    await limiter.begin('a@x.dk', '2001:db8:aa:bb::1');
    await limiter.begin('a@x.dk', '2001:db8:aa:bb::2');
    expect((await limiter.begin('a@x.dk', '2001:db8:aa:bb:ffff::3')).allowed).toBe(false);
  });
});

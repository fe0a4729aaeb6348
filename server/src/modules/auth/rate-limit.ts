import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** How one kind of key is limited: some failures for free, then a wait that doubles with each further failure. */
export interface BackoffRule {
  /** Failures that cost nothing. From then on each attempt must wait after the last failure. */
  free: number;
  /** Failures are forgotten gradually: one per this many milliseconds, so a quiet key starts over. */
  forgiveEveryMs: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure ... */
  firstWaitMs: number;
  /** ... up to this. */
  maxWaitMs: number;
}

interface Entry {
  /** Failures remembered at `scoredAt`; fractional, because forgiving runs continuously. */
  score: number;
  scoredAt: number;
  lastFailureAt: number;
}

/**
 * Remembers failures per key and says how long the key must wait before its next attempt. In memory: with
 * several instances each counts on its own, which still bounds guessing per instance (docs/decisions/0002).
 * Holds at most `maxKeys` keys, so a flood of made-up keys costs bounded memory; past that the oldest go first.
 */
export class FailureCounter {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly rule: BackoffRule,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Failures still remembered for the key (0 once all are forgiven). */
  remembered(key: string): number {
    const entry = this.entries.get(key);
    if (!entry) return 0;
    const score = this.decayed(entry, this.now());
    if (score <= 0) {
      this.entries.delete(key);
      return 0;
    }
    // A failure partly forgiven still counts as a whole one.
    return Math.ceil(score - 1e-9);
  }

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  waitMs(key: string): number {
    const n = this.remembered(key);
    if (n < this.rule.free) return 0;
    const entry = this.entries.get(key)!;
    // 2^(n - free) overflows to Infinity for huge n, which Math.min caps.
    const wait = Math.min(this.rule.maxWaitMs, this.rule.firstWaitMs * 2 ** (n - this.rule.free));
    return Math.max(0, entry.lastFailureAt + wait - this.now());
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.entries.get(key);
    const score = entry ? Math.max(0, this.decayed(entry, t)) + 1 : 1;
    // Re-inserted so that the map's order is the order of last failure: the oldest are dropped first.
    this.entries.delete(key);
    this.entries.set(key, { score, scoredAt: t, lastFailureAt: t });
    if (this.entries.size > this.maxKeys) this.shrink(t);
  }

  /** Takes back one failure, without moving the time of the last one. */
  forgiveOne(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const t = this.now();
    const score = this.decayed(entry, t) - 1;
    if (score <= 0) this.entries.delete(key);
    else Object.assign(entry, { score, scoredAt: t });
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private decayed(entry: Entry, t: number): number {
    return entry.score - Math.max(0, t - entry.scoredAt) / this.rule.forgiveEveryMs;
  }

  private shrink(t: number): void {
    for (const [k, v] of this.entries) if (this.decayed(v, t) <= 0) this.entries.delete(k);
    const excess = this.entries.size - Math.floor(this.maxKeys * 0.9);
    if (excess <= 0) return;
    let dropped = 0;
    for (const k of this.entries.keys()) {
      if (dropped++ >= excess) break;
      this.entries.delete(k);
    }
  }
}

/**
 * The key an address is counted under. Some proxies (IIS ARR, Azure Application Gateway) write the client's port
 * into X-Forwarded-For ("192.0.2.7:51234"), which would make every connection a new address: the port goes. An
 * IPv4 address mapped into IPv6 is the IPv4 address. IPv6 counts per /64, the block one site or one subscriber
 * gets, because anyone with a /64 can use 2^64 addresses. Anything else (no address at all) is kept as it is.
 */
export function addressKey(raw: string): string {
  let ip = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) ip = mapped[1]!;
  const family = isIP(ip);
  if (family === 4) return ip;
  if (family !== 6) return raw;
  const [head = '', tail] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** What the limiter says about one sign-in attempt. */
export type SignInDecision =
  | { allowed: false; retryAfterSeconds: number }
  | {
      allowed: true;
      /** Wait this long before checking the password: the address has many recent failures. */
      delayMs: number;
      /** Call when the password was right: the attempt was counted as a failure until then. */
      succeeded(): void;
    };

/** The longest delay an address's failures put on a sign-in from it. Small: it slows, it never locks out. */
export const ADDRESS_MAX_DELAY_MS = 3_000;

/**
 * Sign-in limits (docs/decisions/0002). Three counters, so that none of them can be turned against others:
 *
 * - per (account, address): `maxAttempts` failures, then waits that double up to `maxWaitMs`; answered with 429.
 *   This is what one person's typos meet, and the right password clears it.
 * - per account, from any address: twice as many, the same waits, 429. An attacker who rotates addresses (or
 *   forges X-Forwarded-For through a misconfigured proxy) still gets a bounded number of guesses per account.
 * - per address: ten times as many, then a delay of at most ADDRESS_MAX_DELAY_MS before the password is checked,
 *   never a refusal. A town hall behind one address is slowed by someone's credential stuffing but not locked
 *   out; the per-account counters still bound the guesses against each account.
 *
 * Accounts are keyed by the e-mail as typed (hashed), whether or not the account exists, so the answers to an
 * unknown e-mail are the same as to an existing one and cannot be used to find accounts. An attempt is counted
 * as a failure when it starts and taken back on success, so requests sent in parallel cannot slip past a limit.
 */
export class LoginLimiter {
  private readonly pair: FailureCounter;
  private readonly account: FailureCounter;
  private readonly address: FailureCounter;

  constructor(settings: { maxAttempts: number; maxWaitMs: number }, now: () => number = Date.now) {
    const { maxAttempts: m, maxWaitMs } = settings;
    const perAccount = { forgiveEveryMs: maxWaitMs, firstWaitMs: 1_000, maxWaitMs };
    this.pair = new FailureCounter({ free: m, ...perAccount }, now);
    this.account = new FailureCounter({ free: 2 * m, ...perAccount }, now);
    // An address forgives as many failures per maxWaitMs as it gets for free: a town hall's everyday typos fade.
    this.address = new FailureCounter(
      { free: 10 * m, forgiveEveryMs: maxWaitMs / (10 * m), firstWaitMs: 250, maxWaitMs: ADDRESS_MAX_DELAY_MS },
      now,
    );
  }

  begin(email: string, clientIp: string): SignInDecision {
    const clientAddress = addressKey(clientIp);
    const accountKey = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
    const pairKey = `${clientAddress} ${accountKey}`;
    const waitMs = Math.max(this.pair.waitMs(pairKey), this.account.waitMs(accountKey));
    if (waitMs > 0) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    const delayMs = this.address.waitMs(clientAddress);
    // No await between the checks above and these: in one process nothing else runs in between.
    this.pair.fail(pairKey);
    this.account.fail(accountKey);
    this.address.fail(clientAddress);
    return {
      allowed: true,
      delayMs,
      succeeded: () => {
        this.pair.clear(pairKey);
        this.account.forgiveOne(accountKey);
        this.address.forgiveOne(clientAddress);
      },
    };
  }
}

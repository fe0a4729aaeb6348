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

/** What is remembered of one key's failures. */
export interface FailureEntry {
  /** Failures remembered at `scoredAt`; fractional, because forgiving runs continuously. */
  score: number;
  scoredAt: number;
  lastFailureAt: number;
}

// The arithmetic of one key, the same whether the entry lives in memory or in the database.
const decayed = (rule: BackoffRule, e: FailureEntry, t: number) => e.score - Math.max(0, t - e.scoredAt) / rule.forgiveEveryMs;

/** Failures still remembered (0 once all are forgiven); a failure partly forgiven still counts as a whole one. */
function remembered(rule: BackoffRule, e: FailureEntry | null, t: number): number {
  if (!e) return 0;
  const score = decayed(rule, e, t);
  return score <= 0 ? 0 : Math.ceil(score - 1e-9);
}

/** Milliseconds until the key may try again, or 0 when it may try now. */
function waitOf(rule: BackoffRule, e: FailureEntry | null, t: number): number {
  const n = remembered(rule, e, t);
  if (n < rule.free) return 0;
  // 2^(n - free) overflows to Infinity for huge n, which Math.min caps.
  const wait = Math.min(rule.maxWaitMs, rule.firstWaitMs * 2 ** (n - rule.free));
  return Math.max(0, e!.lastFailureAt + wait - t);
}

const failed = (rule: BackoffRule, e: FailureEntry | null, t: number): FailureEntry => ({
  score: e ? Math.max(0, decayed(rule, e, t)) + 1 : 1,
  scoredAt: t,
  lastFailureAt: t,
});

/** One failure taken back, without moving the time of the last one; null when nothing is left. */
function forgivenOne(rule: BackoffRule, e: FailureEntry | null, t: number): FailureEntry | null {
  if (!e) return null;
  const score = decayed(rule, e, t) - 1;
  return score <= 0 ? null : { score, scoredAt: t, lastFailureAt: e.lastFailureAt };
}

/** True when every failure of the entry is forgiven: it may be deleted. */
export const forgotten = (rule: BackoffRule, e: FailureEntry, t: number) => decayed(rule, e, t) <= 0;

/**
 * Remembers failures per key in memory and says how long the key must wait before its next attempt. Holds at
 * most `maxKeys` keys, so a flood of made-up keys costs bounded memory; past that the oldest go first.
 */
export class FailureCounter {
  private readonly entries = new Map<string, FailureEntry>();

  constructor(
    private readonly rule: BackoffRule,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  remembered(key: string): number {
    const n = remembered(this.rule, this.entries.get(key) ?? null, this.now());
    if (n === 0) this.entries.delete(key);
    return n;
  }

  waitMs(key: string): number {
    return waitOf(this.rule, this.entries.get(key) ?? null, this.now());
  }

  fail(key: string): void {
    const t = this.now();
    const next = failed(this.rule, this.entries.get(key) ?? null, t);
    // Re-inserted so that the map's order is the order of last failure: the oldest are dropped first.
    this.entries.delete(key);
    this.entries.set(key, next);
    if (this.entries.size > this.maxKeys) this.shrink(t);
  }

  forgiveOne(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const next = forgivenOne(this.rule, entry, this.now());
    if (next) this.entries.set(key, next);
    else this.entries.delete(key);
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private shrink(t: number): void {
    for (const [k, v] of this.entries) if (forgotten(this.rule, v, t)) this.entries.delete(k);
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
      succeeded(): Promise<void>;
    };

/** The longest delay an address's failures put on a sign-in from it. Small: it slows, it never locks out. */
export const ADDRESS_MAX_DELAY_MS = 3_000;

/**
 * Where the failures are kept. `change` reads the entries of `keys` (null when absent), lets `decide` say what
 * each becomes (an entry, null to delete, undefined to leave it) and writes that, with no other sign-in changing
 * the same keys in between: in memory nothing else runs during a synchronous call; in the database the rows are
 * locked (sign-in-book.ts), so that instances behind one proxy share one set of limits.
 */
export interface FailureBook {
  change<T>(keys: string[], decide: (entries: (FailureEntry | null)[], now: number) => { set: (FailureEntry | null | undefined)[]; result: T }): Promise<T>;
}

/** The failures in this process's memory: for tests and a single instance. Bounded like FailureCounter. */
export function memoryFailureBook(now: () => number = Date.now, maxKeys = 100_000): FailureBook {
  const entries = new Map<string, FailureEntry>();
  return {
    async change(keys, decide) {
      const { set, result } = decide(
        keys.map((k) => entries.get(k) ?? null),
        now(),
      );
      keys.forEach((k, i) => {
        const v = set[i];
        if (v === undefined) return;
        entries.delete(k);
        if (v) entries.set(k, v);
      });
      // The oldest go first (the map's order is the order of last change).
      for (const k of entries.keys()) {
        if (entries.size <= maxKeys) break;
        entries.delete(k);
      }
      return result;
    },
  };
}

/** The three kinds of key, with the prefix that tells them apart in one book. */
export type KeyKind = 'pair' | 'account' | 'address';
const PREFIX: Record<KeyKind, string> = { pair: 'p:', account: 'a:', address: 'i:' };

/** The rules of the three counters for the given settings (docs/decisions/0002). */
export function signInRules(settings: { maxAttempts: number; maxWaitMs: number }): Record<KeyKind, BackoffRule> {
  const { maxAttempts: m, maxWaitMs } = settings;
  const perAccount = { forgiveEveryMs: maxWaitMs, firstWaitMs: 1_000, maxWaitMs };
  return {
    pair: { free: m, ...perAccount },
    account: { free: 2 * m, ...perAccount },
    // An address forgives as many failures per maxWaitMs as it gets for free: a town hall's everyday typos fade.
    address: { free: 10 * m, forgiveEveryMs: maxWaitMs / (10 * m), firstWaitMs: 250, maxWaitMs: ADDRESS_MAX_DELAY_MS },
  };
}

/** The rule of a stored key, by its prefix; null for a key this code did not write. */
export function ruleOfKey(rules: Record<KeyKind, BackoffRule>, key: string): BackoffRule | null {
  const kind = (Object.keys(PREFIX) as KeyKind[]).find((k) => key.startsWith(PREFIX[k]));
  return kind ? rules[kind] : null;
}

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
 * as a failure when it starts and taken back on success, so requests sent in parallel, to one instance or to
 * several sharing the book, cannot slip past a limit.
 */
export class LoginLimiter {
  private readonly rules: Record<KeyKind, BackoffRule>;

  constructor(
    settings: { maxAttempts: number; maxWaitMs: number },
    private readonly book: FailureBook = memoryFailureBook(),
  ) {
    this.rules = signInRules(settings);
  }

  async begin(email: string, clientIp: string): Promise<SignInDecision> {
    const address = addressKey(clientIp);
    const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
    const keys = [`${PREFIX.pair}${address} ${account}`, `${PREFIX.account}${account}`, `${PREFIX.address}${address}`];
    const { pair: pr, account: ar, address: ir } = this.rules;
    type First = { allowed: false; retryAfterSeconds: number } | { allowed: true; delayMs: number };
    const decision = await this.book.change<First>(keys, ([p, a, i], t) => {
      const waitMs = Math.max(waitOf(pr, p ?? null, t), waitOf(ar, a ?? null, t));
      if (waitMs > 0) return { set: [], result: { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) } };
      const delayMs = waitOf(ir, i ?? null, t);
      return { set: [failed(pr, p ?? null, t), failed(ar, a ?? null, t), failed(ir, i ?? null, t)], result: { allowed: true as const, delayMs } };
    });
    if (!decision.allowed) return decision;
    return {
      ...decision,
      succeeded: () =>
        this.book.change(keys, ([, a, i], t) => ({
          set: [null, forgivenOne(ar, a ?? null, t), forgivenOne(ir, i ?? null, t)],
          result: undefined,
        })),
    };
  }
}

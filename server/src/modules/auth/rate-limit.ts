/**
 * Counts failed sign-ins per key in a fixed window. Sign-in keys are the pair (address, account), limited to
 * `maxAttempts`, and the address alone with ten times that, because a whole town hall can share one public
 * address and must not be locked out by one person's typos. In memory: with several instances each counts on its
 * own, which still bounds guessing per instance; put a shared limiter in front when scaling out.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string, max = this.maxAttempts): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const t = this.now();
    if (t >= entry.resetAt) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= max ? Math.ceil((entry.resetAt - t) / 1000) : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.failures.get(key);
    if (!entry || t >= entry.resetAt) this.failures.set(key, { count: 1, resetAt: t + this.windowMs });
    else entry.count += 1;
    if (this.failures.size > 50_000) this.prune(t);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(t: number): void {
    for (const [k, v] of this.failures) if (t >= v.resetAt) this.failures.delete(k);
  }
}

/**
 * Counts failed sign-ins (missing or wrong bearer token) per client address in a fixed window;
 * past the limit the address gets 429 with Retry-After until its window ends (docs/adr/0029).
 * Successful requests cost nothing here: only failures are counted, so a busy office behind
 * one address is not slowed down by its own valid traffic.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until this address may try again, or 0 when it may try now. */
  blockedFor(address: string): number {
    const w = this.windows.get(address);
    if (!w) return 0;
    const left = w.resetAt - this.now();
    if (left <= 0) {
      this.windows.delete(address);
      return 0;
    }
    return w.failures >= this.limit ? Math.ceil(left / 1000) : 0;
  }

  failed(address: string): void {
    const now = this.now();
    let w = this.windows.get(address);
    if (!w || w.resetAt <= now) {
      w = { failures: 0, resetAt: now + this.windowMs };
      this.windows.set(address, w);
    }
    w.failures++;
    // Bounded memory under a spray of addresses: forget windows that have ended.
    if (this.windows.size > 100_000) {
      for (const [a, x] of this.windows) if (x.resetAt <= now) this.windows.delete(a);
    }
  }
}

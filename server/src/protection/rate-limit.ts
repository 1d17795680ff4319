/** What the caller gate spends from: one token bucket per caller identity. */
export interface TokenBuckets {
  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before asking again. */
  take(identity: string, cost: number): number;
  /** Gives back tokens taken earlier (never beyond the burst). */
  give(identity: string, tokens: number): void;
  /** Stops any background work. */
  stop?(): Promise<void>;
}

/** Token buckets, one per caller identity, in memory (each server instance limits on its own). */
export class RateLimiter implements TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before asking again. */
  take(identity: string, cost: number): number {
    const now = this.now();
    const bucket = this.#buckets.get(identity) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.#buckets.set(identity, bucket);
    if (this.#buckets.size > 100_000) this.#forgetFull();
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.ceil((cost - bucket.tokens) / this.perSecond);
  }

  /** Gives back tokens taken earlier (never beyond the burst). */
  give(identity: string, tokens: number): void {
    const bucket = this.#buckets.get(identity);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + tokens);
  }

  /** Full buckets carry no information: drop them so a scan of many IPs cannot grow memory without end. */
  #forgetFull(): void {
    for (const [identity, bucket] of this.#buckets) if (bucket.tokens >= this.burst) this.#buckets.delete(identity);
  }
}

import type { Database } from '@pantau/prisma';
import type { ProtectionLimits } from './limits.ts';
import type { TokenBuckets } from './rate-limit.ts';

export interface SharedRateLimiterOptions {
  burst: number;
  perSecond: number;
  /** Milliseconds between syncs with the shared table. @default 100 */
  syncMs?: number;
  /** Milliseconds a bucket is still synced after its caller's last request. @default 10_000 */
  activeMs?: number;
  /** Milliseconds, for the local view. @default performance.now */
  now?: () => number;
}

interface LocalBucket {
  tokens: number;
  at: number;
  /** Tokens taken here (less those given back) since the last sync. */
  spent: number;
  lastUsed: number;
}

/** Adds each instance's spending to the pooled bucket and returns the balance, refilled by the database's clock; debt stops at one burst. */
const syncStatement = `
INSERT INTO rate_limit_bucket AS b (identity, tokens, updated_ms)
SELECT t.identity, $3::float8 - t.spent, n.ms
FROM unnest($1::text[], $2::float8[]) AS t(identity, spent), (SELECT extract(epoch FROM clock_timestamp()) * 1000 AS ms) AS n
ON CONFLICT (identity) DO UPDATE SET
  tokens = greatest(-$3::float8, least($3::float8, b.tokens + greatest(0, excluded.updated_ms - b.updated_ms) / 1000 * $4::float8) - ($3::float8 - excluded.tokens)),
  updated_ms = excluded.updated_ms
RETURNING identity, tokens`;

/**
 * Token buckets shared by every instance on one PostgreSQL. A request is decided at once from this
 * instance's view of its bucket (no round trip on the request path); every `syncMs` the spending of
 * all callers active here is pooled in one statement and the views are set to the pooled balance.
 * Tolerance: over any span the pooled rate holds (what is overspent becomes debt, repaid before more
 * passes); within one sync interval other instances can admit at most what their views held at the
 * last sync, so a caller spreading a burst over N instances at one instant gets at most N bursts once.
 */
export class SharedRateLimiter implements TokenBuckets {
  readonly #buckets = new Map<string, LocalBucket>();
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout;
  #syncing: Promise<void> | null = null;
  /** Syncs that failed (the database did not answer): meanwhile each instance limits on its own. */
  failedSyncs = 0;

  constructor(
    private readonly database: Database,
    private readonly options: SharedRateLimiterOptions,
  ) {
    this.#now = options.now ?? (() => performance.now());
    this.#timer = setInterval(() => void this.sync(), options.syncMs ?? 100);
    this.#timer.unref();
  }

  take(identity: string, cost: number): number {
    const now = this.#now();
    const bucket = this.#buckets.get(identity) ?? { tokens: this.options.burst, at: now, spent: 0, lastUsed: now };
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond);
    bucket.at = now;
    bucket.lastUsed = now;
    this.#buckets.set(identity, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      bucket.spent += cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / this.options.perSecond));
  }

  give(identity: string, tokens: number): void {
    const bucket = this.#buckets.get(identity);
    if (!bucket) return;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + tokens);
    bucket.spent -= tokens;
  }

  /** Pools this instance's spending with the others' and takes the pooled balances (one at a time). */
  sync(): Promise<void> {
    this.#syncing ??= this.#syncOnce().finally(() => (this.#syncing = null));
    return this.#syncing;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.sync();
  }

  async #syncOnce(): Promise<void> {
    const now = this.#now();
    const activeMs = this.options.activeMs ?? 10_000;
    const batch: [string, LocalBucket, number][] = [];
    for (const [identity, bucket] of this.#buckets) {
      if (bucket.spent !== 0 || now - bucket.lastUsed <= activeMs) batch.push([identity, bucket, bucket.spent]);
      // A bucket idle past the window is forgotten here; the shared row keeps its balance.
      else this.#buckets.delete(identity);
    }
    if (batch.length === 0) return;
    for (const [, bucket] of batch) bucket.spent = 0;
    try {
      const rows = await this.database.sql.run((c) =>
        c.query<{ identity: string; tokens: number }>(syncStatement, [
          batch.map(([identity]) => identity),
          batch.map(([, , spent]) => spent),
          this.options.burst,
          this.options.perSecond,
        ]),
      );
      const balances = new Map(rows.map((row) => [row.identity, Number(row.tokens)]));
      const at = this.#now();
      for (const [identity, bucket] of batch) {
        const pooled = balances.get(identity);
        // Spending while the statement ran counts against the new balance; it is pooled next time.
        if (pooled !== undefined) Object.assign(bucket, { tokens: pooled - bucket.spent, at });
      }
    } catch {
      this.failedSyncs += 1;
      for (const [, bucket, spent] of batch) bucket.spent += spent;
    }
  }
}

/** The shared buckets on PostgreSQL; null on PGlite, which only one process can open anyway. */
export function sharedRateLimiterOf(database: Database, limits: ProtectionLimits, now?: () => number): SharedRateLimiter | null {
  if (database.kind !== 'postgresql') return null;
  return new SharedRateLimiter(database, { burst: limits.rateLimitBurst, perSecond: limits.rateLimitPerSecond, ...(now ? { now } : {}) });
}

import type { Lsn } from '@pantau/prisma';

/**
 * Read your writes: each caller's latest write, by the primary's WAL position after it, for as long
 * as a replica that serves could still be behind it (the lag bound plus two checks). Until the
 * position is known (the write is still running), the caller reads from the primary.
 */
export class RecentWrites {
  readonly #writes = new Map<string, { lsn: Lsn | null; until: number; running: number }>();

  constructor(
    private readonly rememberMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A write by `identity` started. */
  started(identity: string): void {
    const known = this.#writes.get(identity);
    this.#writes.set(identity, { lsn: known?.lsn ?? null, until: Number.POSITIVE_INFINITY, running: (known?.running ?? 0) + 1 });
  }

  /** The write finished; `position` resolves to the primary's WAL position after it. */
  finished(identity: string, position: Promise<Lsn>): void {
    position.then(
      (lsn) => this.#settle(identity, lsn),
      // The position is unknown: the caller reads from the primary for the whole window.
      () => this.#settle(identity, null),
    );
  }

  /** What `identity`'s reads must see: undefined for nothing in particular, null for the primary, else a WAL position. */
  floorOf(identity: string): Lsn | null | undefined {
    const write = this.#writes.get(identity);
    if (!write) return undefined;
    if (write.running > 0) return null;
    if (write.until < this.now()) {
      this.#writes.delete(identity);
      return undefined;
    }
    return write.lsn;
  }

  #settle(identity: string, lsn: Lsn | null): void {
    const write = this.#writes.get(identity);
    const running = Math.max(0, (write?.running ?? 1) - 1);
    const later = write?.lsn != null && lsn !== null && write.lsn > lsn ? write.lsn : lsn;
    this.#writes.set(identity, { lsn: later, until: this.now() + this.rememberMs, running });
    if (this.#writes.size > 100_000) this.#forgetExpired();
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [identity, write] of this.#writes) if (write.running === 0 && write.until < now) this.#writes.delete(identity);
  }
}

import { createHash } from 'node:crypto';

export interface CachedResponse {
  body: Buffer;
  /** The headers Yoga answered with (content type and any other), replayed on every hit. */
  headers: Readonly<Record<string, string>>;
  etag: string;
  storedAt: number;
  /** What the entry counts against the byte budget: body, key and headers. */
  bytes: number;
}

export interface ResponseCacheOptions {
  /** Bytes of bodies, keys and headers held at most; least recently used entries go first. @default 64 MiB */
  maxBytes?: number;
  /** Entries held at most. @default 2_000 */
  maxEntries?: number;
  /** Milliseconds. @default Date.now */
  now?: () => number;
}

/** Per-entry bookkeeping (the Map slot, the object, the strings' headers) counted on top of the bytes held. */
const entryOverhead = 256;

/**
 * Answers to anonymous persisted GET operations, by operation and declared variables. Bounded in
 * bytes and entries (least recently used go first) and emptied whenever the data changes, on this
 * instance or another.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #bytes = 0;
  /** Lookups since start, for the metrics: found fresh, not held, held but too old. */
  readonly lookups = { hits: 0, misses: 0, stale: 0 };

  constructor({ maxBytes = 64 * 1024 * 1024, maxEntries = 2_000, now = Date.now }: ResponseCacheOptions = {}) {
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: string, maxAgeMs: number): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.lookups.misses += 1;
      return undefined;
    }
    this.#delete(key);
    if (this.#now() - entry.storedAt > maxAgeMs) {
      this.lookups.stale += 1;
      return undefined;
    }
    this.lookups.hits += 1;
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    return entry;
  }

  /** Stores an answer (unless it alone is over the budget) and returns it as an entry either way. */
  set(key: string, body: Buffer, headers: Record<string, string>): CachedResponse {
    const headerBytes = Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
    const entry: CachedResponse = { body, headers, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, storedAt: this.#now(), bytes: body.length + Buffer.byteLength(key) + headerBytes + entryOverhead };
    this.#delete(key);
    if (entry.bytes > this.#maxBytes) return entry;
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    while (this.#bytes > this.#maxBytes || this.#entries.size > this.#maxEntries) this.#delete(this.#entries.keys().next().value as string);
    return entry;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

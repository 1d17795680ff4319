import { createHash } from 'node:crypto';
import { touches, type Change, type ReadScope } from './change-scope.ts';

/** How to ask for an answer again without its client: the path with its query, and the headers that choose the answer. */
export interface Replay {
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface CachedResponse {
  body: Buffer;
  /** The headers Yoga answered with (content type and any other), replayed on every hit. */
  headers: Readonly<Record<string, string>>;
  etag: string;
  storedAt: number;
  /** What the entry counts against the byte budget: body, key, headers and how to ask again. */
  bytes: number;
  /** What the answer read, to tell which changes make it out of date. */
  scope: ReadScope;
  replay: Replay;
  /** When a change made the answer out of date, or null while no change has touched it. */
  staleSince: number | null;
}

export interface ResponseCacheOptions {
  /** Bytes of bodies, keys and headers held at most; least recently used entries go first. @default 64 MiB */
  maxBytes?: number;
  /** Entries held at most. @default 2_000 */
  maxEntries?: number;
  /** Milliseconds an untouched answer is fresh. @default 60_000 */
  maxAgeMs?: number;
  /** Milliseconds an out-of-date answer may still be served while a new one is computed. @default 10_000 */
  staleMs?: number;
  /** Milliseconds. @default Date.now */
  now?: () => number;
}

/** Per-entry bookkeeping (the Map slot, the object, the strings' headers) counted on top of the bytes held. */
const entryOverhead = 256;

/**
 * Answers to anonymous persisted GET operations, by operation and declared variables. Bounded in
 * bytes and entries (least recently used go first). An answer goes out of date when its age passes
 * `maxAgeMs` or a change touches what it read; for `staleMs` more it may still be served, marked stale,
 * while a new one is computed; after that it is gone.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #maxBytes: number;
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;
  readonly #staleMs: number;
  readonly #now: () => number;
  #bytes = 0;
  /** Lookups by result, for the metrics: `stale` counts answers served out of date while a new one is computed. */
  readonly lookups = { hits: 0, misses: 0, stale: 0 };

  constructor({ maxBytes = 64 * 1024 * 1024, maxEntries = 2_000, maxAgeMs = 60_000, staleMs = 10_000, now = Date.now }: ResponseCacheOptions = {}) {
    this.#maxBytes = maxBytes;
    this.#maxEntries = maxEntries;
    this.#maxAgeMs = maxAgeMs;
    this.#staleMs = staleMs;
    this.#now = now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The answer stored under `key`, fresh or still servable stale; undefined when there is none (any longer). */
  get(key: string): { entry: CachedResponse; fresh: boolean } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.lookups.misses += 1;
      return undefined;
    }
    this.#delete(key);
    const outdatedSince = entry.staleSince ?? (this.#now() - entry.storedAt > this.#maxAgeMs ? entry.storedAt + this.#maxAgeMs : null);
    if (outdatedSince !== null && this.#now() - outdatedSince > this.#staleMs) {
      this.lookups.misses += 1;
      return undefined;
    }
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    if (outdatedSince === null) this.lookups.hits += 1;
    else this.lookups.stale += 1;
    return { entry, fresh: outdatedSince === null };
  }

  /** Stores an answer (unless it alone is over the budget) and returns it as an entry either way; `stale` stores it already out of date. */
  set(key: string, answer: { body: Buffer; headers: Record<string, string>; scope: ReadScope; replay: Replay }, stale = false): CachedResponse {
    const headerBytes = [answer.headers, answer.replay.headers].reduce(
      (sum, headers) => sum + Object.entries(headers).reduce((n, [name, value]) => n + name.length + value.length, 0),
      answer.replay.path.length,
    );
    const entry: CachedResponse = {
      ...answer,
      etag: `"${createHash('sha1').update(answer.body).digest('base64url')}"`,
      storedAt: this.#now(),
      bytes: answer.body.length + Buffer.byteLength(key) + headerBytes + entryOverhead,
      staleSince: stale ? this.#now() : null,
    };
    this.#delete(key);
    if (entry.bytes > this.#maxBytes) return entry;
    this.#entries.set(key, entry);
    this.#bytes += entry.bytes;
    while (this.#bytes > this.#maxBytes || this.#entries.size > this.#maxEntries) this.#delete(this.#entries.keys().next().value as string);
    return entry;
  }

  /** Marks out of date every answer `change` touches (keeping when each first went stale); returns their keys and how to ask again. */
  invalidate(change: Change): { key: string; replay: Replay }[] {
    const touched: { key: string; replay: Replay }[] = [];
    for (const [key, entry] of this.#entries) {
      if (!touches(change, entry.scope)) continue;
      // A metric's change may mark it sensitive: an answer from before could show cells now suppressed, so it is never served stale.
      if (change.kind === 'catalogue' && change.entity === 'metric') this.#delete(key);
      else entry.staleSince ??= this.#now();
      touched.push({ key, replay: entry.replay });
    }
    return touched;
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

import { createHash } from 'node:crypto';

export interface CachedResponse {
  body: Buffer;
  contentType: string;
  etag: string;
  storedAt: number;
}

/**
 * Answers to anonymous persisted GET operations, by operation and variables. Bounded (least recently
 * used entries go first) and emptied whenever the data changes, on this instance or another.
 */
export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();

  constructor(
    private readonly maxEntries = 2_000,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, maxAgeMs: number): CachedResponse | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt > maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  set(key: string, body: Buffer, contentType: string): CachedResponse {
    const entry = { body, contentType, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, storedAt: this.now() };
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry;
  }

  clear(): void {
    this.#entries.clear();
  }
}

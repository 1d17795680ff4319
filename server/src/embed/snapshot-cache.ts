import type { Database } from '@pantau/prisma';
import { changeChannel } from '../cache/persisted-get.ts';
import { ResponseCache, type CachedResponse } from '../cache/response-cache.ts';

export interface SnapshotCacheOptions {
  /** Seconds an entry is reused, as for the persisted GETs. */
  maxAgeSeconds: number;
  /** Bytes held at most. @default 64 MiB */
  maxBytes?: number;
  /** Milliseconds, for entry ages. @default Date.now */
  clock?: () => number;
}

/**
 * Drawn snapshots and embed pages, by what they were drawn from. Emptied with the persisted GETs:
 * it listens on the same change channel, so every accepted change, on any instance, clears both.
 * Identical misses arriving together are drawn once.
 */
export async function createSnapshotCache(database: Database, options: SnapshotCacheOptions) {
  const cache = new ResponseCache({ ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}), ...(options.clock ? { now: options.clock } : {}) });
  const inFlight = new Map<string, Promise<CachedResponse>>();
  const stop = await database.subscribe(changeChannel, () => cache.clear());
  return {
    cache,
    stop,
    /** The entry for `key`, drawn by `draw` when missing or older than the max age; `hit` says which. */
    async get(key: string, draw: () => Promise<{ body: Buffer; headers: Record<string, string> }>): Promise<{ entry: CachedResponse; hit: boolean }> {
      const hit = cache.get(key, options.maxAgeSeconds * 1000);
      if (hit) return { entry: hit, hit: true };
      const pending = inFlight.get(key);
      if (pending) return { entry: await pending, hit: true };
      const drawing = draw().then(({ body, headers }) => cache.set(key, body, headers));
      inFlight.set(key, drawing);
      try {
        return { entry: await drawing, hit: false };
      } finally {
        inFlight.delete(key);
      }
    },
  };
}

export type SnapshotCache = Awaited<ReturnType<typeof createSnapshotCache>>;

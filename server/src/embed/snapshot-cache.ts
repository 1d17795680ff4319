import type { Database } from '@pantau/prisma';
import { changeChannel, type ReadScope } from '../cache/change-scope.ts';
import { ResponseCache, type CachedResponse } from '../cache/response-cache.ts';

const everything: ReadScope = { metrics: null, provinces: null, campaigns: null };

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
  const cache = new ResponseCache({
    maxAgeMs: options.maxAgeSeconds * 1000,
    staleMs: 0,
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    ...(options.clock ? { now: options.clock } : {}),
  });
  const inFlight = new Map<string, Promise<CachedResponse>>();
  // A picture carries titles, sources and figures together, so any change makes every one out of date.
  const stop = await database.subscribe(changeChannel, () => cache.invalidate({ kind: 'everything' }));
  return {
    cache,
    stop,
    /** The entry for `key`, drawn by `draw` when missing or older than the max age; `hit` says which. */
    async get(key: string, draw: () => Promise<{ body: Buffer; headers: Record<string, string> }>): Promise<{ entry: CachedResponse; hit: boolean }> {
      const found = cache.get(key);
      if (found?.fresh) return { entry: found.entry, hit: true };
      const pending = inFlight.get(key);
      if (pending) return { entry: await pending, hit: true };
      const drawing = draw().then(({ body, headers }) => cache.set(key, { body, headers, scope: everything, replay: { path: key, headers: {} } }));
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

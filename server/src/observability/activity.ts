/** Work outside a request's own timing that the metrics count: imports and the rollup refresh they end with. */
export type Activity = { kind: 'import'; seconds: number; rows: number; inserted: number } | { kind: 'rollup-refresh'; seconds: number };

const listeners = new Set<(activity: Activity) => void>();

/**
 * Tells every listener (each server's metrics) of `activity`. Module-wide like `notePlan` in trace.ts,
 * so the import code needs no handle on the metrics; a no-op when nobody listens.
 */
export function noteActivity(activity: Activity): void {
  for (const listener of listeners) listener(activity);
}

/** Adds a listener; the returned function removes it. */
export function onActivity(listener: (activity: Activity) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

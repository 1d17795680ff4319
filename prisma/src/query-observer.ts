/** Told after every SQL statement Prisma sends, with the time it took. */
export type QueryListener = (durationMs: number) => void;

/** Listeners on the statements of one database; empty unless someone (e.g. `PANTAU_TRACE`) asks. */
export class QueryObservers {
  readonly #listeners = new Set<QueryListener>();

  /** Adds a listener; the returned function removes it. */
  add(listener: QueryListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async time<T>(statement: () => Promise<T>): Promise<T> {
    if (this.#listeners.size === 0) return statement();
    const started = performance.now();
    try {
      return await statement();
    } finally {
      const duration = performance.now() - started;
      for (const listener of this.#listeners) listener(duration);
    }
  }
}

const statementMethods = new Set<PropertyKey>(['queryRaw', 'executeRaw', 'executeScript']);

/**
 * Wraps a Prisma driver adapter (factory, adapter, transaction alike) so that each statement is
 * timed. The adapter interface is the one place both PGlite and node-postgres statements pass through.
 */
export function observeAdapter<T extends object>(target: T, observers: QueryObservers): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      if (statementMethods.has(property)) return (...args: unknown[]) => observers.time(() => (value as (...a: unknown[]) => Promise<unknown>).apply(object, args));
      if (property === 'connect' || property === 'startTransaction') {
        return async (...args: unknown[]) => observeAdapter(await (value as (...a: unknown[]) => Promise<object>).apply(object, args), observers);
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

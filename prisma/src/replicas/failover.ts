import type { SqlDriver } from '../sql-driver.ts';

/** Told when a read on a replica failed and was sent to the primary instead. */
export type FaultListener = (error: unknown) => void;

type Method = (...args: unknown[]) => Promise<unknown>;
const retried = new Set<PropertyKey>(['queryRaw', 'executeRaw', 'startTransaction']);

/**
 * A replica's Prisma driver adapter that sends a statement (or the start of a transaction) to the
 * primary when the replica fails it: a replica stopped between two health checks costs a retry, not
 * a failed request. Reads only: a statement is sent twice only if the replica did not run it.
 */
export function failoverAdapter<T extends object>(replica: T, primary: T, onFault: FaultListener): T {
  return new Proxy(replica, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      if (property === 'connect') {
        return async () => {
          const [connected, fallback] = await Promise.all([(value as Method).apply(object), (Reflect.get(primary, 'connect') as Method).apply(primary)]);
          return failoverAdapter(connected as object, fallback as object, onFault);
        };
      }
      if (retried.has(property)) {
        return async (...args: unknown[]) => {
          try {
            return await (value as Method).apply(object, args);
          } catch (error) {
            onFault(error);
            return (Reflect.get(primary, property) as Method).apply(primary, args);
          }
        };
      }
      return (value as (...a: unknown[]) => unknown).bind(object);
    },
  });
}

/** The same for the raw SQL driver: work that fails on the replica runs again on the primary. */
export function failoverDriver(replica: SqlDriver, primary: SqlDriver, onFault: FaultListener): SqlDriver {
  const retry =
    <K extends keyof SqlDriver>(method: K): SqlDriver[K] =>
    async (work) => {
      try {
        return await replica[method](work);
      } catch (error) {
        onFault(error);
        return primary[method](work);
      }
    };
  return { run: retry('run'), transaction: retry('transaction') };
}

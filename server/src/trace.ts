import { AsyncLocalStorage } from 'node:async_hooks';
import type { Plugin } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';

/** What `PANTAU_TRACE=1` adds to each response as `extensions.trace`. */
export interface RequestTrace {
  sqlStatements: number;
  dbTimeMs: number;
}

/**
 * Counts the SQL statements each GraphQL execution sends and the time they take. The count follows
 * the execution through DataLoader batches because AsyncLocalStorage follows promises and timers.
 */
export function useSqlTrace(database: Database): Plugin {
  const current = new AsyncLocalStorage<RequestTrace>();
  database.observeQueries((durationMs) => {
    const trace = current.getStore();
    if (!trace) return;
    trace.sqlStatements += 1;
    trace.dbTimeMs += durationMs;
  });
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const trace: RequestTrace = { sqlStatements: 0, dbTimeMs: 0 };
      setExecuteFn((args) => current.run(trace, () => executeFn(args)));
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const extensions = { ...result.extensions, trace: { sqlStatements: trace.sqlStatements, dbTimeMs: Math.round(trace.dbTimeMs * 1000) / 1000 } };
          setResult({ ...result, extensions });
        },
      };
    },
  };
}

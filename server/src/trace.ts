import type { Plugin } from 'graphql-yoga';
import type { Database } from '@pantau/prisma';
import { IdleStorage } from './idle-storage.ts';

/** Which source answered a metric's aggregation: a rollup's table, or `observations`. */
export interface PlanNote {
  metric: string;
  source: string;
  /** Why the observations answered when they did: no rollup gives the same answer. */
  reason?: string;
}

/** What `PANTAU_TRACE=1` adds to each response as `extensions.trace`. */
export interface RequestTrace {
  sqlStatements: number;
  dbTimeMs: number;
  /** Each distinct metric and source the analytics read, in the order first read. */
  rollups: PlanNote[];
}

// One store for every plugin instance, so analytics code can note its plans without a handle on the
// request; each trace remembers the plugin that made it, so two servers on one database never count
// each other's statements.
const active = new IdleStorage<{ trace: RequestTrace; owner: symbol }>();

// The answer cache learns from the same notes which metrics an answer read, traced or not.
const planListeners = new IdleStorage<(note: PlanNote) => void>();

/** Runs `work`, telling `listener` of every plan noted inside it until what it returns settles. */
export function listenToPlans<T>(listener: (note: PlanNote) => void, work: () => T): T {
  return planListeners.runUntilSettled(listener, work);
}

/** Records in the current request's trace (if it is traced) which source answered `note.metric`. */
export function notePlan(note: PlanNote): void {
  planListeners.getStore()?.(note);
  const trace = active.getStore()?.trace;
  if (trace && !trace.rollups.some((n) => n.metric === note.metric && n.source === note.source)) trace.rollups.push(note);
}

/**
 * Counts the SQL statements each GraphQL execution sends and the time they take. The count follows
 * the execution through DataLoader batches because AsyncLocalStorage follows promises and timers.
 */
export function useSqlTrace(database: Database): Plugin {
  const owner = Symbol('trace');
  database.observeQueries((durationMs) => {
    const store = active.getStore();
    if (store?.owner !== owner) return;
    store.trace.sqlStatements += 1;
    store.trace.dbTimeMs += durationMs;
  });
  return {
    onExecute({ executeFn, setExecuteFn }) {
      const trace: RequestTrace = { sqlStatements: 0, dbTimeMs: 0, rollups: [] };
      setExecuteFn((args) => active.runUntilSettled({ trace, owner }, () => executeFn(args)));
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const extensions = { ...result.extensions, trace: { sqlStatements: trace.sqlStatements, dbTimeMs: Math.round(trace.dbTimeMs * 1000) / 1000, rollups: trace.rollups } };
          setResult({ ...result, extensions });
        },
      };
    },
  };
}

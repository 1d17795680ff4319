import type { PantauMetrics } from './metrics.ts';

export interface RequestLabels {
  route: string;
  method: string;
  statusClass: string;
  /** Answered 429 by the rate limiter. */
  refused: boolean;
  operation: string;
  cache: string;
}

type Count = (seconds: number) => void;

/**
 * Counts each answered request in the HTTP and GraphQL metrics. Each label combination is bound
 * once and kept (the combinations are few: labels only take values from fixed sets).
 */
export function requestCounter(metrics: PantauMetrics): (labels: RequestLabels, seconds: number) => void {
  const httpCount = ({ route, method, statusClass, refused }: RequestLabels): Count => {
    const requests = metrics.httpRequests.bind({ route, method, status_class: statusClass });
    const duration = metrics.httpDuration.bind({ route });
    const refusals = refused ? metrics.rateLimitRefusals.bind({ route }) : null;
    return (seconds) => {
      requests();
      duration(seconds);
      refusals?.();
    };
  };
  const graphqlCount = ({ operation, statusClass, cache }: RequestLabels): Count => {
    const requests = metrics.graphqlRequests.bind({ operation, status_class: statusClass, cache });
    const duration = metrics.graphqlDuration.bind({ operation, cache });
    return (seconds) => {
      requests();
      duration(seconds);
    };
  };
  // Keyed label by label: the values are the same few strings each time, so a lookup hashes nothing
  // new, where one key joined from them would be a new string to hash on every request.
  type Level = Map<unknown, unknown>;
  const below = (level: Level, key: unknown): Level => {
    let next = level.get(key) as Level | undefined;
    if (!next) level.set(key, (next = new Map()));
    return next;
  };
  const countAt = (level: Level, key: unknown, make: (labels: RequestLabels) => Count, labels: RequestLabels): Count => {
    let count = level.get(key) as Count | undefined;
    if (!count) level.set(key, (count = make(labels)));
    return count;
  };
  const http: Level = new Map();
  const graphql: Level = new Map();
  return (labels, seconds) => {
    countAt(below(below(below(http, labels.route), labels.method), labels.statusClass), labels.refused, httpCount, labels)(seconds);
    if (labels.route === '/graphql') countAt(below(below(graphql, labels.operation), labels.statusClass), labels.cache, graphqlCount, labels)(seconds);
  };
}

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
  const counts = new Map<string, Count>();
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
  const countOf = (key: string, make: () => Count): Count => {
    let count = counts.get(key);
    if (!count) counts.set(key, (count = make()));
    return count;
  };
  return (labels, seconds) => {
    countOf(`http ${labels.route} ${labels.method} ${labels.statusClass} ${labels.refused}`, () => httpCount(labels))(seconds);
    if (labels.route === '/graphql') countOf(`graphql ${labels.operation} ${labels.statusClass} ${labels.cache}`, () => graphqlCount(labels))(seconds);
  };
}

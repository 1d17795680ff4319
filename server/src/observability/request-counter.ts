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
 * Counts each answered request in the HTTP and GraphQL metrics. The child metrics of each label
 * combination are looked up once and kept: prom-client would otherwise hash the labels on every call
 * (the combinations are few: labels only take values from fixed sets).
 */
export function requestCounter(metrics: PantauMetrics): (labels: RequestLabels, seconds: number) => void {
  const counts = new Map<string, Count>();
  const httpCount = ({ route, method, statusClass, refused }: RequestLabels): Count => {
    const requests = metrics.httpRequests.labels({ route, method, status_class: statusClass });
    const duration = metrics.httpDuration.labels({ route });
    const refusals = refused ? metrics.rateLimitRefusals.labels({ route }) : null;
    return (seconds) => {
      requests.inc();
      duration.observe(seconds);
      refusals?.inc();
    };
  };
  const graphqlCount = ({ operation, statusClass, cache }: RequestLabels): Count => {
    const requests = metrics.graphqlRequests.labels({ operation, status_class: statusClass, cache });
    const duration = metrics.graphqlDuration.labels({ operation, cache });
    return (seconds) => {
      requests.inc();
      duration.observe(seconds);
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

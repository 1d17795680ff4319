import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BoundMetric } from './bound-metrics.ts';

const buckets = [0.001, 0.01, 0.1, 1];
const observations = [0.0005, 0.001, 0.002, 0.05, 0.05, 0.7, 3, 12];

/** The exposition text of one registry, with the help lines dropped (they differ only by wording). */
const exposition = async (registry: Registry) =>
  (await registry.metrics())
    .split('\n')
    .filter((line) => line && !line.startsWith('# HELP'))
    .join('\n');

/** A bound histogram and prom-client's own, of the same name and buckets, each on a registry of its own. */
function histogramPair() {
  const ours = new Registry();
  const theirs = new Registry();
  const bound = new BoundMetric({ name: 'request_seconds', help: 'bound', buckets, registry: ours });
  const reference = new Histogram({ name: 'request_seconds', help: 'reference', labelNames: ['route'], buckets, registers: [theirs] });
  return { ours, theirs, bound, reference };
}

describe('a bound metric', () => {
  it('prints a histogram exactly as prom-client prints the same observations', async () => {
    const { ours, theirs, bound, reference } = histogramPair();
    const graphql = bound.bind({ route: '/graphql' });
    const health = bound.bind({ route: '/health' });
    for (const value of observations) {
      graphql(value);
      reference.observe({ route: '/graphql' }, value);
    }
    health(0.004);
    reference.observe({ route: '/health' }, 0.004);
    expect(await exposition(ours)).toBe(await exposition(theirs));
    // Worked out by hand: at or below 0.01 s, 0.0005, 0.001 and 0.002; all eight in +Inf.
    expect(await exposition(ours)).toContain('request_seconds_bucket{le="0.01",route="/graphql"} 3');
    expect(await exposition(ours)).toContain('request_seconds_bucket{le="+Inf",route="/graphql"} 8');
    const samples = async (registry: Registry) => (await registry.getMetricsAsJSON()).flatMap((metric) => metric.values.map(({ labels, value }) => ({ labels, value })));
    expect(await samples(ours)).toEqual(await samples(theirs));
  });

  it('prints a counter as prom-client does, and resets with the registry', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const bound = new BoundMetric({ name: 'requests_total', help: 'bound', registry: ours });
    const reference = new Counter({ name: 'requests_total', help: 'reference', labelNames: ['route', 'status_class'], registers: [theirs] });
    const ok = bound.bind({ route: '/graphql', status_class: '2xx' });
    const refused = bound.bind({ route: '/graphql', status_class: '4xx' });
    for (let i = 0; i < 5; i += 1) ok();
    refused();
    reference.inc({ route: '/graphql', status_class: '2xx' }, 5);
    reference.inc({ route: '/graphql', status_class: '4xx' });
    expect(await exposition(ours)).toBe(await exposition(theirs));
    ours.resetMetrics();
    expect(await exposition(ours)).toContain('requests_total{route="/graphql",status_class="2xx"} 0');
  });

  it('counts one label set bound twice into one series, as the request counter binds a route per method and status', async () => {
    const { ours, theirs, bound, reference } = histogramPair();
    const fromGet = bound.bind({ route: '/graphql' });
    const fromPost = bound.bind({ route: '/graphql' });
    fromGet(0.002);
    fromPost(0.5);
    reference.observe({ route: '/graphql' }, 0.002);
    reference.observe({ route: '/graphql' }, 0.5);
    expect(await exposition(ours)).toBe(await exposition(theirs));
    expect((await exposition(ours)).split('\n').filter((line) => line.startsWith('request_seconds_count'))).toEqual(['request_seconds_count{route="/graphql"} 2']);
  });
});

import type { Metric, Registry } from 'prom-client';

type Labels = Record<string, string>;

interface Tally {
  labels: Labels;
  count: number;
  sum: number;
  /** Observations per bucket, not yet cumulative: the last slot is above the highest bound. */
  buckets: Float64Array;
}

interface Sample {
  metricName: string;
  labels: Record<string, string | number>;
  /** The label set's own labels, printed after `le` as prom-client prints them. */
  sharedLabels?: Labels;
  value: number;
}

export interface BoundMetricOptions {
  name: string;
  help: string;
  /** Upper bounds in ascending order; none for a counter. */
  buckets?: readonly number[];
  registry: Registry;
}

/**
 * A counter or histogram whose label sets are bound once and then counted with plain arithmetic.
 * prom-client validates and hashes the labels on every `inc` and `observe`, even through a child from
 * `labels()`: on a warm cached read that was most of what the metrics cost. The registry reads the
 * tallies at scrape time and prints them as it prints its own metrics.
 */
export class BoundMetric {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'histogram';
  readonly aggregator = 'sum';
  readonly #bounds: readonly number[];
  readonly #tallies: Tally[] = [];
  readonly #byLabels = new Map<string, Tally>();

  constructor({ name, help, buckets, registry }: BoundMetricOptions) {
    this.name = name;
    this.help = help;
    this.type = buckets ? 'histogram' : 'counter';
    this.#bounds = buckets ?? [];
    // The registry only ever calls get(), getForPromString() and reset(), which this class has.
    registry.registerMetric(this as unknown as Metric);
  }

  /** The recorder for one label set: adds one observation (a counter adds `value`, 1 unless given). */
  bind(labels: Labels): (value?: number) => void {
    const tally = this.#tallyOf(labels);
    const bounds = this.#bounds;
    if (this.type === 'counter') return (value = 1) => void (tally.sum += value);
    return (value = 0) => {
      let slot = 0;
      while (slot < bounds.length && value > (bounds[slot] as number)) slot += 1;
      tally.buckets[slot] = (tally.buckets[slot] as number) + 1;
      tally.count += 1;
      tally.sum += value;
    };
  }

  /** The one tally of a label set: binding the same labels twice counts into it, never into a second series. */
  #tallyOf(labels: Labels): Tally {
    const key = JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));
    let tally = this.#byLabels.get(key);
    if (!tally) {
      tally = { labels: { ...labels }, count: 0, sum: 0, buckets: new Float64Array(this.#bounds.length + 1) };
      this.#byLabels.set(key, tally);
      this.#tallies.push(tally);
    }
    return tally;
  }

  /** What the registry prints: `le` first, then the label set, as prom-client's own histograms. */
  getForPromString(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Sample[] }> {
    const values: Sample[] = [];
    for (const { labels, count, sum, buckets } of this.#tallies) {
      if (this.type === 'counter') {
        values.push({ metricName: this.name, labels, value: sum });
        continue;
      }
      let cumulative = 0;
      this.#bounds.forEach((le, slot) => {
        cumulative += buckets[slot] as number;
        values.push({ metricName: `${this.name}_bucket`, labels: { le }, sharedLabels: labels, value: cumulative });
      });
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf' }, sharedLabels: labels, value: count });
      values.push({ metricName: `${this.name}_sum`, labels, value: sum }, { metricName: `${this.name}_count`, labels, value: count });
    }
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values });
  }

  /** The same samples with their labels in one object, for `registry.getMetricsAsJSON()`. */
  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: Sample[] }> {
    const metric = await this.getForPromString();
    return { ...metric, values: metric.values.map(({ labels, sharedLabels, ...sample }) => ({ ...sample, labels: { ...sharedLabels, ...labels } })) };
  }

  reset(): void {
    for (const tally of this.#tallies) {
      tally.count = 0;
      tally.sum = 0;
      tally.buckets.fill(0);
    }
  }
}

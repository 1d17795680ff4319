import type { Database } from '@pantau/prisma';
import { changesFromPrevious, runningTotals, sharesOfTotal, type DerivationInput, type Derived, type PeriodChange, type PreviousBucket } from './derived-measures.ts';
import { bucketStart, previousBucketStart } from './periods.ts';
import { querySeries, type SeriesQuery, type SeriesRow } from './series.ts';
import { suppressAnswer } from './answer-suppression.ts';
import type { SuppressionRule } from './suppression.ts';
import { progressAgainstTargets, type TargetProgress } from './target-progress.ts';

/** A sensitive metric's rule for callers without `read:restricted`. */
export interface SuppressionPolicy {
  threshold: number;
}

export interface AnswerQuery extends SeriesQuery {
  suppression: SuppressionPolicy | null;
}

const DAY_MS = 86_400_000;

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`No row ${index} in this answer`);
  return item;
}

/**
 * One metric's series, suppressed as its policy says, with the figures derived from it computed on
 * first use over every row of the answer (a page of rows still shares in the whole).
 */
export class SeriesAnswer {
  readonly hidden: (SuppressionRule | null)[];
  readonly #input: DerivationInput;
  #shares?: Derived[];
  #running?: Derived[];
  #changes?: Promise<PeriodChange[]>;
  #progress?: Promise<TargetProgress[]>;

  constructor(
    private readonly database: Database,
    readonly query: AnswerQuery,
    readonly rows: readonly SeriesRow[],
    hidden: readonly (SuppressionRule | null)[],
  ) {
    this.hidden = [...hidden];
    this.#input = { rows, hidden: this.hidden, groupBy: query.groupBy, granularity: query.granularity, metric: query.metric };
  }

  static async load(database: Database, query: AnswerQuery): Promise<SeriesAnswer> {
    return SeriesAnswer.of(database, query, await querySeries(database, query));
  }

  /** The answer over rows already read for this query (one metric's share of a `metricTable`). */
  static async of(database: Database, query: AnswerQuery, rows: readonly SeriesRow[]): Promise<SeriesAnswer> {
    return new SeriesAnswer(database, query, rows, await hiddenRows(database, query, rows));
  }

  shareOfTotal(index: number): Derived {
    this.#shares ??= sharesOfTotal(this.#input);
    return at(this.#shares, index);
  }

  runningTotal(index: number): Derived {
    this.#running ??= runningTotals(this.#input);
    return at(this.#running, index);
  }

  async change(index: number): Promise<PeriodChange> {
    this.#changes ??= this.#previousBucket().then((before) => changesFromPrevious(this.#input, this.query.filter.from, before));
    return at(await this.#changes, index);
  }

  async progress(index: number): Promise<TargetProgress> {
    const f = this.query.filter;
    const narrowed =
      [f.officeId, f.programId, f.campaignId].some((id) => id !== undefined) ||
      [f.officeIds, f.programIds, f.dimensions, f.officeTypes, f.excludeOfficeTypes].some((list) => (list?.length ?? 0) > 0);
    const regionCodes = [...(f.regionCode ? [f.regionCode] : []), ...(f.regionCodes ?? [])];
    this.#progress ??= progressAgainstTargets(this.database, this.query.metric.id, this.#input, { regionCodes, narrowed, from: f.from, to: f.to });
    return at(await this.#progress, index);
  }

  /**
   * The bucket before the range, asked as a range of its own (so the month rollups answer it), for
   * the first period's change; suppressed as its own answer would be.
   */
  async #previousBucket(): Promise<PreviousBucket | null> {
    const { granularity, filter } = this.query;
    if (granularity === 'ALL' || !filter.from) return null;
    const first = bucketStart(filter.from, granularity);
    const start = previousBucketStart(first, granularity);
    const before = { ...this.query, filter: { ...filter, from: start, to: new Date(first.getTime() - DAY_MS) } };
    const inBucket = (await querySeries(this.database, before)).filter((row) => row.periodStart?.getTime() === start.getTime());
    return { rows: inBucket, hidden: await hiddenRows(this.database, before, inBucket) };
  }
}

/** Which rows the query's suppression policy hides (none without one). */
async function hiddenRows(database: Database, query: AnswerQuery, rows: readonly SeriesRow[]): Promise<(SuppressionRule | null)[]> {
  return query.suppression ? suppressAnswer(database, query, rows, query.suppression.threshold) : rows.map(() => null);
}

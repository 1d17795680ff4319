import { compare } from './exact-decimal.ts';
import type { SeriesRow } from './series.ts';

export interface SeriesOrder {
  by: 'PERIOD' | 'VALUE';
  direction: 'ASC' | 'DESC';
}

export interface RowWindow {
  order?: SeriesOrder | undefined;
  /** Keeps the N largest rows of each period (hidden cells count as smallest). */
  topPerPeriod?: number | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
}

interface Orderable extends Pick<SeriesRow, 'periodStart' | 'value'> {
  hidden: boolean;
  /** Position in the database's order (period, then groups), the tie-breaker. */
  index: number;
}

const byPeriod = (a: Orderable, b: Orderable) => (a.periodStart?.getTime() ?? 0) - (b.periodStart?.getTime() ?? 0);
// Hidden cells sort after every shown one, whichever the direction, so their place gives nothing away.
const byValue = (a: Orderable, b: Orderable, direction: 1 | -1) => (a.hidden === b.hidden ? (a.hidden ? 0 : direction * compare(a.value, b.value)) : a.hidden ? 1 : -1);

/** The rows the caller asked for, in the order asked, and how many there were before `offset` and `limit`. */
export function windowRows<T extends Orderable>(rows: readonly T[], window: RowWindow): { rows: T[]; rowCount: number } {
  let kept = [...rows];
  if (window.topPerPeriod !== undefined) {
    const ranked = [...kept].sort((a, b) => byValue(a, b, -1) || a.index - b.index);
    const taken = new Map<number, number>();
    const keep = new Set<T>();
    for (const item of ranked) {
      const period = item.periodStart?.getTime() ?? 0;
      const count = taken.get(period) ?? 0;
      if (count < window.topPerPeriod) keep.add(item);
      taken.set(period, count + 1);
    }
    kept = kept.filter((item) => keep.has(item));
  }
  const order = window.order ?? { by: 'PERIOD', direction: 'ASC' };
  const sign = order.direction === 'ASC' ? 1 : -1;
  kept.sort((a, b) => (order.by === 'VALUE' ? byValue(a, b, sign) || byPeriod(a, b) : sign * byPeriod(a, b)) || a.index - b.index);
  const offset = window.offset ?? 0;
  return { rows: kept.slice(offset, window.limit === undefined ? undefined : offset + window.limit), rowCount: kept.length };
}

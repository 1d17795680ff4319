import type { Aggregation } from '@pantau/prisma/client';
import { add, compare } from './exact-decimal.ts';
import { enclosingPeriods } from './periods.ts';
import type { Granularity } from './rollup-planner.ts';

/** Why a cell is hidden: it is a small count, it would give a small count away by subtraction, or it is one observation of a sensitive metric (any could be subtracted from a shown total). */
export type SuppressionRule = 'BELOW_THRESHOLD' | 'COMPLEMENTARY' | 'SINGLE_OBSERVATION';

export interface SuppressionOptions {
  granularity: Granularity;
  groupBy: readonly string[];
  threshold: number;
  metric: { timeAggregation: Aggregation; spaceAggregation: Aggregation };
}

interface Cell {
  periodStart: Date | null;
  groups: Record<string, string | null>;
  value: string;
}

const placeGroups = new Set(['province', 'regency', 'region']);

/** The totals a grouping value adds up into: a regency into its province (`53.71` into `53`), and every value into all of them. */
function enclosingGroups(key: string, value: string | null): string[] {
  if (!placeGroups.has(key) || !value) return ['all'];
  const parts = value.split('.');
  return [...parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.')), 'all'];
}

/** Primary suppression: above zero and below the threshold (a zero identifies nobody). */
export function belowThreshold(value: string, threshold: number): boolean {
  return compare(value, '0') > 0 && compare(value, String(threshold)) < 0;
}

/**
 * Every line of cells that adds up to a total someone can ask for: the groups of one period, the
 * periods of one group, the regencies of one province, the months of one quarter or year... Lines
 * are only those a metric's rules add up: periods when its time rule is SUM, groups when its space
 * rule is SUM. Each line is the indexes of its cells.
 */
function suppressionLines(cells: readonly Cell[], options: Omit<SuppressionOptions, 'threshold'>): number[][] {
  const lines = new Map<string, number[]>();
  const addTo = (key: string, index: number) => {
    const line = lines.get(key);
    if (line) line.push(index);
    else lines.set(key, [index]);
  };
  cells.forEach((cell, index) => {
    const period = cell.periodStart?.toISOString() ?? 'all';
    const groupValues = options.groupBy.map((key) => cell.groups[key] ?? null);
    if (options.metric.timeAggregation === 'SUM') {
      for (const within of enclosingPeriods(cell.periodStart, options.granularity)) addTo(JSON.stringify(['period', within, groupValues]), index);
    }
    if (options.metric.spaceAggregation === 'SUM') {
      options.groupBy.forEach((key, k) => {
        const others = groupValues.map((value, i) => (i === k ? null : value));
        for (const within of enclosingGroups(key, groupValues[k] ?? null)) addTo(JSON.stringify([key, within, period, others]), index);
      });
    }
  });
  return [...lines.values()];
}

/**
 * Which cells to hide. A cell above zero and below the threshold is hidden; then every line (see
 * `suppressionLines`) holding a hidden cell hides more of its smallest cells until it holds two or
 * more hidden cells worth together at least the threshold, so no hidden cell is the total minus the
 * shown ones.
 */
export function suppressCells(cells: readonly Cell[], options: SuppressionOptions): (SuppressionRule | null)[] {
  const hidden: (SuppressionRule | null)[] = cells.map((cell) => (belowThreshold(cell.value, options.threshold) ? 'BELOW_THRESHOLD' : null));
  if (!hidden.some(Boolean)) return hidden;
  const lines = suppressionLines(cells, options);

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const hiddenInLine = line.filter((i) => hidden[i]);
      if (hiddenInLine.length === 0) continue;
      let count = hiddenInLine.length;
      let sum = hiddenInLine.reduce((total, i) => add(total, cells[i]?.value ?? '0'), '0');
      const shown = line.filter((i) => !hidden[i]).sort((a, b) => compare(cells[a]?.value ?? '0', cells[b]?.value ?? '0') || a - b);
      while ((count < 2 || compare(sum, String(options.threshold)) < 0) && shown.length > 0) {
        const next = shown.shift() as number;
        hidden[next] = 'COMPLEMENTARY';
        count += 1;
        sum = add(sum, cells[next]?.value ?? '0');
        changed = true;
      }
    }
  }
  return hidden;
}

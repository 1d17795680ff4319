import type { Database } from '@pantau/prisma';
import { bucketStart, periodEndOf, periodLabel, type Bucket } from './periods.ts';
import type { Granularity } from './rollup-planner.ts';
import { querySeries, type SeriesQuery, type SeriesRow } from './series.ts';
import { SuppressionCube, type CubeLeaf } from './suppression-cube.ts';
import { suppressCells, type SuppressionRule } from './suppression.ts';

/** The wider table a narrowed answer is cut from, and which of its rows the answer keeps. */
interface WiderTable {
  query: SeriesQuery;
  keeps: (row: SeriesRow) => boolean;
  /** Whether time is a dimension adding up (its buckets into years and all of time) rather than a fixed coordinate. */
  timeAddsUp: boolean;
}

/** The place groupings, coarsest first: a wider table holds the province of every place it holds. */
const placeKeys = ['province', 'regency', 'region'];
const finestPlace = (row: SeriesRow) => row.groups.region ?? row.groups.regency ?? row.groups.province ?? null;

const finestFirst: Granularity[] = ['DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR', 'ALL'];
const finer = (a: Granularity, b: Granularity) => (finestFirst.indexOf(a) <= finestFirst.indexOf(b) ? a : b);

/** The coarsest buckets a date range is made of whole (DAY when it starts or ends mid-month). */
function bucketsOfRange(from: Date | undefined, to: Date | undefined, granularity: Granularity): Granularity {
  const whole = (bucket: Bucket) =>
    (!from || bucketStart(from, bucket).getTime() === from.getTime()) && (!to || periodEndOf(bucketStart(to, bucket), bucket).getTime() === to.getTime());
  if (granularity === 'WEEK') return whole('WEEK') ? 'WEEK' : 'DAY';
  const coarsest = (['YEAR', 'QUARTER', 'MONTH'] as const).find(whole) ?? 'DAY';
  return finer(granularity, coarsest);
}

function addKey(groupBy: string[], key: string): void {
  if (!groupBy.includes(key)) groupBy.push(key);
}

const inRegions = (code: string | null | undefined, codes: readonly string[]) => !!code && codes.some((c) => code === c || code.startsWith(`${c}.`));

/**
 * Suppression decided on one query's rows alone can be undone across queries: NTT's 31 shown, then
 * 53.01's 20 and, asked with a filter, 53.02's 8 give away 53.71's hidden 3. So an answer narrowed by
 * a filter (regions, offices, office types, programmes, a campaign, dimension values, a date range)
 * is a cut of a wider table: the same metric with those filters turned into groupings (and a date
 * range into the whole of time, in the coarsest buckets the range is made of), which every such query
 * shares and whose suppression is decided once. Null when the answer is its own table. Only what the
 * metric adds up is widened: groups when its space rule is SUM, time when both rules are.
 */
async function widerTable(database: Database, query: SeriesQuery): Promise<WiderTable | null> {
  const { metric } = query;
  if (metric.spaceAggregation !== 'SUM') return null;
  const { regionCode, regionCodes, officeId, officeIds, officeTypes, excludeOfficeTypes, programId, programIds, campaignId, dimensions, from, to, ...kept } = query.filter;
  const groupBy = [...query.groupBy];
  const filter: SeriesQuery['filter'] = kept;
  const keeps: ((row: SeriesRow) => boolean)[] = [];

  const codes = [...(regionCode ? [regionCode] : []), ...(regionCodes ?? [])];
  if (codes.length > 0) keeps.push((row) => inRegions(finestPlace(row), codes));
  const placeLevels = placeKeys.slice(0, Math.max(0, ...groupBy.map((key) => placeKeys.indexOf(key) + 1), ...codes.map((code) => Math.min(3, code.split('.').length))));
  for (const key of placeLevels) addKey(groupBy, key);
  if (officeId !== undefined || officeIds?.length || officeTypes?.length || excludeOfficeTypes?.length) {
    addKey(groupBy, 'office');
    const ids = new Set([...(officeId !== undefined ? [officeId] : []), ...(officeIds ?? [])].map(String));
    const typeOf =
      officeTypes?.length || excludeOfficeTypes?.length
        ? new Map((await database.prisma.office.findMany({ select: { id: true, type: true } })).map((o) => [String(o.id), o.type as string]))
        : null;
    keeps.push((row) => {
      const office = row.groups.office ?? null;
      if (ids.size > 0 && (!office || !ids.has(office))) return false;
      const type = office ? typeOf?.get(office) : undefined;
      if (officeTypes?.length && (!type || !officeTypes.includes(type as never))) return false;
      return !(excludeOfficeTypes?.length && type && excludeOfficeTypes.includes(type as never));
    });
  }
  const programs = new Set([...(programId !== undefined ? [programId] : []), ...(programIds ?? [])].map(String));
  if (programs.size > 0) {
    addKey(groupBy, 'program');
    keeps.push((row) => programs.has(row.groups.program ?? ''));
  }
  if (campaignId !== undefined) {
    addKey(groupBy, 'campaign');
    keeps.push((row) => row.groups.campaign === String(campaignId));
  }
  for (const condition of dimensions ?? []) {
    const values = [...(condition.value !== undefined ? [condition.value] : []), ...(condition.values ?? [])];
    addKey(groupBy, condition.key);
    keeps.push((row) => values.includes(row.groups[condition.key] ?? ''));
  }
  const timeAddsUp = metric.timeAggregation === 'SUM';
  let granularity = query.granularity;
  if ((from || to) && timeAddsUp) {
    granularity = bucketsOfRange(from, to, query.granularity);
    const bucket = granularity === 'ALL' ? null : granularity;
    keeps.push((row) => !!row.periodStart && !!bucket && (!from || row.periodStart >= from) && (!to || periodEndOf(row.periodStart, bucket) <= to));
  } else {
    if (from) filter.from = from;
    if (to) filter.to = to;
  }
  if (keeps.length === 0) return null;
  return { query: { ...query, groupBy, granularity, filter, source: 'auto' }, keeps: (row) => keeps.every((keep) => keep(row)), timeAddsUp };
}

/**
 * Which of an answer's rows a caller under suppression does not see, and why. The answer's own table
 * hides its small cells and their complements along its lines. A narrowed answer's row also adds up
 * cells of its wider table (see `widerTable`), suppressed with all its subtotals as a cube (see
 * suppression-cube.ts), and takes the rule the cube gives their sum. Hiding more never weakens a
 * line, so the answer hides what either table hides.
 */
export async function suppressAnswer(database: Database, query: SeriesQuery, rows: readonly SeriesRow[], threshold: number): Promise<(SuppressionRule | null)[]> {
  const own = suppressCells(rows, { ...query, threshold });
  const wider = await widerTable(database, query);
  if (!wider || rows.length === 0) return own;
  const cut = await hiddenInWiderTable(database, query, rows, wider, threshold);
  return own.map((rule, index) => rule ?? cut[index] ?? null);
}

async function hiddenInWiderTable(database: Database, query: SeriesQuery, rows: readonly SeriesRow[], wider: WiderTable, threshold: number): Promise<(SuppressionRule | null)[]> {
  const cells = await querySeries(database, wider.query);
  const cube = new SuppressionCube(leavesOf(cells, wider), threshold);
  const keyOf = (periodStart: Date | null, groups: SeriesRow['groups']) => JSON.stringify([periodStart?.getTime() ?? null, ...query.groupBy.map((key) => groups[key] ?? null)]);
  const rowOfKey = new Map(rows.map((row, index) => [keyOf(row.periodStart, row.groups), index]));
  const parts = rows.map((): number[] => []);
  cells.forEach((cell, index) => {
    if (!wider.keeps(cell)) return;
    const period = query.granularity === 'ALL' || !cell.periodStart ? null : bucketStart(cell.periodStart, query.granularity);
    const row = rowOfKey.get(keyOf(period, cell.groups));
    if (row !== undefined) parts[row]?.push(index);
  });
  return parts.map((leaves) => cube.ruleOf(leaves));
}

/** The wider table's rows as the cube's finest cells: a path per place, other grouping and (when it adds up) time. */
function leavesOf(cells: readonly SeriesRow[], wider: WiderTable): CubeLeaf[] {
  const { groupBy, granularity } = wider.query;
  const places = groupBy.filter((key) => placeKeys.includes(key));
  const others = groupBy.filter((key) => !placeKeys.includes(key));
  return cells.map((cell) => {
    const paths: string[][] = [];
    if (places.length > 0) paths.push(placePath(finestPlace(cell), places.length));
    for (const key of others) paths.push(['*', cell.groups[key] ?? '∅']);
    if (granularity !== 'ALL' && cell.periodStart) paths.push(wider.timeAddsUp ? timePath(cell.periodStart, granularity) : [periodLabel(cell.periodStart, granularity)]);
    return { paths, value: cell.value };
  });
}

/** `['*', '53', '53.71']`; a place above the finest level held gets a node of its own below itself, beside the places inside it. */
function placePath(code: string | null, levels: number): string[] {
  if (!code) return ['*', '∅'];
  const parts = code.split('.');
  const path = ['*', ...parts.map((_, i) => parts.slice(0, i + 1).join('.'))];
  return parts.length < levels ? [...path, `${code}#`] : path;
}

const timeLevels: Record<Exclude<Granularity, 'ALL' | 'WEEK'>, Granularity[]> = {
  YEAR: ['YEAR'],
  QUARTER: ['YEAR', 'QUARTER'],
  MONTH: ['YEAR', 'QUARTER', 'MONTH'],
  DAY: ['YEAR', 'QUARTER', 'MONTH', 'DAY'],
};

/** A bucket under the longer periods it adds up into; ISO weeks add up only into all of time. */
function timePath(start: Date, granularity: Exclude<Granularity, 'ALL'>): string[] {
  if (granularity === 'WEEK') return ['*', periodLabel(start, 'WEEK')];
  return ['*', ...timeLevels[granularity].map((level) => periodLabel(start, level))];
}

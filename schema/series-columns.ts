import type { MetricSeriesColumns, SeriesGroupColumn } from './scalars.ts';

interface Place {
  code: string;
  name: string;
}
interface Named {
  nameId: string;
  nameEn: string;
}

/** A row of a series as `MetricSeries.rows` would give it, read back from `MetricSeries.columns`. */
export interface SeriesColumnRow<S> {
  period: string;
  value: string | null;
  suppressed: boolean;
  isLowerBound: boolean;
  synthetic: boolean;
  observationCount: number;
  sources: S[];
  province: Place | null;
  regency: Place | null;
  region: Place | null;
  office: (Named & { code: string }) | null;
  program: (Named & { key: string }) | null;
  campaign: (Named & { slug: string }) | null;
  dimensions: { key: string; value: string; labelId: string; labelEn: string }[];
}

const places = new Set(['province', 'regency', 'region']);

function entryOf(group: SeriesGroupColumn, row: number): { code: string; nameId: string; nameEn: string } | null {
  const at = group.value[row];
  if (at === null || at === undefined) return null;
  return { code: group.codes[at] ?? '', nameId: group.namesId[at] ?? '', nameEn: group.namesEn[at] ?? '' };
}

/** The rows of `MetricSeries.columns`, each with its sources picked from `MetricSeries.sources`. */
export function seriesColumnRows<S>(series: { columns: MetricSeriesColumns; sources: readonly S[] }): SeriesColumnRow<S>[] {
  const { columns, sources } = series;
  const sourceSets = columns.sourceSets.map((set) => set.flatMap((index) => (sources[index] === undefined ? [] : [sources[index]])));
  return Array.from({ length: columns.count }, (_, i) => {
    const row: SeriesColumnRow<S> = {
      period: columns.periods[columns.period[i] ?? -1] ?? '',
      value: columns.value[i] ?? null,
      suppressed: columns.suppressed[i] === 1,
      isLowerBound: columns.isLowerBound[i] === 1,
      synthetic: columns.synthetic[i] === 1,
      observationCount: columns.observationCount[i] ?? 0,
      sources: sourceSets[columns.sourceSet[i] ?? -1] ?? [],
      province: null,
      regency: null,
      region: null,
      office: null,
      program: null,
      campaign: null,
      dimensions: [],
    };
    for (const group of columns.groups) {
      const entry = entryOf(group, i);
      if (places.has(group.key)) row[group.key as 'province'] = entry && { code: entry.code, name: entry.nameId };
      else if (group.key === 'office') row.office = entry && { code: entry.code, nameId: entry.nameId, nameEn: entry.nameEn };
      else if (group.key === 'program') row.program = entry && { key: entry.code, nameId: entry.nameId, nameEn: entry.nameEn };
      else if (group.key === 'campaign') row.campaign = entry && { slug: entry.code, nameId: entry.nameId, nameEn: entry.nameEn };
      else if (entry) row.dimensions.push({ key: group.key, value: entry.code, labelId: entry.nameId, labelEn: entry.nameEn });
    }
    return row;
  });
}

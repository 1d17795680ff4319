// The figures of the TPPO coverage answer: village coverage per region and for the country, and the
// reported metrics per area, in a constant number of statements whatever the number of regions.
import { geographySource } from '@pantau/prisma';
import type { Metric as MetricRow, OfficeType } from '@pantau/prisma/client';
import { queryVillageCoverage, type CoverageLevel as CoverageLevelValue, type VillageCoverage } from '../../analytics/coverage.ts';
import { queryMetricsSeries, type SeriesRow } from '../../analytics/series.ts';
import type { GraphQLContext } from '../../context.ts';
import { badArgument } from '../errors.ts';
import { metricFor, regionCodeFilter } from '../filters.ts';
import { suppressAnswers, type CellSuppression } from '../../visibility/small-cells.ts';

/** Figures reported by the ministry and its directorates general are national; they never count for the region their head office sits in. */
const nationalOfficeTypes: readonly OfficeType[] = ['MINISTRY', 'DIRECTORATE_GENERAL'];

export type Figure = SeriesRow & { granularity: 'ALL'; suppression?: CellSuppression | null };

export interface CoverageFigures extends VillageCoverage {
  pimpasaOfficers: Figure;
  tppoActivities: Figure;
  geographySourceId: number | null;
}

export interface NationalCoverage extends CoverageFigures {
  reportedPartnerVillages: Figure | null;
  reportedPimpasaOfficers: Figure | null;
  priorityCodes: string[];
}

const noFigure: Figure = {
  metricId: 0,
  periodStart: null,
  periodEnd: null,
  groups: {},
  value: '0',
  isLowerBound: false,
  synthetic: false,
  sourceIds: [],
  observationCount: 0,
  granularity: 'ALL',
};

export interface CoverageAnswer {
  level: CoverageLevelValue;
  provinceCode: string | null;
  rows: CoverageFigures[];
  national: NationalCoverage;
}

type FigureOf = (metric: MetricRow, code: string) => Figure | undefined;

/** Each figure of some metrics per region at `level` (or for the whole country), national offices excluded or only: one statement. */
async function metricsByArea(
  context: GraphQLContext,
  metrics: MetricRow[],
  level: CoverageLevelValue,
  options: { provinceCode: string | null; includeSynthetic: boolean; national: boolean },
): Promise<FigureOf> {
  const group = level === 'PROVINCE' ? 'province' : level === 'REGENCY' ? 'regency' : null;
  const query = {
    granularity: 'ALL' as const,
    groupBy: group ? [group] : [],
    filter: {
      ...(options.provinceCode ? { regionCode: options.provinceCode } : {}),
      ...(options.national ? { officeTypes: nationalOfficeTypes } : { excludeOfficeTypes: nationalOfficeTypes }),
    },
    includeSynthetic: options.includeSynthetic,
  };
  const found = await queryMetricsSeries(context.database, { ...query, metrics });
  const rows = await suppressAnswers(context.database, found, metrics, context.scopes, query);
  const byKey = new Map(rows.map((row) => [`${row.metricId}|${group ? (row.groups[group] ?? '') : 'ID'}`, { ...row, granularity: 'ALL' as const }]));
  return (metric, code) => byKey.get(`${metric.id}|${code}`);
}

/** The coverage of every region at `level` (within `provinceCode` if given) and of the whole country; a bad `provinceCode` is a 4xx naming it. */
export async function tppoCoverageAnswer(context: GraphQLContext, level: CoverageLevelValue, provinceCode: string | null, includeSynthetic: boolean): Promise<CoverageAnswer> {
  if (provinceCode) {
    await regionCodeFilter(context, provinceCode, 'provinceCode', 'code');
    if (provinceCode.includes('.')) throw badArgument('provinceCode', `\`provinceCode\` must be a province code of two digits such as "53" (got "${provinceCode}")`);
  }
  const [pimpasaMetric, tppoMetric, villagesMetric] = await Promise.all(
    ['pimpasa_officers', 'tppo_prevention_activities', 'partner_villages'].map((key) => metricFor(context, key)),
  );
  if (!pimpasaMetric || !tppoMetric || !villagesMetric) throw new Error('A coverage metric is missing from the catalogue');
  const regional = { provinceCode, includeSynthetic, national: false };
  const countrywide = { provinceCode: null, includeSynthetic, national: false };
  const reported = { provinceCode: null, includeSynthetic, national: true };
  const [rows, country, regionalFigures, countryFigures, reportedFigures, geography, priorities] = await Promise.all([
    queryVillageCoverage(context.database, level, provinceCode, includeSynthetic),
    queryVillageCoverage(context.database, 'COUNTRY', null, includeSynthetic),
    metricsByArea(context, [pimpasaMetric, tppoMetric], level, regional),
    metricsByArea(context, [pimpasaMetric, tppoMetric], 'COUNTRY', countrywide),
    metricsByArea(context, [villagesMetric, pimpasaMetric], 'COUNTRY', reported),
    context.database.prisma.source.findUnique({ where: { key: geographySource.key }, select: { id: true } }),
    context.database.prisma.regionPriority.findMany({ where: { theme: 'TPPO_PREVENTION', ...(includeSynthetic ? {} : { synthetic: false }) }, orderBy: { regionCode: 'asc' } }),
  ]);
  const withFigures = (area: VillageCoverage, figureOf: FigureOf): CoverageFigures => ({
    ...area,
    pimpasaOfficers: figureOf(pimpasaMetric, area.code) ?? noFigure,
    tppoActivities: figureOf(tppoMetric, area.code) ?? noFigure,
    geographySourceId: geography?.id ?? null,
  });
  const [countryArea] = country;
  if (!countryArea) throw new Error('The country-wide coverage query returned no row');
  return {
    level,
    provinceCode,
    rows: rows.map((area) => withFigures(area, regionalFigures)),
    national: {
      ...withFigures(countryArea, countryFigures),
      reportedPartnerVillages: reportedFigures(villagesMetric, 'ID') ?? null,
      reportedPimpasaOfficers: reportedFigures(pimpasaMetric, 'ID') ?? null,
      priorityCodes: priorities.map((p) => p.regionCode),
    },
  };
}

import { builtInGroups, periodLabel, type Granularity, type SeriesRow } from '../../analytics/series.ts';
import { builder } from '../builder.ts';
import { Campaign } from './campaign.ts';
import { DimensionValue } from './observation.ts';
import { Office } from './office.ts';
import { Program } from './program.ts';
import { Region } from './region.ts';

/** What places a row in a series: its period bucket and its groups. */
export interface BucketShape extends Pick<SeriesRow, 'periodStart' | 'periodEnd' | 'groups'> {
  granularity: Granularity;
}

export const SeriesBucket = builder.interfaceRef<BucketShape>('SeriesBucket').implement({
  description: 'A period bucket and the chosen groups: the place of a row in a series or a table.',
  fields: (t) => ({
    period: t.string({
      description: 'The bucket as text: `2025`, `2025-Q1`, `2025-03`, `2025-W03` or `2025-03-01`.',
      resolve: (row) => (row.periodStart ? periodLabel(row.periodStart, row.granularity) : 'all'),
    }),
    periodStart: t.field({ type: 'Date', description: 'First day of the bucket.', resolve: (row) => row.periodStart ?? new Date(0) }),
    periodEnd: t.field({ type: 'Date', description: 'Last day of the bucket.', resolve: (row) => row.periodEnd ?? new Date(0) }),
    province: t.field({ type: Region, nullable: true, description: 'Province, when grouped by `province`.', resolve: (row) => row.groups.province ?? null }),
    regency: t.field({ type: Region, nullable: true, description: 'Regency or city, when grouped by `regency`.', resolve: (row) => row.groups.regency ?? null }),
    region: t.field({ type: Region, nullable: true, description: 'Exact region of the observations, when grouped by `region`.', resolve: (row) => row.groups.region ?? null }),
    office: t.field({ type: Office, nullable: true, description: 'Office, when grouped by `office`.', resolve: (row) => (row.groups.office ? Number(row.groups.office) : null) }),
    program: t.field({
      type: Program,
      nullable: true,
      description: 'Program, when grouped by `program`.',
      resolve: (row) => (row.groups.program ? Number(row.groups.program) : null),
    }),
    campaign: t.field({
      type: Campaign,
      nullable: true,
      description: 'Campaign, when grouped by `campaign`.',
      resolve: (row) => (row.groups.campaign ? Number(row.groups.campaign) : null),
    }),
    dimensions: t.field({
      type: [DimensionValue],
      description: 'Dimension values, when grouped by dimension keys such as `passport_type`.',
      resolve: (row) =>
        Object.entries(row.groups)
          .filter(([key, value]) => !(builtInGroups as readonly string[]).includes(key) && value !== null)
          .map(([key, value]) => ({ key, value: value as string })),
    }),
  }),
});

import type { RegionPriority as RegionPriorityRow } from '@pantau/prisma/client';
import { GraphQLError } from 'graphql';
import { placedVillages, type VillageMapColumns } from '../../analytics/village-map-columns.ts';
import { villageMapMemo } from '../../analytics/village-map-memo.ts';
import { builder } from '../builder.ts';
import { regionCodeFilter } from '../filters.ts';
import { Office } from './office.ts';
import { PartnerVillage } from './partner-village.ts';
import { ProgramTheme } from './program.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

interface MapPointRow {
  id: number;
  village_code: string;
  regency_code: string;
  province_code: string;
  office_id: number;
  designated_on: Date | null;
  pimpasa_count: number;
  synthetic: boolean;
  latitude: string;
  longitude: string;
  precision: 'VILLAGE' | 'REGENCY' | 'PROVINCE';
}

const CoordinatePrecision = builder.enumType('CoordinatePrecision', {
  description: 'Which place a map point’s coordinates belong to.',
  values: {
    VILLAGE: { description: 'The village itself.' },
    REGENCY: { description: 'The village has no coordinates; the point is its regency’s or city’s.' },
    PROVINCE: { description: 'Neither village nor regency has coordinates; the point is the provincial capital.' },
  } as const,
});

const MapPoint = builder.objectRef<MapPointRow>('PartnerVillagePoint').implement({
  description: 'A Desa Binaan Imigrasi as a point on a map.',
  fields: (t) => ({
    partnerVillage: t.field({ type: PartnerVillage, description: 'The partner village.', resolve: (p) => p.id }),
    village: t.field({ type: Region, description: 'The village region.', resolve: (p) => p.village_code }),
    regency: t.field({ type: Region, description: 'Its regency or city.', resolve: (p) => p.regency_code }),
    province: t.field({ type: Region, description: 'Its province.', resolve: (p) => p.province_code }),
    office: t.field({ type: Office, description: 'The responsible Kantor Imigrasi.', resolve: (p) => p.office_id }),
    designatedOn: t.field({ type: 'Date', nullable: true, description: 'Designation date.', resolve: (p) => p.designated_on }),
    pimpasaCount: t.int({ description: 'Pimpasa officers assigned.', resolve: (p) => p.pimpasa_count }),
    latitude: t.field({ type: 'Decimal', description: 'Latitude (WGS84) of the point.', resolve: (p) => p.latitude }),
    longitude: t.field({ type: 'Decimal', description: 'Longitude (WGS84) of the point.', resolve: (p) => p.longitude }),
    precision: t.field({ type: CoordinatePrecision, description: 'Whose coordinates these are: the village’s, its regency’s or its province’s.', resolve: (p) => p.precision }),
    synthetic: t.boolean({ description: 'True for generated demo data.', resolve: (p) => p.synthetic }),
  }),
});

const RegionPriority = builder.objectRef<RegionPriorityRow>('RegionPriority').implement({
  description: 'A region the ministry has named a priority for a theme, e.g. NTT for TPPO/TPPM prevention.',
  fields: (t) => ({
    region: t.field({ type: Region, description: 'The priority region.', resolve: (p) => p.regionCode }),
    theme: t.expose('theme', { type: ProgramTheme, description: 'The theme it is a priority for.' }),
    declaredOn: t.field({ type: 'Date', nullable: true, description: 'When the priority was stated, if known.', resolve: (p) => p.declaredOn }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for generated demo data.' }),
    source: t.field({ type: Source, description: 'Where the priority is stated.', resolve: (p) => p.sourceId }),
  }),
});

builder.scalarType('PartnerVillageColumns', {
  description:
    'The points of a partner-village map, one JSON array per field (built by the database, so a national map stays small and fast). ' +
    'Point i is described by entry i of each per-point array; repeated values are stored once in a dictionary and referred to by index. Fields: ' +
    '`count` (number of points); `villageCodes` (per point, the code after its regency’s: `01.2001` for 53.71.01.2001); `villageNames` (per point); `regency` (per point, index into `regencies`); ' +
    '`regencies` `{ codes, names, province }` (`province`: index into `provinces`); `provinces` `{ codes, names }`; ' +
    '`office` (per point, index into `offices`); `offices` `{ codes, namesId, namesEn }`; `designatedOn` (per point, index into `dates`, or null); `dates` (`YYYY-MM-DD`); ' +
    '`pimpasaCounts` (per point); `place` (per point, index into `places`); `places` `{ latitudes, longitudes, precision }` ' +
    '(WGS84 numbers, and `VILLAGE`, `REGENCY` or `PROVINCE` as in `CoordinatePrecision`); `synthetic` (per point, 1 or 0); ' +
    '`source` (per point, index into `PartnerVillageMap.sources`). Points are ordered by village code. Output only.',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('PartnerVillageColumns is an output-only scalar');
  },
});

interface MapShape {
  provinceCode: string | null;
  includeSynthetic: boolean;
  /** Computed once per answer, whichever of `points`, `columns`, `sources` and `synthetic` asks first. */
  columns: () => Promise<VillageMapColumns>;
  points: () => Promise<MapPointRow[]>;
}

const PartnerVillageMap = builder.objectRef<MapShape>('PartnerVillageMap').implement({
  description: 'Partner villages as map points.',
  fields: (t) => ({
    priorities: t.field({
      type: [RegionPriority],
      description: 'Regions named TPPO/TPPM-prevention priorities, for highlighting on the map.',
      resolve: (m, _args, context) =>
        context.database.prisma.regionPriority.findMany({
          where: { theme: 'TPPO_PREVENTION', ...(m.includeSynthetic ? {} : { synthetic: false }) },
          orderBy: { regionCode: 'asc' },
        }),
    }),
    points: t.field({
      type: [MapPoint],
      description: 'One point per village, ordered by village code. For a province; a national map is better read as `columns`, which is about ten times smaller and faster.',
      resolve: (m) => m.points(),
    }),
    columns: t.field({ type: 'PartnerVillageColumns', description: 'The same points as `points`, one array per field (see the scalar).', resolve: (m) => m.columns() }),
    sources: t.field({
      type: [Source],
      description: 'The sources of the points, in the order `columns.source` refers to them.',
      resolve: async (m) => (await m.columns()).sourceIds,
    }),
    synthetic: t.boolean({
      description: 'True when any point is synthetic.',
      resolve: async (m, _args, context) => {
        const [row] = await context.database.prisma.$queryRawUnsafe<{ synthetic: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM partner_village pv JOIN region v ON v.code = pv.region_code WHERE pv.synthetic AND ($1::text IS NULL OR v.province_code = $1)) AS synthetic`,
          m.provinceCode,
        );
        return m.includeSynthetic && Boolean(row?.synthetic);
      },
    }),
  }),
});

builder.queryField('partnerVillageMap', (t) =>
  t.field({
    type: PartnerVillageMap,
    description: 'Desa Binaan Imigrasi as points: the village’s coordinates, or its regency’s, or its provincial capital’s when finer ones are unknown (`precision` says which).',
    args: {
      provinceCode: t.arg.string({ description: 'Only villages in this province (Kemendagri code, e.g. `53`).' }),
      includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic (generated) villages.' }),
    },
    resolve: async (_root, args, context) => {
      if (args.provinceCode) await regionCodeFilter(context, args.provinceCode, 'provinceCode', 'code');
      const provinceCode = args.provinceCode ?? null;
      const includeSynthetic = args.includeSynthetic ?? false;
      const once = <T>(compute: () => Promise<T>) => {
        let answer: Promise<T> | undefined;
        return () => (answer ??= compute());
      };
      return {
        provinceCode,
        includeSynthetic,
        columns: once(() => villageMapMemo(context.database).columns(provinceCode, includeSynthetic)),
        points: once(() =>
          context.database.prisma.$queryRawUnsafe<MapPointRow[]>(
            `SELECT pv.id, v.code AS village_code, v.regency_code, v.province_code, pv.office_id, pv.designated_on, pv.pimpasa_count, pv.synthetic,
                    ${placedVillages.latitude}::text AS latitude, ${placedVillages.longitude}::text AS longitude, ${placedVillages.precision} AS precision
             ${placedVillages.from}
             ORDER BY v.code`,
            provinceCode,
            includeSynthetic,
          ),
        ),
      };
    },
  }),
);

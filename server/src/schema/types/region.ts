import type { Prisma, Region as RegionRow } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder } from '../load-by-key.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { regionCodeFilter } from '../filters.ts';

export const RegionLevel = builder.enumType('RegionLevel', {
  description: 'Level in the Kemendagri hierarchy.',
  values: {
    PROVINCE: { description: 'Provinsi' },
    REGENCY: { description: 'Kabupaten or kota (regency or city)' },
    DISTRICT: { description: 'Kecamatan' },
    VILLAGE: { description: 'Desa or kelurahan' },
  } as const,
});

export const Region = builder.loadableNodeRef<RegionRow | null, string, string, string, RegionRow>('Region', {
  id: { resolve: (row) => row.code, parse: (id) => id },
  load: async (keys, context) =>
    inKeyOrder(keys, await context.database.prisma.region.findMany({ where: { code: { in: keys.filter((key) => /^[\d.]{1,13}$/.test(key)) } } }), (row) => row.code),
});

Region.implement({
  description: 'A province, regency/city, district or village, identified by its Kemendagri code (e.g. `53` NTT, `53.71` Kota Kupang).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Kemendagri code, e.g. `53.71`.' }),
    level: t.expose('level', { type: RegionLevel, description: 'Administrative level.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. `Kota Kupang` (proper names are not translated).' }),
    parent: t.field({ type: Region, nullable: true, description: 'The region this one lies in; null for a province.', resolve: (region) => region.parentCode }),
    province: t.field({ type: Region, description: 'The province this region lies in (itself for a province).', resolve: (region) => region.provinceCode }),
    latitude: t.field({ type: 'Decimal', nullable: true, description: 'Latitude (WGS84) of the region’s reference point, when known.', resolve: (region) => region.latitude }),
    longitude: t.field({ type: 'Decimal', nullable: true, description: 'Longitude (WGS84) of the region’s reference point, when known.', resolve: (region) => region.longitude }),
    villageCount: t.int({
      nullable: true,
      description: 'Villages (desa and kelurahan) in the region, from idn-area-data; the denominator of coverage ratios.',
      resolve: (region) => region.villageCount,
    }),
  }),
});

export const RegionFilter = builder.inputType('RegionFilter', {
  description: 'Narrows a list of regions; all given conditions must hold.',
  fields: (t) => ({
    code: t.string({ description: 'A Kemendagri code: the region itself and everything inside it (e.g. `53` for NTT and its regencies).' }),
    level: t.field({ type: RegionLevel, description: 'Only regions of this level.' }),
    search: t.string({ description: 'Case-insensitive part of the name, e.g. `kupang`.' }),
  }),
});

builder.queryField('regions', (t) =>
  t.connection(
    {
      type: Region,
      description: 'Provinces, regencies/cities, and the districts and villages Pantau knows, ordered by code.',
      args: { filter: t.arg({ type: RegionFilter, description: 'Conditions the results must meet.' }) },
      resolve: async (_root, args, context) => {
        const where: Prisma.RegionWhereInput = {
          AND: [
            args.filter?.code ? await regionCodeFilter(context, args.filter.code, 'filter.code', 'code') : {},
            args.filter?.level ? { level: args.filter.level } : {},
            args.filter?.search ? { name: { contains: args.filter.search, mode: 'insensitive' } } : {},
          ],
        };
        return paginate(
          args,
          (page) => context.database.prisma.region.findMany({ where, orderBy: { code: 'asc' }, ...page }),
          () => context.database.prisma.region.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);

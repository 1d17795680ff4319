import type { PartnerVillage as PartnerVillageRow, Prisma } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder, rowId } from '../load-by-key.ts';
import { officeFor, regionCodeFilter } from '../filters.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Office } from './office.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

export const PartnerVillage = builder.loadableNodeRef<PartnerVillageRow, number, number>('PartnerVillage', {
  id: { resolve: (row) => row.id, parse: rowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.partnerVillage.findMany({ where: { id: { in: [...keys] } } }), (row) => row.id, 'partner village'),
});

PartnerVillage.implement({
  description: 'A Desa Binaan Imigrasi: a village an immigration office works with to prevent TPPO/TPPM and explain passport services.',
  fields: (t) => ({
    village: t.field({ type: Region, description: 'The village (desa or kelurahan).', resolve: (v) => v.regionCode }),
    office: t.field({ type: Office, description: 'The responsible Kantor Imigrasi.', resolve: (v) => v.officeId }),
    designatedOn: t.field({ type: 'Date', nullable: true, description: 'Date the village was designated.', resolve: (v) => v.designatedOn }),
    pimpasaCount: t.exposeInt('pimpasaCount', { description: 'Pimpasa (Petugas Imigrasi Pembina Desa) officers assigned.' }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for generated demo data.' }),
    source: t.field({ type: Source, description: 'Where the designation is recorded.', resolve: (v) => v.sourceId }),
  }),
});

export const PartnerVillageFilter = builder.inputType('PartnerVillageFilter', {
  description: 'Narrows a list of partner villages.',
  fields: (t) => ({
    regionCode: t.string({ description: 'Only villages in this region (Kemendagri code prefix).' }),
    officeCode: t.string({ description: 'Only villages of this Kantor Imigrasi.' }),
    includeSynthetic: t.boolean({ defaultValue: false, description: 'Include generated demo villages.' }),
  }),
});

builder.queryField('partnerVillages', (t) =>
  t.connection(
    {
      type: PartnerVillage,
      description: 'Desa Binaan Imigrasi, ordered by village code.',
      args: { filter: t.arg({ type: PartnerVillageFilter, description: 'Conditions the results must meet.' }) },
      resolve: async (_root, args, context) => {
        const f = args.filter;
        const where: Prisma.PartnerVillageWhereInput = {
          AND: [
            f?.includeSynthetic ? {} : { synthetic: false },
            f?.regionCode ? await regionCodeFilter(context, f.regionCode, 'filter.regionCode', 'regionCode') : {},
            f?.officeCode ? { officeId: (await officeFor(context, f.officeCode, 'filter.officeCode')).id } : {},
          ],
        };
        return paginate(
          args,
          (page) => context.database.prisma.partnerVillage.findMany({ where, orderBy: { regionCode: 'asc' }, ...page }),
          () => context.database.prisma.partnerVillage.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);

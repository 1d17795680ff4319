import type { PartnerVillage as PartnerVillageRow, Prisma } from '@pantau/prisma/client';
import { catalogueWrite } from '../../writes/catalogue-write.ts';
import { partnerVillageData, partnerVillages } from '../../writes/partner-village-rules.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { officeFor, regionCodeFilter } from '../filters.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Office } from './office.ts';
import { Region } from './region.ts';
import { Source } from './source.ts';

export const PartnerVillage = builder.loadableNodeRef<PartnerVillageRow | null, number, number, number, PartnerVillageRow>('PartnerVillage', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.partnerVillage.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
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

const PartnerVillageInput = builder.inputType('PartnerVillageInput', {
  description: 'A Desa Binaan Imigrasi.',
  fields: (t) => ({
    villageCode: t.string({ required: true, description: 'Kemendagri code of the village (level VILLAGE).' }),
    officeCode: t.string({ required: true, description: 'The responsible Kantor Imigrasi.' }),
    designatedOn: t.field({ type: 'Date', description: 'Designation day.' }),
    pimpasaCount: t.int({ defaultValue: 0, description: 'Pimpasa officers assigned (0 or more).' }),
    source: t.string({ required: true, description: 'Key of the source that names the village.' }),
  }),
});

const PartnerVillagePayload = builder.objectRef<{ id: number }>('PartnerVillagePayload').implement({
  description: 'The partner village as stored.',
  fields: (t) => ({ partnerVillage: t.field({ type: PartnerVillage, description: 'The partner village.', resolve: (p) => p.id }) }),
});

builder.mutationFields((t) => ({
  createPartnerVillage: t.field({
    type: PartnerVillagePayload,
    authScopes: { admin: true },
    description: 'Registers a Desa Binaan Imigrasi. Needs `admin`.',
    args: { input: t.arg({ type: PartnerVillageInput, required: true, description: 'The village.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) =>
      catalogueWrite(
        context.database,
        context.caller,
        partnerVillages,
        { kind: 'create', data: await partnerVillageData(context.database, args.input), request: args.input },
        args.idempotencyKey,
      ),
  }),
  updatePartnerVillage: t.field({
    type: PartnerVillagePayload,
    authScopes: { admin: true },
    description: 'Corrects a partner village. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: PartnerVillage, description: 'Global ID of the partner village.' }),
      input: t.arg({ type: PartnerVillageInput, required: true, description: 'The corrected village.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) =>
      catalogueWrite(
        context.database,
        context.caller,
        partnerVillages,
        { kind: 'update', id: args.id.id, data: await partnerVillageData(context.database, args.input), request: args.input },
        args.idempotencyKey,
      ),
  }),
  deletePartnerVillage: t.field({
    type: DeletePayload,
    authScopes: { admin: true },
    description: 'Removes a partner village. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: PartnerVillage, description: 'Global ID of the partner village.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) => catalogueWrite(context.database, context.caller, partnerVillages, { kind: 'delete', id: args.id.id }, args.idempotencyKey),
  }),
}));

import type { Office as OfficeRow, Prisma } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder, rowId } from '../load-by-key.ts';
import { regionCodeFilter } from '../filters.ts';
import { paginate, withTotalCount, MAX_PAGE_SIZE } from '../pagination.ts';
import { badArgument } from '../errors.ts';
import { Lang, pick } from '../scalars.ts';
import { Region } from './region.ts';
import { Observation } from './observation.ts';

export const OfficeType = builder.enumType('OfficeType', {
  description: 'Kind of ministry unit.',
  values: {
    MINISTRY: { description: 'Kementerian Imigrasi dan Pemasyarakatan' },
    DIRECTORATE_GENERAL: { description: 'Direktorat Jenderal (Imigrasi or Pemasyarakatan)' },
    REGIONAL_OFFICE_IMMIGRATION: { description: 'Kantor Wilayah Direktorat Jenderal Imigrasi (Kanwil Ditjenim)' },
    REGIONAL_OFFICE_CORRECTIONS: { description: 'Kantor Wilayah Direktorat Jenderal Pemasyarakatan (Kanwil Ditjenpas)' },
    IMMIGRATION_OFFICE: { description: 'Kantor Imigrasi (Kanim)' },
    IMMIGRATION_DETENTION_CENTER: { description: 'Rumah Detensi Imigrasi (Rudenim)' },
    PRISON: { description: 'Lembaga Pemasyarakatan (Lapas)' },
    DETENTION_HOUSE: { description: 'Rumah Tahanan Negara (Rutan)' },
    PAROLE_OFFICE: { description: 'Balai Pemasyarakatan (Bapas)' },
    JUVENILE_CORRECTIONAL_INSTITUTION: { description: 'Lembaga Pembinaan Khusus Anak (LPKA)' },
    POLYTECHNIC: { description: 'Politeknik Pengayoman Indonesia' },
  } as const,
});

export const Directorate = builder.enumType('Directorate', {
  description: 'Directorate general an office or program belongs to.',
  values: { IMMIGRATION: { description: 'Ditjen Imigrasi' }, CORRECTIONS: { description: 'Ditjen Pemasyarakatan' } } as const,
});

export const Office = builder.loadableNodeRef<OfficeRow, number, number>('Office', {
  id: { resolve: (row) => row.id, parse: rowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.office.findMany({ where: { id: { in: [...keys] } } }), (row) => row.id, 'office'),
});

Office.implement({
  description: 'A unit of the ministry: the ministry itself, a directorate general, a Kanwil, or a technical unit.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable code, e.g. `kanim-tangerang`.' }),
    type: t.expose('type', { type: OfficeType, description: 'Kind of unit.' }),
    directorate: t.expose('directorate', { type: Directorate, nullable: true, description: 'Directorate general, if any.' }),
    name: t.string({
      description: 'Name in the requested language, e.g. `Kantor Imigrasi Tangerang` / `Tangerang Immigration Office`.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (office, { lang }) => pick(lang, office.nameId, office.nameEn),
    }),
    parent: t.field({ type: Office, nullable: true, description: 'The office this one reports to.', resolve: (office) => office.parentId }),
    region: t.field({ type: Region, nullable: true, description: 'Where the office is.', resolve: (office) => office.regionCode }),
    latitude: t.field({ type: 'Decimal', nullable: true, description: 'Latitude (WGS84), when known.', resolve: (office) => office.latitude }),
    longitude: t.field({ type: 'Decimal', nullable: true, description: 'Longitude (WGS84), when known.', resolve: (office) => office.longitude }),
    openedOn: t.field({ type: 'Date', nullable: true, description: 'Date the office was opened (inaugurated), when known.', resolve: (office) => office.openedOn }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for offices made by the synthetic-data generator, not reported by the ministry.' }),
    observations: t.field({
      type: [Observation],
      description: 'The office’s most recent observations, newest first (loaded for all offices of a page in one batch).',
      args: {
        limit: t.arg.int({ defaultValue: 10, description: `How many, at most ${MAX_PAGE_SIZE}.` }),
        includeSynthetic: t.arg.boolean({ defaultValue: false, description: 'Include synthetic observations.' }),
      },
      resolve: (office, args, context) => {
        const limit = args.limit ?? 10;
        if (limit < 0 || limit > MAX_PAGE_SIZE) throw badArgument('limit', `Argument \`limit\` must be between 0 and ${MAX_PAGE_SIZE} (got ${limit})`);
        return context.loaders.observationsByOffice(limit, args.includeSynthetic ?? false).load(office.id);
      },
    }),
  }),
});

export const OfficeFilter = builder.inputType('OfficeFilter', {
  description: 'Narrows a list of offices; all given conditions must hold.',
  fields: (t) => ({
    type: t.field({ type: [OfficeType], description: 'Only offices of these types.' }),
    directorate: t.field({ type: Directorate, description: 'Only offices of this directorate general.' }),
    regionCode: t.string({ description: 'Only offices in this region or inside it (Kemendagri code prefix, e.g. `36` for Banten).' }),
    includeSynthetic: t.boolean({ defaultValue: false, description: 'Include offices made by the synthetic-data generator.' }),
  }),
});

builder.queryField('offices', (t) =>
  t.connection(
    {
      type: Office,
      description: 'Ministry offices, ordered by code.',
      args: { filter: t.arg({ type: OfficeFilter, description: 'Conditions the results must meet.' }) },
      resolve: async (_root, args, context) => {
        const filter = args.filter;
        const where: Prisma.OfficeWhereInput = {
          AND: [
            filter?.includeSynthetic ? {} : { synthetic: false },
            filter?.type?.length ? { type: { in: filter.type } } : {},
            filter?.directorate ? { directorate: filter.directorate } : {},
            filter?.regionCode ? await regionCodeFilter(context, filter.regionCode, 'filter.regionCode', 'regionCode') : {},
          ],
        };
        return paginate(
          args,
          (page) => context.database.prisma.office.findMany({ where, orderBy: { code: 'asc' }, ...page }),
          () => context.database.prisma.office.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);

import type { Campaign as CampaignRow } from '@pantau/prisma/client';
import { catalogueWrite } from '../../writes/catalogue-write.ts';
import { campaignData, campaigns } from '../../writes/campaign-rules.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { dateRange } from '../filters.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Lang, pick } from '../scalars.ts';
import { Office } from './office.ts';
import { Program } from './program.ts';
import { Region } from './region.ts';

export const Campaign = builder.loadableNodeRef<CampaignRow | null, number, number, number, CampaignRow>('Campaign', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.campaign.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
});

Campaign.implement({
  description: 'A dated campaign such as Hari Bakti Imigrasi ke-76 (slug `hbi-76-2026`).',
  fields: (t) => ({
    slug: t.exposeString('slug', { description: 'Stable slug used by `campaignTotals` and the widgets.' }),
    name: t.string({
      description: 'Name in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (c, { lang }) => pick(lang, c.nameId, c.nameEn),
    }),
    description: t.string({
      nullable: true,
      description: 'Summary in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (c, { lang }) => (lang === 'EN' ? c.descriptionEn : c.descriptionId),
    }),
    startsOn: t.field({ type: 'Date', description: 'First day.', resolve: (c) => c.startsOn }),
    endsOn: t.field({ type: 'Date', description: 'Last day (inclusive).', resolve: (c) => c.endsOn }),
    organiser: t.field({ type: Office, nullable: true, description: 'Organising office.', resolve: (c) => c.organiserId }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for generated demo campaigns.' }),
    programs: t.field({
      type: [Program],
      description: 'Programs the campaign carries out.',
      resolve: (c, _args, context) => context.loaders.campaignPrograms.load(c.id),
    }),
    participatingOffices: t.field({
      type: [Office],
      description: 'Offices taking part.',
      resolve: async (c, _args, context) => (await context.loaders.campaignParticipants.load(c.id)).flatMap((row) => (row.officeId === null ? [] : [row.officeId])),
    }),
    participatingRegions: t.field({
      type: [Region],
      description: 'Regions taking part.',
      resolve: async (c, _args, context) => (await context.loaders.campaignParticipants.load(c.id)).flatMap((row) => (row.regionCode === null ? [] : [row.regionCode])),
    }),
  }),
});

export const CampaignFilter = builder.inputType('CampaignFilter', {
  description: 'Narrows a list of campaigns.',
  fields: (t) => ({
    from: t.field({ type: 'Date', description: 'Only campaigns ending on or after this day.' }),
    to: t.field({ type: 'Date', description: 'Only campaigns starting on or before this day.' }),
    includeSynthetic: t.boolean({ defaultValue: false, description: 'Include generated demo campaigns.' }),
  }),
});

builder.queryField('campaigns', (t) =>
  t.connection(
    {
      type: Campaign,
      description: 'Campaigns, newest first.',
      args: { filter: t.arg({ type: CampaignFilter, description: 'Conditions the results must meet.' }) },
      resolve: (_root, args, context) => {
        const range = dateRange(args.filter?.from, args.filter?.to, 'filter');
        const where = {
          AND: [args.filter?.includeSynthetic ? {} : { synthetic: false }, range.from ? { endsOn: { gte: range.from } } : {}, range.to ? { startsOn: { lte: range.to } } : {}],
        };
        return paginate(
          args,
          (page) => context.database.prisma.campaign.findMany({ where, orderBy: [{ startsOn: 'desc' }, { id: 'asc' }], ...page }),
          () => context.database.prisma.campaign.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);

builder.queryField('campaign', (t) =>
  t.field({
    type: Campaign,
    nullable: true,
    description: 'One campaign by slug, or null.',
    args: { slug: t.arg.string({ required: true, description: 'Campaign slug, e.g. `hbi-76-2026`.' }) },
    resolve: (_root, args, context) => context.database.prisma.campaign.findUnique({ where: { slug: args.slug } }),
  }),
);

const CampaignInput = builder.inputType('CampaignInput', {
  description: 'A dated campaign with its programs and participants.',
  fields: (t) => ({
    slug: t.string({ required: true, description: 'Stable slug, e.g. `hbi-77-2027`.' }),
    nameId: t.string({ required: true, description: 'Name in Bahasa Indonesia.' }),
    nameEn: t.string({ required: true, description: 'Name in English.' }),
    descriptionId: t.string({ description: 'Summary in Bahasa Indonesia.' }),
    descriptionEn: t.string({ description: 'Summary in English.' }),
    startsOn: t.field({ type: 'Date', required: true, description: 'First day.' }),
    endsOn: t.field({ type: 'Date', required: true, description: 'Last day (not before `startsOn`).' }),
    organiserCode: t.string({ description: 'Code of the organising office.' }),
    programs: t.stringList({ description: 'Program keys.' }),
    participatingOffices: t.stringList({ description: 'Office codes.' }),
    participatingRegions: t.stringList({ description: 'Region codes.' }),
  }),
});

const CampaignPayload = builder.objectRef<{ id: number }>('CampaignPayload').implement({
  description: 'The campaign as stored.',
  fields: (t) => ({ campaign: t.field({ type: Campaign, description: 'The campaign.', resolve: (p) => p.id }) }),
});

builder.mutationFields((t) => ({
  createCampaign: t.field({
    type: CampaignPayload,
    authScopes: { admin: true },
    description: 'Adds a campaign. Needs `admin`.',
    args: { input: t.arg({ type: CampaignInput, required: true, description: 'The campaign.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) =>
      catalogueWrite(
        context.database,
        context.caller,
        campaigns,
        { kind: 'create', data: await campaignData(context.database, args.input), request: args.input },
        args.idempotencyKey,
      ),
  }),
  updateCampaign: t.field({
    type: CampaignPayload,
    authScopes: { admin: true },
    description: 'Replaces a campaign’s details, programs and participants. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Campaign, description: 'Global ID of the campaign.' }),
      input: t.arg({ type: CampaignInput, required: true, description: 'The corrected campaign.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: async (_root, args, context) =>
      catalogueWrite(
        context.database,
        context.caller,
        campaigns,
        { kind: 'update', id: args.id.id, data: await campaignData(context.database, args.input), request: args.input },
        args.idempotencyKey,
      ),
  }),
  deleteCampaign: t.field({
    type: DeletePayload,
    authScopes: { admin: true },
    description: 'Deletes a campaign; its figures stay, no longer tied to it. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Campaign, description: 'Global ID of the campaign.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) => catalogueWrite(context.database, context.caller, campaigns, { kind: 'delete', id: args.id.id }, args.idempotencyKey),
  }),
}));

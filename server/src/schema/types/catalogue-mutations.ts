import type { Prisma } from '@pantau/prisma/client';
import type { GraphQLContext } from '../../context.ts';
import { auditedWrite, type AuditFacts, type Transaction } from '../../writes/audited-write.ts';
import { conflict, invalidInput, type Violation } from '../../writes/invalid-input.ts';
import { builder } from '../builder.ts';
import { Campaign } from './campaign.ts';
import { DeletePayload, idempotencyKeyDescription } from './observation-mutations.ts';
import { PartnerVillage } from './partner-village.ts';
import { Source, SourceKind } from './source.ts';

/** Admin-only changes to the catalogue the figures hang on: sources, campaigns and partner villages. */

const day = (text: string | null | undefined) => (text ? new Date(`${text}T00:00:00Z`) : null);
const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

function check(violations: Violation[]): void {
  if (violations.length > 0) throw invalidInput(violations);
}

/** A delete or key change that a foreign key refuses becomes a conflict that says why. */
async function explainingConflicts<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as { code?: string }).code;
    // PostgreSQL reports a RESTRICT foreign key as 23001, which Prisma passes on as a generic database error.
    if (code === 'P2003' || /violates (RESTRICT setting of )?foreign key constraint/.test((error as Error).message)) throw conflict(`${what} is still referenced by other records (figures, villages or offices); remove those first`);
    if (code === 'P2002') throw conflict(`${what}: the key, slug or village is already taken`);
    if (code === 'P2025') throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing record' }]);
    throw error;
  }
}

// ---- Sources -------------------------------------------------------------------------------------

const SourceInput = builder.inputType('SourceInput', {
  description: 'Where figures come from. The claim is your own summary, never copied text.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable key, lower case with dashes, e.g. `antara-20260120-hbi76`.' }),
    kind: t.field({ type: SourceKind, required: true, description: 'NEWS_ARTICLE or DATASET (SYNTHETIC is reserved for generated data).' }),
    publisher: t.string({ required: true, description: 'Publisher, e.g. ANTARA.' }),
    title: t.string({ required: true, description: 'Title of the article or dataset.' }),
    url: t.string({ description: 'http(s) address, when public.' }),
    publishedOn: t.field({ type: 'Date', description: 'Publication day.' }),
    author: t.string({ description: 'Author or editor.' }),
    claimId: t.string({ required: true, description: 'What it states, in Bahasa Indonesia (own words).' }),
    claimEn: t.string({ required: true, description: 'What it states, in English.' }),
    licence: t.string({ description: 'Licence of the data, e.g. ODbL-1.0.' }),
    documentRef: t.string({ description: 'Where an archived copy is kept.' }),
  }),
});

function sourceData(input: typeof SourceInput.$inferInput, prefix = 'input.'): Prisma.SourceUncheckedCreateInput {
  const violations: Violation[] = [];
  if (!/^[a-z0-9][a-z0-9-]{2,80}$/.test(input.key)) violations.push({ field: `${prefix}key`, rule: 'must be 3 to 81 lower-case letters, digits or dashes' });
  if (input.kind === 'SYNTHETIC') violations.push({ field: `${prefix}kind`, rule: 'must be NEWS_ARTICLE or DATASET; SYNTHETIC is reserved for generated data' });
  for (const field of ['publisher', 'title', 'claimId', 'claimEn'] as const) {
    if (!input[field].trim() || input[field].length > 2000) violations.push({ field: `${prefix}${field}`, rule: 'must be 1 to 2000 characters' });
  }
  if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url)) violations.push({ field: `${prefix}url`, rule: 'must be an http:// or https:// address' });
  check(violations);
  return { ...input, url: input.url ?? null, publishedOn: day(input.publishedOn), author: input.author ?? null, licence: input.licence ?? null, documentRef: input.documentRef ?? null };
}

// ---- Campaigns -----------------------------------------------------------------------------------

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

async function campaignData(context: GraphQLContext, input: typeof CampaignInput.$inferInput) {
  const violations: Violation[] = [];
  if (!/^[a-z0-9][a-z0-9-]{2,80}$/.test(input.slug)) violations.push({ field: 'input.slug', rule: 'must be 3 to 81 lower-case letters, digits or dashes' });
  if (input.endsOn < input.startsOn) violations.push({ field: 'input.endsOn', rule: 'must not be before `startsOn`' });
  const prisma = context.database.prisma;
  const offices = await prisma.office.findMany({ where: { code: { in: [...(input.participatingOffices ?? []), ...(input.organiserCode ? [input.organiserCode] : [])] } } });
  const officeId = (code: string) => offices.find((o) => o.code === code)?.id;
  if (input.organiserCode && !officeId(input.organiserCode)) violations.push({ field: 'input.organiserCode', rule: `must be a known office code (got "${input.organiserCode}")` });
  for (const code of input.participatingOffices ?? []) if (!officeId(code)) violations.push({ field: 'input.participatingOffices', rule: `must list known office codes (got "${code}")` });
  const programs = await prisma.program.findMany({ where: { key: { in: input.programs ?? [] } } });
  for (const key of input.programs ?? []) if (!programs.some((p) => p.key === key)) violations.push({ field: 'input.programs', rule: `must list known program keys (got "${key}")` });
  const regions = await prisma.region.findMany({ where: { code: { in: input.participatingRegions ?? [] } }, select: { code: true } });
  for (const code of input.participatingRegions ?? []) if (!regions.some((r) => r.code === code)) violations.push({ field: 'input.participatingRegions', rule: `must list Kemendagri codes (got "${code}")` });
  check(violations);
  return {
    row: {
      slug: input.slug,
      nameId: input.nameId,
      nameEn: input.nameEn,
      descriptionId: input.descriptionId ?? null,
      descriptionEn: input.descriptionEn ?? null,
      startsOn: day(input.startsOn) as Date,
      endsOn: day(input.endsOn) as Date,
      organiserId: input.organiserCode ? (officeId(input.organiserCode) ?? null) : null,
    },
    programIds: programs.map((p) => p.id),
    participants: [...(input.participatingOffices ?? []).map((code) => ({ officeId: officeId(code) ?? null, regionCode: null })), ...(input.participatingRegions ?? []).map((code) => ({ officeId: null, regionCode: code }))],
  };
}

async function writeCampaignLinks(tx: Transaction, campaignId: number, data: Awaited<ReturnType<typeof campaignData>>) {
  await tx.campaignProgram.deleteMany({ where: { campaignId } });
  await tx.campaignParticipant.deleteMany({ where: { campaignId } });
  await tx.campaignProgram.createMany({ data: data.programIds.map((programId) => ({ campaignId, programId })) });
  await tx.campaignParticipant.createMany({ data: data.participants.map((p) => ({ campaignId, ...p })) });
}

// ---- Partner villages ----------------------------------------------------------------------------

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

async function partnerVillageData(context: GraphQLContext, input: typeof PartnerVillageInput.$inferInput): Promise<Prisma.PartnerVillageUncheckedCreateInput> {
  const prisma = context.database.prisma;
  const [village, office, source] = await Promise.all([
    prisma.region.findUnique({ where: { code: input.villageCode } }),
    prisma.office.findUnique({ where: { code: input.officeCode } }),
    prisma.source.findUnique({ where: { key: input.source } }),
  ]);
  const violations: Violation[] = [];
  if (village?.level !== 'VILLAGE') violations.push({ field: 'input.villageCode', rule: `must be the Kemendagri code of a village (got "${input.villageCode}")` });
  if (office?.type !== 'IMMIGRATION_OFFICE') violations.push({ field: 'input.officeCode', rule: `must be the code of a Kantor Imigrasi (got "${input.officeCode}")` });
  if ((input.pimpasaCount ?? 0) < 0) violations.push({ field: 'input.pimpasaCount', rule: 'must be 0 or more' });
  if (!source) violations.push({ field: 'input.source', rule: `must be a known source key (got "${input.source}")` });
  check(violations);
  return { regionCode: input.villageCode, officeId: office?.id ?? 0, designatedOn: day(input.designatedOn), pimpasaCount: input.pimpasaCount ?? 0, sourceId: source?.id ?? 0, synthetic: false };
}

// ---- Fields --------------------------------------------------------------------------------------

const SourcePayload = builder.objectRef<{ sourceId: number }>('SourcePayload').implement({
  description: 'The source as stored.',
  fields: (t) => ({ source: t.field({ type: Source, description: 'The source.', resolve: (p) => p.sourceId }) }),
});
const CampaignPayload = builder.objectRef<{ campaignId: number }>('CampaignPayload').implement({
  description: 'The campaign as stored.',
  fields: (t) => ({ campaign: t.field({ type: Campaign, description: 'The campaign.', resolve: (p) => p.campaignId }) }),
});
const PartnerVillagePayload = builder.objectRef<{ partnerVillageId: number }>('PartnerVillagePayload').implement({
  description: 'The partner village as stored.',
  fields: (t) => ({ partnerVillage: t.field({ type: PartnerVillage, description: 'The partner village.', resolve: (p) => p.partnerVillageId }) }),
});

type Audit = (entity: string, id: number, facts: Omit<AuditFacts, 'entity' | 'entityId'>) => AuditFacts;
const audit: Audit = (entity, id, facts) => ({ entity, entityId: String(id), ...facts });

/** The admin delete of one catalogue record: audited, idempotent, a conflict while others refer to it. */
function deleteMutation(
  t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0],
  spec: { typename: 'Source' | 'Campaign' | 'PartnerVillage'; ref: typeof Source | typeof Campaign | typeof PartnerVillage; entity: string; action: string; what: string; description: string; remove: (tx: Transaction, id: number) => Promise<unknown> },
) {
  return t.field({
    type: DeletePayload,
    authScopes: { admin: true },
    description: spec.description,
    args: { id: t.arg.globalID({ required: true, for: spec.ref, description: `Global ID of the ${spec.what.replace(/^This /, '')}.` }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: (_root, args, context) => {
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: spec.action, payload: { id }, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(spec.what, async () => {
          const before = await spec.remove(tx, id);
          return { result: { deletedId: globalId(spec.typename, id) }, audit: audit(spec.entity, id, { action: spec.action, before, deleted: 1 }) };
        }),
      );
    },
  });
}

builder.mutationFields((t) => ({
  createSource: t.field({
    type: SourcePayload,
    authScopes: { admin: true },
    description: 'Adds a source that figures can cite. Needs `admin`.',
    args: { input: t.arg({ type: SourceInput, required: true, description: 'The source.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: (_root, args, context) => {
      const data = sourceData(args.input);
      return auditedWrite(context.database, context.caller, { operation: 'source.create', payload: args.input, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Source "${args.input.key}"`, async () => {
          const row = await tx.source.create({ data });
          return { result: { sourceId: row.id }, audit: audit('source', row.id, { action: 'source.create', after: row, inserted: 1 }) };
        }),
      );
    },
  }),
  updateSource: t.field({
    type: SourcePayload,
    authScopes: { admin: true },
    description: 'Corrects a source. Needs `admin`.',
    args: { id: t.arg.globalID({ required: true, for: Source, description: 'Global ID of the source.' }), input: t.arg({ type: SourceInput, required: true, description: 'The corrected source.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: (_root, args, context) => {
      const data = sourceData(args.input);
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: 'source.update', payload: { id, input: args.input }, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Source "${args.input.key}"`, async () => {
          const before = await tx.source.findUnique({ where: { id } });
          if (!before) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing source' }]);
          const after = await tx.source.update({ where: { id }, data });
          return { result: { sourceId: id }, audit: audit('source', id, { action: 'source.update', before, after, updated: 1 }) };
        }),
      );
    },
  }),
  deleteSource: deleteMutation(t, { typename: 'Source', ref: Source, entity: 'source', action: 'source.delete', what: 'This source', description: 'Deletes a source no figure cites. Needs `admin`.', remove: (tx, id) => tx.source.delete({ where: { id } }) }),
  createCampaign: t.field({
    type: CampaignPayload,
    authScopes: { admin: true },
    description: 'Adds a campaign. Needs `admin`.',
    args: { input: t.arg({ type: CampaignInput, required: true, description: 'The campaign.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await campaignData(context, args.input);
      return auditedWrite(context.database, context.caller, { operation: 'campaign.create', payload: args.input, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Campaign "${args.input.slug}"`, async () => {
          const row = await tx.campaign.create({ data: data.row });
          await writeCampaignLinks(tx, row.id, data);
          return { result: { campaignId: row.id }, audit: audit('campaign', row.id, { action: 'campaign.create', after: { ...row, programs: args.input.programs, participants: data.participants }, inserted: 1 }) };
        }),
      );
    },
  }),
  updateCampaign: t.field({
    type: CampaignPayload,
    authScopes: { admin: true },
    description: 'Replaces a campaign’s details, programs and participants. Needs `admin`.',
    args: { id: t.arg.globalID({ required: true, for: Campaign, description: 'Global ID of the campaign.' }), input: t.arg({ type: CampaignInput, required: true, description: 'The corrected campaign.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await campaignData(context, args.input);
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: 'campaign.update', payload: { id, input: args.input }, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Campaign "${args.input.slug}"`, async () => {
          const before = await tx.campaign.findUnique({ where: { id } });
          if (!before) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing campaign' }]);
          const after = await tx.campaign.update({ where: { id }, data: data.row });
          await writeCampaignLinks(tx, id, data);
          return { result: { campaignId: id }, audit: audit('campaign', id, { action: 'campaign.update', before, after, updated: 1 }) };
        }),
      );
    },
  }),
  deleteCampaign: deleteMutation(t, { typename: 'Campaign', ref: Campaign, entity: 'campaign', action: 'campaign.delete', what: 'This campaign', description: 'Deletes a campaign; its figures stay, no longer tied to it. Needs `admin`.', remove: (tx, id) => tx.campaign.delete({ where: { id } }) }),
  createPartnerVillage: t.field({
    type: PartnerVillagePayload,
    authScopes: { admin: true },
    description: 'Registers a Desa Binaan Imigrasi. Needs `admin`.',
    args: { input: t.arg({ type: PartnerVillageInput, required: true, description: 'The village.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await partnerVillageData(context, args.input);
      return auditedWrite(context.database, context.caller, { operation: 'partnerVillage.create', payload: args.input, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Village "${args.input.villageCode}"`, async () => {
          const row = await tx.partnerVillage.create({ data });
          return { result: { partnerVillageId: row.id }, audit: audit('partner_village', row.id, { action: 'partnerVillage.create', after: row, inserted: 1 }) };
        }),
      );
    },
  }),
  updatePartnerVillage: t.field({
    type: PartnerVillagePayload,
    authScopes: { admin: true },
    description: 'Corrects a partner village. Needs `admin`.',
    args: { id: t.arg.globalID({ required: true, for: PartnerVillage, description: 'Global ID of the partner village.' }), input: t.arg({ type: PartnerVillageInput, required: true, description: 'The corrected village.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: async (_root, args, context) => {
      const data = await partnerVillageData(context, args.input);
      const id = args.id.id;
      return auditedWrite(context.database, context.caller, { operation: 'partnerVillage.update', payload: { id, input: args.input }, idempotencyKey: args.idempotencyKey }, (tx) =>
        explainingConflicts(`Village "${args.input.villageCode}"`, async () => {
          const before = await tx.partnerVillage.findUnique({ where: { id } });
          if (!before) throw invalidInput([{ field: 'id', rule: 'must be the ID of an existing partner village' }]);
          const after = await tx.partnerVillage.update({ where: { id }, data });
          return { result: { partnerVillageId: id }, audit: audit('partner_village', id, { action: 'partnerVillage.update', before, after, updated: 1 }) };
        }),
      );
    },
  }),
  deletePartnerVillage: deleteMutation(t, { typename: 'PartnerVillage', ref: PartnerVillage, entity: 'partner_village', action: 'partnerVillage.delete', what: 'This partner village', description: 'Removes a partner village. Needs `admin`.', remove: (tx, id) => tx.partnerVillage.delete({ where: { id } }) }),
}));

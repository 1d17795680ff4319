import type { Database } from '@pantau/prisma';
import { refuseViolations, type Violation } from '../schema/errors.ts';
import type { Transaction } from './audited-write.ts';
import type { CatalogueEntity } from './catalogue-write.ts';
import { catalogueKeyRule, dayOf, isCatalogueKey } from './source-rules.ts';

/** A campaign as a caller sends it (`CampaignInput`). */
export interface CampaignFields {
  slug: string;
  nameId: string;
  nameEn: string;
  descriptionId?: string | null;
  descriptionEn?: string | null;
  startsOn: string;
  endsOn: string;
  organiserCode?: string | null;
  programs?: string[] | null;
  participatingOffices?: string[] | null;
  participatingRegions?: string[] | null;
}

export interface CampaignData {
  row: { slug: string; nameId: string; nameEn: string; descriptionId: string | null; descriptionEn: string | null; startsOn: Date; endsOn: Date; organiserId: number | null };
  programIds: number[];
  participants: { officeId: number | null; regionCode: string | null }[];
  /** The program keys as sent, for the audit log. */
  programs: string[];
}

/** Checks a campaign against the catalogue (400 with every broken rule) and resolves its programs and participants. */
export async function campaignData(database: Database, input: CampaignFields): Promise<CampaignData> {
  const violations: Violation[] = [];
  if (!isCatalogueKey(input.slug)) violations.push({ field: 'input.slug', rule: catalogueKeyRule });
  if (input.endsOn < input.startsOn) violations.push({ field: 'input.endsOn', rule: 'must not be before `startsOn`' });
  const prisma = database.prisma;
  const offices = await prisma.office.findMany({ where: { code: { in: [...(input.participatingOffices ?? []), ...(input.organiserCode ? [input.organiserCode] : [])] } } });
  const officeId = (code: string) => offices.find((o) => o.code === code)?.id;
  if (input.organiserCode && !officeId(input.organiserCode)) violations.push({ field: 'input.organiserCode', rule: `must be a known office code (got "${input.organiserCode}")` });
  for (const code of input.participatingOffices ?? [])
    if (!officeId(code)) violations.push({ field: 'input.participatingOffices', rule: `must list known office codes (got "${code}")` });
  const programs = await prisma.program.findMany({ where: { key: { in: input.programs ?? [] } } });
  for (const key of input.programs ?? [])
    if (!programs.some((p) => p.key === key)) violations.push({ field: 'input.programs', rule: `must list known program keys (got "${key}")` });
  const regions = await prisma.region.findMany({ where: { code: { in: input.participatingRegions ?? [] } }, select: { code: true } });
  for (const code of input.participatingRegions ?? [])
    if (!regions.some((r) => r.code === code)) violations.push({ field: 'input.participatingRegions', rule: `must list Kemendagri codes (got "${code}")` });
  refuseViolations(violations);
  return {
    row: {
      slug: input.slug,
      nameId: input.nameId,
      nameEn: input.nameEn,
      descriptionId: input.descriptionId ?? null,
      descriptionEn: input.descriptionEn ?? null,
      startsOn: dayOf(input.startsOn) as Date,
      endsOn: dayOf(input.endsOn) as Date,
      organiserId: input.organiserCode ? (officeId(input.organiserCode) ?? null) : null,
    },
    programIds: programs.map((p) => p.id),
    participants: [
      ...(input.participatingOffices ?? []).map((code) => ({ officeId: officeId(code) ?? null, regionCode: null })),
      ...(input.participatingRegions ?? []).map((code) => ({ officeId: null, regionCode: code })),
    ],
    programs: input.programs ?? [],
  };
}

/** Replaces the campaign's programs and participants with the checked ones. */
async function writeCampaignLinks(tx: Transaction, campaignId: number, data: CampaignData) {
  await tx.campaignProgram.deleteMany({ where: { campaignId } });
  await tx.campaignParticipant.deleteMany({ where: { campaignId } });
  await tx.campaignProgram.createMany({ data: data.programIds.map((programId) => ({ campaignId, programId })) });
  await tx.campaignParticipant.createMany({ data: data.participants.map((p) => ({ campaignId, ...p })) });
}

export const campaigns: CatalogueEntity<CampaignData> = {
  typename: 'Campaign',
  entity: 'campaign',
  action: 'campaign',
  named: (data) => (data ? `Campaign "${data.row.slug}"` : 'This campaign'),
  create: async (tx, data) => {
    const row = await tx.campaign.create({ data: data.row });
    await writeCampaignLinks(tx, row.id, data);
    return { id: row.id, after: { ...row, programs: data.programs, participants: data.participants } };
  },
  update: async (tx, id, data) => {
    const after = await tx.campaign.update({ where: { id }, data: data.row });
    await writeCampaignLinks(tx, id, data);
    return after;
  },
  find: (tx, id) => tx.campaign.findUnique({ where: { id } }),
  remove: (tx, id) => tx.campaign.delete({ where: { id } }),
};

import type { Database } from '@pantau/prisma';
import type { Prisma } from '@pantau/prisma/client';
import { refuseViolations, type Violation } from '../schema/errors.ts';
import type { CatalogueEntity } from './catalogue-write.ts';
import { dayOf } from './source-rules.ts';

/** A Desa Binaan as a caller sends it (`PartnerVillageInput`). */
export interface PartnerVillageFields {
  villageCode: string;
  officeCode: string;
  designatedOn?: string | null;
  pimpasaCount?: number | null;
  source: string;
}

export type PartnerVillageData = Prisma.PartnerVillageUncheckedCreateInput;

/** Checks a partner village against the catalogue (400 with every broken rule) and returns the row to store. */
export async function partnerVillageData(database: Database, input: PartnerVillageFields): Promise<PartnerVillageData> {
  const prisma = database.prisma;
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
  refuseViolations(violations);
  return {
    regionCode: input.villageCode,
    officeId: office?.id ?? 0,
    designatedOn: dayOf(input.designatedOn),
    pimpasaCount: input.pimpasaCount ?? 0,
    sourceId: source?.id ?? 0,
    synthetic: false,
  };
}

export const partnerVillages: CatalogueEntity<PartnerVillageData> = {
  typename: 'PartnerVillage',
  entity: 'partner_village',
  action: 'partnerVillage',
  named: (data) => (data ? `Village "${data.regionCode}"` : 'This partner village'),
  create: async (tx, data) => {
    const row = await tx.partnerVillage.create({ data });
    return { id: row.id, after: row };
  },
  update: (tx, id, data) => tx.partnerVillage.update({ where: { id }, data }),
  find: (tx, id) => tx.partnerVillage.findUnique({ where: { id } }),
  remove: (tx, id) => tx.partnerVillage.delete({ where: { id } }),
};

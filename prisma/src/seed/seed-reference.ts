import type { PrismaClient } from '../../generated/client.ts';
import { campaigns, observations, offices, priorities, sources } from './articles.ts';
import { syncCatalogueIn } from '../catalogue-sync.ts';
import { catalogue as shippedCatalogue, type Catalogue } from './catalog.ts';
import { capitalsSource, geographySource, loadGeography } from './geography.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (found === undefined) throw new Error(`Seed data refers to unknown ${what} "${key}"`);
  return found;
}

/** True once the reference data (geography, catalog and article facts) is in the database. */
export async function isSeeded(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.source.count({ where: { key: geographySource.key } })) > 0;
}

/**
 * Loads geography, the program and metric catalog and every figure stated by the source articles,
 * all in one transaction. Does nothing when the data is already there.
 */
export async function seedReferenceData(prisma: PrismaClient, catalogue: Catalogue = shippedCatalogue): Promise<{ seeded: boolean }> {
  if (await isSeeded(prisma)) return { seeded: false };
  const regions = await loadGeography();
  await prisma.$transaction(
    async (tx) => {
      await tx.region.createMany({ data: regions });
      await tx.source.createMany({
        data: [
          geographySource,
          capitalsSource,
          ...sources.map((source) => ({
            ...source,
            kind: 'NEWS_ARTICLE' as const,
            publishedOn: day(source.publishedOn),
          })),
        ],
      });
      await syncCatalogueIn(tx, catalogue);
      await seedArticleFacts(tx);
    },
    { timeout: 120_000 },
  );
  return { seeded: true };
}

async function seedArticleFacts(tx: Tx): Promise<void> {
  const sourceIds = new Map((await tx.source.findMany({ select: { id: true, key: true } })).map((s) => [s.key, s.id]));
  const programIds = new Map((await tx.program.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]));
  const metricIds = new Map((await tx.metric.findMany({ select: { id: true, key: true } })).map((m) => [m.key, m.id]));

  const officeIds = new Map<string, number>();
  for (const office of offices) {
    const created = await tx.office.create({
      data: {
        code: office.code,
        type: office.type,
        directorate: office.directorate,
        nameId: office.nameId,
        nameEn: office.nameEn,
        parentId: office.parentCode ? lookup(officeIds, office.parentCode, 'office') : null,
        regionCode: office.regionCode,
        sourceId: lookup(sourceIds, office.sourceKey, 'source'),
      },
    });
    officeIds.set(office.code, created.id);
  }

  const campaignIds = new Map<string, number>();
  for (const campaign of campaigns) {
    const created = await tx.campaign.create({
      data: {
        slug: campaign.slug,
        nameId: campaign.nameId,
        nameEn: campaign.nameEn,
        descriptionId: campaign.descriptionId,
        descriptionEn: campaign.descriptionEn,
        startsOn: day(campaign.startsOn),
        endsOn: day(campaign.endsOn),
        organiserId: lookup(officeIds, campaign.organiserCode, 'office'),
        programs: { create: campaign.programKeys.map((key) => ({ programId: lookup(programIds, key, 'program') })) },
        participants: {
          create: [
            ...campaign.participantOfficeCodes.map((code) => ({ officeId: lookup(officeIds, code, 'office') })),
            ...campaign.participantRegionCodes.map((regionCode) => ({ regionCode })),
          ],
        },
      },
    });
    campaignIds.set(campaign.slug, created.id);
  }

  for (const fact of observations) {
    await tx.observation.create({
      data: {
        metricId: lookup(metricIds, fact.metricKey, 'metric'),
        value: fact.value,
        isLowerBound: fact.isLowerBound ?? false,
        periodStart: day(fact.periodStart),
        periodEnd: day(fact.periodEnd),
        officeId: fact.officeCode ? lookup(officeIds, fact.officeCode, 'office') : null,
        regionCode: fact.regionCode,
        programId: fact.programKey ? lookup(programIds, fact.programKey, 'program') : null,
        campaignId: fact.campaignSlug ? lookup(campaignIds, fact.campaignSlug, 'campaign') : null,
        dimensions: fact.dimensions ?? {},
        sourceId: lookup(sourceIds, fact.sourceKey, 'source'),
        corroborations: {
          create: (fact.corroboratingSourceKeys ?? []).map((key) => ({ sourceId: lookup(sourceIds, key, 'source') })),
        },
      },
    });
  }

  await tx.regionPriority.createMany({
    data: priorities.map((priority) => ({
      regionCode: priority.regionCode,
      theme: priority.theme,
      declaredOn: day(priority.declaredOn),
      sourceId: lookup(sourceIds, priority.sourceKey, 'source'),
    })),
  });
}

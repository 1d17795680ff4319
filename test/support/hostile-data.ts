import { loadSynthetic, openDatabase, prepareDatabase } from '@pantau/prisma';

/** Markup that runs script if a widget ever shows a name as HTML. */
export const hostile = '<img src=x onerror="window.__pantauXss=1">';

/**
 * Names and a link as an attacker might enter them, in a campaign of their own so the demo page stays
 * clean: the widgets must show them as text and never as markup or a live link.
 */
export async function insertHostileData(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    const prisma = database.prisma;
    const source = await prisma.source.create({
      data: {
        key: 'hostile-source',
        kind: 'NEWS_ARTICLE',
        publisher: `Publisher ${hostile}`,
        title: `Title ${hostile}`,
        url: 'javascript:window.__pantauXss=2',
        claimId: hostile,
        claimEn: hostile,
      },
    });
    const office = await prisma.office.create({
      data: { code: 'hostile-office', type: 'IMMIGRATION_OFFICE', nameId: `Kanim ${hostile}`, nameEn: `Office ${hostile}`, regionCode: '53.71', sourceId: source.id },
    });
    const campaign = await prisma.campaign.create({
      data: { slug: 'hostile-campaign', nameId: `Kampanye ${hostile}`, nameEn: `Campaign ${hostile}`, startsOn: new Date('2026-02-01'), endsOn: new Date('2026-02-01') },
    });
    const metric = await prisma.metric.findUniqueOrThrow({ where: { key: 'coconut_seedlings' } });
    await prisma.observation.create({
      data: {
        metricId: metric.id,
        value: '1234',
        periodStart: new Date('2026-02-01'),
        periodEnd: new Date('2026-02-01'),
        officeId: office.id,
        campaignId: campaign.id,
        regionCode: '53.71',
        sourceId: source.id,
      },
    });
  } finally {
    await database.close();
  }
}

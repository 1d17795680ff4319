import type { Database } from '@pantau/prisma';

/**
 * The suppression tests' figures: TPPO-prevention activities in 2032 (no seeded figure is that late)
 * by five offices in five regencies of two provinces, four of them in campaign `hbi-76-2026`, the
 * metric marked sensitive with threshold 5. Worked out by hand, every table of them hides the 3
 * (below 5) and, as its complement, the 8: in NTT (53) 20 + 8 + 3 = 31, and hiding the 3 alone
 * would let 31 − 20 − 8 give it away.
 */
export const sensitiveFigures = [
  { office: 'kanim-tangerang', region: '53.01', value: 20, campaign: true },
  { office: 'kanim-serang', region: '53.02', value: 8, campaign: true },
  { office: 'kanwil-ditjenim-ntt', region: '53.71', value: 3, campaign: true },
  { office: 'kanim-cilegon', region: '52.01', value: 15, campaign: true },
  { office: 'kanim-serang', region: '52.71', value: 40, campaign: false },
] as const;

export const sensitiveMetric = 'tppo_prevention_activities';
export const campaignSlug = 'hbi-76-2026';

/** Writes the figures, published and real, citing the first seeded source, and marks the metric sensitive. */
export async function writeSensitiveFigures(database: Database) {
  const prisma = database.prisma;
  const metric = await prisma.metric.update({ where: { key: sensitiveMetric }, data: { sensitive: true, suppressionThreshold: 5 } });
  const source = await prisma.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { slug: campaignSlug } });
  const offices = new Map((await prisma.office.findMany({ where: { code: { in: sensitiveFigures.map((f) => f.office) } } })).map((o) => [o.code, o.id]));
  await prisma.observation.createMany({
    data: sensitiveFigures.map((f) => ({
      metricId: metric.id,
      value: String(f.value),
      periodStart: new Date('2032-06-01T00:00:00Z'),
      periodEnd: new Date('2032-06-30T00:00:00Z'),
      regionCode: f.region,
      officeId: offices.get(f.office) ?? null,
      campaignId: f.campaign ? campaign.id : null,
      dimensions: {},
      isLowerBound: false,
      sourceId: source.id,
      published: true,
      synthetic: false,
    })),
  });
  return { source };
}

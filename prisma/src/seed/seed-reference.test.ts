import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrator.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { articleFigures } from './expected-article-figures.ts';
import { seedReferenceData } from './seed-reference.ts';

const iso = (date: Date) => date.toISOString().slice(0, 10);

describe.each(testDatabaseKinds)('reference seed on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await migrate(database.sql);
    expect(await seedReferenceData(database.prisma)).toEqual({ seeded: true });
  });
  afterAll(() => database.close());

  it('stores every article figure exactly, with its source and nothing else as real data', async () => {
    const stored = await database.prisma.observation.findMany({
      where: { synthetic: false },
      include: { metric: true, campaign: true, source: true, corroborations: { include: { source: true } } },
    });
    const actual = stored.map((o) => ({
      metric: o.metric.key,
      value: o.value.toString(),
      lowerBound: o.isLowerBound,
      dimensions: o.dimensions,
      campaign: o.campaign?.slug ?? null,
      region: o.regionCode,
      period: [iso(o.periodStart), iso(o.periodEnd)],
      publisher: o.source.publisher,
      published: o.source.publishedOn ? iso(o.source.publishedOn) : null,
      document: o.source.documentRef?.replace(/^.*\/|\.txt$/g, ''),
      corroboratedBy: o.corroborations.map((c) => c.source.documentRef?.replace(/^.*\/|\.txt$/g, '')),
    }));
    expect(actual).toHaveLength(articleFigures.length);
    expect(actual).toEqual(expect.arrayContaining(articleFigures));
    expect(stored.every((o) => o.source.kind === 'NEWS_ARTICLE' && o.source.claimId.length > 20 && o.source.claimEn.length > 20)).toBe(true);
  });

  it('adds up the parts of totals the articles state', async () => {
    const passports = await database.prisma.observation.aggregate({
      _sum: { value: true },
      where: {
        metric: { key: 'passports_issued' },
        office: { code: 'kanwil-ditjenim-ntt' },
        periodStart: { gte: new Date('2025-01-01') },
        periodEnd: { lte: new Date('2025-12-31') },
      },
    });
    expect(passports._sum.value?.toString()).toBe('21363');
    const units = await database.prisma.observation.aggregate({ _sum: { value: true }, where: { metric: { key: 'pimpasa_home_units' } } });
    expect(units._sum.value?.toString()).toBe('146');
  });

  it('records NTT as a TPPO-prevention priority province, citing its article', async () => {
    const priority = await database.prisma.regionPriority.findFirstOrThrow({ include: { source: true, region: true } });
    expect([priority.region.name, priority.theme, priority.source.documentRef]).toEqual(['Nusa Tenggara Timur', 'TPPO_PREVENTION', 'shared/seeds/004_8a526ee89bc87de8.txt']);
  });

  it('loads the campaign with its organiser, programs and the four Kantor Imigrasi of the sembako distribution', async () => {
    const campaign = await database.prisma.campaign.findUniqueOrThrow({
      where: { slug: 'hbi-76-2026' },
      include: { organiser: true, programs: { include: { program: true } }, participants: { include: { office: true } } },
    });
    expect([iso(campaign.startsOn), iso(campaign.endsOn), campaign.organiser?.code]).toEqual(['2026-01-20', '2026-01-26', 'kemenimipas']);
    expect(campaign.programs.map((p) => p.program.key)).toEqual(expect.arrayContaining(['bakti_sosial', 'donor_darah', 'penanaman_bibit_kelapa']));
    expect(campaign.participants.map((p) => p.office?.nameId)).toEqual(
      expect.arrayContaining(['Kantor Imigrasi Tangerang', 'Kantor Imigrasi Soekarno-Hatta', 'Kantor Imigrasi Serang', 'Kantor Imigrasi Cilegon']),
    );
  });

  it('loads all 38 provinces and every regency with its Kemendagri code and village count', async () => {
    expect(await database.prisma.region.count({ where: { level: 'PROVINCE' } })).toBe(38);
    expect(await database.prisma.region.count({ where: { level: 'REGENCY' } })).toBe(514);
    const kupang = await database.prisma.region.findUniqueOrThrow({ where: { code: '53.71' } });
    expect([kupang.name, kupang.parentCode, kupang.villageCount]).toEqual(['Kota Kupang', '53', 51]);
    expect(kupang.latitude?.toNumber()).toBeCloseTo(-10.18, 1);
    const ntt = await database.prisma.region.findUniqueOrThrow({ where: { code: '53' } });
    const nttRegencies = await database.prisma.region.aggregate({ _sum: { villageCount: true }, where: { parentCode: '53' } });
    expect(ntt.villageCount).toBe(nttRegencies._sum.villageCount);
    expect(await database.prisma.region.count({ where: { level: 'PROVINCE', latitude: null } })).toBe(0);
  });

  it('seeds nothing the second time', async () => {
    const before = await database.prisma.observation.count();
    expect(await seedReferenceData(database.prisma)).toEqual({ seeded: false });
    expect(await database.prisma.observation.count()).toBe(before);
  });
});

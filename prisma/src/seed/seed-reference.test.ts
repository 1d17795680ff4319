import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../migrator.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../testing/test-database.ts';
import { seedReferenceData } from './seed-reference.ts';

/** Every figure the source articles state, written out here independently of the seed files. */
const articleFigures = [
  {
    metric: 'coconut_seedlings',
    value: '20000',
    lowerBound: false,
    dimensions: { variety: 'genjah_hibrida' },
    campaign: 'hbi-76-2026',
    region: '36.71',
    period: ['2026-01-20', '2026-01-20'],
    publisher: 'ANTARA',
    published: '2026-01-20',
    document: '000_9677cf70c2378be1',
    corroboratedBy: ['001_d40c6e69dc2ecd66'],
  },
  {
    metric: 'sembako_packages',
    value: '5000',
    lowerBound: false,
    dimensions: {},
    campaign: 'hbi-76-2026',
    region: '36',
    period: ['2026-01-20', '2026-01-20'],
    publisher: 'ANTARA',
    published: '2026-01-20',
    document: '000_9677cf70c2378be1',
    corroboratedBy: ['001_d40c6e69dc2ecd66'],
  },
  {
    metric: 'blood_donors',
    value: '500',
    lowerBound: true,
    dimensions: {},
    campaign: 'hbi-76-2026',
    region: '36',
    period: ['2026-01-20', '2026-01-20'],
    publisher: 'ANTARA',
    published: '2026-01-20',
    document: '000_9677cf70c2378be1',
    corroboratedBy: [],
  },
  {
    metric: 'immigration_offices_opened',
    value: '18',
    lowerBound: false,
    dimensions: {},
    campaign: 'hbi-76-2026',
    region: null,
    period: ['2026-01-26', '2026-01-26'],
    publisher: 'ANTARA',
    published: '2026-01-26',
    document: '002_34d599d6a7e2abb5',
    corroboratedBy: [],
  },
  {
    metric: 'passports_issued',
    value: '7150',
    lowerBound: false,
    dimensions: { passport_type: 'ordinary' },
    campaign: null,
    region: '53',
    period: ['2025-01-01', '2025-12-31'],
    publisher: 'ANTARA',
    published: '2026-01-26',
    document: '002_34d599d6a7e2abb5',
    corroboratedBy: [],
  },
  {
    metric: 'passports_issued',
    value: '14213',
    lowerBound: false,
    dimensions: { passport_type: 'electronic' },
    campaign: null,
    region: '53',
    period: ['2025-01-01', '2025-12-31'],
    publisher: 'ANTARA',
    published: '2026-01-26',
    document: '002_34d599d6a7e2abb5',
    corroboratedBy: [],
  },
  {
    metric: 'pimpasa_officers',
    value: '146',
    lowerBound: false,
    dimensions: {},
    campaign: null,
    region: null,
    period: ['2024-11-04', '2024-11-04'],
    publisher: 'ANTARA',
    published: '2024-11-04',
    document: '004_8a526ee89bc87de8',
    corroboratedBy: [],
  },
  {
    metric: 'pimpasa_home_units',
    value: '133',
    lowerBound: false,
    dimensions: { office_type: 'IMMIGRATION_OFFICE' },
    campaign: null,
    region: null,
    period: ['2024-11-04', '2024-11-04'],
    publisher: 'ANTARA',
    published: '2024-11-04',
    document: '004_8a526ee89bc87de8',
    corroboratedBy: [],
  },
  {
    metric: 'pimpasa_home_units',
    value: '13',
    lowerBound: false,
    dimensions: { office_type: 'IMMIGRATION_DETENTION_CENTER' },
    campaign: null,
    region: null,
    period: ['2024-11-04', '2024-11-04'],
    publisher: 'ANTARA',
    published: '2024-11-04',
    document: '004_8a526ee89bc87de8',
    corroboratedBy: [],
  },
  {
    metric: 'partner_villages',
    value: '125',
    lowerBound: false,
    dimensions: {},
    campaign: null,
    region: null,
    period: ['2024-11-04', '2024-11-04'],
    publisher: 'ANTARA',
    published: '2024-11-04',
    document: '004_8a526ee89bc87de8',
    corroboratedBy: [],
  },
  {
    metric: 'acceleration_programs',
    value: '13',
    lowerBound: false,
    dimensions: {},
    campaign: null,
    region: null,
    period: ['2025-05-22', '2025-05-22'],
    publisher: 'SUARAGLOBAL.COM',
    published: '2025-05-22',
    document: '003_2cb93ba56e4d9276',
    corroboratedBy: [],
  },
  ...['rice', 'sugar', 'eggs', 'milk', 'coffee', 'cooking_oil', 'prison_farm_produce'].map((item) => ({
    metric: 'social_aid_item_kinds',
    value: '1',
    lowerBound: false,
    dimensions: { item },
    campaign: 'bansos-upt-pas-ntt-2025-05-22',
    region: '53',
    period: ['2025-05-22', '2025-05-22'],
    publisher: 'SUARAGLOBAL.COM',
    published: '2025-05-22',
    document: '003_2cb93ba56e4d9276',
    corroboratedBy: [] as string[],
  })),
];

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

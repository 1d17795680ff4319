import type { Prisma } from '../../generated/client.ts';
import type { TestDatabase } from './test-database.ts';

type Client = TestDatabase['prisma'];
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * Writes one row of every model with every scalar set, for schema-matches-database.test.ts to read back
 * through the generated client: a column the migrations lack, misname or mistype fails there.
 */
export const roundTrips: Record<Prisma.ModelName, (prisma: Client) => Promise<Record<string, unknown>>> = {
  Source: (p) =>
    p.source.create({
      data: {
        key: 's1',
        kind: 'NEWS_ARTICLE',
        publisher: 'P',
        title: 'T',
        url: 'https://example.org/a',
        publishedOn: date('2026-01-20'),
        datelinePlace: 'Jakarta',
        author: 'A',
        claimId: 'klaim',
        claimEn: 'claim',
        licence: 'CC0-1.0',
        documentRef: 'doc',
      },
    }),
  Region: async (p) => {
    await p.region.create({ data: { code: '53', level: 'PROVINCE', name: 'Nusa Tenggara Timur', provinceCode: '53' } });
    return p.region.create({
      data: {
        code: '53.71',
        level: 'REGENCY',
        name: 'Kota Kupang',
        parentCode: '53',
        provinceCode: '53',
        regencyCode: '53.71',
        latitude: '-10.177200',
        longitude: '123.607000',
        villageCount: 51,
      },
    });
  },
  RegionPriority: (p) => p.regionPriority.create({ data: { regionCode: '53', theme: 'TPPO_PREVENTION', declaredOn: date('2024-11-04'), sourceId: 1, synthetic: false } }),
  Office: async (p) => {
    const parent = await p.office.create({ data: { code: 'ditjenim', type: 'DIRECTORATE_GENERAL', nameId: 'Ditjenim', nameEn: 'DG Immigration' } });
    return p.office.create({
      data: {
        code: 'kanim-x',
        type: 'IMMIGRATION_OFFICE',
        directorate: 'IMMIGRATION',
        nameId: 'Kantor Imigrasi X',
        nameEn: 'X Immigration Office',
        parentId: parent.id,
        regionCode: '53.71',
        latitude: '-10.1',
        longitude: '123.6',
        openedOn: date('2026-01-26'),
        synthetic: true,
        sourceId: 1,
      },
    });
  },
  Program: (p) =>
    p.program.create({
      data: {
        key: 'pimpasa',
        nameId: 'Pimpasa',
        nameEn: 'Pimpasa',
        descriptionId: 'd',
        descriptionEn: 'd',
        themes: ['TPPO_PREVENTION', 'PUBLIC_SERVICE'],
        directorate: 'IMMIGRATION',
      },
    }),
  Campaign: (p) =>
    p.campaign.create({
      data: {
        slug: 'c1',
        nameId: 'K',
        nameEn: 'C',
        descriptionId: 'd',
        descriptionEn: 'd',
        startsOn: date('2026-01-20'),
        endsOn: date('2026-01-26'),
        organiserId: 1,
        synthetic: false,
      },
    }),
  CampaignProgram: (p) => p.campaignProgram.create({ data: { campaignId: 1, programId: 1 } }),
  CampaignParticipant: (p) => p.campaignParticipant.create({ data: { campaignId: 1, officeId: 1, regionCode: '53' } }),
  Metric: (p) =>
    p.metric.create({
      data: {
        key: 'passports_issued',
        nameId: 'Paspor',
        nameEn: 'Passports',
        descriptionId: 'd',
        descriptionEn: 'd',
        unit: 'DOCUMENT',
        timeAggregation: 'SUM',
        spaceAggregation: 'SUM',
        dimensions: ['passport_type'],
        allowsNegative: false,
        sensitive: true,
        suppressionThreshold: 5,
      },
    }),
  Target: (p) => p.target.create({ data: { metricId: 1, periodStart: date('2025-01-01'), periodEnd: date('2025-12-31'), regionCode: '53', value: '25000.5000', sourceId: 1 } }),
  Observation: (p) =>
    p.observation.create({
      data: {
        metricId: 1,
        value: '14213.0000',
        isLowerBound: false,
        periodStart: date('2025-01-01'),
        periodEnd: date('2025-12-31'),
        officeId: 1,
        regionCode: '53',
        programId: 1,
        campaignId: 1,
        dimensions: { passport_type: 'electronic' },
        synthetic: false,
        sourceId: 1,
      },
    }),
  ObservationRevision: (p) =>
    p.observationRevision.create({
      data: {
        observationId: 1,
        metricId: 1,
        value: '14000.5000',
        isLowerBound: true,
        periodStart: date('2025-01-01'),
        periodEnd: date('2025-12-31'),
        officeId: 1,
        regionCode: '53',
        programId: 1,
        campaignId: 1,
        dimensions: { passport_type: 'electronic' },
        synthetic: false,
        published: true,
        sourceId: 1,
        validFrom: new Date('2026-01-01T00:00:00.000Z'),
        revisedAt: new Date('2026-02-01T08:30:00.123Z'),
        revisedBy: 'partner',
        reason: 'Koreksi laporan tahunan',
        withdrawn: false,
      },
    }),
  ObservationCorroboration: (p) => p.observationCorroboration.create({ data: { observationId: 1, sourceId: 1 } }),
  PartnerVillage: (p) => p.partnerVillage.create({ data: { regionCode: '53.71', officeId: 2, designatedOn: date('2024-11-04'), pimpasaCount: 2, synthetic: true, sourceId: 1 } }),
  ApiKey: (p) =>
    p.apiKey.create({
      data: {
        name: 'partner',
        prefix: 'pantau_abcdefg',
        hash: 'a'.repeat(64),
        scopes: ['READ_RESTRICTED', 'WRITE_OBSERVATIONS'],
        officeId: 2,
        revokedAt: new Date('2026-11-22T10:00:00Z'),
      },
    }),
  AuditEntry: (p) =>
    p.auditEntry.create({
      data: {
        apiKeyId: 1,
        actor: 'partner',
        action: 'observations.import',
        entity: 'observation',
        entityId: '1',
        idempotencyKey: 'k1',
        before: { value: '1' },
        after: { value: '2' },
        fileHash: 'b'.repeat(64),
        inserted: 3,
        updated: 1,
        deleted: 0,
        rejected: 2,
      },
    }),
  IdempotencyRecord: (p) =>
    p.idempotencyRecord.create({ data: { actor: 'key:1', key: 'k1', operation: 'observation.create', requestHash: 'c'.repeat(64), response: { observationId: 1 } } }),
  KeyOperation: (p) =>
    p.keyOperation.create({
      data: { apiKeyId: 1, hash: 'd'.repeat(64), name: 'NightlyPassports', document: 'query NightlyPassports { __typename }', createdAt: new Date('2026-12-02T01:00:00Z') },
    }),
};

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { analystServer } from '../analytics/analyst-test-kit.ts';
import { sensitiveMetric, writeSensitiveFigures } from './sensitive-fixture.ts';

describe.each(testDatabaseKinds)('earlier versions of suppressed figures on %s', (kind) => {
  let server: Awaited<ReturnType<typeof analystServer>>;
  let reader = '';

  beforeAll(async () => {
    server = await analystServer(kind);
    await writeSensitiveFigures(server.database);
    reader = (await createApiKey(server.database, { name: 'statistics-office', scopes: ['READ_RESTRICTED'] })).secret;
    // The 3 of region 53.71 was first reported as 9, then corrected.
    const corrected = await server.database.prisma.observation.findFirstOrThrow({ where: { regionCode: '53.71', metric: { key: sensitiveMetric } } });
    const { metricId, isLowerBound, periodStart, periodEnd, officeId, regionCode, programId, campaignId, synthetic, published, sourceId } = corrected;
    await server.database.prisma.observationRevision.create({
      data: {
        ...{ metricId, isLowerBound, periodStart, periodEnd, officeId, regionCode, programId, campaignId, synthetic, published, sourceId },
        dimensions: corrected.dimensions ?? {},
        observationId: corrected.id,
        value: '9',
        validFrom: new Date('2032-02-01T00:00:00Z'),
        revisedAt: new Date('2032-03-01T00:00:00Z'),
        revisedBy: 'ntt-desk',
        reason: 'Koreksi laporan',
        withdrawn: false,
      },
    });
  }, 240_000);
  afterAll(() => server.database.close());

  const query = `{ observations(filter: { metric: "${sensitiveMetric}", from: "2032-01-01", to: "2032-12-31" }) {
    edges { node { value region { code } revisions { value reason } } } } }`;
  const revisionsByRegion = (answer: any) => Object.fromEntries(answer.data.observations.edges.map((e: any) => [e.node.region.code, e.node.revisions]));

  it('lists no earlier value of a sensitive metric’s figure to a caller under suppression, and lists it to read:restricted', async () => {
    const anonymous = await server.gql(query);
    expect(anonymous.errors).toBeUndefined();
    // The figure itself is hidden (a small count); its earlier 9 would tell it was small, and near what.
    expect(revisionsByRegion(anonymous)['53.71']).toEqual([]);
    const restricted = await server.gql(query, {}, reader);
    expect(revisionsByRegion(restricted)['53.71']).toEqual([{ value: '9', reason: 'Koreksi laporan' }]);
  });
});

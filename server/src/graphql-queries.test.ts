import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';
import { graphqlClient, type GraphQLResult } from './testing/graphql-client.ts';

/**
 * Every root field and every filter, on the seeded articles plus the flagged `small` synthetic set
 * (which gives the hundreds of offices the batching bound needs). Expected counts come from the
 * database itself, so each filter is checked against an independent query.
 */
describe.each(testDatabaseKinds)('GraphQL queries and filters on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const logged: unknown[][] = [];

  const { query, ok } = graphqlClient(() => yoga);

  const nodesOf = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    yoga = createPantauYoga(database, { trace: true, log: { error: (...args: unknown[]) => logged.push(args) } });
  });
  afterAll(() => database.close());

  it('lists regions by code, level, prefix and name search', async () => {
    const provinces = await ok(`{ regions(first: 50, filter: { level: PROVINCE }) { totalCount edges { node { code level } } } }`);
    expect(provinces.regions.totalCount).toBe(38);
    expect(nodesOf(provinces.regions).every((r: any) => r.level === 'PROVINCE')).toBe(true);
    const ntt = await ok(`{ regions(first: 500, filter: { code: "53", level: REGENCY }) { totalCount edges { node { code parent { code } } } } }`);
    expect(ntt.regions.totalCount).toBe(await database.prisma.region.count({ where: { provinceCode: '53', level: 'REGENCY' } }));
    expect(nodesOf(ntt.regions).every((r: any) => r.code.startsWith('53.') && r.parent.code === '53')).toBe(true);
    const kupang = await ok(`{ regions(filter: { search: "kupang", level: REGENCY }) { edges { node { code name } } } }`);
    expect(nodesOf(kupang.regions).map((r: any) => r.code)).toEqual(['53.01', '53.71']);
  });

  it('filters offices by directorate and by synthetic flag', async () => {
    const corrections = await ok(`{ offices(first: 500, filter: { directorate: CORRECTIONS, includeSynthetic: true }) { totalCount edges { node { directorate } } } }`);
    expect(corrections.offices.totalCount).toBe(await database.prisma.office.count({ where: { directorate: 'CORRECTIONS' } }));
    expect(nodesOf(corrections.offices).every((o: any) => o.directorate === 'CORRECTIONS')).toBe(true);
    const real = await ok(`{ offices { totalCount edges { node { synthetic } } } }`);
    const all = await ok(`{ offices(filter: { includeSynthetic: true }) { totalCount } }`);
    expect(real.offices.totalCount).toBe(await database.prisma.office.count({ where: { synthetic: false } }));
    expect(all.offices.totalCount).toBe(await database.prisma.office.count());
    expect(all.offices.totalCount).toBeGreaterThan(real.offices.totalCount);
    expect(nodesOf(real.offices).some((o: any) => o.synthetic)).toBe(false);
  });

  it('filters programs by theme and sources by kind', async () => {
    const tppo = await ok(`{ programs(theme: TPPO_PREVENTION) { edges { node { key themes } } } }`);
    expect(nodesOf(tppo.programs).map((p: any) => p.key)).toEqual(['desa_binaan_imigrasi', 'pimpasa']);
    const datasets = await ok(`{ sources(kind: DATASET) { edges { node { key kind licence } } } }`);
    expect(nodesOf(datasets.sources).map((s: any) => s.key)).toEqual(['idn-area-data-4.0.1', 'pantau-province-capitals']);
    const articles = await ok(`{ sources(kind: NEWS_ARTICLE, first: 50) { totalCount edges { node { publisher documentRef } } } }`);
    expect(articles.sources.totalCount).toBe(await database.prisma.source.count({ where: { kind: 'NEWS_ARTICLE' } }));
    expect(nodesOf(articles.sources).every((s: any) => s.documentRef.startsWith('shared/seeds/'))).toBe(true);
  });

  it('filters observations by metric, region, office, program, campaign and period', async () => {
    const count = async (filter: string) => (await ok(`{ observations(filter: ${filter}) { totalCount } }`)).observations.totalCount as number;
    const hbi = await database.prisma.campaign.findUniqueOrThrow({ where: { slug: 'hbi-76-2026' } });
    expect(await count(`{ campaign: "hbi-76-2026" }`)).toBe(await database.prisma.observation.count({ where: { campaignId: hbi.id, synthetic: false } }));
    expect(await count(`{ metric: "passports_issued", regionCode: "53" }`)).toBe(2);
    expect(await count(`{ officeCode: "kanwil-ditjenim-ntt" }`)).toBe(
      await database.prisma.observation.count({ where: { office: { code: 'kanwil-ditjenim-ntt' }, synthetic: false } }),
    );
    expect(await count(`{ program: "donor_darah" }`)).toBe(1);
    expect(await count(`{ from: "2026-01-01", to: "2026-01-31" }`)).toBe(
      await database.prisma.observation.count({ where: { synthetic: false, periodEnd: { gte: new Date('2026-01-01') }, periodStart: { lte: new Date('2026-01-31') } } }),
    );
    const withSynthetic = await count(`{ metric: "passports_issued", includeSynthetic: true }`);
    expect(withSynthetic).toBe(await database.prisma.observation.count({ where: { metric: { key: 'passports_issued' } } }));
    expect(withSynthetic).toBeGreaterThan(2);
  });

  it('pages backwards with last/before over the same order as forwards', async () => {
    const forward = (await ok(`{ metrics(first: 50) { edges { cursor node { key } } } }`)).metrics.edges;
    const page = await ok(`query($before: String) { metrics(last: 2, before: $before) { edges { node { key } } pageInfo { hasPreviousPage hasNextPage } } }`, {
      before: forward[5].cursor,
    });
    expect(nodesOf(page.metrics).map((m: any) => m.key)).toEqual([forward[3].node.key, forward[4].node.key]);
    expect(page.metrics.pageInfo.hasPreviousPage).toBe(true);
  });

  it('filters campaigns by date range and synthetic flag', async () => {
    const january2026 = await ok(`{ campaigns(filter: { from: "2026-01-01", to: "2026-01-31" }) { edges { node { slug startsOn endsOn synthetic } } } }`);
    expect(nodesOf(january2026.campaigns).map((c: any) => c.slug)).toEqual(['hbi-76-2026']);
    const real = await ok(`{ campaigns { totalCount } }`);
    const all = await ok(`{ campaigns(filter: { includeSynthetic: true }) { totalCount } }`);
    expect(real.campaigns.totalCount).toBe(2);
    expect(all.campaigns.totalCount).toBe(await database.prisma.campaign.count());
  });

  it('filters partner villages by region and office, synthetic only when asked', async () => {
    expect((await ok(`{ partnerVillages { totalCount } }`)).partnerVillages.totalCount).toBe(0);
    const ntt = await ok(
      `{ partnerVillages(first: 500, filter: { regionCode: "53", includeSynthetic: true }) { totalCount edges { node { village { code } office { code } synthetic } } } }`,
    );
    const inNtt = nodesOf(ntt.partnerVillages);
    expect(ntt.partnerVillages.totalCount).toBe(await database.prisma.partnerVillage.count({ where: { region: { provinceCode: '53' } } }));
    expect(inNtt.length).toBeGreaterThan(0);
    expect(inNtt.every((v: any) => v.village.code.startsWith('53.') && v.synthetic)).toBe(true);
    const officeCode = inNtt[0].office.code as string;
    const byOffice = await ok(
      `query($office: String) { partnerVillages(first: 500, filter: { officeCode: $office, includeSynthetic: true }) { totalCount edges { node { office { code } } } } }`,
      { office: officeCode },
    );
    expect(byOffice.partnerVillages.totalCount).toBe(await database.prisma.partnerVillage.count({ where: { office: { code: officeCode } } }));
    expect(nodesOf(byOffice.partnerVillages).every((v: any) => v.office.code === officeCode)).toBe(true);
  });

  it('resolves several global IDs at once through nodes()', async () => {
    const ids = await ok(`{ campaign(slug: "hbi-76-2026") { id } regions(first: 1) { edges { node { id code } } } }`);
    const region = ids.regions.edges[0].node;
    const { nodes } = await ok(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Region { code } ... on Campaign { slug } } }`, { ids: [region.id, ids.campaign.id] });
    expect(nodes).toEqual([
      { __typename: 'Region', code: region.code },
      { __typename: 'Campaign', slug: 'hbi-76-2026' },
    ]);
  });

  describe('metricSeries filters', () => {
    const total = async (filter: string, metric = 'passports_issued') =>
      (await ok(`{ metricSeries(metric: "${metric}", includeSynthetic: true, filter: ${filter}) { total { value observationCount } } }`)).metricSeries.total;

    it('keeps dimension values, offices, office types, programs, campaigns and periods', async () => {
      expect(
        (await ok(`{ metricSeries(metric: "passports_issued", filter: { dimensions: [{ key: "passport_type", value: "ordinary" }] }) { total { value } } }`)).metricSeries.total
          .value,
      ).toBe('7150');
      expect((await total(`{ officeCode: "kanwil-ditjenim-ntt", to: "2025-12-31", from: "2025-01-01" }`)).value).toBe('21363');
      expect((await ok(`{ metricSeries(metric: "pimpasa_officers", filter: { officeTypes: [DIRECTORATE_GENERAL] }) { total { value } } }`)).metricSeries.total.value).toBe('146');
      expect((await ok(`{ metricSeries(metric: "pimpasa_officers", filter: { officeTypes: [IMMIGRATION_OFFICE] }) { total { value } } }`)).metricSeries.total).toBeNull();
      expect(
        (await ok(`{ metricSeries(metric: "blood_donors", filter: { program: "donor_darah", campaign: "hbi-76-2026" }) { total { value isLowerBound } } }`)).metricSeries.total,
      ).toEqual({ value: '500', isLowerBound: true });
      const quarters = await ok(
        `{ metricSeries(metric: "passports_issued", granularity: QUARTER, includeSynthetic: true, filter: { regionCode: "53", from: "2025-04-01", to: "2025-06-30" }) { rows { period periodStart periodEnd } } }`,
      );
      // An observation counts in the bucket its period starts in, so a figure for March–April lands in Q1.
      expect(quarters.metricSeries.rows.every((r: any) => r.periodStart <= '2025-06-30' && r.periodEnd >= '2025-01-01')).toBe(true);
      expect(quarters.metricSeries.rows).toContainEqual({ period: '2025-Q2', periodStart: '2025-04-01', periodEnd: '2025-06-30' });
    });

    it('groups by province with one row per province and the rows adding up to the total (SUM metric)', async () => {
      const { metricSeries } = await ok(
        `{ metricSeries(metric: "tppo_prevention_activities", groupBy: ["province"], granularity: YEAR, includeSynthetic: true, filter: { from: "2025-01-01", to: "2025-12-31" }) { rows { period province { code } value synthetic } total { value synthetic } } }`,
      );
      const sum = metricSeries.rows.reduce((acc: bigint, row: any) => acc + BigInt(row.value), 0n);
      expect(sum.toString()).toBe(metricSeries.total.value);
      expect(metricSeries.total.synthetic).toBe(true);
      const provinces = metricSeries.rows.map((r: any) => r.province.code);
      expect(new Set(provinces).size).toBe(provinces.length);
    });
  });

  it('masks an unexpected fault, tagging it with the caller’s request id, and logs the cause under that id', async () => {
    await database.sql.run((sql) => sql.exec('ALTER TABLE source RENAME TO source_moved_away'));
    let result: GraphQLResult;
    try {
      result = await query(`{ sources { totalCount } }`, {}, { 'x-request-id': 'analyst-42' });
    } finally {
      await database.sql.run((sql) => sql.exec('ALTER TABLE source_moved_away RENAME TO source'));
    }
    expect(result.errors).toEqual([expect.objectContaining({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'analyst-42' } })]);
    expect(JSON.stringify(result)).not.toMatch(/source_moved_away|relation|postgres|prisma/i);
    const entry = logged.find((args) => String(args[0]).includes('analyst-42'));
    expect(String(entry?.[0])).toMatch(/\[analyst-42\] Unexpected error at sources/);
    expect(String(entry?.[1])).toMatch(/source/);
    expect((await ok(`{ sources { totalCount } }`)).sources.totalCount).toBeGreaterThan(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import type { Metric } from '@pantau/prisma/client';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';
import { rollupsAnswering, type RollupName } from './rollup-planner.ts';
import { querySeries, type Granularity, type SeriesQuery } from './series.ts';

type Shape = Pick<SeriesQuery, 'granularity' | 'groupBy' | 'filter'>;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const everyGrouping = (metric: Metric): string[][] => [
  [],
  ['province'],
  ['regency'],
  ['region'],
  ['office'],
  ['program'],
  ['campaign'],
  ...metric.dimensions.map((d) => [d]),
  ['province', ...metric.dimensions.slice(0, 1)],
];
const everyBucket: Granularity[] = ['MONTH', 'QUARTER', 'YEAR', 'ALL'];
// Month-aligned ranges: both ends, `from` alone (observations spanning into April 2025 are added from
// the observations), `to` alone; and one that is not aligned, which only the observations answer.
const ranges = [{}, { from: day('2024-01-01'), to: day('2025-06-30') }, { from: day('2025-04-01') }, { to: day('2024-12-31') }, { from: day('2025-04-15'), to: day('2025-05-31') }];

/** The query shapes compared for one metric: every grouping and bucket; every range; every filter a rollup has a column for. */
function shapesOf(metric: Metric, campaignId: number, officeId: number): Shape[] {
  const shapes: Shape[] = [];
  for (const groupBy of everyGrouping(metric)) for (const granularity of everyBucket) shapes.push({ groupBy, granularity, filter: {} });
  for (const filter of ranges.slice(1))
    for (const granularity of ['MONTH', 'YEAR', 'ALL'] as const) for (const groupBy of [[], ['province']]) shapes.push({ groupBy, granularity, filter });
  const filters: Shape['filter'][] = [
    { regionCode: '53' },
    { regionCode: '53.71' },
    { regionCode: '53.71.01' },
    { excludeOfficeTypes: ['MINISTRY', 'DIRECTORATE_GENERAL'] },
    { officeTypes: ['MINISTRY', 'DIRECTORATE_GENERAL'] },
    { campaignId },
    { officeId },
    // Lists keep observations matching any item; regions of mixed levels need the finer column.
    { regionCodes: ['53', '31'] },
    { regionCodes: ['53.71', '31'] },
    { officeIds: [officeId, officeId + 1] },
    ...metric.dimensions.map((key) => ({ dimensions: [{ key, values: key === 'passport_type' ? ['electronic', 'ordinary'] : ['genjah_hibrida', 'none'] }] })),
    ...metric.dimensions.map((key) => ({ dimensions: [{ key, value: key === 'passport_type' ? 'electronic' : 'genjah_hibrida' }] })),
  ];
  for (const filter of filters)
    for (const groupBy of [[], ['regency']]) shapes.push({ groupBy, granularity: 'YEAR', filter: { ...filter, from: day('2025-04-01') } }, { groupBy, granularity: 'ALL', filter });
  return shapes;
}

/**
 * Every rollup must answer exactly as the observations do, for every metric and aggregation rule,
 * every grouping, bucket, month-aligned range and filter it claims to answer, with and without
 * synthetic and unpublished figures, and stay so through every kind of write: the synthetic load,
 * mutations (create, update, delete, publish), an import, plain SQL, and an office that moves.
 */
describe.each(testDatabaseKinds)('rollups on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 7);
    yoga = createPantauYoga(database, { trace: true, log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'rollup-admin', scopes: ['ADMIN'] })).secret;
  }, 240_000);
  afterAll(() => database.close());

  /** Compares each rollup that claims a shape with the observations; returns the rows compared per rollup. */
  async function expectRollupsExact(options: Pick<SeriesQuery, 'includeSynthetic' | 'includeUnpublished'>): Promise<Map<RollupName, number>> {
    const metrics = await database.prisma.metric.findMany({ orderBy: { key: 'asc' } });
    const campaign = await database.prisma.campaign.findUniqueOrThrow({ where: { slug: 'hbi-76-2026' } });
    const office = await database.prisma.office.findUniqueOrThrow({ where: { code: 'kanwil-ditjenim-ntt' } });
    const compared = new Map<RollupName, number>();
    for (const metric of metrics) {
      for (const shape of shapesOf(metric, campaign.id, office.id)) {
        const candidates = rollupsAnswering(metric, shape);
        if (candidates.length === 0) continue;
        const query: SeriesQuery = { metric, ...shape, ...options };
        const raw = await querySeries(database, { ...query, source: 'observations' });
        for (const rollup of candidates) {
          expect(await querySeries(database, { ...query, source: rollup }), `${metric.key} from ${rollup}: ${JSON.stringify(shape)}`).toEqual(raw);
          compared.set(rollup, (compared.get(rollup) ?? 0) + raw.length);
        }
      }
    }
    return compared;
  }

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[]; extensions?: any };
    expect(body.errors).toBeUndefined();
    return body;
  }

  it('answers like the observations after the synthetic load, from every rollup, for every metric, grouping, bucket, range and filter', async () => {
    const compared = await expectRollupsExact({ includeSynthetic: true });
    for (const rollup of [
      'rollup_national_month',
      'rollup_province_month',
      'rollup_regency_month',
      'rollup_campaign_month',
      'rollup_series_month',
      'rollup_series_total',
    ] as const) {
      expect(compared.get(rollup), rollup).toBeGreaterThan(0);
    }
  }, 600_000);

  it('holds far fewer rows than the observations', async () => {
    const count = async (table: string) => Number((await database.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n);
    const observations = await count('observation');
    expect(await count('rollup_national_month')).toBeLessThan(observations / 10);
    expect(await count('rollup_series_total')).toBeLessThan(observations / 10);
  });

  it('says in the trace which rollup answered', async () => {
    const body = await gql(`{ metricSeries(metric: "passports_issued", groupBy: ["province"], granularity: MONTH, includeSynthetic: true) { rows { value } } }`);
    // The rows by province per month, and the total over everything from the national grain.
    expect(body.extensions.trace.rollups).toEqual([
      { metric: 'passports_issued', source: 'rollup_province_month' },
      { metric: 'passports_issued', source: 'rollup_national_month' },
    ]);
    const daily = await gql(`{ metricSeries(metric: "pimpasa_officers", granularity: DAY) { rows { value } } }`);
    expect(daily.extensions.trace.rollups).toEqual([
      { metric: 'pimpasa_officers', source: 'observations', reason: 'DAY buckets are finer than the month rollups' },
      { metric: 'pimpasa_officers', source: 'rollup_series_total' },
    ]);
    const weekly = await gql(`{ metricSeries(metric: "passports_issued", granularity: WEEK, includeSynthetic: true) { rows { value } } }`);
    expect(weekly.extensions.trace.rollups[0]).toEqual({
      metric: 'passports_issued',
      source: 'observations',
      reason: 'WEEK buckets (ISO weeks) cut across months: the month rollups cannot answer them',
    });
  });

  it('stays exact through creates, updates, deletes, publishing, an import, plain SQL and a moved office', async () => {
    const create = `mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }`;
    const input = {
      metric: 'passports_issued',
      value: '999',
      periodStart: '2025-03-31',
      periodEnd: '2025-04-02',
      officeCode: 'kanwil-ditjenim-ntt',
      regionCode: '53',
      source: 'antara-20260126-ntt-passports-2025',
      dimensions: [{ key: 'passport_type', value: 'ordinary' }],
    };
    const created = (await gql(create, { input })).data.createObservation.observation.id;
    const published = (await gql(create, { input: { ...input, value: '5', published: true, periodStart: '2025-01-15', periodEnd: '2025-01-15' } })).data.createObservation
      .observation.id;
    // LATEST figures, one spanning into April 2025, one unpublished: the series rollups recompute their series-months.
    const latest = {
      metric: 'pimpasa_officers',
      periodStart: '2025-03-15',
      periodEnd: '2025-04-15',
      officeCode: 'kanwil-ditjenim-ntt',
      regionCode: '53',
      source: 'antara-20241104-ntt-tppo-priority',
    };
    await gql(create, { input: { ...latest, value: '40', published: true } });
    const pending = (await gql(create, { input: { ...latest, value: '41', periodStart: '2025-04-10', periodEnd: '2025-04-20' } })).data.createObservation.observation.id;
    await gql(`mutation($id: ID!, $input: ObservationInput!) { updateObservation(id: $id, input: $input) { observation { id } } }`, {
      id: created,
      input: { ...input, value: '1000', periodStart: '2025-05-01', periodEnd: '2025-05-31' },
    });
    await gql(`mutation($id: ID!) { deleteObservation(id: $id) { deletedId } }`, { id: published });
    await gql(`mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`, { ids: [created] });
    expect(pending).toBeTruthy();

    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query: 'mutation($file: File!) { importObservations(file: $file, publish: true) { inserted rejectedCount } }', variables: { file: null } }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    const rows = Array.from(
      { length: 300 },
      (_, i) =>
        `tppo_prevention_activities,${i % 7},2024-${String((i % 12) + 1).padStart(2, '0')}-${String(1 + Math.floor(i / 12)).padStart(2, '0')},2024-${String((i % 12) + 1).padStart(2, '0')}-28,kanwil-ditjenim-ntt,53,antara-20241104-ntt-tppo-priority`,
    );
    form.append('0', new File([['metric,value,period_start,period_end,office_code,region_code,source', ...rows].join('\n')], 'tppo.csv', { type: 'text/csv' }));
    const imported = await (
      await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'x-pantau-client': 'rollup-test' }, body: form })
    ).json();
    expect(imported.data).toEqual({ importObservations: { inserted: 300, rejectedCount: 0 } });

    await database.sql.run(async (sql) => {
      await sql.exec(`UPDATE observation SET value = value + 1 WHERE id % 97 = 0`);
      await sql.exec(`UPDATE observation SET period_start = period_start - 40, period_end = period_end - 40 WHERE id % 89 = 0`);
      await sql.exec(`UPDATE observation SET published = false WHERE id % 83 = 0`);
      await sql.exec(`DELETE FROM observation WHERE id % 101 = 0`);
      await sql.exec(
        `UPDATE office SET region_code = '53.71' WHERE id = (SELECT min(office_id) FROM observation o JOIN metric m ON m.id = o.metric_id WHERE m.key = 'pimpasa_officers' AND o.synthetic AND o.region_code IS NULL)`,
      );
      await sql.exec(`UPDATE office SET type = 'IMMIGRATION_DETENTION_CENTER' WHERE id = (SELECT min(office_id) FROM observation WHERE synthetic)`);
    });
    await expectRollupsExact({ includeSynthetic: true, includeUnpublished: true });
    await expectRollupsExact({ includeSynthetic: false });
    await expectRollupsExact({ includeSynthetic: true });
  }, 900_000);
});

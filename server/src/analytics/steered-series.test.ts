import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { analystServer, type Figure } from './analyst-test-kit.ts';

// Passports in 2030-2031 (no seeded figure is that late), so every expected figure below is worked out from these by hand.
const passports: Figure[] = [
  { metric: 'passports_issued', value: '10', period: '2030-01-06', region: '53.71', dimensions: { passport_type: 'electronic' } }, // a Sunday: ISO week 2030-W01
  { metric: 'passports_issued', value: '20', period: '2030-01-07', region: '53.71', dimensions: { passport_type: 'ordinary' } }, // the Monday after: 2030-W02
  { metric: 'passports_issued', value: '30', period: '2030-02-15', region: '53.01', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '5', period: '2030-01-20', region: '52.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '7.5', period: '2030-03-03', region: '52.71', dimensions: { passport_type: 'ordinary' } },
  { metric: 'passports_issued', value: '100', period: '2030-01-10', region: '31.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '12', period: '2031-01-15', region: '53.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '1', period: '2031-02-10', region: '52.71', dimensions: { passport_type: 'ordinary' }, lowerBound: true },
];
const activities: Figure[] = [
  { metric: 'tppo_prevention_activities', value: '4', period: '2030-05-01', region: '53' },
  { metric: 'tppo_prevention_activities', value: '9', period: '2030-06-01', region: '52.71' },
  { metric: 'tppo_prevention_activities', value: '2', period: '2030-07-01', region: '11' },
];

describe.each(testDatabaseKinds)('series an analyst steers on %s', (kind) => {
  let server: Awaited<ReturnType<typeof analystServer>>;

  beforeAll(async () => {
    server = await analystServer(kind);
    await server.write([...passports, ...activities]);
  }, 240_000);
  afterAll(() => server.database.close());

  async function series(args: string, fields = 'period province { code } value') {
    const answer = await server.gql(`{ metricSeries(metric: "passports_issued", ${args}) { rowCount rows { ${fields} } } }`);
    expect(answer.errors).toBeUndefined();
    return answer.data.metricSeries;
  }

  it('orders by value, keeps the top N of each period, and pages with offset and limit', async () => {
    const byProvince = `groupBy: ["province"], filter: { from: "2030-01-01", to: "2031-12-31" }`;
    // 2030: DKI 100, NTT 10 + 20 + 30 = 60, NTB 5 + 7.5 = 12.5; 2031: NTT 12, NTB 1.
    const all = await series(`${byProvince}, orderBy: { by: VALUE, direction: DESC }`);
    expect(all.rows.map((r: any) => [r.period, r.province.code, r.value])).toEqual([
      ['2030', '31', '100'],
      ['2030', '53', '60'],
      ['2030', '52', '12.5'],
      ['2031', '53', '12'],
      ['2031', '52', '1'],
    ]);
    const top = await series(`${byProvince}, topPerPeriod: 1`);
    expect(top.rows.map((r: any) => [r.period, r.province.code, r.value])).toEqual([
      ['2030', '31', '100'],
      ['2031', '53', '12'],
    ]);
    const page = await series(`${byProvince}, orderBy: { by: VALUE, direction: DESC }, offset: 1, limit: 2`);
    expect(page).toEqual({
      rowCount: 5,
      rows: [
        { period: '2030', province: { code: '53' }, value: '60' },
        { period: '2030', province: { code: '52' }, value: '12.5' },
      ],
    });
    const latestFirst = await series(`${byProvince}, orderBy: { by: PERIOD, direction: DESC }, limit: 1`);
    expect(latestFirst.rows[0].period).toBe('2031');
  });

  it('refuses a negative offset and a zero limit, naming the argument', async () => {
    for (const [args, argument] of [
      ['offset: -1', 'offset'],
      ['limit: 0', 'limit'],
    ]) {
      const answer = await server.gql(`{ metricSeries(metric: "passports_issued", ${args}) { rowCount } }`);
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    }
  });

  it('filters by lists of regions and dimension values, keeping observations that match any item', async () => {
    // Kota Kupang's electronic 10 and NTB's electronic 5 in 2030; Kota Kupang's 12 in 2031.
    const answer = await series(
      `filter: { regionCodes: ["53.71", "52"], dimensions: [{ key: "passport_type", values: ["electronic"] }], from: "2030-01-01", to: "2031-12-31" }`,
      'period value',
    );
    expect(answer.rows).toEqual([
      { period: '2030', value: '15' },
      { period: '2031', value: '12' },
    ]);
    const both = await series(
      `filter: { regionCodes: ["53", "52"], dimensions: [{ key: "passport_type", values: ["electronic", "ordinary"] }], from: "2030-01-01", to: "2031-12-31" }`,
      'period value',
    );
    expect(both.rows).toEqual([
      { period: '2030', value: '72.5' },
      { period: '2031', value: '13' },
    ]);
    // The seeded NTT 2025 figures: 7,150 + 14,213, reported by the regional office under the travel-documents programme.
    const seeded = await series(
      `filter: { officeCodes: ["kanwil-ditjenim-ntt", "ditjenim"], programs: ["layanan_dokumen_perjalanan", "pimpasa"], from: "2025-01-01", to: "2025-12-31" }`,
      'period value',
    );
    expect(seeded.rows).toEqual([{ period: '2025', value: '21363' }]);
    const refused = await server.gql(`{ metricSeries(metric: "passports_issued", filter: { regionCode: "53", regionCodes: ["52"] }) { rowCount } }`);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ argument: 'filter.regionCodes' });
    const unknown = await server.gql(`{ metricSeries(metric: "passports_issued", filter: { regionCodes: ["53", "99.99"] }) { rowCount } }`);
    expect(unknown.errors?.[0]?.message).toMatch(/Unknown region code "99.99"/);
  });

  it('buckets by ISO week from the observations, and the trace says why no rollup answered', async () => {
    const answer = await server.gql(
      `{ metricSeries(metric: "passports_issued", granularity: WEEK, filter: { regionCode: "53", from: "2029-12-31", to: "2030-01-13" }) { rows { period periodStart periodEnd value } } }`,
    );
    expect(answer.data.metricSeries.rows).toEqual([
      { period: '2030-W01', periodStart: '2029-12-31', periodEnd: '2030-01-06', value: '10' },
      { period: '2030-W02', periodStart: '2030-01-07', periodEnd: '2030-01-13', value: '20' },
    ]);
    expect(answer.extensions.trace.rollups[0]).toEqual({ metric: 'passports_issued', source: 'observations', reason: expect.stringMatching(/ISO weeks/) });
  });

  it('puts several metrics side by side over one grouping, a cell per metric and null where one has no figure', async () => {
    const document = (
      order = '',
    ) => `{ metricTable(metrics: ["passports_issued", "tppo_prevention_activities"], groupBy: ["province"], filter: { from: "2030-01-01", to: "2030-12-31" } ${order}) {
      metrics { key } rowCount rows { period province { code } cells { metric { key } value } } } }`;
    const answer = await server.gql(document());
    expect(answer.errors).toBeUndefined();
    const table = answer.data.metricTable;
    expect(table.metrics).toEqual([{ key: 'passports_issued' }, { key: 'tppo_prevention_activities' }]);
    const cells = (rows: any[]) => rows.map((r) => [r.province.code, ...r.cells.map((c: any) => c?.value ?? null)]);
    expect(cells(table.rows)).toEqual([
      ['11', null, '2'],
      ['31', '100', null],
      ['52', '12.5', '9'],
      ['53', '60', '4'],
    ]);
    const byActivities = await server.gql(document(', orderBy: { by: VALUE, direction: DESC, metric: "tppo_prevention_activities" }'));
    expect(cells(byActivities.data.metricTable.rows)).toEqual([
      ['52', '12.5', '9'],
      ['53', '60', '4'],
      ['11', null, '2'],
      ['31', '100', null],
    ]);
    const shared = await server.gql(`{ metricTable(metrics: ["passports_issued", "tppo_prevention_activities"], groupBy: ["passport_type"]) { rowCount } }`);
    expect(shared.errors?.[0]?.extensions).toMatchObject({ argument: 'groupBy', validValues: expect.not.arrayContaining(['passport_type']) });
  });

  it('keeps the single-metric answer as it was: rows by period, then groups, and the total', async () => {
    const answer = await server.gql(
      `{ metricSeries(metric: "passports_issued", groupBy: ["passport_type"], filter: { regionCode: "53", from: "2030-01-01", to: "2030-12-31" }) { rows { dimensions { value } value suppressed } total { value suppressed } } }`,
    );
    expect(answer.data.metricSeries).toEqual({
      rows: [
        { dimensions: [{ value: 'electronic' }], value: '40', suppressed: false },
        { dimensions: [{ value: 'ordinary' }], value: '20', suppressed: false },
      ],
      total: { value: '60', suppressed: false },
    });
  });
});

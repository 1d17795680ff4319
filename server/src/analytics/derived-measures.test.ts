import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { analystServer, type Figure } from './analyst-test-kit.ts';

// 2030: DKI 100, NTT 10 + 20 + 30 = 60, NTB 5 + 7.5 = 12.5 (total 172.5); 2031: NTT 12, NTB "more than 1" (total 13, a lower bound).
const passports: Figure[] = [
  { metric: 'passports_issued', value: '10', period: '2030-01-06', region: '53.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '20', period: '2030-01-07', region: '53.71', dimensions: { passport_type: 'ordinary' } },
  { metric: 'passports_issued', value: '30', period: '2030-02-15', region: '53.01', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '5', period: '2030-01-20', region: '52.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '7.5', period: '2030-03-03', region: '52.71', dimensions: { passport_type: 'ordinary' } },
  { metric: 'passports_issued', value: '100', period: '2030-01-10', region: '31.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '12', period: '2031-01-15', region: '53.71', dimensions: { passport_type: 'electronic' } },
  { metric: 'passports_issued', value: '1', period: '2031-02-10', region: '52.71', dimensions: { passport_type: 'ordinary' }, lowerBound: true },
];

const derived = `value isLowerBound reason reasonText reasonTextEn: reasonText(lang: EN)`;
const rowFields = `period province { code } value
  shareOfTotal { ${derived} } runningTotal { ${derived} }
  change { absolute percent previousPeriod previousValue isLowerBound reason reasonText(lang: EN) }
  progress { ratio isLowerBound reason target { value region { code } source { key } } }`;

describe.each(testDatabaseKinds)('derived measures on %s', (kind) => {
  let server: Awaited<ReturnType<typeof analystServer>>;
  let sourceKey = '';
  const createTarget = `mutation($input: TargetInput!, $key: String) { createTarget(input: $input, idempotencyKey: $key) { target { id value } } }`;

  beforeAll(async () => {
    server = await analystServer(kind);
    sourceKey = (await server.write(passports)).key;
  }, 240_000);
  afterAll(() => server.database.close());

  async function byProvince() {
    const answer = await server.gql(
      `{ metricSeries(metric: "passports_issued", groupBy: ["province"], filter: { from: "2030-01-01", to: "2031-12-31" }) { rows { ${rowFields} } } }`,
    );
    expect(answer.errors).toBeUndefined();
    return { rows: answer.data.metricSeries.rows as any[], trace: answer.extensions.trace };
  }
  const row = (rows: any[], period: string, province: string) => rows.find((r) => r.period === period && r.province.code === province);

  it('gives each row its share of the period’s total, exact to six places, flagged when a lower bound went in', async () => {
    const { rows, trace } = await byProvince();
    // 100 / 172.5 = 0.5797101…, 60 / 172.5 = 0.3478260…, 12.5 / 172.5 = 0.0724637…; 12 / 13 = 0.9230769…, 1 / 13 = 0.0769230…
    expect(row(rows, '2030', '31').shareOfTotal).toMatchObject({ value: '0.57971', isLowerBound: false, reason: null });
    expect(row(rows, '2030', '53').shareOfTotal.value).toBe('0.347826');
    expect(row(rows, '2030', '52').shareOfTotal.value).toBe('0.072464');
    expect(row(rows, '2031', '53').shareOfTotal).toMatchObject({ value: '0.923077', isLowerBound: true });
    expect(row(rows, '2031', '52').shareOfTotal).toMatchObject({ value: '0.076923', isLowerBound: true });
    // Whole years, grouped by province: the province rollup answers the rows, the bucket before the range and the national total.
    expect(trace.rollups.map((r: any) => r.source)).toEqual(['rollup_province_month', 'rollup_national_month']);
  });

  it('gives the change against the previous period, and null with a reason where that period has no figure', async () => {
    const { rows } = await byProvince();
    // NTT: 12 - 60 = -48, -48 / 60 = -80 %; NTB: 1 - 12.5 = -11.5, -11.5 / 12.5 = -92 %, from a lower bound.
    expect(row(rows, '2031', '53').change).toEqual({
      absolute: '-48',
      percent: '-80',
      previousPeriod: '2030',
      previousValue: '60',
      isLowerBound: false,
      reason: null,
      reasonText: null,
    });
    expect(row(rows, '2031', '52').change).toMatchObject({ absolute: '-11.5', percent: '-92', isLowerBound: true });
    // No passports in 2029 anywhere: unknown, not zero.
    expect(row(rows, '2030', '31').change).toEqual({
      absolute: null,
      percent: null,
      previousPeriod: '2029',
      previousValue: null,
      isLowerBound: false,
      reason: 'NO_PREVIOUS_PERIOD',
      reasonText: 'No figure for the previous period',
    });
    const monthly = await server.gql(
      `{ metricSeries(metric: "passports_issued", granularity: MONTH, filter: { regionCode: "53", from: "2030-01-01", to: "2030-03-31" }) { rows { period value change { absolute percent reason } } } }`,
    );
    // January 10 + 20 = 30, February 30, March nothing (no row); December 2029 has no figure.
    expect(monthly.data.metricSeries.rows).toEqual([
      { period: '2030-01', value: '30', change: { absolute: null, percent: null, reason: 'NO_PREVIOUS_PERIOD' } },
      { period: '2030-02', value: '30', change: { absolute: '0', percent: '0', reason: null } },
    ]);
  });

  it('gives the running total of each group over the periods', async () => {
    const { rows } = await byProvince();
    expect(row(rows, '2030', '53').runningTotal.value).toBe('60');
    expect(row(rows, '2031', '53').runningTotal).toMatchObject({ value: '72', isLowerBound: false });
    expect(row(rows, '2031', '52').runningTotal).toMatchObject({ value: '13.5', isLowerBound: true });
    const latest = await server.gql(`{ metricSeries(metric: "pimpasa_officers") { rows { runningTotal { value reason reasonText } } } }`);
    expect(latest.data.metricSeries.rows[0].runningTotal).toEqual({ value: null, reason: 'NOT_ADDITIVE_OVER_TIME', reasonText: 'Indikator ini tidak dijumlahkan antarperiode' });
  });

  it('measures progress against targets that admins set, audited and idempotent', async () => {
    const national = { metric: 'passports_issued', periodStart: '2030-01-01', periodEnd: '2030-12-31', value: '200', source: sourceKey };
    const first = await server.gql(createTarget, { input: national, key: 'target-2030-national' }, server.admin);
    const again = await server.gql(createTarget, { input: national, key: 'target-2030-national' }, server.admin);
    expect(again.data).toEqual(first.data);
    expect(await server.database.prisma.auditEntry.count({ where: { action: 'target.create' } })).toBe(1);
    const duplicate = await server.gql(createTarget, { input: national }, server.admin);
    expect(duplicate.errors?.[0]?.message).toMatch(/already exists/);
    await server.gql(createTarget, { input: { ...national, regionCode: '53', value: '50' } }, server.admin);

    // National: 172.5 / 200 = 0.8625; NTT: 60 / 50 = 1.2; NTB has no target.
    const total = await server.gql(
      `{ metricSeries(metric: "passports_issued", filter: { from: "2030-01-01", to: "2030-12-31" }) { rows { progress { ratio target { value } } } } }`,
    );
    expect(total.data.metricSeries.rows).toEqual([{ progress: { ratio: '0.8625', target: { value: '200' } } }]);
    const { rows } = await byProvince();
    expect(row(rows, '2030', '53').progress).toEqual({
      ratio: '1.2',
      isLowerBound: false,
      reason: null,
      target: { value: '50', region: { code: '53' }, source: { key: sourceKey } },
    });
    expect(row(rows, '2030', '52').progress).toMatchObject({ ratio: null, reason: 'NO_TARGET', target: null });
    const split = await server.gql(
      `{ metricSeries(metric: "passports_issued", groupBy: ["passport_type"], filter: { from: "2030-01-01", to: "2030-12-31" }) { rows { progress { ratio reason } } } }`,
    );
    expect(split.data.metricSeries.rows.map((r: any) => r.progress)).toEqual([
      { ratio: null, reason: 'NOT_A_PLACE' },
      { ratio: null, reason: 'NOT_A_PLACE' },
    ]);
    const listed = await server.gql(`{ targets(metric: "passports_issued") { value region { code } periodStart periodEnd } }`);
    expect(listed.data.targets).toEqual([
      { value: '200', region: null, periodStart: '2030-01-01', periodEnd: '2030-12-31' },
      { value: '50', region: { code: '53' }, periodStart: '2030-01-01', periodEnd: '2030-12-31' },
    ]);
  });

  it('refuses a bad target with every broken rule named, and callers who are not admins', async () => {
    const bad = await server.gql(
      createTarget,
      { input: { metric: 'passports_issued', periodStart: '2030-12-31', periodEnd: '2030-01-01', regionCode: '99', value: '1.23456', source: 'no-such-source' } },
      server.admin,
    );
    expect(bad.status).toBe(400);
    expect(bad.errors?.[0]?.extensions?.violations?.map((v: any) => v.field).sort()).toEqual(['input.periodEnd', 'input.regionCode', 'input.source', 'input.value']);
    const anonymous = await server.gql(createTarget, { input: { metric: 'passports_issued', periodStart: '2031-01-01', periodEnd: '2031-12-31', value: '1', source: sourceKey } });
    expect(anonymous.errors?.length).toBe(1);
    expect(await server.database.prisma.target.count()).toBe(2);
  });
});

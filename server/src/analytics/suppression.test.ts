import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { serveInProcess } from '../http/serve-in-process.ts';
import { analystServer, type Figure } from './analyst-test-kit.ts';
import { recoverByDifferencing, type Equation } from './differencing-attack.ts';

// TPPO-prevention activities by regency in two provinces, 2032 and 2033 (no seeded figure is that late).
const cells: Record<string, number> = {
  '2032|52.01': 15,
  '2032|52.71': 40,
  '2032|53.01': 20,
  '2032|53.02': 8,
  '2032|53.71': 3,
  '2033|52.01': 30,
  '2033|52.71': 6,
  '2033|53.01': 25,
  '2033|53.02': 2,
  '2033|53.71': 12,
};
const figures: Figure[] = Object.entries(cells).map(([key, value]) => {
  const [year, region] = key.split('|') as [string, string];
  return { metric: 'tppo_prevention_activities', value: String(value), period: `${year}-06-01`, region };
});
const regencies = ['52.01', '52.71', '53.01', '53.02', '53.71'];
const range = `from: "2032-01-01", to: "2033-12-31"`;

describe.each(testDatabaseKinds)('small-cell suppression on %s', (kind) => {
  let server: Awaited<ReturnType<typeof analystServer>>;
  let reader = '';

  beforeAll(async () => {
    server = await analystServer(kind);
    await server.write(figures);
    reader = (await createApiKey(server.database, { name: 'statistics-office', scopes: ['READ_RESTRICTED'] })).secret;
    const marked = await server.gql(
      `mutation { setMetricSuppression(metric: "tppo_prevention_activities", sensitive: true, threshold: 5, idempotencyKey: "tppo-sensitive") { key sensitive suppressionThreshold } }`,
      {},
      server.admin,
    );
    expect(marked.data.setMetricSuppression).toEqual({ key: 'tppo_prevention_activities', sensitive: true, suppressionThreshold: 5 });
  }, 240_000);
  afterAll(() => server.database.close());

  const byRegency = `{ metricSeries(metric: "tppo_prevention_activities", groupBy: ["regency"], filter: { ${range} }) {
    rows { period regency { code } value suppressed suppression { rule threshold description(lang: EN) } shareOfTotal { value reason } runningTotal { value reason } change { absolute reason } } } }`;
  const keyOf = (row: any) => `${row.period}|${row.regency.code}`;

  it('hides the small cells and, as complements, the cells that would give them away', async () => {
    const { data } = await server.gql(byRegency);
    const hidden = Object.fromEntries(data.metricSeries.rows.filter((r: any) => r.suppressed).map((r: any) => [keyOf(r), r.suppression.rule]));
    // 3 and 2 are below 5. NTT 2032 then hides its next smallest, 53.02's 8; 53.71's two years need a second hidden cell: its 12 in 2033.
    expect(hidden).toEqual({ '2032|53.71': 'BELOW_THRESHOLD', '2032|53.02': 'COMPLEMENTARY', '2033|53.02': 'BELOW_THRESHOLD', '2033|53.71': 'COMPLEMENTARY' });
    for (const row of data.metricSeries.rows) {
      if (row.suppressed) expect(row).toMatchObject({ value: null, shareOfTotal: { value: null, reason: 'SUPPRESSED' } });
      else expect(row.value).toBe(String(cells[keyOf(row)]));
    }
    const first = data.metricSeries.rows.find((r: any) => keyOf(r) === '2032|53.71');
    expect(first.suppression).toEqual({ rule: 'BELOW_THRESHOLD', threshold: 5, description: 'Below the threshold (threshold 5)' });
    // After a hidden year, a running total would give it away; a change between shown years does not.
    expect(data.metricSeries.rows.find((r: any) => keyOf(r) === '2033|53.01')).toMatchObject({ runningTotal: { value: '45' }, change: { absolute: '5' } });
  });

  it('cannot be undone by differencing: no hidden cell follows from the totals anyone can ask for', async () => {
    const { data } = await server.gql(byRegency);
    const shown = new Map<string, number>(data.metricSeries.rows.filter((r: any) => !r.suppressed).map((r: any) => [keyOf(r), Number(r.value)]));
    const hidden = data.metricSeries.rows.filter((r: any) => r.suppressed).map(keyOf);

    // Every total the attacker can fetch: by province per year, nationally per year, each regency over both years, and everything.
    const equations: Equation[] = [];
    const published = async (query: string) => {
      const answer = await server.gql(query);
      expect(answer.errors).toBeUndefined();
      return answer.data.metricSeries;
    };
    for (const row of (
      await published(`{ metricSeries(metric: "tppo_prevention_activities", groupBy: ["province"], filter: { ${range} }) { rows { period province { code } value suppressed } } }`)
    ).rows) {
      expect(row.suppressed).toBe(false);
      equations.push({ cells: regencies.filter((r) => r.startsWith(`${row.province.code}.`)).map((r) => `${row.period}|${r}`), value: Number(row.value) });
    }
    const national = await published(`{ metricSeries(metric: "tppo_prevention_activities", filter: { ${range} }) { rows { period value } total { value suppressed } } }`);
    for (const row of national.rows) equations.push({ cells: regencies.map((r) => `${row.period}|${r}`), value: Number(row.value) });
    equations.push({ cells: Object.keys(cells), value: Number(national.total.value) });
    for (const regency of regencies) {
      const { total } = await published(`{ metricSeries(metric: "tppo_prevention_activities", filter: { regionCode: "${regency}", ${range} }) { total { value suppressed } } }`);
      expect(total.suppressed).toBe(false);
      equations.push({ cells: ['2032', '2033'].map((year) => `${year}|${regency}`), value: Number(total.value) });
    }
    expect(equations).toHaveLength(4 + 2 + 1 + 5);

    expect(recoverByDifferencing(equations, shown, hidden)).toEqual({});
    // The control: had only the small cells been hidden, the same totals would give both away (NTT 2032: 31 - 20 - 8 = 3).
    const withComplementsShown = new Map([...shown, ['2032|53.02', 8], ['2033|53.71', 12]]);
    expect(recoverByDifferencing(equations, withComplementsShown, ['2032|53.71', '2033|53.02'])).toEqual({ '2032|53.71': 3, '2033|53.02': 2 });
  });

  it('cannot be undone with filters: a narrowed total hides what its wider table hides', async () => {
    const totalOf = async (filter: string) => {
      const answer = await server.gql(`{ metricSeries(metric: "tppo_prevention_activities", filter: { ${filter} }) { total { value suppressed suppression { rule } } } }`);
      expect(answer.errors).toBeUndefined();
      return answer.data.metricSeries.total;
    };
    const year2032 = 'from: "2032-01-01", to: "2032-12-31"';
    // 53.02's 8 is hidden in the regency table; asked for alone it would give 53.71's 3 away (31 - 20 - 8).
    expect(await totalOf(`regionCode: "53.02", ${year2032}`)).toEqual({ value: null, suppressed: true, suppression: { rule: 'COMPLEMENTARY' } });
    expect(await totalOf(`regionCodes: ["53.01", "53.02"], ${year2032}`)).toMatchObject({ value: null, suppressed: true });
    expect(await totalOf(`regionCodes: ["53.01", "53.71"], ${year2032}`)).toMatchObject({ value: null, suppressed: true });
    // 8 + 3 = 11 is NTT's 31 less the shown 20: nothing new, so it is shown.
    expect(await totalOf(`regionCodes: ["53.02", "53.71"], ${year2032}`)).toEqual({ value: '11', suppressed: false, suppression: null });
    // A narrower date range is a cut of the months: the first half of 2032 holds only June's 3.
    expect(await totalOf(`regionCode: "53.71", from: "2032-01-01", to: "2032-06-30"`)).toMatchObject({ value: null, suppression: { rule: 'BELOW_THRESHOLD' } });
    // 2032 alone is NTB's 55, shown; from June 2032 on, NTB adds 2033's 36: every part shown.
    expect(await totalOf(`regionCode: "52", ${year2032}`)).toEqual({ value: '55', suppressed: false, suppression: null });
    expect(await totalOf(`regionCode: "52", from: "2032-06-01"`)).toEqual({ value: '91', suppressed: false, suppression: null });

    const shown = new Map([
      ['2032|53.01', 20],
      ['2033|53.01', 25],
    ]);
    const hidden = ['2032|53.02', '2032|53.71', '2033|53.02', '2033|53.71'];
    const equations: Equation[] = [
      { cells: ['2032|53.01', '2032|53.02', '2032|53.71'], value: 31 },
      { cells: ['2033|53.01', '2033|53.02', '2033|53.71'], value: 39 },
      { cells: ['2032|53.02', '2032|53.71'], value: 11 },
      { cells: ['2032|53.02', '2033|53.02'], value: 10 },
      { cells: ['2032|53.71', '2033|53.71'], value: 15 },
    ];
    expect(recoverByDifferencing(equations, shown, hidden)).toEqual({});
    // The control: the filtered 8 shown on its own would have given the 3 away.
    expect(recoverByDifferencing([...equations, { cells: ['2032|53.02'], value: 8 }], shown, hidden)).toMatchObject({ '2032|53.71': 3 });
  });

  it('hides a small total, sorts hidden cells last, and shows everything to read:restricted', async () => {
    const small = await server.gql(
      `{ metricSeries(metric: "tppo_prevention_activities", filter: { regionCode: "53.71", from: "2032-01-01", to: "2032-12-31" }) { total { value suppressed suppression { rule } } } }`,
    );
    expect(small.data.metricSeries.total).toEqual({ value: null, suppressed: true, suppression: { rule: 'BELOW_THRESHOLD' } });
    const ordered = await server.gql(
      `{ metricSeries(metric: "tppo_prevention_activities", groupBy: ["regency"], filter: { from: "2032-01-01", to: "2032-12-31" }, orderBy: { by: VALUE, direction: ASC }) { rows { value } } }`,
    );
    expect(ordered.data.metricSeries.rows.map((r: any) => r.value)).toEqual(['15', '20', '40', null, null]);
    const full = await server.gql(byRegency, {}, reader);
    expect(full.data.metricSeries.rows.map((r: any) => [keyOf(r), r.value, r.suppressed])).toEqual(Object.entries(cells).map(([key, value]) => [key, String(value), false]));
    const table = await server.gql(
      `{ metricTable(metrics: ["tppo_prevention_activities", "passports_issued"], groupBy: ["regency"], filter: { from: "2032-01-01", to: "2032-12-31" }) { rows { regency { code } cells { value suppressed } } } }`,
    );
    expect(table.data.metricTable.rows.find((r: any) => r.regency.code === '53.71').cells).toEqual([{ value: null, suppressed: true }, null]);
  });

  it('keeps the hidden cells out of exports, which read the API', async () => {
    const http = await serveInProcess(server.database);
    try {
      const response = await fetch(`${http.url}/export/metric-series.csv?metric=tppo_prevention_activities&groupBy=regency&from=2032-01-01&to=2033-12-31`);
      expect(response.status).toBe(200);
      const lines = (await response.text())
        .trim()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(','));
      const values = Object.fromEntries(lines.map((cellsOfLine) => [`${cellsOfLine[0]}|${cellsOfLine[3]}`, cellsOfLine[4]]));
      expect(values).toEqual({
        ...Object.fromEntries(Object.entries(cells).map(([key, value]) => [key, String(value)])),
        '2032|53.71': '',
        '2032|53.02': '',
        '2033|53.02': '',
        '2033|53.71': '',
      });
    } finally {
      await http.close();
    }
  });

  it('is set by admins only, audited once per idempotency key, with a threshold of at least 1', async () => {
    const mark = (key: string | null, threshold = 5) =>
      server.gql(
        `mutation($t: Int) { setMetricSuppression(metric: "tppo_prevention_activities", sensitive: true, threshold: $t, idempotencyKey: "tppo-sensitive") { key } }`,
        { t: threshold },
        key,
      );
    expect((await mark(server.admin)).data).toEqual({ setMetricSuppression: { key: 'tppo_prevention_activities' } });
    expect(await server.database.prisma.auditEntry.count({ where: { action: 'metric.suppression' } })).toBe(1);
    expect((await mark(reader)).errors?.length).toBe(1);
    const zero = await mark(server.admin, 0);
    expect(zero.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'threshold' });
  });
});

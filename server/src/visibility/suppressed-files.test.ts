import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { seriesColumnRows } from '@pantau/schema';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { recoverByDifferencing } from '../analytics/differencing-attack.ts';
import { sdmxServer } from '../sdmx/sdmx-test-kit.ts';
import { campaignSlug, sensitiveMetric, writeSensitiveFigures } from './sensitive-fixture.ts';

const hashOf = (name: string) => [...loadPersistedOperations()].find(([, text]) => text.includes(`query ${name}(`))?.[0];
const range = { from: '2032-01-01', to: '2032-12-31' };
const series = `metric=${sensitiveMetric}&from=${range.from}&to=${range.to}`;
// Every file and widget below publishes NTT's 31 (or the national 86) with 53.01's 20 shown: 53.02 and 53.71 stay two unknowns.
const attack = (shown: Map<string, number>, totals: { cells: string[]; value: number }[]) => recoverByDifferencing(totals, shown, ['53.02', '53.71']);

describe.each(testDatabaseKinds)('suppression in files, pages and widget answers on %s', (kind) => {
  let sdmx: Awaited<ReturnType<typeof sdmxServer>>;
  let sourceKey = '';

  beforeAll(async () => {
    sdmx = await sdmxServer(kind);
    sourceKey = (await writeSensitiveFigures(sdmx.database)).source.key;
  }, 240_000);
  afterAll(() => sdmx?.close());

  const text = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sdmx.url}${path}`, { headers });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('writes the CSV with `suppressed` and the rule, the JSON with null values, and neither lets the hidden cells be worked out', async () => {
    const [head, ...rows] = (await text(`/export/metric-series.csv?${series}&groupBy=regency`))
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(head).toEqual(['period', 'period_start', 'period_end', 'regency', 'value', 'unit', 'suppressed', 'suppression_rule', 'is_lower_bound', 'synthetic', 'sources', 'as_of']);
    const pick = (row: string[]) => ['regency', 'value', 'suppressed', 'suppression_rule'].map((name) => row[head?.indexOf(name) ?? -1]);
    expect(rows.map(pick)).toEqual([
      ['52.01', '15', 'false', ''],
      ['52.71', '40', 'false', ''],
      ['53.01', '20', 'false', ''],
      ['53.02', '', 'true', 'COMPLEMENTARY'],
      ['53.71', '', 'true', 'BELOW_THRESHOLD'],
    ]);
    const json = JSON.parse(await text(`/export/metric-series.json?${series}&groupBy=province`));
    // 20 + 8 + 3 = 31 and 15 + 40 = 55: no province is a small count.
    expect(json.rows.map((r: any) => [r.province, r.value, r.suppressed])).toEqual([
      ['52', '55', false],
      ['53', '31', false],
    ]);
    expect(json.total).toMatchObject({ value: '86', suppressed: false, suppression: null });
    const shown = new Map(rows.filter((row) => row[6] === 'false').map((row) => [row[3] as string, Number(row[4])]));
    expect(attack(shown, [{ cells: ['53.01', '53.02', '53.71'], value: 31 }])).toEqual({});
  });

  it('writes SDMX-CSV with OBS_STATUS C and no OBS_VALUE for a hidden cell (CONF_STATUS C primary, D secondary), and ISO weeks with FREQ W', async () => {
    const [head, ...rows] = await sdmx.sdmxCsv(`${series}&groupBy=regency&granularity=WEEK`);
    const pick = (row: string[]) => ['FREQ', 'REF_AREA', 'TIME_PERIOD', 'OBS_VALUE', 'OBS_STATUS', 'CONF_STATUS'].map((name) => row[head?.indexOf(name) ?? -1]);
    // 1 June 2032 is a Tuesday: 2032 starts on a Thursday, so its week 1 began on Monday 29 December 2031 and 1 June is 155 days (22 weeks and a day) later.
    expect(rows.map(pick)).toEqual([
      ['W', '5201', '2032-W23', '15', 'A', 'F'],
      ['W', '5271', '2032-W23', '40', 'A', 'F'],
      ['W', '5301', '2032-W23', '20', 'A', 'F'],
      ['W', '5302', '2032-W23', '', 'C', 'D'],
      ['W', '5371', '2032-W23', '', 'C', 'C'],
    ]);
    // The seeded 2025 passports figure starts on Wednesday 1 January 2025, in ISO week 2025-W01 (30 December 2024 to 5 January 2025).
    const [passportsHead, ...passports] = await sdmx.sdmxCsv('metric=passports_issued&granularity=WEEK');
    expect(passports.map((row) => ['FREQ', 'TIME_PERIOD', 'OBS_VALUE', 'OBS_STATUS'].map((name) => row[passportsHead?.indexOf(name) ?? -1]))).toEqual([
      ['W', '2025-W01', '21363', 'A'],
    ]);
  });

  it('shows no figure of a sensitive metric on its source page, in either language', async () => {
    for (const [lang, words] of [
      ['en', 'suppressed: single figures of a sensitive metric are shown only in aggregate tables'],
      ['id', 'disembunyikan: angka tunggal indikator sensitif hanya tampil dalam tabel agregat'],
    ] as const) {
      const page = await text(`/sources/${encodeURIComponent(sourceKey)}?lang=${lang}`);
      const name = lang === 'en' ? 'Trafficking and smuggling prevention activities' : 'Kegiatan pencegahan TPPO/TPPM';
      const cells = [...page.matchAll(/<tr><td>([^<]*)<\/td><td>[^<]*<\/td><td class="num">([^<]*)<\/td>/g)].filter((m) => m[1] === name).map((m) => m[2]);
      expect(cells).toEqual([words, words, words, words, words]);
    }
  });

  it('answers the widgets’ persisted GETs suppressed, as any anonymous caller', async () => {
    const persisted = async (operation: string, variables: Record<string, unknown>) => {
      const url = new URL(`${sdmx.url}/graphql`);
      url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(operation) } }));
      url.searchParams.set('variables', JSON.stringify(variables));
      const response = await fetch(url, { headers: { 'x-pantau-client': 'suppression-test', accept: 'application/graphql-response+json' } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: any }).data;
    };
    const chart = await persisted('PantauMetricChart', { metric: sensitiveMetric, groupBy: ['regency'], filter: range });
    const chartRows = seriesColumnRows(chart.metricSeries);
    expect(chartRows.map((r) => [r.regency?.code, r.value])).toEqual([
      ['52.01', '15'],
      ['52.71', '40'],
      ['53.01', '20'],
      ['53.02', null],
      ['53.71', null],
    ]);
    expect(chart.metricSeries.total.value).toBe('86');
    const shown = new Map<string, number>(chartRows.filter((r) => r.value !== null).map((r) => [r.regency?.code ?? '', Number(r.value)]));
    expect(attack(shown, [{ cells: ['52.01', '52.71', '53.01', '53.02', '53.71'], value: 86 }])).toEqual({});

    const campaign = await persisted('PantauCampaignTotals', { slug: campaignSlug });
    const tppo = campaign.campaignTotals.metrics.find((m: any) => m.metric.key === sensitiveMetric);
    expect(tppo.value).toBe('46');
    expect(tppo.byRegion.map((p: any) => [p.region.code, p.value])).toEqual([
      ['52.01', '15'],
      ['53.01', '20'],
      ['53.02', null],
      ['53.71', null],
    ]);
  });
});

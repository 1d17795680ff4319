import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from './auth/api-keys.ts';
import { createPantauYoga } from './yoga.ts';
import { writeSensitiveFigures } from './visibility/sensitive-fixture.ts';

/** The analyst examples in the README (queries that open with a `#` title), exactly as printed there, keyed by that title. */
function readmeExamples(): Map<string, string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').filter((block) => block.startsWith('#'));
  return new Map(blocks.map((block) => [block.split('\n')[0]?.replace(/^#\s*/, '') ?? '', block]));
}

describe.each(testDatabaseKinds)('README example queries on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const examples = readmeExamples();

  async function run(titleStart: string) {
    const entry = [...examples].find(([title]) => title.startsWith(titleStart));
    if (!entry) throw new Error(`README has no example starting "# ${titleStart}"`);
    const response = await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: entry[1] }) });
    const result = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    expect(result.errors, entry[0]).toBeUndefined();
    return result.data as Record<string, any>;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    yoga = createPantauYoga(database);
  });
  afterAll(() => database.close());

  it('has nine examples, all of which run without errors', async () => {
    expect(examples.size).toBe(9);
    for (const title of examples.keys()) await run(title);
  });

  it('HBI ke-76: 20,000 seedlings, 5,000 sembako packages, at least 500 donors, each with its article', async () => {
    const { campaignTotals } = await run('Hari Bakti Imigrasi ke-76');
    const figures = Object.fromEntries(campaignTotals.metrics.map((m: any) => [m.metric.key, m]));
    expect(figures.coconut_seedlings).toMatchObject({ value: '20000', isLowerBound: false });
    expect(figures.sembako_packages).toMatchObject({ value: '5000', isLowerBound: false });
    expect(figures.blood_donors).toMatchObject({ value: '500', isLowerBound: true });
    for (const key of ['coconut_seedlings', 'sembako_packages', 'blood_donors']) {
      expect(figures[key].sources[0]).toMatchObject({ publisher: 'ANTARA', author: 'Fath Putra Mulya', dateline: 'Jakarta, Selasa, 20 Januari 2026' });
    }
  });

  it('NTT 2025: 7,150 ordinary and 14,213 electronic passports, 21,363 in all, with the article', async () => {
    const { metricSeries } = await run('NTT 2025');
    expect(metricSeries.rows.map((r: any) => [r.dimensions[0].value, r.value])).toEqual([
      ['electronic', '14213'],
      ['ordinary', '7150'],
    ]);
    expect(metricSeries.total.value).toBe('21363');
    expect(metricSeries.total.sources).toEqual([expect.objectContaining({ publisher: 'ANTARA', publishedOn: '2026-01-26' })]);
  });

  it('146 Pimpasa officers and 125 partner villages nationally, by metric and by coverage, with the article', async () => {
    const { pimpasa, villages } = await run('146 Pimpasa');
    expect(pimpasa.total).toMatchObject({ value: '146', sources: [expect.objectContaining({ publisher: 'ANTARA', publishedOn: '2024-11-04' })] });
    expect(villages.total).toMatchObject({ value: '125', sources: [expect.objectContaining({ publisher: 'ANTARA', publishedOn: '2024-11-04' })] });
    const { tppoCoverage } = await run('Desa Binaan and Pimpasa coverage');
    expect(tppoCoverage.national.reportedPartnerVillages.value).toBe('125');
    expect(tppoCoverage.national.reportedPimpasaOfficers.value).toBe('146');
    expect(tppoCoverage.national.reportedPimpasaOfficers.sources[0].claim).toMatch(/146 Pimpasa/);
    expect(tppoCoverage.national.priorityRegions).toEqual([{ name: 'Nusa Tenggara Timur' }]);
  });

  it('steered series: NTT’s 14,213 electronic then 7,150 ordinary passports, and the 146 Pimpasa officers beside no TPPO activity', async () => {
    const { metricSeries, metricTable } = await run('Passports by province and type in 2025');
    expect(metricSeries.rowCount).toBe(2);
    expect(metricSeries.rows.map((r: any) => [r.province.name, r.dimensions[0].value, r.value])).toEqual([
      ['Nusa Tenggara Timur', 'electronic', '14213'],
      ['Nusa Tenggara Timur', 'ordinary', '7150'],
    ]);
    // The one Pimpasa figure is national, reported by the directorate general in Jakarta (province 31), in 2024.
    expect(metricTable.rows).toEqual([{ period: '2024', province: { code: '31', name: expect.any(String) }, cells: [null, { value: '146', isLowerBound: false }] }]);
  });

  it('derived measures: 14,213 ÷ 21,363 and 7,150 ÷ 21,363 to six places, no 2024 figure, then 21,363 ÷ 25,000 once the target is set', async () => {
    const before = await run('NTT 2025 passports');
    expect(before.byType.rows.map((r: any) => [r.dimensions[0].value, r.shareOfTotal.value, r.runningTotal.value])).toEqual([
      ['electronic', '0.665309', '14213'],
      ['ordinary', '0.334691', '7150'],
    ]);
    expect(before.byType.rows[0].change).toEqual({
      absolute: null,
      percent: null,
      previousPeriod: '2024',
      reason: 'NO_PREVIOUS_PERIOD',
      reasonText: 'No figure for the previous period',
    });
    expect(before.year.rows[0].progress).toMatchObject({ ratio: null, reason: 'NO_TARGET' });
    const mutation = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').match(/```graphql\n(mutation \{\n {2}createTarget[\s\S]*?)```/)?.[1];
    const admin = (await createApiKey(database, { name: 'readme-admin', scopes: ['ADMIN'] })).secret;
    const created = await (
      await yoga.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: mutation }),
      })
    ).json();
    expect(created.data.createTarget.target.value).toBe('25000');
    const after = await run('NTT 2025 passports');
    expect(after.year.rows[0].progress).toMatchObject({ ratio: '0.85452', target: { value: '25000', source: { title: expect.any(String) } }, reason: null });
  });

  it('suppression: no seeded metric is sensitive, so nothing is suppressed', async () => {
    const { metrics, metricSeries } = await run('Which metrics are sensitive');
    expect(metrics.edges.length).toBeGreaterThan(10);
    expect(metrics.edges.every((e: any) => e.node.sensitive === false && e.node.suppressionThreshold === 10)).toBe(true);
    expect(metricSeries).toEqual({ rows: [], total: null });
  });

  it('suppression in every read path: with the TPPO figures marked sensitive (threshold 5), no single figure, and of NTT’s 20, 8 and 3 only the 20', async () => {
    // Runs last: it marks the metric sensitive and writes 2032 figures (see visibility/sensitive-fixture.ts).
    await writeSensitiveFigures(database);
    const { observations, campaignTotals, tppoCoverage } = await run('TPPO activities of a sensitive metric');
    expect(observations.edges.map((e: any) => [e.node.region.code, e.node.value, e.node.suppression.rule])).toEqual([
      ['53.01', null, 'SINGLE_OBSERVATION'],
      ['53.02', null, 'SINGLE_OBSERVATION'],
      ['53.71', null, 'BELOW_THRESHOLD'],
      ['52.01', null, 'SINGLE_OBSERVATION'],
      ['52.71', null, 'SINGLE_OBSERVATION'],
    ]);
    const tppo = campaignTotals.metrics.find((m: any) => m.metric.key === 'tppo_prevention_activities');
    expect([tppo.value, tppo.byRegion.map((p: any) => [p.region.code, p.value, p.suppression?.rule ?? null])]).toEqual([
      '46',
      [
        ['52.01', '15', null],
        ['53.01', '20', null],
        ['53.02', null, 'COMPLEMENTARY'],
        ['53.71', null, 'BELOW_THRESHOLD'],
      ],
    ]);
    const regencies = tppoCoverage.regions.filter((r: any) => r.tppoActivities.value !== '0');
    expect(regencies.map((r: any) => [r.region.code, r.tppoActivities.value, r.tppoActivities.suppression?.rule ?? null])).toEqual([
      ['53.01', '20', null],
      ['53.02', null, 'COMPLEMENTARY'],
      ['53.71', null, 'BELOW_THRESHOLD'],
    ]);
  });
});

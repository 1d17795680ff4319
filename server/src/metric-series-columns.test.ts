import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriesColumnRows, type MetricSeriesColumns } from '@pantau/schema';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';
import { graphqlClient } from './testing/graphql-client.ts';

const sourceFields = 'key publisher title publishedOn url kind';
const rowFields = `period value suppressed isLowerBound synthetic observationCount sources { ${sourceFields} }
  province { code name } regency { code name } region { code name }
  office { code nameId: name(lang: ID) nameEn: name(lang: EN) } program { key nameId: name(lang: ID) nameEn: name(lang: EN) }
  campaign { slug nameId: name(lang: ID) nameEn: name(lang: EN) } dimensions { key value labelId: label(lang: ID) labelEn: label(lang: EN) }`;
const both = `query ($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean) {
  metricSeries(metric: $metric, groupBy: $groupBy, granularity: $granularity, filter: $filter, includeSynthetic: $includeSynthetic) {
    rows { ${rowFields} }
    columns
    sources { ${sourceFields} }
  }
}`;

/** `MetricSeries.columns`: the same rows as `rows`, one array per field. */
describe.each(testDatabaseKinds)('a series as columns on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const { ok } = graphqlClient(() => yoga);
  const series = async (variables: Record<string, unknown>) => (await ok(both, variables)).metricSeries as { rows: unknown[]; columns: MetricSeriesColumns; sources: unknown[] };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    yoga = createPantauYoga(database);
  });
  afterAll(() => database.close());

  it('gives NTT’s passports of 2025 by type as the article states them: 7,150 ordinary and 14,213 electronic', async () => {
    const { columns, sources } = await series({ metric: 'passports_issued', groupBy: ['passport_type'], filter: { regionCode: '53', from: '2025-01-01', to: '2025-12-31' } });
    const rows = seriesColumnRows({ columns, sources: sources as { key: string }[] });
    expect(rows.map((row) => [row.period, row.dimensions.map((d) => [d.value, d.labelId, d.labelEn]), row.value])).toEqual([
      ['2025', [['electronic', 'Paspor elektronik', 'Electronic passport']], '14213'],
      ['2025', [['ordinary', 'Paspor biasa', 'Ordinary passport']], '7150'],
    ]);
    expect(rows.map((row) => row.sources.map((s) => s.key))).toEqual([['antara-20260126-ntt-passports-2025'], ['antara-20260126-ntt-passports-2025']]);
  });

  it.each([
    { metric: 'passports_issued', groupBy: ['province'], granularity: 'MONTH', includeSynthetic: true },
    { metric: 'passports_issued', groupBy: ['office', 'passport_type'], granularity: 'YEAR', includeSynthetic: true },
    { metric: 'sembako_packages', groupBy: ['program', 'campaign'], granularity: 'QUARTER', includeSynthetic: true },
    { metric: 'pimpasa_officers', groupBy: ['regency'], granularity: 'YEAR', includeSynthetic: true },
    { metric: 'coconut_seedlings', groupBy: ['region'], granularity: 'DAY', includeSynthetic: false },
    { metric: 'blood_donors', groupBy: [], granularity: 'YEAR', includeSynthetic: true },
  ])('holds the same rows as `rows` for $metric by $groupBy per $granularity', async (variables) => {
    const answer = await series(variables);
    expect(answer.rows.length).toBeGreaterThan(0);
    expect(answer.columns.count).toBe(answer.rows.length);
    expect(seriesColumnRows(answer)).toEqual(
      answer.rows.map((row) => ({ province: null, regency: null, region: null, office: null, program: null, campaign: null, ...(row as object) })),
    );
  });

  it('is several times smaller than the same rows as objects', async () => {
    const answer = await series({ metric: 'passports_issued', groupBy: ['province'], granularity: 'MONTH', includeSynthetic: true });
    const asRows = JSON.stringify(answer.rows).length;
    const asColumns = JSON.stringify({ columns: answer.columns, sources: answer.sources }).length;
    expect(asColumns * 3).toBeLessThan(asRows);
  });
});

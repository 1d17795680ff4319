import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';
import { querySeries, type Granularity, type SeriesQuery } from './series.ts';

// Quarter buckets truncate like months and years, and offices group like provinces: left out for time.
const groupings: string[][] = [[], ['province'], ['regency', 'passport_type']];
const granularities: Granularity[] = ['MONTH', 'YEAR', 'ALL'];

/**
 * The monthly rollup must answer exactly as the observations do, for every metric and aggregation
 * rule, and stay so through every kind of write: mutations, an import, plain SQL updates and deletes.
 */
describe.each(testDatabaseKinds)('monthly rollup on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 7);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'rollup-admin', scopes: ['ADMIN'] })).secret;
  });
  afterAll(() => database.close());

  /** Every metric, grouping and bucket, read both ways; returns how many answers were compared. */
  async function expectRollupExact(options: Pick<SeriesQuery, 'includeSynthetic' | 'includeUnpublished'>): Promise<number> {
    const metrics = await database.prisma.metric.findMany({ orderBy: { key: 'asc' } });
    let compared = 0;
    for (const metric of metrics) {
      for (const groupBy of groupings) {
        if (groupBy.includes('passport_type') && !metric.dimensions.includes('passport_type')) continue;
        for (const granularity of granularities) {
          const query: SeriesQuery = { metric, groupBy, granularity, filter: {}, ...options };
          const [raw, rollup] = await Promise.all([querySeries(database, { ...query, source: 'observations' }), querySeries(database, { ...query, source: 'rollup' })]);
          expect(rollup, `${metric.key} by ${groupBy.join('+') || 'nothing'} per ${granularity}`).toEqual(raw);
          compared += raw.length;
        }
      }
    }
    return compared;
  }

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  it('answers like the observations after the synthetic load, for every metric, grouping and bucket', async () => {
    expect(await expectRollupExact({ includeSynthetic: true })).toBeGreaterThan(1_000);
  }, 240_000);

  it('stays exact through creates, updates, deletes, publishing, an import and plain SQL', async () => {
    const input = { metric: 'passports_issued', value: '999', periodStart: '2025-03-31', periodEnd: '2025-04-02', officeCode: 'kanwil-ditjenim-ntt', regionCode: '53', source: 'antara-20260126-ntt-passports-2025', dimensions: [{ key: 'passport_type', value: 'ordinary' }] };
    const created = await gql(`mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }`, { input });
    const published = await gql(`mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }`, { input: { ...input, value: '5', published: true, periodStart: '2025-01-15', periodEnd: '2025-01-15' } });
    await gql(`mutation($id: ID!, $input: ObservationInput!) { updateObservation(id: $id, input: $input) { observation { id } } }`, { id: created.createObservation.observation.id, input: { ...input, value: '1000', periodStart: '2025-05-01', periodEnd: '2025-05-31' } });
    await gql(`mutation($id: ID!) { deleteObservation(id: $id) { deletedId } }`, { id: published.createObservation.observation.id });
    await gql(`mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`, { ids: [created.createObservation.observation.id] });

    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($file: File!) { importObservations(file: $file, publish: true) { inserted rejectedCount } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    const rows = Array.from({ length: 300 }, (_, i) => `tppo_prevention_activities,${i % 7},2024-${String((i % 12) + 1).padStart(2, '0')}-10,2024-${String((i % 12) + 1).padStart(2, '0')}-20,kanwil-ditjenim-ntt,53,antara-20241104-ntt-tppo-priority`);
    form.append('0', new File([['metric,value,period_start,period_end,office_code,region_code,source', ...rows].join('\n')], 'tppo.csv', { type: 'text/csv' }));
    const imported = await (await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'x-pantau-client': 'rollup-test' }, body: form })).json();
    expect(imported).toEqual({ data: { importObservations: { inserted: 300, rejectedCount: 0 } } });

    await database.sql.run(async (sql) => {
      await sql.exec(`UPDATE observation SET value = value + 1 WHERE id % 97 = 0`);
      await sql.exec(`UPDATE observation SET period_start = period_start - 40, period_end = period_end - 40 WHERE id % 89 = 0`);
      await sql.exec(`DELETE FROM observation WHERE id % 101 = 0`);
    });
    await expectRollupExact({ includeSynthetic: true, includeUnpublished: true });
    await expectRollupExact({ includeSynthetic: false });
  }, 240_000);
});

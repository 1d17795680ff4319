import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';
import { expectRollupsExact, expectRollupsMatchRebuild } from './rollup-exactness-kit.ts';

const create = `mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }`;
const passports = {
  metric: 'passports_issued',
  value: '999',
  periodStart: '2025-03-31',
  periodEnd: '2025-04-02',
  officeCode: 'kanwil-ditjenim-ntt',
  regionCode: '53',
  source: 'antara-20260126-ntt-passports-2025',
  dimensions: [{ key: 'passport_type', value: 'ordinary' }],
};
// LATEST figures, one spanning into April 2025, one unpublished: the series rollups recompute their series-months.
const officers = {
  metric: 'pimpasa_officers',
  periodStart: '2025-03-15',
  periodEnd: '2025-04-15',
  officeCode: 'kanwil-ditjenim-ntt',
  regionCode: '53',
  source: 'antara-20241104-ntt-tppo-priority',
};

// Each check rebuilds every rollup (about a second on PGlite on an idle machine, far more on a shared one).
/**
 * The rollups stay exact through every kind of write: mutations (create, update, delete, publish), an
 * import, plain SQL, and an office that moves or changes type. After each, what the triggers kept must
 * be row for row what a rebuild from the observations holds (one statement per rollup); at the end
 * every rollup is compared with the observations again, unpublished figures included.
 */
describe.each(testDatabaseKinds)('rollups through writes on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 7);
    yoga = createPantauYoga(database, { log: { error: (...args: unknown[]) => console.error(...args) } });
    admin = (await createApiKey(database, { name: 'rollup-admin', scopes: ['ADMIN'] })).secret;
  }, 240_000);
  afterAll(() => database.close());

  async function gql(query: string, variables: Record<string, unknown> = {}) {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  let created: string;
  it('after creates of sums, spanning periods and LATEST figures, published or not', async () => {
    created = (await gql(create, { input: passports })).createObservation.observation.id;
    await gql(create, { input: { ...officers, value: '40', published: true } });
    await gql(create, { input: { ...officers, value: '41', periodStart: '2025-04-10', periodEnd: '2025-04-20' } });
    await expectRollupsMatchRebuild(database, 'creates');
  }, 300_000);

  it('after an update, a delete and publishing', async () => {
    const published = (await gql(create, { input: { ...passports, value: '5', published: true, periodStart: '2025-01-15', periodEnd: '2025-01-15' } })).createObservation
      .observation.id;
    await gql(`mutation($id: ID!, $input: ObservationInput!) { updateObservation(id: $id, input: $input) { observation { id } } }`, {
      id: created,
      input: { ...passports, value: '1000', periodStart: '2025-05-01', periodEnd: '2025-05-31' },
    });
    await expectRollupsMatchRebuild(database, 'an update');
    await gql(`mutation($id: ID!) { deleteObservation(id: $id) { deletedId } }`, { id: published });
    await expectRollupsMatchRebuild(database, 'a delete');
    await gql(`mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`, { ids: [created] });
    await expectRollupsMatchRebuild(database, 'publishing');
  }, 300_000);

  it('after an import', async () => {
    const form = new FormData();
    form.append(
      'operations',
      JSON.stringify({ query: 'mutation($file: File!) { importObservations(file: $file, publish: true) { inserted rejectedCount } }', variables: { file: null } }),
    );
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    const month = (i: number) => String((i % 12) + 1).padStart(2, '0');
    const rows = Array.from(
      { length: 300 },
      // Each row its own period (a natural key stored twice is refused): the day moves with each round of months.
      (_, i) =>
        `tppo_prevention_activities,${i % 7},2024-${month(i)}-${String(1 + Math.floor(i / 12)).padStart(2, '0')},2024-${month(i)}-28,kanwil-ditjenim-ntt,53,antara-20241104-ntt-tppo-priority`,
    );
    const officerRows = Array.from(
      { length: 250 },
      (_, i) =>
        `pimpasa_officers,${i % 5},2023-${month(i)}-${String(1 + Math.floor(i / 12)).padStart(2, '0')},2023-${month(i)}-28,kanwil-ditjenim-ntt,53,antara-20241104-ntt-tppo-priority`,
    );
    const csv = ['metric,value,period_start,period_end,office_code,region_code,source', ...rows, ...officerRows].join('\n');
    form.append('0', new File([csv], 'tppo.csv', { type: 'text/csv' }));
    const imported = await (
      await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'x-pantau-client': 'rollup-test' }, body: form })
    ).json();
    expect(imported.data).toEqual({ importObservations: { inserted: 550, rejectedCount: 0 } });
    await expectRollupsMatchRebuild(database, 'an import');
  }, 300_000);

  it('after plain SQL: values, periods and visibility changed, rows deleted, offices moved and retyped', async () => {
    const steps = [
      ['values changed', `UPDATE observation SET value = value + 1 WHERE id % 97 = 0`],
      ['periods moved', `UPDATE observation SET period_start = period_start - 40, period_end = period_end - 40 WHERE id % 89 = 0`],
      ['unpublished', `UPDATE observation SET published = false WHERE id % 83 = 0`],
      ['rows deleted', `DELETE FROM observation WHERE id % 101 = 0`],
      [
        'an office moved',
        `UPDATE office SET region_code = '53.71' WHERE id = (SELECT min(office_id) FROM observation o JOIN metric m ON m.id = o.metric_id WHERE m.key = 'pimpasa_officers' AND o.synthetic AND o.region_code IS NULL)`,
      ],
      ['an office retyped', `UPDATE office SET type = 'IMMIGRATION_DETENTION_CENTER' WHERE id = (SELECT min(office_id) FROM observation WHERE synthetic)`],
    ] as const;
    for (const [what, statement] of steps) {
      await database.sql.run((sql) => sql.exec(statement));
      await expectRollupsMatchRebuild(database, what);
    }
  }, 300_000);

  it('answers like the observations after all of them, unpublished figures included', async () => {
    await expectRollupsExact(database, { includeSynthetic: true, includeUnpublished: true });
  }, 600_000);
});

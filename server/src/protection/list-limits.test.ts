import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { defaultLimits } from './limits.ts';
import { listenForTest, type TestServer } from './test-server.ts';

type Answer = { status: number; data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
const observationId = (n: number) => Buffer.from(`Observation:${n}`).toString('base64');

/** Every list input has a maximum, whether written in the document or sent as a variable, and counts in the cost. */
describe.each(testDatabaseKinds)('bounded list inputs on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000 } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  /** How many SQL statements `work` sends: a refusal before execution sends none. */
  async function statementsOf<T>(work: () => Promise<T>): Promise<[T, number]> {
    let statements = 0;
    const stop = database.observeQueries(() => void (statements += 1));
    try {
      return [await work(), statements];
    } finally {
      stop();
    }
  }

  it('refuses 50,000 ids to nodes() before any SQL, as a variable or written out', async () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => observationId(i + 1));
    const [refused, statements] = await statementsOf(() => gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids }));
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]).toMatchObject({ message: 'Argument `ids` takes at most 500 items (got 50000)', extensions: { argument: 'ids', maxItems: 500 } });
    expect(statements).toBe(0);
    const literal = await gql(`{ nodes(ids: [${Array.from({ length: 501 }, (_, i) => `"${observationId(i + 1)}"`).join(',')}]) { id } }`);
    expect(literal.errors?.[0]?.message).toBe('Argument `ids` takes at most 500 items (got 501)');
    // 500 is allowed (the seeded figure 1, asked 500 times).
    expect((await gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 500 }, () => observationId(1)) })).status).toBe(200);
  });

  it('counts each id of nodes() in the cost, like a page of `first` items', async () => {
    const selection =
      '... on Observation { id value periodStart metric { key name } office { code name region { name } } sources { key } campaign { slug name } program { key name } }';
    // Armor's weights: scalars 1, objects 2 plus 1.5 × their fields. Per observation:
    // 3 scalars + metric 5 + office (2 + 1.5 × (1 + 1 + 3.5)) 10.25 + sources 3.5 + campaign 5 + program 5 = 31.75,
    // so nodes costs (2 + 1.5 × 31.75) × the number of ids.
    const costFor = (count: number) => (2 + 1.5 * 31.75) * count;
    expect(costFor(500)).toBeGreaterThan(20_000);
    const refused = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids: Array.from({ length: 500 }, (_, i) => observationId(i + 1)) });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toBe(`Query cost limit of 20000 exceeded, found ${Math.round(costFor(500))}.`);
    expect((await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ${selection} } }`, { ids: Array.from({ length: 100 }, () => observationId(1)) })).status).toBe(200);
  });

  it('counts `first` sent as a variable in the cost, as when written out', async () => {
    const offices = 'offices(first: $n) { edges { node { code name(lang: EN) nameId: name region { code name } parent { code name } } } }';
    // node: 3 scalars + region 5 + parent 5 = 13, so 2 + 1.5 × 13 = 21.5; edges 2 + 1.5 × 21.5 = 34.25;
    // offices (2 + 1.5 × 34.25) × 500 = 26,687.5.
    const refused = await gql(`query($n: Int) { ${offices} }`, { n: 500 });
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toBe('Query cost limit of 20000 exceeded, found 26688.');
    expect((await gql(`query($n: Int) { ${offices} }`, { n: 300 })).status).toBe(200);
  });

  it('refuses more groupings or dimension filters than stated, naming the argument', async () => {
    const series = 'query($groupBy: [String!], $filter: SeriesFilter) { metricSeries(metric: "passports_issued", groupBy: $groupBy, filter: $filter) { groupBy } }';
    const groupBy = await gql(series, { groupBy: Array.from({ length: 11 }, () => 'passport_type') });
    expect(groupBy.status).toBe(400);
    expect(groupBy.errors?.[0]).toMatchObject({ message: 'Argument `groupBy` takes at most 10 items (got 11)', extensions: { argument: 'groupBy', maxItems: 10 } });
    const dimensions = Array.from({ length: 21 }, (_, i) => ({ key: 'passport_type', value: `v${i}` }));
    const filter = await gql(series, { filter: { dimensions } });
    expect(filter.errors?.[0]).toMatchObject({ message: 'Argument `filter.dimensions` takes at most 20 items (got 21)', extensions: { argument: 'filter.dimensions' } });
    // A variable inside a written-out input object is counted too.
    const nested = await gql('query($d: [DimensionFilter!]) { metricSeries(metric: "passports_issued", filter: { dimensions: $d }) { groupBy } }', { d: dimensions });
    expect(nested.errors?.[0]?.extensions?.argument).toBe('filter.dimensions');
    expect((await gql(series, { groupBy: ['passport_type'], filter: { dimensions: dimensions.slice(0, 20) } })).status).toBe(200);
  });

  it('answers an export with 150 groupings or a repeated parameter with a 400 naming it, not a 500', async () => {
    const many = await fetch(`${server.url}/export/metric-series.csv?metric=passports_issued&groupBy=${Array.from({ length: 150 }, (_, i) => `g${i}`).join(',')}`);
    expect(many.status).toBe(400);
    expect(((await many.json()) as Answer).errors?.[0]).toMatchObject({ message: 'Argument `groupBy` takes at most 10 items (got 150)', extensions: { argument: 'groupBy' } });
    const repeated = await fetch(`${server.url}/export/metric-series.json?metric=passports_issued&groupBy=province&groupBy=passport_type`);
    expect(repeated.status).toBe(400);
    expect(((await repeated.json()) as Answer).errors?.[0]).toMatchObject({
      message: 'The `groupBy` query parameter may be given only once (got 2): list the groupings comma-separated, e.g. groupBy=province,passport_type',
      extensions: { argument: 'groupBy' },
    });
    expect((await fetch(`${server.url}/export/metric-series.csv?metric=passports_issued&metric=visas`)).status).toBe(400);
  });

  it('refuses variables the operation does not declare, on POST as on GET', async () => {
    const junk = await gql('query($n: Int) { metrics(first: $n) { totalCount } }', { n: 1, padding: 'x'.repeat(1000) });
    expect(junk.status).toBe(400);
    expect(junk.errors?.[0]).toMatchObject({
      message: 'Variable "$padding" is not declared by the operation: send only the variables it declares',
      extensions: { variable: 'padding' },
    });
    expect((await gql('query($n: Int) { metrics(first: $n) { totalCount } }', { n: 1 })).status).toBe(200);
  });
});

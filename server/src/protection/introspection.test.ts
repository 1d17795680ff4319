import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { defaultLimits } from './limits.ts';
import { createPantauYoga } from '../yoga.ts';

type Answer = { status: number; data?: any; errors?: { message: string }[] };

/** With anonymous introspection off, nothing in an answer to an anonymous caller names the schema. */
describe.each(testDatabaseKinds)('introspection off on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  let key: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    key = (await createApiKey(database, { name: 'analyst', scopes: ['READ_RESTRICTED'] })).secret;
    yoga = createPantauYoga(database, { log: { error: () => undefined }, limits: { ...defaultLimits, anonymousIntrospection: false, rateLimitBurst: 100_000 } });
  });
  afterAll(() => database?.close());

  async function gql(query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Answer> {
    const response = await yoga.fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }
  const messages = (answer: Answer) => answer.errors?.map((error) => error.message) ?? [];

  const probes: [string, string, Record<string, unknown>][] = [
    ['field', '{ metricz(first: 1) { totalCount } }', {}],
    ['argument', '{ offices(frist: 1) { totalCount } }', {}],
    ['type', 'query($f: SeriesFiltr) { metrics(first: 1) { totalCount } }', {}],
    ['enum value in the document', '{ metricSeries(metric: "passports_issued", granularity: YEARS) { groupBy } }', {}],
    ['enum value in a variable', 'query($g: Granularity) { metricSeries(metric: "passports_issued", granularity: $g) { groupBy } }', { g: 'YEARS' }],
    ['input field in a variable', 'query($f: SeriesFilter) { metricSeries(metric: "passports_issued", filter: $f) { groupBy } }', { f: { regionCod: '53' } }],
  ];

  it.each(probes)('suggests no %s name to anonymous callers, or to a made-up key, but does to keyed ones', async (_, query, variables) => {
    const anonymous = await gql(query, variables);
    expect(anonymous.status).toBe(400);
    expect(messages(anonymous).length).toBeGreaterThan(0);
    for (const message of messages(anonymous)) expect(message).not.toMatch(/Did you mean/);
    for (const message of messages(await gql(query, variables, `Bearer pantau_${'q'.repeat(43)}`))) expect(message).not.toMatch(/Did you mean/);
    expect(messages(await gql(query, variables, `Bearer ${key}`)).join(' ')).toMatch(/Did you mean/);
  });

  it('refuses __schema and __type to anonymous callers', async () => {
    expect((await gql('{ __schema { queryType { name } } }')).status).toBe(400);
    expect((await gql('{ __type(name: "Query") { name } }')).status).toBe(400);
  });

  it("limits introspection depth, with room for GraphiQL's own introspection query", async () => {
    const graphiql = await gql(getIntrospectionQuery({ inputValueDeprecation: true, descriptions: true }), {}, `Bearer ${key}`);
    expect(graphiql.status).toBe(200);
    expect(graphiql.data?.__schema.queryType.name).toBe('Query');
    // __schema, types, fields, type, 17 ofType and name: 22 fields deep, over the 20 allowed.
    const deep = `{ __schema { types { fields { type { ${'ofType { '.repeat(17)}name${' }'.repeat(17)} } } } } }`;
    const refused = await gql(deep, {}, `Bearer ${key}`);
    expect(refused.status).toBe(400);
    expect(messages(refused)).toEqual(['Syntax Error: Introspection depth limit of 20 exceeded.']);
  });

  it('counts __typename aliases toward the alias limit', async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect((await gql(aliases(30))).status).toBe(200);
    const refused = await gql(aliases(31));
    expect(refused.status).toBe(400);
    expect(messages(refused)).toEqual(['Syntax Error: Aliases limit of 30 exceeded, found 31.']);
  });
});

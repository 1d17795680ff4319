import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, loadSynthetic, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from './yoga.ts';
import { graphqlClient } from './testing/graphql-client.ts';

/**
 * Nested lists load in a fixed number of statements whatever the page size, on the seeded articles
 * plus the flagged `small` synthetic set (which gives the hundreds of offices the bound needs).
 */
describe.each(testDatabaseKinds)('GraphQL batching on %s', (kind) => {
  let database: TestDatabase;
  let yoga: ReturnType<typeof createPantauYoga>;
  const logged: unknown[][] = [];

  const { query } = graphqlClient(() => yoga);

  const nodesOf = (connection: { edges: { node: any }[] }) => connection.edges.map((edge) => edge.node);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await loadSynthetic(database, 'small', 1);
    yoga = createPantauYoga(database, { trace: true, log: { error: (...args: unknown[]) => logged.push(args) } });
  });
  afterAll(() => database.close());

  const threeLevels = `query($first: Int!) {
    offices(first: $first, filter: { includeSynthetic: true }) {
      edges { node { code region { name province { name } } observations(limit: 3, includeSynthetic: true) { value metric { key } sources { key } } } }
    }
  }`;

  // Offices page (2: rows and count), regions (1), provinces (1), observations (2: ranking, rows),
  // metrics (1), sources (1), corroborations (1): 9 whatever the page size; 12 leaves room for a
  // loader split by the scheduler, and is still far below one statement per row.
  const STATEMENT_BOUND = 12;

  it(`answers 10 and 100 offices with their regions and observations in the same number of statements, at most ${STATEMENT_BOUND}`, async () => {
    const ten = await query(threeLevels, { first: 10 });
    const hundred = await query(threeLevels, { first: 100 });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(ten.data?.offices.edges).toHaveLength(10);
    expect(hundred.data?.offices.edges).toHaveLength(100);
    const observationsShown = nodesOf(hundred.data?.offices).reduce((sum: number, office: any) => sum + office.observations.length, 0);
    expect(observationsShown).toBeGreaterThan(100);
    expect(hundred.extensions?.trace.sqlStatements).toBe(ten.extensions?.trace.sqlStatements);
    expect(hundred.extensions?.trace.sqlStatements).toBeLessThanOrEqual(STATEMENT_BOUND);
    expect(hundred.extensions?.trace.dbTimeMs).toBeGreaterThan(0);
  });

  it('loads campaign programs and participants in one statement each, whatever the number of campaigns', async () => {
    const document = `query($first: Int!) { campaigns(first: $first, filter: { includeSynthetic: true }) { edges { node { slug programs { key } participatingOffices { code } participatingRegions { code } } } } }`;
    const one = await query(document, { first: 1 });
    const all = await query(document, { first: 50 });
    expect(nodesOf(all.data?.campaigns).length).toBeGreaterThan(1);
    expect(nodesOf(all.data?.campaigns).some((c: any) => c.programs.length > 0 && c.participatingOffices.length > 0)).toBe(true);
    expect(all.extensions?.trace.sqlStatements).toBe(one.extensions?.trace.sqlStatements);
  });
});

import { createTestDatabase, prepareDatabase, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '../auth/api-keys.ts';
import { createPantauYoga } from '../yoga.ts';

/** One figure to write: a day or a [start, end] period, a region, and optional dimensions. */
export interface Figure {
  metric: string;
  value: string;
  period: string | [string, string];
  region: string;
  dimensions?: Record<string, string>;
  lowerBound?: boolean;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A seeded database with an admin key and GraphQL over `yoga.fetch`, for the analyst tests. */
export async function analystServer(kind: Parameters<typeof createTestDatabase>[0]) {
  const database: TestDatabase = await createTestDatabase(kind);
  await prepareDatabase(database);
  const yoga = createPantauYoga(database, { trace: true });
  const admin = (await createApiKey(database, { name: 'analyst-admin', scopes: ['ADMIN'] })).secret;

  async function gql(query: string, variables: Record<string, unknown> = {}, key: string | null = null) {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
    const response = await yoga.fetch('http://pantau.test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    // The tests check the answers' shape with their expectations, as the other GraphQL tests do.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Answer = { data?: any; errors?: { message: string; extensions?: any }[]; extensions?: any };
    return { status: response.status, ...((await response.json()) as Answer) };
  }

  /** Published, real (not synthetic) figures citing the first seeded source. */
  async function write(figures: readonly Figure[]) {
    const metrics = new Map((await database.prisma.metric.findMany()).map((m) => [m.key, m.id]));
    const source = await database.prisma.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    await database.prisma.observation.createMany({
      data: figures.map((f) => {
        const [start, end] = typeof f.period === 'string' ? [f.period, f.period] : f.period;
        return {
          metricId: metrics.get(f.metric) ?? 0,
          value: f.value,
          periodStart: day(start),
          periodEnd: day(end),
          regionCode: f.region,
          dimensions: f.dimensions ?? {},
          isLowerBound: f.lowerBound ?? false,
          sourceId: source.id,
          published: true,
          synthetic: false,
        };
      }),
    });
    return source;
  }

  return { database, yoga, admin, gql, write };
}

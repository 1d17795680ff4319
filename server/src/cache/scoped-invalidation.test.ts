import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { manualClock } from '../protection/test-server.ts';
import { createPantauYoga } from '../yoga.ts';
import { createPersistedGetCache } from './persisted-get.ts';

const [chartHash] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauMetricChart')) ?? [];
const widgetHeaders = { 'x-pantau-client': 'cache-test', accept: 'application/graphql-response+json' };

interface Chart {
  status: number;
  cache: string | null;
  total: string;
}

/** A persisted-GET cache in front of Yoga on a real port; `background` lets a test hold revalidations back. */
async function serve(database: TestDatabase, options: { staleSeconds?: number; clock?: () => number; holdBackground?: Promise<void> } = {}) {
  const yoga = createPantauYoga(database, { log: { error: () => undefined } });
  const backgroundPaths: string[] = [];
  const persistedGets = await createPersistedGetCache(database, (request, context) => Promise.resolve(yoga.fetch(request, context)), {
    maxAgeSeconds: 600,
    ...(options.staleSeconds !== undefined ? { staleSeconds: options.staleSeconds } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    background: async (request, context) => {
      backgroundPaths.push(new URL(request.url).searchParams.get('variables') ?? '');
      await options.holdBackground;
      return yoga.fetch(request, context);
    },
  });
  const server = createServer((request, response) => void persistedGets.handle(request, response, new URL(request.url ?? '/', 'http://localhost')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    persistedGets,
    backgroundPaths,
    async chart(variables: Record<string, unknown>): Promise<Chart> {
      const url = new URL(`${base}/graphql`);
      url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chartHash } }));
      url.searchParams.set('variables', JSON.stringify(variables));
      const answer = await fetch(url, { headers: widgetHeaders });
      const body = (await answer.json()) as { data: { metricSeries: { total: { value: string } } } };
      return { status: answer.status, cache: answer.headers.get('x-pantau-cache'), total: body.data.metricSeries.total.value };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persistedGets.stop();
    },
  };
}

describe.each(testDatabaseKinds)('scoped invalidation, stale-while-revalidate and recomputation ahead on %s', (kind) => {
  let database: TestDatabase;
  /** Adds a published figure, as an admin's publish would leave it, and resolves once the change was announced and handled. */
  let addPassports: (value: number, regionCode: string, cache: Awaited<ReturnType<typeof serve>>) => Promise<string[]>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    const metric = await database.prisma.metric.findUniqueOrThrow({ where: { key: 'passports_issued' } });
    const source = await database.prisma.source.findFirstOrThrow({ where: { key: 'pantau-province-capitals' } });
    // Each figure on a March day of its own (one figure per natural key); the month's total counts them all.
    let day = 0;
    addPassports = async (value, regionCode, { persistedGets }) => {
      const invalidated = once(persistedGets.events, 'invalidated') as Promise<[string[]]>;
      const date = new Date(Date.UTC(2025, 2, (day += 1)));
      await database.prisma.observation.create({
        data: { metricId: metric.id, value: String(value), periodStart: date, periodEnd: date, regionCode, sourceId: source.id },
      });
      const [keys] = await invalidated;
      return keys;
    };
  }, 120_000);
  afterAll(() => database?.close());

  it('a figure for one metric leaves the other metric cached and refreshes its own metric ahead of the next visitor', async () => {
    const cache = await serve(database);
    try {
      const passports = { metric: 'passports_issued' };
      const donors = { metric: 'blood_donors' };
      const before = await cache.chart(passports);
      const donorsBefore = await cache.chart(donors);
      expect([before.cache, donorsBefore.cache]).toEqual(['miss', 'miss']);
      const keys = await addPassports(1_000, '53', cache);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toContain('passports_issued');
      await cache.persistedGets.idle();
      // Recomputed ahead: only the passports answer went to the database again.
      expect(cache.backgroundPaths).toEqual([JSON.stringify(passports)]);
      const after = await cache.chart(passports);
      expect(after.cache).toBe('hit');
      expect(Number(after.total)).toBe(Number(before.total) + 1_000);
      const donorsAfter = await cache.chart(donors);
      expect(donorsAfter).toEqual({ ...donorsBefore, cache: 'hit' });
    } finally {
      await cache.close();
    }
  });

  it('a figure in NTT leaves a chart of the same metric filtered to Jakarta cached', async () => {
    const cache = await serve(database);
    try {
      const jakarta = { metric: 'passports_issued', filter: { regionCode: '31' } };
      const everywhere = { metric: 'passports_issued' };
      expect(await addPassports(3, '31', cache)).toEqual([]);
      const jakartaBefore = await cache.chart(jakarta);
      expect(jakartaBefore.total).toBe('3');
      const everywhereBefore = await cache.chart(everywhere);
      const keys = await addPassports(7, '53.71', cache);
      expect(keys).toEqual([expect.stringContaining('"metric":"passports_issued"}')]);
      await cache.persistedGets.idle();
      expect(await cache.chart(jakarta)).toEqual({ ...jakartaBefore, cache: 'hit' });
      expect(Number((await cache.chart(everywhere)).total)).toBe(Number(everywhereBefore.total) + 7);
    } finally {
      await cache.close();
    }
  });

  it('serves the old answer, marked stale, while the new one is computed, and for no longer than staleSeconds', async () => {
    const clock = manualClock(1_000_000);
    let releaseBackground: () => void = () => undefined;
    const holdBackground = new Promise<void>((resolve) => (releaseBackground = resolve));
    const cache = await serve(database, { staleSeconds: 5, clock: clock.now, holdBackground });
    try {
      const passports = { metric: 'passports_issued' };
      const before = await cache.chart(passports);
      await addPassports(50, '53', cache);
      // The recomputation ahead is held back: visitors get the old answer at once, marked stale.
      const stale = await cache.chart(passports);
      expect(stale).toEqual({ ...before, cache: 'stale' });
      expect(cache.persistedGets.recomputationsPending).toBe(1);
      clock.advance(5_000);
      expect((await cache.chart(passports)).cache).toBe('stale');
      // Past the bound the old answer is gone: this visitor gets the new one (here, the computation already under way).
      clock.advance(1);
      const waiting = cache.chart(passports);
      releaseBackground();
      const fresh = await waiting;
      expect(fresh.cache).toBe('hit');
      expect(Number(fresh.total)).toBe(Number(before.total) + 50);
      await cache.persistedGets.idle();
      expect(cache.persistedGets.recomputationsPending).toBe(0);
      expect(await cache.chart(passports)).toEqual(fresh);
    } finally {
      releaseBackground();
      await cache.close();
    }
  });
});

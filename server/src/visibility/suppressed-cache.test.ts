import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { seriesColumnRows, type MetricSeriesColumns } from '@pantau/schema';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { createApiKey } from '../auth/api-keys.ts';
import { createPersistedGetCache } from '../cache/persisted-get.ts';
import { createPantauYoga } from '../yoga.ts';
import { sensitiveMetric, writeSensitiveFigures } from './sensitive-fixture.ts';

const [chartHash] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauMetricChart')) ?? [];

describe.each(testDatabaseKinds)('a widget answer cached before its metric turned sensitive on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    await writeSensitiveFigures(database);
    await database.prisma.metric.update({ where: { key: sensitiveMetric }, data: { sensitive: false } });
  }, 240_000);
  afterAll(() => database?.close());

  it('is dropped, not served stale, once an admin marks the metric sensitive', async () => {
    const yoga = createPantauYoga(database, { log: { error: () => undefined } });
    // Recomputations wait until released, so the answer asked right after the change is the cache's own choice: stale or dropped.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const persistedGets = await createPersistedGetCache(database, (request, context) => Promise.resolve(yoga.fetch(request, context)), {
      maxAgeSeconds: 600,
      staleSeconds: 600,
      background: async (request, context) => {
        await held;
        return yoga.fetch(request, context);
      },
    });
    const server = createServer((request, response) => void persistedGets.handle(request, response, new URL(request.url ?? '/', 'http://localhost')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chartHash } }));
    url.searchParams.set('variables', JSON.stringify({ metric: sensitiveMetric, groupBy: ['regency'], filter: { regionCode: '53', from: '2032-01-01', to: '2032-12-31' } }));
    const chart = async () => {
      const answer = await fetch(url, { headers: { 'x-pantau-client': 'suppression-test', accept: 'application/graphql-response+json' } });
      const body = (await answer.json()) as { data: { metricSeries: { columns: MetricSeriesColumns; sources: unknown[] } } };
      return { cache: answer.headers.get('x-pantau-cache'), values: seriesColumnRows(body.data.metricSeries).map((r) => [r.regency?.code, r.value]) };
    };
    try {
      await chart();
      expect(await chart()).toEqual({
        cache: 'hit',
        values: [
          ['53.01', '20'],
          ['53.02', '8'],
          ['53.71', '3'],
        ],
      });
      const admin = (await createApiKey(database, { name: 'cache-admin', scopes: ['ADMIN'] })).secret;
      const invalidated = once(persistedGets.events, 'invalidated');
      const marked = await yoga.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: `mutation { setMetricSuppression(metric: "${sensitiveMetric}", sensitive: true, threshold: 5) { sensitive } }` }),
      });
      expect(((await marked.json()) as { data: unknown }).data).toEqual({ setMetricSuppression: { sensitive: true } });
      await invalidated;
      const after = chart();
      release();
      // 3 is below 5; NTT's 31 would give it away from 20 and 8, so the 8 goes too.
      expect((await after).values).toEqual([
        ['53.01', '20'],
        ['53.02', null],
        ['53.71', null],
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persistedGets.stop();
    }
  });
});

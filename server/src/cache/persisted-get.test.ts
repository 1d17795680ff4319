import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { defaultLimits } from '../protection/limits.ts';
import { listenForTest, manualClock } from '../protection/test-server.ts';
import { createPantauYoga } from '../yoga.ts';
import { createPersistedGetCache } from './persisted-get.ts';
import { ResponseCache } from './response-cache.ts';

const [chartHash] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauMetricChart')) ?? [];

function chartUrl(base: string, variables: Record<string, unknown>): URL {
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chartHash } }));
  url.searchParams.set('variables', JSON.stringify(variables));
  return url;
}
const anything = { metrics: null, provinces: null, campaigns: null };
const widgetHeaders = { 'x-pantau-client': 'cache-test', accept: 'application/graphql-response+json' };

describe('the answer cache holds a bounded number of bytes', () => {
  it('forgets the least recently used answers once the bytes are spent, and never stores one over the budget', () => {
    const cache = new ResponseCache({ maxBytes: 5_000, now: manualClock().now });
    const answer = (body: Buffer) => ({ body, headers: {}, scope: anything, replay: { path: '', headers: {} } });
    // Each entry counts 1,000 body bytes + 2 key bytes + 0 header bytes + 256 overhead = 1,258: three fit in 5,000, four do not.
    for (const key of ['k1', 'k2', 'k3', 'k4']) cache.set(key, answer(Buffer.alloc(1_000, 'x')));
    expect([cache.size, cache.bytes]).toEqual([3, 3 * 1_258]);
    expect(cache.get('k1')).toBeUndefined();
    expect(cache.get('k4')?.entry.body.length).toBe(1_000);
    cache.set('huge', answer(Buffer.alloc(6_000)));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.size).toBe(3);
  });
});

describe.each(testDatabaseKinds)('the persisted-GET cache on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
  });
  afterAll(() => database?.close());

  it('runs ten identical concurrent misses once; the other nine wait for that answer', async () => {
    const yoga = createPantauYoga(database, { log: { error: () => undefined } });
    let executions = 0;
    let arrived = 0;
    let allArrived: () => void = () => undefined;
    const everyoneIn = new Promise<void>((resolve) => (allArrived = resolve));
    // The one execution waits until all ten requests are inside the cache: concurrency by construction, not by timing.
    const persistedGets = await createPersistedGetCache(
      database,
      async (request, context) => {
        executions += 1;
        await everyoneIn;
        return yoga.fetch(request, context);
      },
      { maxAgeSeconds: 60 },
    );
    const server: Server = createServer((request, response) => {
      arrived += 1;
      if (arrived === 10) allArrived();
      void persistedGets.handle(request, response, new URL(request.url ?? '/', 'http://localhost'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = chartUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { metric: 'passports_issued', groupBy: ['passport_type'] });
      const answers = await Promise.all(Array.from({ length: 10 }, () => fetch(url, { headers: widgetHeaders })));
      const bodies = await Promise.all(answers.map((answer) => answer.text()));
      expect(executions).toBe(1);
      expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
      expect(answers.map((answer) => answer.headers.get('x-pantau-cache')).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
      expect(new Set(bodies).size).toBe(1);
      expect(bodies[0]).toContain('"metricSeries"');
      expect(persistedGets.cache.size).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persistedGets.stop();
    }
  });

  it('cannot be inflated with made-up variables: they are refused, and key order does not matter', async () => {
    const server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000 } });
    try {
      const variables = { metric: 'passports_issued', groupBy: ['passport_type'] };
      expect((await fetch(chartUrl(server.url, variables), { headers: widgetHeaders })).headers.get('x-pantau-cache')).toBe('miss');
      const reordered = await fetch(chartUrl(server.url, { groupBy: ['passport_type'], metric: 'passports_issued' }), { headers: widgetHeaders });
      expect(reordered.headers.get('x-pantau-cache')).toBe('hit');
      // The attack of the security review: one junk variable per request, each once a new entry.
      for (let i = 0; i < 50; i += 1) {
        const junk = await fetch(chartUrl(server.url, { ...variables, [`junk${i}`]: 'x'.repeat(10_000) }), { headers: widgetHeaders });
        expect(junk.status).toBe(400);
        expect(((await junk.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
          `Variable "$junk${i}" is not declared by the operation: send only the variables it declares`,
        );
      }
      expect(server.handler.cache.size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('stays within PANTAU_CACHE_MAX_BYTES however many distinct answers are asked for', async () => {
    const server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000, cacheMaxBytes: 8_000 } });
    try {
      const sizes: number[] = [];
      for (let year = 2000; year < 2030; year += 1) {
        const answer = await fetch(chartUrl(server.url, { metric: 'passports_issued', filter: { from: `${year}-01-01` } }), { headers: widgetHeaders });
        expect(answer.status).toBe(200);
        sizes.push(Number(answer.headers.get('content-length')));
        expect(server.handler.cache.bytes).toBeLessThanOrEqual(8_000);
      }
      // Every answer is stored in turn, so the cache holds as many of the latest as fit in 8,000 bytes.
      expect(server.handler.cache.size).toBeGreaterThan(0);
      expect(server.handler.cache.size).toBeLessThan(sizes.length);
    } finally {
      await server.close();
    }
  });

  it('decides from the execution, not the bytes: an answer citing a source keyed "errors" is shared; one with an error is not', async () => {
    await database.prisma.$executeRawUnsafe(`INSERT INTO source (key, kind, publisher, title, claim_id, claim_en) VALUES ('errors', 'DATASET', 'Uji', 'Uji', 'uji', 'test')`);
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO observation (metric_id, value, period_start, period_end, region_code, source_id) SELECT m.id, 12, '2025-01-01', '2025-01-31', '53', s.id FROM metric m, source s WHERE m.key = 'sembako_packages' AND s.key = 'errors'`,
    );
    const server = await listenForTest(database, { limits: { ...defaultLimits, rateLimitBurst: 100_000 } });
    try {
      const citing = async () => fetch(chartUrl(server.url, { metric: 'sembako_packages' }), { headers: widgetHeaders });
      const first = await citing();
      expect(await first.text()).toContain('"key":"errors"');
      expect([first.headers.get('x-pantau-cache'), (await citing()).headers.get('x-pantau-cache')]).toEqual(['miss', 'hit']);
      // An unknown metric: Yoga answers with an error, which is passed on and never stored.
      const unknown = async () => fetch(chartUrl(server.url, { metric: 'no_such_metric' }), { headers: widgetHeaders });
      const refused = await unknown();
      expect(refused.headers.get('cache-control')).toBe('no-store');
      expect(((await refused.json()) as { errors: unknown[] }).errors).toHaveLength(1);
      expect((await unknown()).headers.get('x-pantau-cache')).toBeNull();
      expect(server.handler.cache.size).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('passes on every header Yoga answered with, such as the Retry-After of a rate-limited widget', async () => {
    // 8 tokens, 1 a second: the chart costs 5, so its first load leaves 3.
    const server = await listenForTest(database, { clock: manualClock().now, limits: { ...defaultLimits, rateLimitBurst: 8, rateLimitPerSecond: 1 } });
    try {
      expect((await fetch(chartUrl(server.url, { metric: 'passports_issued' }), { headers: widgetHeaders })).status).toBe(200);
      // Another variable, a miss: the door takes 1, the whole cost is 5, and 5 - 3 = 2 tokens at 1 a second is 2 s.
      const limited = await fetch(chartUrl(server.url, { metric: 'passports_issued', granularity: 'MONTH' }), { headers: widgetHeaders });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('2');
      expect(limited.headers.get('cache-control')).toBe('no-store');
      expect(limited.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    } finally {
      await server.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, visit } from 'graphql';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { createApiKey, revokeApiKey } from '../auth/api-keys.ts';
import { defaultLimits } from './limits.ts';
import { listenForTest, manualClock, type TestServer } from './test-server.ts';

const graphqlResponse = 'application/graphql-response+json';
/** 1 + 9 aliased fields: 10 tokens. */
const aliased = `{ ${Array.from({ length: 9 }, (_, i) => `a${i}: metrics(first: 1) { totalCount }`).join(' ')} }`;
const cheap = '{ metrics(first: 1) { totalCount } }';
const aliasesIn = (document: string) => {
  let count = 0;
  visit(parse(document), { Field: (field) => void (field.alias ? (count += 1) : undefined) });
  return count;
};
const [chartHash, chartDocument = ''] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauMetricChart')) ?? [];

/**
 * The rate limiter through the real request handler over real HTTP, with a clock that moves only
 * when the test says: every figure below is exact, whatever the machine's speed.
 */
describe.each(testDatabaseKinds)('rate limiting with a manual clock on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  let key: string;
  const clock = manualClock();
  // 40 tokens, 20 a second regained (one per 50 ms).
  const limits = { ...defaultLimits, rateLimitBurst: 40, rateLimitPerSecond: 20 };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    key = (await createApiKey(database, { name: 'statistics-office', scopes: ['READ_RESTRICTED'] })).secret;
    server = await listenForTest(database, { clock: clock.now, limits });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Every test starts with full buckets: a minute refills anyone's 40 tokens. */
  const refill = () => clock.advance(60_000);

  async function post(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: graphqlResponse, ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  }

  it('lets exactly the burst through, refuses with the Retry-After that suffices, and refills as the clock moves', async () => {
    refill();
    expect(aliasesIn(aliased)).toBe(9);
    // 40 tokens / 10 per request: four pass.
    for (let i = 0; i < 4; i += 1) expect((await post(aliased)).status).toBe(200);
    // The fifth cannot pay its first token at the door: 1 token at 20 a second is 1 s, rounded up.
    const door = await post(aliased);
    expect(door).toMatchObject({ status: 429, retryAfter: '1', errors: [{ message: 'Too many requests: try again in 1 s', extensions: { code: 'RATE_LIMITED' } }] });

    // 250 ms regain 5 tokens: the door takes 1, but the whole request costs 10, so it is refused and
    // keeps nothing: 5 missing at 20 a second is 0.25 s, rounded up to 1.
    clock.advance(250);
    const parsed = await post(aliased);
    expect(parsed).toMatchObject({ status: 429, retryAfter: '1', errors: [{ message: 'Too many requests: try again in 1 s (each aliased field counts as a request)' }] });
    // Another 250 ms: 10 tokens, exactly one request.
    clock.advance(250);
    expect((await post(aliased)).status).toBe(200);
    expect((await post(cheap)).status).toBe(429);

    // Waiting the Retry-After (1 s) regains 20 tokens: two more requests of 10, not three.
    clock.advance(1_000);
    expect((await post(aliased)).status).toBe(200);
    expect((await post(aliased)).status).toBe(200);
    expect((await post(aliased)).status).toBe(429);
    // 50 ms: one token, one unaliased request.
    clock.advance(50);
    expect((await post(cheap)).status).toBe(200);
    expect((await post(cheap)).status).toBe(429);
  });

  it('counts __typename aliases like any other', async () => {
    refill();
    const typenames = `{ ${Array.from({ length: 19 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    // 1 + 19 = 20 tokens: two pass.
    expect((await post(typenames)).status).toBe(200);
    expect((await post(typenames)).status).toBe(200);
    expect((await post(typenames)).status).toBe(429);
  });

  it('charges every route: persisted GETs also when answered from the cache, exports and source pages', async () => {
    refill();
    const chart = new URL(`${server.url}/graphql`);
    chart.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chartHash } }));
    chart.searchParams.set('variables', JSON.stringify({ metric: 'passports_issued', groupBy: ['passport_type'] }));
    const widget = () => fetch(chart, { headers: { 'x-pantau-client': 'rate-limit-test', accept: graphqlResponse } });
    const exportCsv = () => fetch(`${server.url}/export/metric-series.csv?metric=passports_issued&groupBy=passport_type`);
    const sourcePage = () => fetch(`${server.url}/sources/antara-20260120-hbi76-coconut-seedlings`);
    const chartCost = 1 + aliasesIn(chartDocument);
    // 1, plus the chart's four aliased metric names and units.
    expect(chartCost).toBe(5);

    // 40 tokens: the widget's first load costs 5 (35 left), then each cache hit 1 (ten: 25 left).
    const miss = await widget();
    expect([miss.status, miss.headers.get('x-pantau-cache')]).toEqual([200, 'miss']);
    for (let i = 0; i < 10; i += 1) expect((await widget()).headers.get('x-pantau-cache')).toBe('hit');
    // An export runs one GraphQL document with 3 aliases: 4 tokens each (two: 17 left).
    expect((await exportCsv()).status).toBe(200);
    expect((await exportCsv()).status).toBe(200);
    // A source page costs 1 (seventeen: none left).
    for (let i = 0; i < 17; i += 1) expect((await sourcePage()).status).toBe(200);
    for (const refused of [await sourcePage(), await widget(), await exportCsv()]) {
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
    }
  });

  it('keeps one bucket per verified key however the header is written, apart from the address', async () => {
    refill();
    const spellings = [`Bearer ${key}`, `bearer ${key}`, `BEARER   ${key}  `, `\tBearer\t${key}`];
    for (let i = 0; i < 40; i += 1) expect((await post(cheap, { authorization: spellings[i % 4] ?? '' })).status).toBe(200);
    for (const authorization of spellings) expect((await post(cheap, { authorization })).status).toBe(429);
    expect((await post(cheap)).status).toBe(200);
  });

  it('counts unknown, malformed and revoked keys against the address, looking each unknown key up once', async () => {
    refill();
    let statements = 0;
    const stop = database.observeQueries(() => void (statements += 1));
    const madeUp = `pantau_${'x'.repeat(43)}`;
    try {
      // Five requests with one made-up key: one lookup, five 401s, five tokens of the address.
      for (let i = 0; i < 5; i += 1)
        expect(await post('{ __typename }', { authorization: `Bearer ${madeUp}` })).toMatchObject({ status: 401, errors: [{ message: 'Unknown API key' }] });
      expect(statements).toBe(1);
      // Keys that are not even shaped like ours, and headers that are not Bearer: no lookup at all.
      for (const authorization of ['Bearer nonsense', `Bearer ${madeUp}!`, 'Basic dXNlcjpwYXNz']) expect((await post('{ __typename }', { authorization })).status).toBe(401);
      expect(statements).toBe(1);
    } finally {
      stop();
    }
    // 40 - 8 = 32 tokens left on the address, whatever key is presented next.
    for (let i = 0; i < 32; i += 1) expect((await post('{ __typename }', { authorization: `Bearer pantau_${String(i).padStart(43, 'y')}` })).status).toBe(401);
    expect((await post('{ __typename }', { authorization: `Bearer pantau_${'z'.repeat(43)}` })).status).toBe(429);
    expect((await post(cheap)).status).toBe(429);

    // A key revoked between two requests is refused from the next one on, and counts against the address.
    refill();
    const { secret } = await createApiKey(database, { name: 'short-lived', scopes: ['READ_RESTRICTED'] });
    expect((await post(cheap, { authorization: `Bearer ${secret}` })).status).toBe(200);
    await revokeApiKey(database, 'short-lived');
    expect(await post(cheap, { authorization: `Bearer ${secret}` })).toMatchObject({ status: 401, errors: [{ message: 'This API key has been revoked' }] });
    for (let i = 0; i < 39; i += 1) expect((await post(cheap)).status).toBe(200);
    expect((await post(cheap, { authorization: `Bearer ${secret}` })).status).toBe(429);
  });

  it('does not believe X-Forwarded-For: a made-up address is still the same client', async () => {
    refill();
    for (let i = 0; i < 40; i += 1) expect((await post(cheap, { 'x-forwarded-for': `203.0.113.${i}` })).status).toBe(200);
    expect((await post(cheap, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(429);
  });
});

describe.each(testDatabaseKinds)('a request that could never fit the burst on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  const clock = manualClock();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await listenForTest(database, { clock: clock.now, limits: { ...defaultLimits, rateLimitBurst: 10, rateLimitPerSecond: 1 } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('is refused with 400, not a Retry-After it could never satisfy, costing only the token paid at the door', async () => {
    const twelve = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: graphqlResponse },
      body: JSON.stringify({ query: twelve }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toBe(
      "This request costs 13 tokens (1 plus 1 per aliased field), more than the rate limit's burst of 10, so it could never pass: split it",
    );
    // Only the door's token was spent: nine one-token requests still pass, the tenth does not.
    const cheap = async () =>
      (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })).status;
    for (let i = 0; i < 9; i += 1) expect(await cheap()).toBe(200);
    expect(await cheap()).toBe(429);
  });
});

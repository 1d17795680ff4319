import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, noReplicaReason, prepareDatabase, replicaOf, tcpProxy, testReplicaUrl, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createApiKey } from '@pantau/server/auth';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const configured = Boolean(testReplicaUrl) && testDatabaseKinds.includes('postgresql');
if (!configured) console.info(`Skipping the scale-out tests on a replica: ${noReplicaReason}, (PANTAU_TEST_DATABASE_URL is needed too)`);

/** The stated bound: a replica at most 5 s behind, a cached answer served stale at most 10 s after a change. */
const boundMs = 15_000;

async function within<T>(deadlineMs: number, what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Two instances on a primary and a real streaming replica (.ci/run makes one with pg_basebackup), as
 * behind a load balancer. The instances reach the replica through a TCP hop the test can close: that
 * is the replica going away mid-test.
 */
describe.skipIf(!configured)('two instances on a PostgreSQL primary and a streaming replica', () => {
  let database: TestDatabase;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let first: ServerProcess;
  let second: ServerProcess;
  let admin: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgresql');
    await prepareDatabase(database);
    admin = (await createApiKey(database, { name: 'ministry-admin', scopes: ['ADMIN'] })).secret;
    proxy = await tcpProxy(await replicaOf(database.url ?? ''));
    // 60 tokens, 10 a second: the polls below (one per 150 ms) never run out, a flood does.
    const env = {
      DATABASE_URL: database.url ?? '',
      DATABASE_REPLICA_URLS: proxy.url,
      PANTAU_REPLICA_MAX_LAG_MS: '5000',
      PANTAU_SYNTHETIC: 'none',
      PANTAU_RATE_LIMIT_BURST: '600',
      PANTAU_RATE_LIMIT_PER_SECOND: '10',
    };
    [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await proxy?.close();
    await database?.close();
  });

  const post = async (server: ServerProcess, query: string, key?: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
  };
  const health = async (server: ServerProcess) => (await (await fetch(`${server.url}/health`)).json()) as { replicas?: { serving: boolean; answers: boolean }[] };
  const sourceCount = '{ sources(first: 1) { totalCount } }';
  const countOf = (body: { data?: Record<string, unknown> }) => (body.data?.sources as { totalCount: number } | undefined)?.totalCount;

  it('reports the replica serving in /health and /health/ready', async () => {
    for (const server of [first, second]) {
      await within(boundMs, 'the replica serves', async () => ((await health(server)).replicas?.[0]?.serving ? true : undefined));
      const ready = (await (await fetch(`${server.url}/health/ready`)).json()) as { status: string; databases: { role: string; answers: boolean }[] };
      expect(ready.status).toBe('ready');
      expect(ready.databases.map((d) => [d.role, d.answers])).toEqual([
        ['primary', true],
        ['replica', true],
      ]);
    }
  });

  it('shows a write to its writer at once and through the other instance within the bound', async () => {
    const before = countOf((await post(first, sourceCount, admin)).body) ?? NaN;
    const created = await post(
      first,
      `mutation { createSource(input: { key: "scale-out-1", kind: NEWS_ARTICLE, publisher: "Antara", title: "Replica", claimId: "klaim", claimEn: "claim", url: "https://example.org/replica", publishedOn: "2026-01-20" }) { source { key } } }`,
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    // Read your writes: the writer's next read, at once.
    expect(countOf((await post(first, sourceCount, admin)).body)).toBe(before + 1);
    // Another caller on the other instance: as soon as that instance hears of the change, never older after.
    const seen = await within(boundMs, 'the other instance shows the write', async () => {
      const count = countOf((await post(second, sourceCount)).body);
      return count === before + 1 ? count : undefined;
    });
    expect(seen).toBe(before + 1);
  });

  it('answers every request while the replica goes away mid-test, then reports it down', async () => {
    const answers: number[] = [];
    const reads = (async () => {
      for (let i = 0; i < 20; i += 1) {
        for (const server of [first, second]) {
          const { status, body } = await post(server, sourceCount);
          answers.push(body.errors ? 500 : status);
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
        if (i === 5) await proxy.close();
      }
    })();
    await reads;
    expect(answers.filter((status) => status !== 200)).toEqual([]);
    for (const server of [first, second]) {
      await within(boundMs, 'the replica is reported down', async () => ((await health(server)).replicas?.[0]?.answers === false ? true : undefined));
    }
  });

  it('keeps one rate-limit budget across both instances', async () => {
    // Spend the budget on the first instance until it refuses.
    let refused = false;
    for (let i = 0; i < 2_000 && !refused; i += 1) refused = (await post(first, '{ __typename }')).status === 429;
    expect(refused).toBe(true);
    // The second instance learns of that spending at its next sync (every 100 ms): until then its
    // view of the caller is a full bucket of 600. It must refuse long before it has spent that: a
    // separate bucket would admit all 600. Half of it leaves a sync late by a second or more on a
    // busy machine (sequential requests take a few milliseconds each).
    let admitted = 0;
    let refusedToo = false;
    for (let i = 0; i < 2_000 && !refusedToo; i += 1) {
      const { status } = await post(second, '{ __typename }');
      if (status === 200) admitted += 1;
      refusedToo = status === 429;
    }
    expect(refusedToo).toBe(true);
    expect(admitted).toBeLessThan(300);
  });
});

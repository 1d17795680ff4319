import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, noReplicaReason, openDatabase, prepareDatabase, replicaOf, tcpProxy, testReplicaUrl, type Database, type TestDatabase } from '../index.ts';

if (!testReplicaUrl || !process.env.PANTAU_TEST_DATABASE_URL) console.info(`Skipping the read-replica tests: ${noReplicaReason}`);

/** Polls `probe` until it is true; the deadline ends only a broken setup. */
async function eventually(probe: () => Promise<boolean>, what: string, deadlineMs = 30_000) {
  const until = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > until) throw new Error(`Not within ${deadlineMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const replicasOf = (database: Database) => {
  if (!database.replicas) throw new Error('Opened without replicas');
  return database.replicas;
};
const count = async (reader: Database) => Number((await reader.sql.run((c) => c.query<{ n: string }>('SELECT count(*) AS n FROM scratch')))[0]?.n);

describe.skipIf(!testReplicaUrl || !process.env.PANTAU_TEST_DATABASE_URL)('read replicas on a real streaming replica', () => {
  let primary: TestDatabase;
  let replicaUrl: string;
  let proxy: Awaited<ReturnType<typeof tcpProxy>>;
  let database: Database;
  let mayPause = false;

  beforeAll(async () => {
    primary = await createTestDatabase('postgresql');
    await prepareDatabase(primary);
    await primary.sql.run((c) => c.exec('CREATE TABLE scratch (n integer)'));
    replicaUrl = await replicaOf(primary.url ?? '');
    proxy = await tcpProxy(replicaUrl);
    database = await openDatabase({ databaseUrl: primary.url, replicaUrls: [proxy.url], replicaMaxLagMs: 1_000, replicaCheckMs: 50, poolSize: 2 });
    const pausable = await replicasOf(database)
      .forRead(null)
      .sql.run((c) => c.query<{ ok: boolean }>("SELECT has_function_privilege('pg_wal_replay_pause()', 'EXECUTE') AS ok"));
    mayPause = pausable[0]?.ok === true;
  });
  afterAll(async () => {
    await database?.close();
    await proxy?.close();
    await primary?.close();
  });

  it('serves reads from a replica that has replayed the write they must see, else from the primary', async () => {
    const replicas = replicasOf(database);
    const [status] = await replicas.check();
    expect(status).toMatchObject({ answers: true, serving: true, problem: null });
    expect(status?.lagMs).toBeLessThanOrEqual(1_000);
    await primary.sql.run((c) => c.exec('INSERT INTO scratch VALUES (1)'));
    const written = await replicas.primaryPosition();
    // Until a check shows the replica past the write, the read goes to the primary; either way it sees the row.
    expect(await count(replicas.forRead(written))).toBe(1);
    await eventually(async () => (await replicas.check(), replicas.forRead(written) !== database), 'the replica replays the insert');
    const reader = replicas.forRead(written);
    expect(reader.replicas).toBeNull();
    expect(await count(reader)).toBe(1);
  });

  it('skips a replica whose replay is paused once a change is heard, and lets it serve again when it catches up', async (context) => {
    if (!mayPause) context.skip('the pantau role may not pause replay (.ci/run grants pg_wal_replay_pause)');
    const replicas = replicasOf(database);
    let heardChange = () => {};
    const heard = new Promise<void>((resolve) => (heardChange = resolve));
    // Listening before the NOTIFY is sent: a notification sent earlier is never delivered.
    const unsubscribe = await database.subscribe('scratch_changes', () => heardChange());
    const replica = await openDatabase({ databaseUrl: replicaUrl, poolSize: 1 });
    try {
      await replica.sql.run((c) => c.exec('SELECT pg_wal_replay_pause()'));
      await primary.sql.run((c) => c.exec("INSERT INTO scratch VALUES (2); NOTIFY scratch_changes, 'x'"));
      await heard;
      // The primary moves on (this insert's WAL) while the replica stands still: past the 1 s bound it stops serving.
      await eventually(async () => {
        const [status] = await replicas.check();
        return status?.serving === false && status.answers && status.problem === 'lags more than 1000 ms';
      }, 'the paused replica is reported lagging');
      // Reads wait on the primary for the change's position, then for a replica that replayed it: none has.
      for (let i = 0; i < 5; i += 1) {
        await replicas.check();
        expect(replicas.forRead(null)).toBe(database);
        expect(await count(replicas.forRead(null))).toBe(2);
      }
    } finally {
      await replica.sql.run((c) => c.exec('SELECT pg_wal_replay_resume()'));
      await replica.close();
      await unsubscribe();
    }
    await eventually(async () => (await replicas.check(), replicas.forRead(null) !== database), 'the replica catches up after resuming');
    expect(await count(replicas.forRead(null))).toBe(2);
  });

  it('sends a read to the primary when the replica goes away mid-test, and reports the replica down', async () => {
    const replicas = replicasOf(database);
    await eventually(async () => (await replicas.check(), replicas.forRead(null) !== database), 'the replica serves');
    const reader = replicas.forRead(null);
    await proxy.close();
    // Both the raw driver and Prisma: the replica fails the statement, the primary answers it.
    expect(await count(reader)).toBe(2);
    expect(await reader.prisma.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM scratch')).toEqual([{ n: 2n }]);
    expect(replicas.status()[0]).toMatchObject({ answers: false, serving: false });
    const [after] = await replicas.check();
    expect(after).toMatchObject({ answers: false, serving: false, lagMs: null });
    expect(replicas.forRead(null)).toBe(database);
  });
});

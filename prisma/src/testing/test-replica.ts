import pg from 'pg';

/** The streaming replica of the test server (`PANTAU_TEST_REPLICA_URL`, set up by `.ci/run`), or why there is none. */
export const testReplicaUrl: string | undefined = process.env.PANTAU_TEST_REPLICA_URL?.trim() || undefined;
export const noReplicaReason = 'PANTAU_TEST_REPLICA_URL is not set (.ci/run creates a streaming replica on port 5433 and sets it)';

/**
 * The URL of a test database (created on the primary) on the replica, once replication has created
 * it there; gives up after `deadlineMs` (a replica that never catches up is a broken setup, not slowness).
 */
export async function replicaOf(primaryUrl: string, deadlineMs = 60_000): Promise<string> {
  if (!testReplicaUrl) throw new Error(noReplicaReason);
  const url = new URL(testReplicaUrl);
  url.pathname = new URL(primaryUrl).pathname;
  const until = Date.now() + deadlineMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url.toString() });
    try {
      await client.connect();
      await client.query('SELECT 1 FROM "_prisma_migrations" LIMIT 1');
      return url.toString();
    } catch (error) {
      if (Date.now() > until) throw new Error(`The replica has no ${url.pathname} after ${deadlineMs} ms`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

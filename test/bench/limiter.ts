// Warm-cache throughput with the rate limiter kept in memory (each instance its own budget) beside the
// shared one (buckets pooled through PostgreSQL, README: "Scale-out"): the same cached persisted GET,
// the two servers loaded in turn, one run each at a time, so drift on a shared machine hits both alike.
// Run alone: `PANTAU_TEST_DATABASE_URL=… tsx test/bench/limiter.ts`; `pnpm bench` calls it too.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, prepareDatabase } from '@pantau/prisma';
import { startServerProcess } from '../support/server-process.ts';
import { load, log, median, RUNS, type Load } from './measure.ts';
import { persistedGet, widgetHeaders, widgetOperations } from './operations.ts';

export interface LimiterComparison {
  memory: Load;
  shared: Load;
  /** Median of the paired runs' shared ÷ in-memory throughput (1 = no cost; the goal is at least 0.9). */
  ratio: number;
}

export async function limiterComparison(databaseUrl: string): Promise<LimiterComparison> {
  // A budget no run can spend: the cost of keeping it is measured, not refusals.
  const env = { DATABASE_URL: databaseUrl, PANTAU_SYNTHETIC: 'none', PANTAU_RATE_LIMIT_BURST: '1000000000', PANTAU_RATE_LIMIT_PER_SECOND: '1000000000' };
  const memoryServer = await startServerProcess({ ...env, PANTAU_RATE_LIMIT_STORE: 'memory' });
  const sharedServer = await startServerProcess({ ...env, PANTAU_RATE_LIMIT_STORE: 'database' });
  try {
    const [operation] = widgetOperations;
    if (!operation) throw new Error('No widget operation to load');
    const runs: { memory: Load[]; shared: Load[] } = { memory: [], shared: [] };
    // The first answer fills each server's cache: every run after is warm.
    for (const server of [memoryServer, sharedServer]) await fetch(persistedGet(server.url, operation), { headers: widgetHeaders });
    const loadOnce = (server: typeof memoryServer) => load({ url: persistedGet(server.url, operation), headers: widgetHeaders }, { runs: 1 });
    // Each pair is measured back to back, the order turning each time, and judged by its own ratio:
    // drift between pairs on a shared machine then cancels instead of landing on one side.
    const ratios: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const sharedFirst = i % 2 === 1;
      const first = await loadOnce(sharedFirst ? sharedServer : memoryServer);
      const second = await loadOnce(sharedFirst ? memoryServer : sharedServer);
      const [memoryRun, sharedRun] = sharedFirst ? [second, first] : [first, second];
      runs.memory.push(memoryRun);
      runs.shared.push(sharedRun);
      ratios.push(sharedRun.rps / memoryRun.rps);
    }
    const pick = (all: Load[]): Load => ({
      rps: median(all.map((r) => r.rps)),
      p50: median(all.map((r) => r.p50)),
      p99: median(all.map((r) => r.p99)),
      failures: all.reduce((sum, r) => sum + r.failures, 0),
    });
    const memory = pick(runs.memory);
    const shared = pick(runs.shared);
    const ratio = median(ratios);
    log(`  warm ${operation.name}: in-memory limiter ${memory.rps.toFixed(0)} req/s, shared limiter ${shared.rps.toFixed(0)} req/s (${(ratio * 100).toFixed(1)} %)`);
    return { memory, shared, ratio };
  } finally {
    await Promise.all([memoryServer.stop(), sharedServer.stop()]);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const adminUrl = process.env.PANTAU_BENCH_DATABASE_URL ?? process.env.PANTAU_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('Set PANTAU_BENCH_DATABASE_URL (or PANTAU_TEST_DATABASE_URL) to a role that may CREATE DATABASE');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS pantau_bench_limiter WITH (FORCE)');
  await admin.query('CREATE DATABASE pantau_bench_limiter');
  const url = new URL(adminUrl);
  url.pathname = '/pantau_bench_limiter';
  const database = await openDatabase({ databaseUrl: url.toString() });
  await prepareDatabase(database);
  await database.close();
  try {
    await limiterComparison(url.toString());
  } finally {
    await admin.query('DROP DATABASE IF EXISTS pantau_bench_limiter WITH (FORCE)');
    await admin.end();
  }
}

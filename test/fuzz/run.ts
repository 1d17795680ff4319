import { parseArgs } from 'node:util';
import type { DatabaseKind } from '@pantau/prisma';
import { runFuzz } from './fuzz.ts';
import { startFuzzServer } from './fuzz-server.ts';
import { closeConnections } from './raw-http.ts';

/**
 * The long fuzz run: `pnpm fuzz` (100,000 requests on PGlite), or
 * `pnpm fuzz --runs N --seed S --database postgresql` (needs PANTAU_TEST_DATABASE_URL).
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' }, database: { type: 'string', default: 'pglite' } },
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const database = values.database as DatabaseKind;
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || !['pglite', 'postgresql'].includes(database)) {
  console.error('Usage: pnpm fuzz [--runs 100000] [--seed N] [--database pglite|postgresql]');
  process.exit(2);
}

console.log(`Fuzzing ${runs} requests on ${database}, seed ${seed}`);
const server = await startFuzzServer(database);
const started = performance.now();
let failed = false;
try {
  await runFuzz(server, { runs, seed, progress: console.log });
  console.log(`No 5xx in ${runs} requests (${((performance.now() - started) / 1000).toFixed(1)} s), seed ${seed}`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  console.error(`Server log (last 4,000 characters):\n${server.output().slice(-4_000)}`);
} finally {
  closeConnections();
  await server.stop();
}
process.exit(failed ? 1 : 0);

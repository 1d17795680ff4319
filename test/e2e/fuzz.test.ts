import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { checkHealthy, runFuzz } from '../fuzz/fuzz.ts';
import { startFuzzServer, type FuzzServer } from '../fuzz/fuzz-server.ts';

/** The bounded fuzz run of `pnpm test`: seeded and reproducible; `pnpm fuzz` runs the long one. */
const seed = Number(process.env.PANTAU_FUZZ_SEED ?? 20_261_201);
const runs = Number(process.env.PANTAU_FUZZ_RUNS ?? 1_500);

describe.each(testDatabaseKinds)('no hostile input yields a 5xx, on %s', (kind) => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await startFuzzServer(kind);
  });
  afterAll(() => server?.stop());

  it(`answers ${runs} hostile requests with a 4xx that says why, and stays healthy (seed ${seed})`, async () => {
    await runFuzz(server, { runs, seed });
    expect(await checkHealthy(server)).toBeNull();
  }, 120_000);
});

// Timing helpers shared by the bench modules: the log, medians, and autocannon runs that each wait
// until the server has worked off what the previous run abandoned.
import autocannon from 'autocannon';

export const RUNS = 5;
export const SECONDS = 2;
/** Cold answers can take seconds under 50 connections: runs long enough that each sees some finish. */
export const COLD_RUNS = 3;
export const COLD_SECONDS = 8;
export const CONNECTIONS = 50;

const started = Date.now();
export const elapsedSeconds = () => (Date.now() - started) / 1000;
export const log = (line: string) => console.log(`[${elapsedSeconds().toFixed(0).padStart(4)} s] ${line}`);
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, and socket errors or timeouts, over all runs. */
  failures: number;
}

/**
 * Waits until the server has worked off requests the load generator abandoned at the end of a run:
 * a GraphQL request joins the back of the server's query queue, so it is answered only once
 * everything ahead of it ran (`/health` would skip the queue). A reference server answers at once.
 */
export async function drained(base: string): Promise<void> {
  await fetch(`${new URL(base).origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
    signal: AbortSignal.timeout(600_000),
  }).catch(() => undefined);
}

/** `runs` autocannon runs at 50 connections, medians of each figure; the server drains between runs. */
export async function load(options: autocannon.Options, { seconds = SECONDS, runs = RUNS }: { seconds?: number; runs?: number } = {}): Promise<Load> {
  const results: Load[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = await autocannon({ connections: CONNECTIONS, duration: seconds, timeout: 60, ...options });
    const failures = result.non2xx + result.errors;
    if (failures > 0) log(`    ${String(options.url)}: ${result.non2xx} non-2xx answers, ${result.errors} errors in run ${i + 1}`);
    results.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, failures });
    await drained(String(options.url));
  }
  return {
    rps: median(results.map((r) => r.rps)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
  };
}

/** One connection, `SECONDS` long: the p50 of a client alone; NaN (not measured) when any answer failed. */
export async function singleClientP50(options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: 1, duration: SECONDS, timeout: 60, ...options });
  await drained(String(options.url));
  if (result.non2xx + result.errors > 0 || result['2xx'] === 0) {
    log(`    ${String(options.url)}, one client: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result['2xx']} answers`);
    return NaN;
  }
  return result.latency.p50;
}

// Writes while the server serves: the latency of one single-row write on an idle server, and the
// widgets' reads at 50 connections while one write a second arrives (each one invalidating answers).
import autocannon from 'autocannon';
import { CONNECTIONS, drained, log, median } from './measure.ts';
import { persistedGet, widgetHeaders, widgetOperations } from './operations.ts';
import { parseExposition, valueOf } from '../support/prometheus-text.ts';

let written = 0;

/** One published figure of passports issued in NTT, through the API as an admin writes it. */
async function writeOne(base: string, adminKey: string): Promise<number> {
  written += 1;
  // A day of its own for every write: the natural key refuses the same figure stored twice.
  const day = new Date(Date.UTC(2025, 5, 1) + (written - 1) * 86_400_000).toISOString().slice(0, 10);
  const started = performance.now();
  const answer = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({
      query: `mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }`,
      variables: {
        input: {
          metric: 'passports_issued',
          value: String(written),
          periodStart: day,
          periodEnd: day,
          regionCode: '53',
          source: 'bench-import',
          published: true,
          dimensions: [{ key: 'passport_type', value: 'electronic' }],
        },
      },
    }),
  });
  const body = (await answer.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(`The bench's write was refused: ${body.errors.map((e) => e.message).join('; ')}`);
  return performance.now() - started;
}

/** The change notifications the server has heard of, and the answers it still has to recompute ahead. */
async function changeWork(base: string, adminKey: string): Promise<{ heard: number; pending: number }> {
  const answer = await fetch(`${new URL(base).origin}/metrics`, { headers: { authorization: `Bearer ${adminKey}` } });
  const samples = parseExposition(await answer.text());
  return { heard: valueOf(samples, 'pantau_change_notification_lag_seconds_count'), pending: valueOf(samples, 'pantau_cache_recomputations_pending') };
}

/**
 * Resolves once the server has heard of `heard` changes and recomputed every answer they made out of
 * date; after a minute it says so and goes on, so a lost notification cannot stall the run.
 */
async function settled(base: string, adminKey: string, heard: number): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 20) {
    const work = await changeWork(base, adminKey);
    if (work.heard >= heard && work.pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  log(`    the server had not settled a minute after a write (expected ${heard} change notifications)`);
}

/**
 * Median milliseconds of `count` single-row writes, each once the server has heard of the one
 * before and recomputed the answers it made out of date: back to back, a write waits behind those
 * recomputations, which is the reads-under-writes figure, not a write's own latency.
 */
export async function singleWriteMs(base: string, adminKey: string, count = 30): Promise<number> {
  const times: number[] = [];
  let heard = (await changeWork(base, adminKey)).heard;
  for (let i = 0; i < count; i += 1) {
    await settled(base, adminKey, heard);
    await drained(base);
    times.push(await writeOne(base, adminKey));
    heard += 1;
  }
  await settled(base, adminKey, heard);
  return median(times);
}

/** The four widgets' persisted GETs in turn at 50 connections for `seconds`, while one write a second arrives. */
export async function readsUnderWrites(base: string, adminKey: string, seconds = 10) {
  const requests = widgetOperations.map((operation) => {
    const url = new URL(persistedGet(base, operation));
    return { method: 'GET' as const, path: `${url.pathname}${url.search}`, headers: widgetHeaders };
  });
  for (const request of requests) await fetch(`${base}${request.path}`, { headers: widgetHeaders });
  const writeTimes: number[] = [];
  let writing = true;
  const writer = (async () => {
    while (writing) {
      const next = performance.now() + 1000;
      writeTimes.push(await writeOne(base, adminKey));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
  })();
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: seconds, timeout: 60, requests });
  writing = false;
  await writer;
  await drained(base);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
    writes: writeTimes.length,
    writeP50: median(writeTimes),
  };
}

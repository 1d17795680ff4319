// The load runs against one server: for each widget operation warm (cached GET) and cold (persisted
// POST) at 50 connections, then, once the server has drained what the cold runs left, the references.
import type pg from 'pg';
import { COLD_RUNS, COLD_SECONDS, drained, load, log, singleClientP50, type Load } from './measure.ts';
import { coldRequest, floorSql, nationalMap, persistedGet, widgetHeaders, widgetOperations } from './operations.ts';
import { bareYoga, bytesCeiling, sqlFloor } from './references.ts';

export interface OperationLoad {
  warm: Load;
  cold: Load;
  /** node:http sending the same bytes. */
  ceiling: Load;
  /** Hand-written SQL behind node:http. */
  floor: Load;
  /** Bytes of the answer. */
  bytes: number;
}

/** The body, when it holds figures: an error answered under load would otherwise be measured as the operation. */
function answered(name: string, body: Buffer): Buffer {
  const parsed = JSON.parse(body.toString()) as { data?: unknown; errors?: unknown[] };
  if (!parsed.data || parsed.errors?.length) throw new Error(`${name}: the server answered errors, not figures: ${body.toString().slice(0, 300)}`);
  return body;
}

export async function loadServer(base: string, pool: pg.Pool): Promise<{ operations: Record<string, OperationLoad>; bareYoga: Load }> {
  const operations: Record<string, OperationLoad> = {};
  for (const operation of widgetOperations) {
    log(`  ${operation.name}`);
    const url = persistedGet(base, operation);
    const body = answered(operation.name, Buffer.from(await (await fetch(url, { headers: widgetHeaders })).arrayBuffer()));
    const warm = await load({ url, headers: widgetHeaders });
    const cold = await load(coldRequest(base, operation), { seconds: COLD_SECONDS, runs: COLD_RUNS });
    await drained(base);
    const top = await bytesCeiling(body);
    const ceiling = await load({ url: top.url });
    top.close();
    const bottom = await sqlFloor(pool, floorSql[operation.name] ?? []);
    const floor = await load({ url: bottom.url });
    bottom.close();
    operations[operation.name] = { warm, cold, ceiling, floor, bytes: body.length };
  }
  await drained(base);
  log('  bare Yoga ceiling: { __typename } through the same server');
  return { operations, bareYoga: await load(bareYoga(base)) };
}

/** p50 of one client asking cold (never cached, after one answer), for each widget operation and the national map. */
export async function singleClient(base: string): Promise<Record<string, number>> {
  const p50s: Record<string, number> = {};
  for (const operation of [...widgetOperations, nationalMap]) {
    // One answer first, so a server's first-use costs (plans, PGlite's pages) are not timed as the operation's.
    const warmUp = coldRequest(base, operation);
    await fetch(String(warmUp.url), { method: 'POST', headers: warmUp.headers as Record<string, string>, body: String(warmUp.body), signal: AbortSignal.timeout(600_000) });
    p50s[operation.name] = await singleClientP50(coldRequest(base, operation));
  }
  return p50s;
}

/** The national map's answer, once, cold: its size and how long it took. */
export async function nationalMapOnce(base: string): Promise<{ ms: number; bytes: number }> {
  const request = coldRequest(base, nationalMap);
  const started = performance.now();
  const answer = await fetch(String(request.url), {
    method: 'POST',
    headers: request.headers as Record<string, string>,
    body: String(request.body),
    signal: AbortSignal.timeout(600_000),
  });
  const bytes = (await answer.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes };
}

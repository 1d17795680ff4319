// `pnpm bench`: Pantau against the limits it approaches, side by side in one run, on the `large`
// synthetic dataset. Writes bench/RESULTS.md and bench/results.json. Needs a PostgreSQL server where
// the role may CREATE DATABASE: PANTAU_BENCH_DATABASE_URL, else PANTAU_TEST_DATABASE_URL.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { loadSynthetic, openDatabase, prepareDatabase, type Database } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { launchChromium } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { createPantauYoga } from '../../server/src/yoga.ts';
import { importObservations } from '../../server/src/writes/import-observations.ts';
import { widgetSizes } from '../../widgets/scripts/report-size.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 5;
const SECONDS = 2;
/** Cold answers can take seconds under 50 connections: long enough runs that each sees some finish. */
const COLD_SECONDS = 10;
const CONNECTIONS = 50;
const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const operations = [...loadPersistedOperations()];
const hashOf = (name: string) => operations.find(([, document]) => document.includes(`query ${name}(`))?.[0] ?? '';

interface WidgetOperation {
  name: string;
  hash: string;
  variables: Record<string, unknown>;
}

/** The four widget operations, as the widgets send them. */
const widgetOperations: WidgetOperation[] = [
  { name: 'campaign totals', hash: hashOf('PantauCampaignTotals'), variables: { slug: 'hbi-76-2026', includeSynthetic: true } },
  { name: 'TPPO coverage by province', hash: hashOf('PantauTppoCoverage'), variables: { level: 'PROVINCE', province: null, includeSynthetic: true } },
  // The national map is 20,000 points: one cold answer is timed on its own (nationalMapMs below); the
  // load runs use the map zoomed to NTT, as `<pantau-desa-binaan-map province="53">` asks for it.
  { name: 'partner-village map (NTT)', hash: hashOf('PantauDesaBinaanMap'), variables: { province: '53', includeSynthetic: true } },
  { name: 'monthly series by province, 4 years', hash: hashOf('PantauMetricChart'), variables: { metric: 'passports_issued', groupBy: ['province'], granularity: 'MONTH', filter: {}, includeSynthetic: true } },
];

/** Hand-written SQL giving the same numbers: the floor (the database's own cost, no GraphQL). */
const floorSql: Record<string, { sql: string; params: unknown[] }[]> = {
  'campaign totals': [
    { sql: `SELECT metric_id, sum(value_sum)::text FROM rollup_campaign_month WHERE campaign_id = (SELECT id FROM campaign WHERE slug = $1) AND published GROUP BY metric_id`, params: ['hbi-76-2026'] },
    { sql: `SELECT metric_id, office_id, sum(value_sum)::text FROM rollup_campaign_month WHERE campaign_id = (SELECT id FROM campaign WHERE slug = $1) AND published GROUP BY 1, 2`, params: ['hbi-76-2026'] },
  ],
  'TPPO coverage by province': [
    { sql: `SELECT r.code, r.village_count, count(p.id) FROM region r LEFT JOIN region v ON v.province_code = r.code AND v.level = 'VILLAGE' LEFT JOIN partner_village p ON p.region_code = v.code WHERE r.level = 'PROVINCE' GROUP BY r.code, r.village_count`, params: [] },
    { sql: `SELECT m.province_code, sum(m.value_sum)::text FROM rollup_province_month m WHERE m.metric_id = (SELECT id FROM metric WHERE key = 'tppo_prevention_activities') AND m.published GROUP BY 1`, params: [] },
  ],
  'partner-village map (NTT)': [
    { sql: `SELECT p.id, v.code, v.name, coalesce(v.latitude, r.latitude)::text AS lat, coalesce(v.longitude, r.longitude)::text AS lon, p.office_id, p.designated_on FROM partner_village p JOIN region v ON v.code = p.region_code LEFT JOIN region r ON r.code = v.regency_code WHERE v.province_code = $1 ORDER BY v.code`, params: ['53'] },
  ],
  'monthly series by province, 4 years': [
    { sql: `SELECT m.month, m.province_code, sum(m.value_sum)::text FROM rollup_province_month m WHERE m.metric_id = (SELECT id FROM metric WHERE key = 'passports_issued') AND m.published GROUP BY 1, 2 ORDER BY 1, 2`, params: [] },
  ],
};

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/** Waits until the server has worked off requests the load generator abandoned at the end of a run. */
async function drained(base: string): Promise<void> {
  await fetch(`${new URL(base).origin}/health`, { signal: AbortSignal.timeout(600_000) }).catch(() => undefined);
}

async function load(options: autocannon.Options, seconds = SECONDS): Promise<Load> {
  const runs: Load[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const result = await autocannon({ connections: CONNECTIONS, duration: seconds, timeout: 60, ...options });
    if (result.non2xx > 0 || result.errors > 0) log(`    ${String(options.url)}: ${result.non2xx} non-2xx answers, ${result.errors} errors in run ${i + 1}`);
    runs.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    await drained(String(options.url));
  }
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)) };
}

function persistedGet(base: string, operation: WidgetOperation): string {
  const url = new URL(`${base}/graphql`);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: operation.hash } }));
  url.searchParams.set('variables', JSON.stringify(operation.variables));
  return url.href;
}

const coldRequest = (base: string, operation: WidgetOperation): autocannon.Options => ({
  url: `${base}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } }, variables: operation.variables }),
});

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

/** The ceiling: `node:http` sending the bytes Pantau answers with, nothing else. */
async function ceiling(body: Buffer): Promise<{ url: string; close: () => void }> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body));
  return { url: await listen(server), close: () => server.close() };
}

/** The floor: hand-written SQL through `pg` behind `node:http`, answering JSON. */
async function floor(pool: pg.Pool, queries: { sql: string; params: unknown[] }[]): Promise<{ url: string; close: () => void }> {
  const server = createServer((_request, response) => {
    Promise.all(queries.map((q) => pool.query(q.sql, q.params)))
      .then((results) => {
        const body = JSON.stringify(results.map((r) => r.rows));
        response.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  return { url: await listen(server), close: () => server.close() };
}

async function singleClientLatency(base: string, operation: WidgetOperation): Promise<number> {
  const result = await autocannon({ ...coldRequest(base, operation), connections: 1, duration: SECONDS });
  return result.latency.p50;
}

async function statementsPerRequest(database: Database): Promise<{ ten: number; hundred: number }> {
  const yoga = createPantauYoga(database, { trace: true });
  const count = async (first: number) => {
    const response = await yoga.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ offices(first: ${first}, filter: { includeSynthetic: true }) { edges { node { code region { name province { name } } observations(limit: 3, includeSynthetic: true) { value metric { key } sources { key } } } } } }` }),
    });
    return ((await response.json()) as { extensions: { trace: { sqlStatements: number } } }).extensions.trace.sqlStatements;
  };
  return { ten: await count(10), hundred: await count(100) };
}

async function firstChartMs(base: string): Promise<number> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await page.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 30_000 });
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
  }
}

/** A 1,000,000-row CSV of valid figures for the import comparison. */
async function writeImportFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type\n');
  for (let i = 0; i < rows; i += 1) {
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    if (!out.write(`passports_issued,${i % 5000},2022-${month}-${day},2022-${month}-${day},kanwil-ditjenim-ntt,53,bench-import,${i % 2 ? 'ordinary' : 'electronic'}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

async function importComparison(database: Database, pool: pg.Pool, dir: string) {
  const rows = 1_000_000;
  const file = join(dir, 'import.csv');
  await writeImportFile(file, rows);
  await pool.query(`INSERT INTO source (key, kind, publisher, title, claim_id, claim_en) VALUES ('bench-import', 'DATASET', 'Pantau bench', 'Bench import', 'uji', 'bench') ON CONFLICT DO NOTHING`);
  const t0 = performance.now();
  const report = await importObservations(database, () => createReadStream(file), { format: 'CSV', caller: { kind: 'cli' } });
  const importSeconds = (performance.now() - t0) / 1000;
  if (report.inserted !== rows) throw new Error(`Import wrote ${report.inserted} rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  const client = await pool.connect();
  let copySeconds: number;
  try {
    await client.query(`CREATE TEMP TABLE copy_target (metric text, value numeric, period_start date, period_end date, office_code text, region_code text, source text, passport_type text)`);
    const t1 = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY copy_target FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    copySeconds = (performance.now() - t1) / 1000;
  } finally {
    client.release();
  }
  await pool.query(`DELETE FROM observation WHERE source_id = (SELECT id FROM source WHERE key = 'bench-import')`);
  return { rows, importRowsPerSecond: rows / importSeconds, copyRowsPerSecond: rows / copySeconds };
}

async function benchmarkServer(server: ServerProcess, pool: pg.Pool | null) {
  const results: Record<string, { cold: Load; warm: Load; ceiling?: Load; floor?: Load }> = {};
  for (const operation of widgetOperations) {
    log(`  ${operation.name}`);
    const getUrl = persistedGet(server.url, operation);
    const headers = { 'x-pantau-client': 'bench', accept: 'application/json' };
    const body = Buffer.from(await (await fetch(getUrl, { headers })).arrayBuffer());
    const warm = await load({ url: getUrl, headers });
    const cold = await load(coldRequest(server.url, operation), COLD_SECONDS);
    const entry: (typeof results)[string] = { cold, warm };
    if (pool) {
      const top = await ceiling(body);
      entry.ceiling = await load({ url: top.url });
      top.close();
      const bottom = await floor(pool, floorSql[operation.name] ?? []);
      entry.floor = await load({ url: bottom.url });
      bottom.close();
    }
    results[operation.name] = entry;
  }
  return results;
}

if (process.argv.includes('--render')) {
  // Rewrites bench/RESULTS.md from bench/results.json, without measuring again.
  const saved = JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as Parameters<typeof renderMarkdown>[0];
  writeFileSync(join(root, 'bench/RESULTS.md'), renderMarkdown(saved));
  process.exit(0);
}

const adminUrl = process.env.PANTAU_BENCH_DATABASE_URL ?? process.env.PANTAU_TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('pnpm bench needs PostgreSQL: set PANTAU_BENCH_DATABASE_URL (or PANTAU_TEST_DATABASE_URL) to a role that may CREATE DATABASE');
  process.exit(1);
}
// No rate limit, and a database wait long enough that 50 connections queueing for 10 pooled ones are slow, not refused.
const benchEnv = { PANTAU_SYNTHETIC: 'none', PANTAU_RATE_LIMIT_BURST: '1000000000', PANTAU_RATE_LIMIT_PER_SECOND: '1000000000', PANTAU_DB_TIMEOUT_MS: '60000' };
const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS pantau_bench WITH (FORCE)');
await admin.query('CREATE DATABASE pantau_bench');
await admin.end();
const url = new URL(adminUrl);
url.pathname = '/pantau_bench';
const databaseUrl = url.href;

try {
  log('Building the widgets');
  execFileSync('pnpm', ['--silent', 'build:widgets'], { cwd: root, stdio: 'ignore' });

  log('PostgreSQL: migrating, seeding, loading the large synthetic set');
  const postgres = await openDatabase({ databaseUrl, timeoutMs: 60_000 });
  await prepareDatabase(postgres);
  let t = performance.now();
  const summary = await loadSynthetic(postgres, 'large', 1);
  const loadSeconds = (performance.now() - t) / 1000;
  log(`  ${summary.observations} observations, ${summary.offices} offices, ${summary.partnerVillages} partner villages in ${loadSeconds.toFixed(0)} s`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });

  log('PostgreSQL: starting the server as production would and loading it');
  const pgServer = await startServerProcess({ ...benchEnv, DATABASE_URL: databaseUrl });
  const pgResults = await benchmarkServer(pgServer, pool);
  const statements = await statementsPerRequest(postgres);
  log('PostgreSQL: single-client latency');
  const mapStarted = performance.now();
  const nationalMap = coldRequest(pgServer.url, { name: 'national map', hash: hashOf('PantauDesaBinaanMap'), variables: { province: null, includeSynthetic: true } });
  await fetch(`${pgServer.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: String(nationalMap.body), signal: AbortSignal.timeout(600_000) });
  const nationalMapMs = performance.now() - mapStarted;
  const pgSingle = Object.fromEntries(await Promise.all(widgetOperations.map(async (op) => [op.name, await singleClientLatency(pgServer.url, op)] as const)));
  log('Widgets: first chart in Chromium');
  const firstChart = await firstChartMs(pgServer.url);
  await pgServer.stop();
  log('Import of 1,000,000 CSV rows vs COPY');
  const imports = await importComparison(postgres, pool, dir);
  await pool.end();
  await postgres.close();

  log('PGlite: loading the large synthetic set');
  const pgliteDir = join(dir, 'pglite');
  const pglite = await openDatabase({ dataDir: pgliteDir });
  await prepareDatabase(pglite);
  t = performance.now();
  await loadSynthetic(pglite, 'large', 1);
  const pgliteLoadSeconds = (performance.now() - t) / 1000;
  await pglite.close();
  const pgliteServer = await startServerProcess({ ...benchEnv, PANTAU_DATA_DIR: pgliteDir });
  const pgliteSingle: Record<string, number> = {};
  for (const op of widgetOperations) pgliteSingle[op.name] = await singleClientLatency(pgliteServer.url, op);
  await pgliteServer.stop();

  const sizes = widgetSizes();
  const results = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    dataset: { ...summary, postgresLoadSeconds: loadSeconds, pgliteLoadSeconds },
    settings: { runs: RUNS, secondsPerRun: SECONDS, connections: CONNECTIONS },
    operations: pgResults,
    statements,
    singleClientP50: { postgresql: pgSingle, pglite: pgliteSingle },
    widgets: { ...sizes, firstChartMs: firstChart },
    nationalMapMs,
    imports,
    totalSeconds: (Date.now() - started) / 1000,
  };
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = renderMarkdown(results);
  writeFileSync(join(root, 'bench/RESULTS.md'), markdown);
  console.log(`\n${markdown}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function renderMarkdown(r: {
  date: string;
  machine: string;
  dataset: { observations: number; offices: number; partnerVillages: number; postgresLoadSeconds: number; pgliteLoadSeconds: number };
  operations: Record<string, { cold: Load; warm: Load; ceiling?: Load; floor?: Load }>;
  statements: { ten: number; hundred: number };
  singleClientP50: { postgresql: Record<string, number>; pglite: Record<string, number> };
  widgets: { oneWidgetGzip: number; allFourGzip: number; firstChartMs: number };
  imports: { rows: number; importRowsPerSecond: number; copyRowsPerSecond: number };
  nationalMapMs: number;
  totalSeconds: number;
}): string {
  const n = (value: number, digits = 0) => value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const verdict = (ok: boolean, shortBy: string) => (ok ? 'met' : `missed, by ${shortBy}`);
  const lines = [
    '# Pantau benchmark',
    '',
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.machine}, by \`pnpm bench\` (${n(r.totalSeconds / 60, 1)} minutes).`,
    `Dataset: ${n(r.dataset.observations)} synthetic observations, ${n(r.dataset.offices)} offices, ${n(r.dataset.partnerVillages)} partner villages (loaded in ${n(r.dataset.postgresLoadSeconds)} s into PostgreSQL, ${n(r.dataset.pgliteLoadSeconds)} s into PGlite).`,
    `Load: autocannon, ${CONNECTIONS} connections, ${RUNS} runs of ${SECONDS} s each (cold: ${COLD_SECONDS} s), medians. Warm = anonymous persisted GET answered by the HTTP cache; cold = persisted POST through Yoga and SQL every time.`,
    '',
    '| operation | warm req/s | warm p50 / p99 ms | ceiling req/s | warm ÷ ceiling | cold req/s | cold p50 / p99 ms | floor req/s | cold ÷ floor | cold p99 ÷ p50 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...Object.entries(r.operations).map(([name, o]) => {
      const ceilingRatio = o.ceiling ? o.warm.rps / o.ceiling.rps : NaN;
      const floorRatio = o.floor ? o.cold.rps / o.floor.rps : NaN;
      const cold = o.cold.rps === 0 ? `0 | none within ${COLD_SECONDS} s` : `${n(o.cold.rps)} | ${n(o.cold.p50)} / ${n(o.cold.p99)}`;
      return `| ${name} | ${n(o.warm.rps)} | ${n(o.warm.p50)} / ${n(o.warm.p99)} | ${n(o.ceiling?.rps ?? NaN)} | ${n(ceilingRatio, 2)} | ${cold} | ${n(o.floor?.rps ?? NaN)} | ${n(floorRatio, 2)} | ${o.cold.rps === 0 ? '–' : n(o.cold.p99 / Math.max(o.cold.p50, 1), 1)} |`;
    }),
    '',
    '| measure | value | target | verdict |',
    '| --- | --- | --- | --- |',
    ...Object.entries(r.operations).flatMap(([name, o]) => {
      const ceilingRatio = o.ceiling ? o.warm.rps / o.ceiling.rps : NaN;
      const floorRatio = o.floor ? o.cold.rps / o.floor.rps : NaN;
      // No answer finished within a run: the operation is slower than the run, which is a miss, not a 0 ms.
      const noCold = o.cold.rps === 0;
      const pglite = r.singleClientP50.pglite[name] ?? 0;
      const postgres = r.singleClientP50.postgresql[name] ?? 0;
      const single = pglite && postgres ? `${n(pglite / postgres, 1)} (${n(pglite)} / ${n(postgres)} ms)` : `not measured: no answer within ${SECONDS} s (${n(pglite)} / ${n(postgres)} ms)`;
      return [
        `| ${name}: warm ÷ ceiling | ${n(ceilingRatio, 2)} | ≥ 0.5 | ${verdict(ceilingRatio >= 0.5, n(0.5 - ceilingRatio, 2))} |`,
        `| ${name}: cold p99 | ${noCold ? `no answer within ${COLD_SECONDS} s` : `${n(o.cold.p99)} ms`} | ≤ 50 ms | ${noCold ? `missed, by more than ${n(COLD_SECONDS * 1000 - 50)} ms` : verdict(o.cold.p99 <= 50, `${n(o.cold.p99 - 50)} ms`)} |`,
        `| ${name}: cold ÷ floor | ${n(floorRatio, 2)} | ≥ 0.6 | ${verdict(floorRatio >= 0.6, n(0.6 - floorRatio, 2))} |`,
        `| ${name}: cold p99 ÷ p50 | ${noCold ? 'not measured' : n(o.cold.p99 / Math.max(o.cold.p50, 1), 1)} | ≤ 3 | ${noCold ? 'missed (no answers)' : verdict(o.cold.p99 / Math.max(o.cold.p50, 1) <= 3, n(o.cold.p99 / Math.max(o.cold.p50, 1) - 3, 1))} |`,
        `| ${name}: PGlite ÷ PostgreSQL, one client, p50 | ${single} | ≤ 2.5 | ${pglite && postgres ? verdict(pglite / postgres <= 2.5, n(pglite / postgres - 2.5, 1)) : 'missed (not measured)'} |`,
      ];
    }),
    `| SQL statements, 10 vs 100 offices with regions and observations | ${r.statements.ten} vs ${r.statements.hundred} | equal | ${verdict(r.statements.ten === r.statements.hundred, `${r.statements.hundred - r.statements.ten} statements`)} |`,
    `| widget JavaScript, one widget (gzip) | ${n(r.widgets.oneWidgetGzip / 1024, 1)} KB | ≤ 150 KB | ${verdict(r.widgets.oneWidgetGzip <= 150 * 1024, `${n(r.widgets.oneWidgetGzip / 1024 - 150, 1)} KB`)} |`,
    `| widget JavaScript, all four (gzip) | ${n(r.widgets.allFourGzip / 1024, 1)} KB | ≤ 250 KB | ${verdict(r.widgets.allFourGzip <= 250 * 1024, `${n(r.widgets.allFourGzip / 1024 - 250, 1)} KB`)} |`,
    `| first chart drawn, demo page, headless Chromium | ${n(r.widgets.firstChartMs)} ms | ≤ 1,000 ms | ${verdict(r.widgets.firstChartMs <= 1000, `${n(r.widgets.firstChartMs - 1000)} ms`)} |`,
    `| national map, 20,000 points, one cold request | ${n(r.nationalMapMs)} ms | (no target) | for information |`,
    `| import of ${n(r.imports.rows)} CSV rows ÷ PostgreSQL COPY | ${n(r.imports.importRowsPerSecond)} ÷ ${n(r.imports.copyRowsPerSecond)} rows/s = ${n(r.imports.importRowsPerSecond / r.imports.copyRowsPerSecond, 2)} | ≥ 0.5 | ${verdict(r.imports.importRowsPerSecond / r.imports.copyRowsPerSecond >= 0.5, n(0.5 - r.imports.importRowsPerSecond / r.imports.copyRowsPerSecond, 2))} |`,
    '',
  ];
  return lines.join('\n');
}

// `pnpm bench`: Pantau against the limits it approaches, side by side in one run. Writes
// bench/RESULTS.md and bench/results.json. Needs a PostgreSQL server where the role may CREATE
// DATABASE: PANTAU_BENCH_DATABASE_URL, else PANTAU_TEST_DATABASE_URL.
//   --scale large   the default: about 1.09M observations (within 20 minutes on 2 cores)
//   --scale xlarge  about 10.9M: the large set copied by COPY (load time printed; PGlite not measured),
//                   written to bench/RESULTS-xlarge.md and bench/results-xlarge.json
//   --scale small   a quick check that the bench itself works; its figures mean nothing
//   --render        rewrite bench/RESULTS.md from bench/results.json without measuring (with --scale xlarge, its own files)
//   --reload        load the synthetic set again even when the cached copy holds it (test/bench/bench-database.ts)
//   --load-only     load (or check) the cached copies and stop
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '@pantau/prisma';
import { createApiKey } from '@pantau/server/auth';
import { startServerProcess } from '../support/server-process.ts';
import { widgetSizes } from '@pantau/widgets/scripts/report-size';
import { pgliteBenchDatabase, postgresBenchDatabase, type LoadedDataset } from './bench-database.ts';
import { firstChartMs, statementsPerRequest } from './browser-and-statements.ts';
import { embedFigures, seededEmbedFigures } from './embeds.ts';
import { importComparison } from './imports.ts';
import { COLD_RUNS, COLD_SECONDS, CONNECTIONS, elapsedSeconds, log, RUNS, SECONDS } from './measure.ts';
import { causesMarker, parseResults, renderMarkdown, type BenchResults } from './render.ts';
import { loadServer, nationalMapOnce, singleClient } from './server-bench.ts';
import { readsUnderWrites, singleWriteMs } from './writes.ts';
import { copyToXlarge } from './xlarge.ts';
import { limiterComparison } from './limiter.ts';
import { measureObservabilityOverhead } from './observability-overhead.ts';
import { sideSections, type SideFigures } from './side-sections.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const argument = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const scale = process.argv.includes('--scale') ? argument('--scale') : 'large';
// The 10M run has files of its own, so the default run's results and causes stay beside it.
const suffix = scale === 'xlarge' ? '-xlarge' : '';
const resultsPath = join(root, `bench/results${suffix}.json`);
const markdownPath = join(root, `bench/RESULTS${suffix}.md`);

/** What was written by hand below the marker in the current RESULTS.md. */
function keptCauses(): string {
  if (!existsSync(markdownPath)) return '';
  const text = readFileSync(markdownPath, 'utf8');
  const at = text.indexOf(causesMarker);
  return at < 0 ? '' : text.slice(at + causesMarker.length);
}

/** The side figures, above the hand-written causes. */
function withSideSections(markdown: string, figures: SideFigures): string {
  const sections = sideSections(figures);
  return sections ? markdown.replace(causesMarker, `${sections}\n\n${causesMarker}`) : markdown;
}

if (process.argv.includes('--render')) {
  const stored = readFileSync(resultsPath, 'utf8');
  writeFileSync(markdownPath, withSideSections(renderMarkdown(parseResults(stored), keptCauses()), JSON.parse(stored) as SideFigures));
  process.exit(0);
}

if (scale !== 'small' && scale !== 'large' && scale !== 'xlarge') {
  console.error(`--scale must be small, large or xlarge (got ${JSON.stringify(scale)})`);
  process.exit(1);
}
const syntheticScale = scale === 'small' ? 'small' : 'large';
const adminUrl = process.env.PANTAU_BENCH_DATABASE_URL ?? process.env.PANTAU_TEST_DATABASE_URL;
if (!adminUrl) {
  console.error('pnpm bench needs PostgreSQL: set PANTAU_BENCH_DATABASE_URL (or PANTAU_TEST_DATABASE_URL) to a role that may CREATE DATABASE');
  process.exit(1);
}
// No rate limit, and a database wait long enough that 50 connections queueing are slow, not refused.
const benchEnv = { PANTAU_SYNTHETIC: 'none', PANTAU_RATE_LIMIT_BURST: '1000000000', PANTAU_RATE_LIMIT_PER_SECOND: '1000000000', PANTAU_DB_TIMEOUT_MS: '60000' };
const dir = mkdtempSync(join(tmpdir(), 'pantau-bench-'));
const loadAtStart = loadavg()[0] ?? NaN;
const reload = process.argv.includes('--reload');

try {
  log(`PostgreSQL: the ${syntheticScale} synthetic set`);
  const loadedPostgres = await postgresBenchDatabase(adminUrl, syntheticScale, reload);
  const { databaseUrl, summary } = loadedPostgres;
  log(`  ${summary.observations} observations, ${summary.offices} offices, ${summary.partnerVillages} partner villages`);
  if (process.argv.includes('--load-only')) {
    if (scale !== 'xlarge') await pgliteBenchDatabase(dir, syntheticScale, reload);
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
  log('Building the widgets');
  execFileSync('pnpm', ['--silent', 'build:widgets'], { cwd: root, stdio: 'ignore' });
  const postgres = await openDatabase({ databaseUrl, timeoutMs: 600_000 });
  let observations = summary.observations;
  let xlarge: BenchResults['dataset']['xlarge'] = null;
  if (scale === 'xlarge') {
    log('PostgreSQL: copying to the xlarge scale by COPY');
    const copied = await copyToXlarge(databaseUrl);
    observations = copied.observations;
    xlarge = { copySeconds: copied.copySeconds, rollupSeconds: copied.rollupSeconds };
    log(`  ${copied.observations} observations: COPY ${copied.copySeconds.toFixed(0)} s, rollups rebuilt in ${copied.rollupSeconds.toFixed(0)} s`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query(
    `INSERT INTO source (key, kind, publisher, title, claim_id, claim_en) VALUES ('bench-import', 'DATASET', 'Pantau bench', 'Bench import', 'uji', 'bench') ON CONFLICT DO NOTHING`,
  );
  const adminKey = (await createApiKey(postgres, { name: 'bench-admin', scopes: ['ADMIN'] })).secret;

  log('PostgreSQL: starting the server as production would and loading it');
  const server = await startServerProcess({ ...benchEnv, DATABASE_URL: databaseUrl });
  const loaded = await loadServer(server.url, pool);
  const statements = await statementsPerRequest(postgres);
  log('PostgreSQL: the national map, one client per operation, writes');
  const nationalMap = await nationalMapOnce(server.url);
  const postgresSingle = await singleClient(server.url);
  const writeMs = await singleWriteMs(server.url, adminKey);
  log('PostgreSQL: widget reads at 50 connections while one write a second arrives');
  const underWrites = await readsUnderWrites(server.url, adminKey);
  log('Widgets: first chart in Chromium');
  // A loaded machine can keep Chromium from drawing within its wait: the run goes on without the figure.
  const firstChart = await firstChartMs(server.url).catch((error: unknown) => (log(`  no first chart: ${String(error).split('\n')[0]}`), NaN));
  log('Embeds: weight, first picture and chart, snapshot render time (benchmark data, then the seeded data)');
  const embeds = { 'benchmark data': await embedFigures(server.url), 'seeded data': await seededEmbedFigures() };
  await server.stop();
  log('PostgreSQL: warm throughput with the rate limiter in memory and shared through the database');
  const limiter = await limiterComparison(databaseUrl);
  writeFileSync(join(root, 'bench/limiter.json'), `${JSON.stringify({ date: new Date().toISOString(), scale, ...limiter }, null, 2)}\n`);
  log('Warm cached reads with and without metrics and JSON logs, side by side');
  const observability = await measureObservabilityOverhead((line) => log(line));
  const importRows = scale === 'small' ? 20_000 : 200_000;
  log(`Import of ${importRows.toLocaleString('en-GB')} CSV rows vs COPY`);
  const imports = await importComparison(postgres, pool, dir, importRows);
  await pool.end();
  await postgres.close();

  let pgliteLoad: LoadedDataset | null = null;
  let pgliteSingle: Record<string, number> | null = null;
  if (scale !== 'xlarge') {
    log(`PGlite: the ${syntheticScale} synthetic set`);
    const loadedPglite = await pgliteBenchDatabase(dir, syntheticScale, reload);
    pgliteLoad = loadedPglite;
    const pgliteServer = await startServerProcess({ ...benchEnv, PANTAU_DATA_DIR: loadedPglite.dataDir });
    pgliteSingle = await singleClient(pgliteServer.url);
    await pgliteServer.stop();
  }

  const results: BenchResults & Required<SideFigures> = {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    scale,
    dataset: {
      observations,
      offices: summary.offices,
      partnerVillages: summary.partnerVillages,
      postgresLoad: { ...loadedPostgres.seconds, reused: loadedPostgres.reused },
      xlarge,
      pgliteLoad: pgliteLoad && { ...pgliteLoad.seconds, reused: pgliteLoad.reused },
    },
    settings: { runs: RUNS, secondsPerRun: SECONDS, coldRuns: COLD_RUNS, coldSecondsPerRun: COLD_SECONDS, connections: CONNECTIONS },
    operations: loaded.operations,
    bareYoga: loaded.bareYoga,
    statements,
    singleClientP50: { postgresql: postgresSingle, pglite: pgliteSingle },
    nationalMap,
    readsUnderWrites: underWrites,
    singleWriteMs: writeMs,
    widgets: { ...widgetSizes(), firstChartMs: firstChart },
    embeds,
    limiter,
    observability,
    imports,
    loadAverage: { start: loadAtStart, end: loadavg()[0] ?? NaN },
    totalSeconds: elapsedSeconds(),
  };
  const markdown = withSideSections(renderMarkdown(results, keptCauses()), results);
  if (scale === 'small') {
    console.log(`\n${markdown}\n(--scale small: nothing written)`);
  } else {
    mkdirSync(join(root, 'bench'), { recursive: true });
    writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(markdownPath, markdown);
    console.log(`\n${markdown}`);
  }
  log(`Done in ${(elapsedSeconds() / 60).toFixed(1)} minutes`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The bench's databases, loaded once and copied for each run. The synthetic set goes into a template
// database (PostgreSQL) and a data directory (PGlite), each recording what it holds: the scale, the
// seed, the migrations and the generator's source. A run copies them (CREATE DATABASE ... TEMPLATE, a
// file copy for PGlite) and so starts from the same rows in seconds, however it wrote to the last copy.
// A different dataset, or `--reload`, loads them again.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadSynthetic, openDatabase, prepareDatabase, readMigrations, type ScaleName, type SyntheticSummary } from '@pantau/prisma';
import { log } from './measure.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = join(root, 'node_modules/.cache/pantau-bench');
const SEED = 1;

export interface LoadedDataset {
  summary: SyntheticSummary;
  /** Seconds of the load that made the cached copy, per phase, and whether this run reused it. */
  seconds: { references: number; copy: number; rollups: number; total: number };
  reused: boolean;
}

/** What a cached copy must match: the scale, the seed, every migration and the generator's code. */
function datasetKey(scale: ScaleName): string {
  const hash = createHash('sha256').update(`${scale}:${SEED}`);
  for (const migration of readMigrations()) hash.update(`${migration.name}:${migration.checksum}`);
  const generator = join(root, 'prisma/src/synthetic');
  for (const file of readdirSync(generator).sort()) hash.update(readFileSync(join(generator, file)));
  return hash.digest('hex').slice(0, 16);
}

async function timedLoad(options: Parameters<typeof openDatabase>[0], scale: ScaleName, where: string): Promise<Omit<LoadedDataset, 'reused'>> {
  const database = await openDatabase(options);
  try {
    await prepareDatabase(database);
    const seconds = { references: 0, copy: 0, rollups: 0, total: 0 };
    const started = performance.now();
    const summary = await loadSynthetic(database, scale, SEED, (phase, s) => {
      seconds[phase] = s;
      log(`  ${where}: ${phase} ${s.toFixed(1)} s`);
    });
    await database.sql.run((sql) => sql.exec('ANALYZE', { unbounded: true }));
    seconds.total = (performance.now() - started) / 1000;
    return { summary, seconds };
  } finally {
    await database.close();
  }
}

const withDatabase = (adminUrl: string, name: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
};

async function recorded(templateUrl: string): Promise<{ key: string; dataset: Omit<LoadedDataset, 'reused'> } | null> {
  const client = new pg.Client({ connectionString: templateUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ key: string; dataset: Omit<LoadedDataset, 'reused'> }>('SELECT key, dataset FROM bench_dataset');
    return rows[0] ?? null;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** `pantau_bench`, a fresh copy of the template holding `scale`; the template is loaded first when missing or different. */
export async function postgresBenchDatabase(adminUrl: string, scale: ScaleName, reload: boolean): Promise<LoadedDataset & { databaseUrl: string }> {
  const template = `pantau_bench_template_${scale}`;
  const templateUrl = withDatabase(adminUrl, template);
  const key = datasetKey(scale);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const held = reload ? null : await recorded(templateUrl);
    let dataset = held?.key === key ? held.dataset : null;
    const reused = dataset !== null;
    if (dataset) log(`  PostgreSQL: the ${scale} set is cached in ${template} (loaded in ${dataset.seconds.total.toFixed(0)} s); --reload loads it again`);
    else {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${template}`);
      // Statements may run long: the rollup rebuild after a 1M load takes a minute on a busy machine.
      dataset = await timedLoad({ databaseUrl: templateUrl, timeoutMs: 3_600_000 }, scale, 'PostgreSQL');
      const client = new pg.Client({ connectionString: templateUrl });
      await client.connect();
      await client.query('CREATE TABLE bench_dataset (key TEXT NOT NULL, dataset JSONB NOT NULL)');
      await client.query('INSERT INTO bench_dataset VALUES ($1, $2)', [key, JSON.stringify(dataset)]);
      await client.end();
    }
    const copied = performance.now();
    await admin.query('DROP DATABASE IF EXISTS pantau_bench WITH (FORCE)');
    await admin.query(`CREATE DATABASE pantau_bench TEMPLATE ${template}`);
    log(`  PostgreSQL: pantau_bench copied from ${template} in ${((performance.now() - copied) / 1000).toFixed(1)} s`);
    return { ...dataset, reused, databaseUrl: withDatabase(adminUrl, 'pantau_bench') };
  } finally {
    await admin.end();
  }
}

/** A fresh PGlite data directory in `dir` holding `scale`, copied from the cached one (loaded first when missing or different). */
export async function pgliteBenchDatabase(dir: string, scale: ScaleName, reload: boolean): Promise<LoadedDataset & { dataDir: string }> {
  const cached = join(cacheDir, `pglite-${scale}`);
  const marker = join(cacheDir, `pglite-${scale}.json`);
  const key = datasetKey(scale);
  const held = !reload && existsSync(marker) ? (JSON.parse(readFileSync(marker, 'utf8')) as { key: string; dataset: Omit<LoadedDataset, 'reused'> }) : null;
  let dataset = held?.key === key && existsSync(cached) ? held.dataset : null;
  const reused = dataset !== null;
  if (dataset) log(`  PGlite: the ${scale} set is cached in ${cached} (loaded in ${dataset.seconds.total.toFixed(0)} s)`);
  else {
    rmSync(marker, { force: true });
    rmSync(cached, { recursive: true, force: true });
    dataset = await timedLoad({ dataDir: cached }, scale, 'PGlite');
    writeFileSync(marker, JSON.stringify({ key, dataset }));
  }
  const dataDir = join(dir, 'pglite');
  cpSync(cached, dataDir, { recursive: true });
  return { ...dataset, reused, dataDir };
}

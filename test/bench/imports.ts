// Import of CSV rows through Pantau against PostgreSQL's COPY of the same rows into the same table.
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '@pantau/prisma';
import { importObservations } from '@pantau/server/imports';

/** Row i's own key: a day from 2000 on, one of NTT's regencies, a passport type (the natural key refuses repeats). */
function rowKey(i: number, regencies: string[]) {
  const days = 8000;
  const day = new Date(Date.UTC(2000, 0, 1) + (i % days) * 86_400_000).toISOString().slice(0, 10);
  const region = regencies[Math.floor(i / days) % regencies.length] ?? '53';
  const passport = Math.floor(i / (days * regencies.length)) % 2 ? 'ordinary' : 'electronic';
  return { day, region, passport };
}

const nttRegencies = async (pool: pg.Pool) =>
  (await pool.query<{ code: string }>(`SELECT code FROM region WHERE level = 'REGENCY' AND province_code = '53' ORDER BY code`)).rows.map((row) => row.code);

async function writeImportFile(path: string, rows: number, regencies: string[]): Promise<void> {
  const out = createWriteStream(path);
  out.write('metric,value,period_start,period_end,office_code,region_code,source,dim.passport_type\n');
  for (let i = 0; i < rows; i += 1) {
    const { day, region, passport } = rowKey(i, regencies);
    if (!out.write(`passports_issued,${i % 5000},${day},${day},kanwil-ditjenim-ntt,${region},bench-import,${passport}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/** The same rows in `observation`'s own columns (ids resolved once), as COPY's text format reads them. */
async function writeCopyFile(path: string, pool: pg.Pool, rows: number, regencies: string[]): Promise<void> {
  const { rows: ids } = await pool.query<{ metric: number; office: number; source: number }>(
    `SELECT (SELECT id FROM metric WHERE key = 'passports_issued') AS metric, (SELECT id FROM office WHERE code = 'kanwil-ditjenim-ntt') AS office,
            (SELECT id FROM source WHERE key = 'bench-import') AS source`,
  );
  const { metric, office, source } = ids[0] ?? { metric: 0, office: 0, source: 0 };
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i += 1) {
    const { day, region, passport } = rowKey(i, regencies);
    if (!out.write(`${metric}\t${i % 5000}\t${day}\t${day}\t${office}\t${region}\t${source}\t{"passport_type":"${passport}"}\n`)) {
      await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const removeImported = (pool: pg.Pool) =>
  pool.query(`DELETE FROM observation WHERE source_id = (SELECT id FROM source WHERE key = 'bench-import') AND period_start < '2023-01-01'`);

/**
 * Pantau's import of a CSV file against COPY of the same rows into the same table, `observation`,
 * with its foreign keys, indexes and triggers (the rollups' deltas and the change feed): what an
 * import cannot avoid. Each starts from the same table; the rows are removed after each.
 */
export async function importComparison(database: Database, pool: pg.Pool, dir: string, rows = 200_000) {
  const file = join(dir, 'import.csv');
  const copyFile = join(dir, 'import.copy');
  const regencies = await nttRegencies(pool);
  await writeImportFile(file, rows, regencies);
  await writeCopyFile(copyFile, pool, rows, regencies);
  const t0 = performance.now();
  const report = await importObservations(database, () => createReadStream(file), { format: 'CSV', caller: { kind: 'cli' } });
  const importSeconds = (performance.now() - t0) / 1000;
  if (report.inserted !== rows) throw new Error(`Import wrote ${report.inserted} rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  await removeImported(pool);
  const client = await pool.connect();
  let copySeconds: number;
  try {
    const t1 = performance.now();
    await pipeline(
      createReadStream(copyFile),
      client.query(copyFrom(`COPY observation (metric_id, value, period_start, period_end, office_id, region_code, source_id, dimensions) FROM STDIN`)),
    );
    copySeconds = (performance.now() - t1) / 1000;
  } finally {
    client.release();
  }
  await removeImported(pool);
  return { rows, importSeconds, copySeconds, importRowsPerSecond: rows / importSeconds, copyRowsPerSecond: rows / copySeconds };
}

// Import of 1,000,000 CSV rows through Pantau against PostgreSQL's COPY of the same file into a
// table of the same columns.
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '@pantau/prisma';
import { importObservations } from '@pantau/server/imports';

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

export async function importComparison(database: Database, pool: pg.Pool, dir: string, rows = 1_000_000) {
  const file = join(dir, 'import.csv');
  await writeImportFile(file, rows);
  const t0 = performance.now();
  const report = await importObservations(database, () => createReadStream(file), { format: 'CSV', caller: { kind: 'cli' } });
  const importSeconds = (performance.now() - t0) / 1000;
  if (report.inserted !== rows) throw new Error(`Import wrote ${report.inserted} rows: ${JSON.stringify(report.rejected.slice(0, 3))}`);
  const client = await pool.connect();
  let copySeconds: number;
  try {
    await client.query(
      `CREATE TEMP TABLE copy_target (metric text, value numeric, period_start date, period_end date, office_code text, region_code text, source text, passport_type text)`,
    );
    const t1 = performance.now();
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY copy_target FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    copySeconds = (performance.now() - t1) / 1000;
  } finally {
    client.release();
  }
  await pool.query(`DELETE FROM observation WHERE source_id = (SELECT id FROM source WHERE key = 'bench-import') AND period_start < '2023-01-01'`);
  return { rows, importSeconds, copySeconds, importRowsPerSecond: rows / importSeconds, copyRowsPerSecond: rows / copySeconds };
}

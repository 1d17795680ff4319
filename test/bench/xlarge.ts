// `--scale xlarge`: the large synthetic set (about 1.09M observations) copied nine more times, each
// copy four years earlier, by COPY out of and back into `observation` (about 10.9M rows), with the
// row triggers off during the copy and the rollups rebuilt once at the end.
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const columns = 'metric_id, value, is_lower_bound, period_start, period_end, office_id, region_code, program_id, campaign_id, dimensions, synthetic, published, source_id';

export async function copyToXlarge(databaseUrl: string, copies = 9): Promise<{ observations: number; copySeconds: number; rollupSeconds: number }> {
  const reader = new pg.Client({ connectionString: databaseUrl });
  const writer = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([reader.connect(), writer.connect()]);
  try {
    const { rows } = await reader.query<{ max: number }>('SELECT max(id)::int AS max FROM observation');
    const lastOriginal = rows[0]?.max ?? 0;
    await writer.query('ALTER TABLE observation DISABLE TRIGGER USER');
    const started = performance.now();
    for (let copy = 1; copy <= copies; copy += 1) {
      const shifted = columns.replace(
        'period_start, period_end',
        `(period_start - make_interval(years => ${4 * copy}))::date, (period_end - make_interval(years => ${4 * copy}))::date`,
      );
      await pipeline(
        reader.query(copyTo(`COPY (SELECT ${shifted} FROM observation WHERE id <= ${lastOriginal}) TO STDOUT`)),
        writer.query(copyFrom(`COPY observation (${columns}) FROM STDIN`)),
      );
    }
    const copySeconds = (performance.now() - started) / 1000;
    await writer.query('ALTER TABLE observation ENABLE TRIGGER USER');
    const rebuilt = performance.now();
    await writer.query('SET statement_timeout = 0');
    await writer.query('SELECT refresh_all_rollups()');
    await writer.query('ANALYZE');
    const rollupSeconds = (performance.now() - rebuilt) / 1000;
    const count = await reader.query<{ n: number }>('SELECT count(*)::int AS n FROM observation');
    return { observations: count.rows[0]?.n ?? 0, copySeconds, rollupSeconds };
  } finally {
    await Promise.all([reader.end(), writer.end()]);
  }
}

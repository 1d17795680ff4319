import { createHash } from 'node:crypto';
import type { Database, SqlConnection } from '@pantau/prisma';
import { hasScope, type Caller } from '../auth/api-keys.ts';
import { actorOf, checkIdempotencyKey } from './audited-write.ts';
import { readCsvRecords } from './import-csv.ts';
import { importText } from './import-file-format.ts';
import { readJsonLinesRecords } from './import-jsonl.ts';
import { csvColumns, type ParsedRecord } from './import-record.ts';
import { conflict, forbidden } from './invalid-input.ts';
import { checkObservation, ObservationReferences, type ObservationData } from './observation-rules.ts';
import { writableOfficeIds } from './office-scope.ts';
import { noteActivity } from '../observability/activity.ts';

/** CSV with a header row, or JSON Lines (one JSON object per line). */
export type ImportFormat = 'CSV' | 'JSONL';

export interface RejectedRow {
  /** Line in the file where the record starts. */
  line: number | null;
  /** 1-based position of the record among the file's records. */
  record: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  /** SHA-256 of the file as received. */
  fileHash: string;
  rows: number;
  inserted: number;
  rejectedCount: number;
  /** The first rejections (at most 1,000; `rejectedCount` counts all). */
  rejected: RejectedRow[];
  /** True when nothing was written: a dry run, or any rejected row. */
  rolledBack: boolean;
  /** True when this answer is the stored answer to an earlier request with the same idempotency key. */
  replayed: boolean;
}

export interface ImportOptions {
  format: ImportFormat;
  caller: Caller;
  dryRun?: boolean;
  idempotencyKey?: string | null;
  /** Admin only: publish the figures at once. */
  publish?: boolean;
}

/** A file that can be read more than once (a path on disk, an uploaded File). */
export type FileSource = () => AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

const MAX_REPORTED = 1_000;
const BATCH = 2_000;

const columnOfField = Object.fromEntries(Object.entries(csvColumns).map(([column, field]) => [field, column]));

/** The source's bytes, whichever kind of stream it gives. */
const bytesOf = (source: FileSource): AsyncIterable<Uint8Array> => source() as AsyncIterable<Uint8Array>;

/** Reads the records of a file one at a time, hashing every byte on the way; a file it cannot read is refused. */
function readRecords(source: FileSource, format: ImportFormat, hash: ReturnType<typeof createHash>): AsyncGenerator<ParsedRecord> {
  const text = importText(bytesOf(source), (chunk) => hash.update(chunk));
  return format === 'CSV' ? readCsvRecords(text) : readJsonLinesRecords(text);
}

async function hashOnly(source: FileSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of bytesOf(source)) hash.update(chunk);
  return hash.digest('hex');
}

async function insertBatch(connection: SqlConnection, rows: ObservationData[], published: boolean): Promise<void> {
  if (rows.length === 0) return;
  await connection.query(
    `INSERT INTO observation (metric_id, value, period_start, period_end, office_id, region_code, program_id, campaign_id, source_id, is_lower_bound, dimensions, synthetic, published)
     SELECT m, v, ps, pe, o, r, p, c, s, lb, d, false, $12
     FROM unnest($1::int[], $2::numeric[], $3::date[], $4::date[], $5::int[], $6::text[], $7::int[], $8::int[], $9::int[], $10::bool[], $11::jsonb[]) AS t(m, v, ps, pe, o, r, p, c, s, lb, d)`,
    [
      rows.map((r) => r.metricId),
      rows.map((r) => r.value),
      rows.map((r) => r.periodStart.toISOString().slice(0, 10)),
      rows.map((r) => r.periodEnd.toISOString().slice(0, 10)),
      rows.map((r) => r.officeId),
      rows.map((r) => r.regionCode),
      rows.map((r) => r.programId),
      rows.map((r) => r.campaignId),
      rows.map((r) => r.sourceId),
      rows.map((r) => r.isLowerBound),
      rows.map((r) => JSON.stringify(r.dimensions)),
      published,
    ],
  );
}

/** Thrown inside the transaction to roll it back while keeping the report. */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}

/**
 * Imports observations all or nothing: the file is streamed (never held in memory), each row checked
 * with the same rules as `createObservation` and inserted in batches inside one transaction, which
 * commits only when no row was rejected and this is not a dry run. The report names every rejected
 * row's line, column and reason. With an idempotency key, the same file sent again returns the first
 * report and writes nothing; another file under the same key is refused.
 */
export async function importObservations(database: Database, source: FileSource, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const report = await importAllOrNothing(database, source, options);
  if (!report.replayed) noteActivity({ kind: 'import', seconds: (performance.now() - started) / 1000, rows: report.rows, inserted: report.inserted });
  return report;
}

async function importAllOrNothing(database: Database, source: FileSource, options: ImportOptions): Promise<ImportReport> {
  checkIdempotencyKey(options.idempotencyKey);
  if (options.publish && !hasScope(options.caller, 'ADMIN')) throw forbidden('`publish` needs an admin key');
  const { actor, name, apiKeyId } = actorOf(options.caller);
  const key = options.idempotencyKey ?? null;
  const operation = `observations.import:${options.format}:${options.dryRun ? 'dry-run' : 'commit'}`;

  const replay = async (fileHash: string): Promise<ImportReport | null> => {
    if (!key) return null;
    const existing = await database.prisma.idempotencyRecord.findUnique({ where: { actor_key: { actor, key } } });
    if (!existing) return null;
    if (existing.requestHash !== fileHash || existing.operation !== operation) {
      throw conflict(`\`idempotencyKey\` "${key}" was already used for a different file or operation; use a new key for a new import`, { argument: 'idempotencyKey' });
    }
    return { ...(existing.response as unknown as ImportReport), replayed: true };
  };

  if (key && (await database.prisma.idempotencyRecord.count({ where: { actor, key } }))) {
    const earlier = await replay(await hashOnly(source));
    if (earlier) return earlier;
  }

  const writable = await writableOfficeIds(database, options.caller);
  const hash = createHash('sha256');
  let fileHash = '';
  try {
    return await database.sql.transaction(async (connection) => {
      // The monthly rollup is recomputed once, for the metric-months this file touched, before commit.
      await connection.query(`SELECT set_config('pantau.defer_rollup', 'on', true)`);
      const touched = new Set<string>();
      const references = new ObservationReferences((sql, params) => connection.query(sql, params));
      const report: ImportReport = { format: options.format, dryRun: Boolean(options.dryRun), fileHash: '', rows: 0, inserted: 0, rejectedCount: 0, rejected: [], rolledBack: false, replayed: false };
      let batch: ObservationData[] = [];
      const reject = (record: ParsedRecord, column: string, reason: string) => {
        report.rejectedCount += 1;
        if (report.rejected.length < MAX_REPORTED) report.rejected.push({ line: record.line, record: record.record, column, reason });
      };
      for await (const record of readRecords(source, options.format, hash)) {
        report.rows += 1;
        for (const problem of record.problems) reject(record, problem.column, problem.reason);
        const checked = await checkObservation(record.fields, references, { writableOffices: writable });
        // A column the reader already faulted (an ambiguous number, a day/month date) is named once.
        const faulted = new Set(record.problems.map((problem) => problem.column));
        for (const violation of checked.violations) {
          const column = options.format === 'CSV' ? (columnOfField[violation.field] ?? violation.field.replace(/^dimensions\./, 'dim.')) : violation.field;
          if (!faulted.has(column)) reject(record, column, `${column} ${violation.rule}`);
        }
        if (!checked.data || record.problems.length > 0) continue;
        // Once a row is rejected nothing will be written; keep checking the rest for the report only.
        if (report.rejectedCount > 0 || options.dryRun) continue;
        batch.push(checked.data);
        touched.add(`${checked.data.metricId}|${checked.data.periodStart.toISOString().slice(0, 7)}-01`);
        if (batch.length >= BATCH) {
          await insertBatch(connection, batch, Boolean(options.publish));
          report.inserted += batch.length;
          batch = [];
        }
      }
      fileHash = hash.digest('hex');
      report.fileHash = fileHash;
      if (report.rejectedCount > 0 || options.dryRun) throw new RollBack({ ...report, inserted: 0, rolledBack: true });
      await insertBatch(connection, batch, Boolean(options.publish));
      report.inserted += batch.length;
      const keys = [...touched].map((key) => key.split('|'));
      const refreshStarted = performance.now();
      await connection.query('SELECT refresh_observation_monthly($1::int[], $2::date[])', [keys.map(([metric]) => Number(metric)), keys.map(([, month]) => month)]);
      noteActivity({ kind: 'rollup-refresh', seconds: (performance.now() - refreshStarted) / 1000 });
      await connection.query(
        `INSERT INTO audit_log (api_key_id, actor, action, entity, idempotency_key, after, file_hash, inserted, rejected)
         VALUES ($1, $2, 'observations.import', 'observation', $3, $4::jsonb, $5, $6, 0)`,
        [apiKeyId, name, key, JSON.stringify({ format: options.format, rows: report.rows, published: Boolean(options.publish) }), report.fileHash, report.inserted],
      );
      if (key) {
        await connection.query(`INSERT INTO idempotency_record (actor, idempotency_key, operation, request_hash, response) VALUES ($1, $2, $3, $4, $5::jsonb)`, [
          actor,
          key,
          operation,
          report.fileHash,
          JSON.stringify(report),
        ]);
      }
      return report;
    });
  } catch (error) {
    if (error instanceof RollBack) return error.report;
    // Lost a race for the same idempotency key: the committed import's report is the answer.
    if (key && (error as { code?: string }).code === '23505') {
      const winner = await replay(fileHash || (await hashOnly(source)));
      if (winner) return winner;
    }
    throw error;
  }
}

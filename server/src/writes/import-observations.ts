import { createHash } from 'node:crypto';
import type { Database } from '@pantau/prisma';
import { hasScope, type Caller } from '../auth/api-keys.ts';
import { forbidden } from '../schema/errors.ts';
import { actorOf, writeAuditRow } from './audit-row.ts';
import { conflict } from '../schema/errors.ts';
import { checkIdempotencyKey, idempotently, recordAnswer } from './idempotency.ts';
import { readCsvRecords } from './import-csv.ts';
import { importText } from './import-file-format.ts';
import { readJsonLinesRecords } from './import-jsonl.ts';
import type { ParsedRecord } from './import-record.ts';
import { checkReason, isNaturalKeyViolation, keyRuleParameters, resolveMode, type ImportMode, type ReplaceScope } from './import-mode.ts';
import { resolveStaged, stageRecords, stagedRejections, type ImportFormat, type RejectedRow } from './import-staging.ts';
import { storeStaged } from './import-store.ts';
import { checkParameters } from './observation-checks.ts';
import { writableOfficeIds } from './office-scope.ts';
import { connectionStatements, prismaStatements } from './statements.ts';
import { noteActivity } from '../observability/activity.ts';

export type { ImportFormat, ImportMode, RejectedRow, ReplaceScope };

export interface ImportReport {
  format: ImportFormat;
  dryRun: boolean;
  /** SHA-256 of the file as received. */
  fileHash: string;
  mode: ImportMode;
  rows: number;
  inserted: number;
  /** Stored figures the file corrected; each kept its earlier version as a revision. */
  revised: number;
  /** Stored figures the file states again exactly (UPSERT, REPLACE): left as they were. */
  unchanged: number;
  /** Figures of the replaced office and period the file no longer holds (REPLACE): removed, kept as revisions. */
  withdrawn: number;
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
  /** @default 'APPEND' */
  mode?: ImportMode;
  /** The office and period a `REPLACE` import replaces. */
  replace?: ReplaceScope | null;
  /** Why stored figures are corrected, kept with each revision. @default the mode and the file's hash */
  reason?: string | null;
}

/** A file that can be read more than once (a path on disk, an uploaded File). */
export type FileSource = () => AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

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

/** Thrown inside the transaction to roll it back while keeping the report. */
class RollBack extends Error {
  constructor(readonly report: ImportReport) {
    super('rolled back');
  }
}

/**
 * Imports observations all or nothing. The file is streamed (never held in memory) into a staging
 * table with COPY, checked there with the rules of `createObservation` in one set-based statement,
 * and stored in one INSERT, all in one transaction that commits only when no row was rejected and
 * this is not a dry run. The report names every rejected row's line, column and reason. With an
 * idempotency key, the same file sent again returns the first report and writes nothing; another
 * file under the same key is refused.
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
  checkReason(options.reason);
  const key = options.idempotencyKey ?? null;
  const mode = options.mode ?? 'APPEND';
  const scope = options.replace ? `:${options.replace.officeCode}:${options.replace.periodStart}:${options.replace.periodEnd}` : '';
  const operation = `observations.import:${options.format}:${options.dryRun ? 'dry-run' : 'commit'}${mode === 'APPEND' ? '' : `:${mode}${scope}`}`;
  const claim = key ? { actor: actorOf(options.caller).actor, key, operation } : null;
  let fileHash = '';

  return idempotently<ImportReport>(
    prismaStatements(database.prisma),
    {
      claim,
      requestHash: async () => fileHash || (await hashOnly(source)),
      refusal: () => `\`idempotencyKey\` "${key}" was already used for a different file or operation; use a new key for a new import`,
      replayed: (stored) => ({ ...stored, replayed: true }),
    },
    async () => {
      const writable = await writableOfficeIds(database, options.caller);
      const checkParams = checkParameters(writable);
      const resolved = await resolveMode(database, mode, options.replace, writable);
      const hash = createHash('sha256');
      try {
        return await database.sql.transaction(async (connection) => {
          const rows = await stageRecords(connection, readRecords(source, options.format, hash));
          fileHash = hash.digest('hex');
          await resolveStaged(connection);
          const rejections = await stagedRejections(connection, options.format, checkParams, keyRuleParameters(resolved));
          const report: ImportReport = {
            format: options.format,
            dryRun: Boolean(options.dryRun),
            fileHash,
            mode,
            rows,
            inserted: 0,
            revised: 0,
            unchanged: 0,
            withdrawn: 0,
            rejectedCount: rejections.count,
            rejected: rejections.first,
            rolledBack: false,
            replayed: false,
          };
          if (report.rejectedCount > 0 || options.dryRun) throw new RollBack({ ...report, rolledBack: true });
          // The insert's statement triggers bring the rollups up to date: its time is the rollup maintenance.
          const insertStarted = performance.now();
          const note = { revisedBy: actorOf(options.caller).name, reason: options.reason?.trim() || `${mode} import of the file with SHA-256 ${fileHash}` };
          Object.assign(report, await storeStaged(connection, { published: Boolean(options.publish), mode: resolved, note }));
          noteActivity({ kind: 'rollup-refresh', seconds: (performance.now() - insertStarted) / 1000 });
          const statements = connectionStatements(connection);
          await writeAuditRow(statements, options.caller, key, {
            action: 'observations.import',
            entity: 'observation',
            after: { format: options.format, mode, replace: options.replace ?? null, rows: report.rows, published: Boolean(options.publish) },
            fileHash,
            inserted: report.inserted,
            updated: report.revised,
            deleted: report.withdrawn,
          });
          if (claim) await recordAnswer(statements, claim, fileHash, report);
          return report;
        });
      } catch (error) {
        if (error instanceof RollBack) return error.report;
        // Another writer stored one of these keys after the checks ran: nothing of this file was written.
        if (isNaturalKeyViolation(error))
          throw conflict('Another write stored a figure with the same key as a row of this file meanwhile; nothing was written. Send the file again', { argument: 'file' });
        throw error;
      }
    },
  );
}

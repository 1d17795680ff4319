import { importObservations, type ImportReport as Report, type RejectedRow } from '../../writes/import-observations.ts';
import { builder } from '../builder.ts';
import { idempotencyKeyDescription } from './delete-payload.ts';

const ImportFormat = builder.enumType('ImportFormat', {
  description: 'File formats `importObservations` reads.',
  values: {
    CSV: {
      description:
        'CSV with a header row: metric, value, unit, period_start, period_end, office_code, region_code, program, campaign, source, is_lower_bound, and dim.<key> per dimension.',
    },
    JSONL: { description: 'JSON Lines: one object per line with the fields of `ObservationInput` (`dimensions` as an object).' },
  } as const,
});

const RejectedRowRef = builder.objectRef<RejectedRow>('RejectedRow').implement({
  description: 'A row the import refused, and why.',
  fields: (t) => ({
    line: t.exposeInt('line', { nullable: true, description: 'Line in the file.' }),
    record: t.exposeInt('record', { description: 'Position of the record among the file’s records (1-based).' }),
    column: t.exposeString('column', { description: 'The column (CSV) or field (JSON) at fault.' }),
    reason: t.exposeString('reason', { description: 'The rule it broke.' }),
  }),
});

const ImportReportRef = builder.objectRef<Report>('ImportReport').implement({
  description: 'What an import did: all rows written, or none.',
  fields: (t) => ({
    format: t.field({ type: ImportFormat, description: 'Format read.', resolve: (r) => r.format }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when only checked.' }),
    fileHash: t.exposeString('fileHash', { description: 'SHA-256 of the file as received.' }),
    rows: t.exposeInt('rows', { description: 'Records read.' }),
    inserted: t.exposeInt('inserted', { description: 'Observations written (0 unless every row passed and this was no dry run).' }),
    rejectedCount: t.exposeInt('rejectedCount', { description: 'Rejected rows, all of them.' }),
    rejected: t.field({ type: [RejectedRowRef], description: 'The first 1,000 rejected rows, each with line, column and reason.', resolve: (r) => r.rejected }),
    rolledBack: t.exposeBoolean('rolledBack', { description: 'True when nothing was written.' }),
    replayed: t.exposeBoolean('replayed', { description: 'True when this is the stored report of an earlier import with the same idempotency key.' }),
  }),
});

/** The file's bytes chunk by chunk, through the web stream reader that every File implementation offers. */
async function* chunksOf(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

builder.mutationField('importObservations', (t) =>
  t.field({
    type: ImportReportRef,
    authScopes: { writeObservations: true },
    description:
      'Imports a file of observations in one transaction: every row is checked as `createObservation` would, and nothing is written unless all pass. Needs `write:observations`. Large files: use `pnpm pantau import`.',
    args: {
      file: t.arg({ type: 'File', required: true, description: 'The file (GraphQL multipart request).' }),
      format: t.arg({ type: ImportFormat, defaultValue: 'CSV', description: 'CSV (default) or JSONL.' }),
      dryRun: t.arg.boolean({ defaultValue: false, description: 'Check every row and report, write nothing.' }),
      publish: t.arg.boolean({ defaultValue: false, description: 'Admin keys only: publish the figures at once.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) =>
      importObservations(context.database, () => chunksOf(args.file), {
        format: args.format ?? 'CSV',
        caller: context.caller,
        dryRun: args.dryRun ?? false,
        publish: args.publish ?? false,
        idempotencyKey: args.idempotencyKey,
      }),
  }),
);

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

const ImportMode = builder.enumType('ImportMode', {
  description: 'What an import does with a row whose natural key (metric, period, office, region, program, campaign, dimensions) is already stored.',
  values: {
    APPEND: { description: 'Refuse it, reported by line (the default): a file sent twice cannot count twice.' },
    UPSERT: { description: 'Revise the stored figure: its earlier value is kept as a revision (`Observation.revisions`).' },
    REPLACE: {
      description:
        'For the office and period in `replace`: the file becomes all of that office’s figures of the period. Stored figures it states again are revised, those it leaves out are withdrawn (kept as revisions); every row must belong to that office and period.',
    },
  } as const,
});

const ImportReplaceScope = builder.inputType('ImportReplaceScope', {
  description: 'The office and period a REPLACE import replaces.',
  fields: (t) => ({
    officeCode: t.string({ required: true, description: 'Office code, e.g. `kanim-kupang`.' }),
    periodStart: t.field({ type: 'Date', required: true, description: 'First day of the replaced period.' }),
    periodEnd: t.field({ type: 'Date', required: true, description: 'Last day of the replaced period; figures whose period lies within it are replaced.' }),
  }),
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
    mode: t.field({ type: ImportMode, description: 'Mode used.', resolve: (r) => r.mode ?? 'APPEND' }),
    rows: t.exposeInt('rows', { description: 'Records read.' }),
    inserted: t.exposeInt('inserted', { description: 'New observations written (0 unless every row passed and this was no dry run).' }),
    revised: t.int({ description: 'Stored observations corrected (UPSERT, REPLACE); each kept its earlier version as a revision.', resolve: (r) => r.revised ?? 0 }),
    unchanged: t.int({ description: 'Stored observations the file states again exactly: left as they were.', resolve: (r) => r.unchanged ?? 0 }),
    withdrawn: t.int({
      description: 'Observations of the replaced office and period the file leaves out (REPLACE): removed, kept as revisions.',
      resolve: (r) => r.withdrawn ?? 0,
    }),
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
      publish: t.arg.boolean({
        defaultValue: false,
        description: 'Admin keys only: publish the figures at once (and the figures it corrects; otherwise a corrected figure waits for an admin again).',
      }),
      mode: t.arg({ type: ImportMode, defaultValue: 'APPEND', description: 'What to do with rows whose key is already stored (default APPEND: refuse them).' }),
      replace: t.arg({ type: ImportReplaceScope, description: 'With mode REPLACE (and only then): the office and period the file replaces.' }),
      reason: t.arg.string({ description: 'Why stored figures are corrected (at most 500 characters), kept with each revision; default: the mode and the file’s SHA-256.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) =>
      importObservations(context.database, () => chunksOf(args.file), {
        format: args.format ?? 'CSV',
        caller: context.caller,
        dryRun: args.dryRun ?? false,
        publish: args.publish ?? false,
        idempotencyKey: args.idempotencyKey,
        mode: args.mode ?? 'APPEND',
        replace: args.replace ?? null,
        reason: args.reason ?? null,
      }),
  }),
);

// The commands of `pnpm pantau`, given an open database, so tests run them as the CLI does.
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { execute, GraphQLError, parse } from 'graphql';
import type { Database } from '@pantau/prisma';
import { createApiKey, listApiKeys, revokeApiKey, scopeFromText, scopeToText } from '../auth/api-keys.ts';
import { createContext } from '../context.ts';
import { schema } from '../schema/index.ts';
import { importObservations, type ImportFormat, type ImportMode, type ImportReport } from '../writes/import-observations.ts';
import { operations, OperationsUsageError } from './operations-command.ts';

export const usage = `Usage:
  pnpm pantau keys create --name NAME --scopes read:restricted,write:observations,admin [--office OFFICE_CODE]
  pnpm pantau keys list
  pnpm pantau keys revoke --name NAME
  pnpm pantau sources create --key KEY --publisher PUBLISHER --title TITLE --claim-id TEXT --claim-en TEXT
                             [--kind dataset|news_article] [--url URL] [--published-on YYYY-MM-DD] [--author NAME] [--licence LICENCE]
  pnpm pantau sources list
  pnpm pantau import FILE [--format csv|jsonl] [--mode append|upsert|replace] [--dry-run] [--idempotency-key KEY] [--publish] [--json]
                          [--reason TEXT] [--office OFFICE_CODE --from YYYY-MM-DD --to YYYY-MM-DD (with --mode replace)]
  pnpm pantau operations register --key NAME --file QUERY.graphql
  pnpm pantau operations list --key NAME
  pnpm pantau operations remove --key NAME --name OPERATION`;

export const commands = ['keys', 'sources', 'import', 'operations'] as const;

export class UsageError extends Error {}

/** Where a command writes: what it did (stdout) and what went wrong (stderr). */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Exit codes: 0 done, 1 usage or unexpected error, 2 the input was refused (nothing written). */
export type ExitCode = 0 | 1 | 2;

async function keys(database: Database, action: string | undefined, args: string[], { out }: CommandOutput): Promise<ExitCode> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, scopes: { type: 'string' }, office: { type: 'string' } } });
  if (action === 'create') {
    if (!values.name || !values.scopes) throw new UsageError('keys create needs --name and --scopes');
    const key = await createApiKey(database, { name: values.name, scopes: values.scopes.split(',').map(scopeFromText), officeCode: values.office });
    out(`Created key "${key.name}". Copy it now: it is stored only as a hash and cannot be shown again.\n\n  ${key.secret}\n`);
  } else if (action === 'list') {
    for (const key of await listApiKeys(database)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      out(`${key.name}\t${key.prefix}…\t${key.scopes.map(scopeToText).join(',')}\t${key.office?.code ?? '(any office)'}\tcreated ${key.createdAt.toISOString()}\t${state}`);
    }
  } else if (action === 'revoke') {
    if (!values.name) throw new UsageError('keys revoke needs --name');
    await revokeApiKey(database, values.name);
    out(`Revoked "${values.name}": it stops working with the next request.`);
  } else {
    throw new UsageError(`Unknown keys command "${action ?? ''}"`);
  }
  return 0;
}

/** `sources create` runs the `createSource` mutation itself, so its checks and its audit row are the API's. */
async function sources(database: Database, action: string | undefined, args: string[], { out, err }: CommandOutput): Promise<ExitCode> {
  const text = { type: 'string' } as const;
  const { values } = parseArgs({
    args,
    options: { key: text, kind: text, publisher: text, title: text, 'claim-id': text, 'claim-en': text, url: text, 'published-on': text, author: text, licence: text },
  });
  if (action === 'list') {
    const rows = await database.prisma.source.findMany({ orderBy: { key: 'asc' }, select: { key: true, kind: true, publisher: true, publishedOn: true, title: true } });
    for (const row of rows) out(`${row.key}\t${row.kind}\t${row.publisher}\t${row.publishedOn?.toISOString().slice(0, 10) ?? '-'}\t${row.title}`);
    return 0;
  }
  if (action !== 'create') throw new UsageError(`Unknown sources command "${action ?? ''}"`);
  const missing = ['key', 'publisher', 'title', 'claim-id', 'claim-en'].filter((name) => !values[name as keyof typeof values]);
  if (missing.length) throw new UsageError(`sources create needs ${missing.map((name) => `--${name}`).join(', ')}`);
  const input = {
    key: values.key,
    kind: (values.kind ?? 'dataset').toUpperCase(),
    publisher: values.publisher,
    title: values.title,
    claimId: values['claim-id'],
    claimEn: values['claim-en'],
    url: values.url,
    publishedOn: values['published-on'],
    author: values.author,
    licence: values.licence,
  };
  const result = await execute({
    schema,
    document: parse('mutation($input: SourceInput!) { createSource(input: $input) { source { key } } }'),
    variableValues: { input },
    contextValue: createContext(database, 'cli', { kind: 'cli' }),
  });
  if (result.errors?.length) {
    for (const error of result.errors) {
      const violations = (error.extensions.violations as { field: string; rule: string }[] | undefined) ?? [];
      err(violations.length ? violations.map((v) => `--${v.field.replace(/^input\./, '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v.rule}`).join('\n') : error.message);
    }
    return 2;
  }
  out(`Created source "${values.key}". Figures cite it with source "${values.key}".`);
  return 0;
}

function printReport(report: ImportReport, { out }: CommandOutput): void {
  for (const row of report.rejected) out(`line ${row.line ?? '?'} (record ${row.record}), column ${row.column}: ${row.reason}`);
  if (report.rejectedCount > report.rejected.length) out(`… and ${report.rejectedCount - report.rejected.length} more rejected rows`);
  const verdict = report.replayed
    ? 'already imported earlier with this idempotency key: nothing written'
    : report.rolledBack
      ? 'nothing written'
      : `${report.inserted} observations written${report.mode === 'APPEND' ? '' : `, ${report.revised} revised, ${report.unchanged} unchanged, ${report.withdrawn} withdrawn`}`;
  out(`${report.rows} rows read, ${report.rejectedCount} rejected${report.dryRun ? ' (dry run)' : ''}: ${verdict}. File SHA-256 ${report.fileHash}`);
}

async function importFile(database: Database, args: string[], output: CommandOutput): Promise<ExitCode> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      mode: { type: 'string' },
      office: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      reason: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'idempotency-key': { type: 'string' },
      publish: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('import needs a FILE');
  const format = (values.format ?? (/\.jsonl?$/i.test(file) ? 'jsonl' : 'csv')).toUpperCase();
  if (format !== 'CSV' && format !== 'JSONL') throw new UsageError('--format must be csv or jsonl');
  const mode = (values.mode ?? 'append').toUpperCase() as ImportMode;
  if (!['APPEND', 'UPSERT', 'REPLACE'].includes(mode)) throw new UsageError('--mode must be append, upsert or replace');
  const scoped = [values.office, values.from, values.to];
  if (mode === 'REPLACE' && scoped.some((v) => v === undefined)) throw new UsageError('--mode replace needs --office, --from and --to: the office and period the file replaces');
  if (mode !== 'REPLACE' && scoped.some((v) => v !== undefined)) throw new UsageError('--office, --from and --to go with --mode replace only');
  const replace = mode === 'REPLACE' ? { officeCode: values.office ?? '', periodStart: values.from ?? '', periodEnd: values.to ?? '' } : null;
  try {
    const report = await importObservations(database, () => createReadStream(file), {
      format: format as ImportFormat,
      caller: { kind: 'cli' },
      dryRun: values['dry-run'] ?? false,
      idempotencyKey: values['idempotency-key'] ?? null,
      publish: values.publish ?? false,
      mode,
      replace,
      reason: values.reason ?? null,
    });
    if (values.json) output.out(JSON.stringify(report));
    else printReport(report, output);
    return report.rejectedCount > 0 ? 2 : 0;
  } catch (error) {
    // A refused file, or a key reused for another file: the same message the API answers with.
    if (!(error instanceof GraphQLError)) throw error;
    const extensions: Record<string, unknown> = { ...error.extensions };
    delete extensions.http;
    if (values.json) output.out(JSON.stringify({ error: { message: error.message, extensions } }));
    else output.err(`Refused, nothing written: ${error.message}`);
    return 2;
  }
}

/** Runs one `pnpm pantau` command (`argv` without the program name) and returns its exit code. */
export async function runCommand(database: Database, argv: string[], output: CommandOutput): Promise<ExitCode> {
  const [command, action, ...rest] = argv;
  if (command === 'keys') return keys(database, action, rest, output);
  if (command === 'sources') return sources(database, action, rest, output);
  if (command === 'import') return importFile(database, [action ?? '', ...rest].filter(Boolean), output);
  if (command === 'operations') {
    try {
      return await operations(database, action, rest, output);
    } catch (error) {
      throw error instanceof OperationsUsageError ? new UsageError(error.message) : error;
    }
  }
  throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
}

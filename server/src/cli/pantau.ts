// `pnpm pantau keys create|list|revoke` and `pnpm pantau import FILE`: partner keys and bulk imports
// from the command line, against the database the environment names (as `pnpm start` uses it).
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseOptionsFromEnv, describeDatabase, openDatabase, prepareDatabase, type Database } from '@pantau/prisma';
import { createApiKey, listApiKeys, revokeApiKey, scopeFromText, scopeToText } from '../auth/api-keys.ts';
import { importObservations, type ImportFormat } from '../writes/import-observations.ts';

const usage = `Usage:
  pnpm pantau keys create --name NAME --scopes read:restricted,write:observations,admin [--office OFFICE_CODE]
  pnpm pantau keys list
  pnpm pantau keys revoke --name NAME
  pnpm pantau import FILE [--format csv|jsonl] [--dry-run] [--idempotency-key KEY] [--publish]`;

class UsageError extends Error {}

async function keys(database: Database, action: string | undefined, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, scopes: { type: 'string' }, office: { type: 'string' } } });
  if (action === 'create') {
    if (!values.name || !values.scopes) throw new UsageError('keys create needs --name and --scopes');
    const key = await createApiKey(database, { name: values.name, scopes: values.scopes.split(',').map(scopeFromText), officeCode: values.office });
    console.log(`Created key "${key.name}". Copy it now: it is stored only as a hash and cannot be shown again.\n\n  ${key.secret}\n`);
  } else if (action === 'list') {
    for (const key of await listApiKeys(database)) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
      console.log(`${key.name}\t${key.prefix}…\t${key.scopes.map(scopeToText).join(',')}\t${key.office?.code ?? '(any office)'}\tcreated ${key.createdAt.toISOString()}\t${state}`);
    }
  } else if (action === 'revoke') {
    if (!values.name) throw new UsageError('keys revoke needs --name');
    await revokeApiKey(database, values.name);
    console.log(`Revoked "${values.name}": it stops working with the next request.`);
  } else {
    throw new UsageError(`Unknown keys command "${action ?? ''}"`);
  }
}

async function importFile(database: Database, args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'idempotency-key': { type: 'string' }, publish: { type: 'boolean' } } });
  const file = positionals[0];
  if (!file) throw new UsageError('import needs a FILE');
  const format = (values.format ?? (/\.jsonl?$/i.test(file) ? 'jsonl' : 'csv')).toUpperCase();
  if (format !== 'CSV' && format !== 'JSONL') throw new UsageError('--format must be csv or jsonl');
  const report = await importObservations(database, () => createReadStream(file), {
    format: format as ImportFormat,
    caller: { kind: 'cli' },
    dryRun: values['dry-run'] ?? false,
    idempotencyKey: values['idempotency-key'] ?? null,
    publish: values.publish ?? false,
  });
  for (const row of report.rejected) console.log(`line ${row.line ?? "?"} (record ${row.record}): ${row.reason}`);
  if (report.rejectedCount > report.rejected.length) console.log(`… and ${report.rejectedCount - report.rejected.length} more rejected rows`);
  const verdict = report.replayed ? 'already imported earlier with this idempotency key: nothing written' : report.rolledBack ? 'nothing written' : `${report.inserted} observations written`;
  console.log(`${report.rows} rows read, ${report.rejectedCount} rejected${report.dryRun ? ' (dry run)' : ''}: ${verdict}. File SHA-256 ${report.fileHash}`);
  if (report.rejectedCount > 0) process.exitCode = 2;
}

const [command, action, ...rest] = process.argv.slice(2);
const options = databaseOptionsFromEnv();
let database: Database | undefined;
try {
  if (command !== 'keys' && command !== 'import') throw new UsageError(command ? `Unknown command "${command}"` : 'No command given');
  database = await openDatabase(options);
  console.error(`Database: ${describeDatabase(options)}`);
  await prepareDatabase(database);
  if (command === 'keys') await keys(database, action, rest);
  else await importFile(database, [action ?? '', ...rest].filter(Boolean));
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : `Error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close();
}

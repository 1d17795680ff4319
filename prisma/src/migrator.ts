import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlConnection, SqlDriver } from './sql-driver.ts';

export const defaultMigrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

/** The key Prisma Migrate locks on, so this migrator and `prisma migrate deploy` never run at once. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationReport {
  readonly applied: string[];
  readonly alreadyApplied: string[];
  /** Recorded in the database but absent from the migrations folder (e.g. a newer release ran). */
  readonly unknown: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

/** Prisma's checksum: SHA-256 of the script, hex encoded. */
export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Prisma accepts a script whose line endings git converted (CRLF vs LF) as unchanged. */
function matchesChecksum(sql: string, checksum: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, '\n'), sql.replace(/\r?\n/g, '\r\n')];
  return variants.some((variant) => checksumOf(variant) === checksum);
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface LedgerRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function readLedger(connection: SqlConnection): Promise<LedgerRow[]> {
  return connection.query<LedgerRow>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
}

function assertUnchanged(migration: MigrationFile, row: LedgerRow): void {
  if (row.finished_at === null) {
    throw new MigrationError(
      migration.name,
      `Migration ${migration.name} was started but never finished (recorded by another tool). ` +
        'Inspect the database, then mark it with `prisma migrate resolve` before starting Pantau.',
    );
  }
  if (!matchesChecksum(migration.sql, row.checksum)) {
    throw new MigrationError(
      migration.name,
      `Migration ${migration.name} was modified after it was applied: its checksum is ${migration.checksum}, ` +
        `the database recorded ${row.checksum}. Restore the file and put the change in a new migration.`,
    );
  }
}

/**
 * Applies pending migrations in name order, each in its own transaction together with its ledger row,
 * so a failing migration leaves neither its changes nor a record behind.
 */
export async function migrate(driver: SqlDriver, migrations = readMigrations()): Promise<MigrationReport> {
  await driver.run((connection) => connection.exec(CREATE_LEDGER));
  const report: MigrationReport = { applied: [], alreadyApplied: [], unknown: [] };

  for (const migration of migrations) {
    const outcome = await driver.transaction(async (connection) => {
      await connection.query('SELECT pg_advisory_xact_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
      const recorded = (await readLedger(connection)).find((row) => row.migration_name === migration.name);
      if (recorded) {
        assertUnchanged(migration, recorded);
        return 'already' as const;
      }
      const startedAt = new Date();
      try {
        await connection.exec(migration.sql, { unbounded: true });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(migration.name, `Migration ${migration.name} failed and was rolled back: ${reason}`, {
          cause: error,
        });
      }
      await connection.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, $4, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      return 'applied' as const;
    });
    (outcome === 'applied' ? report.applied : report.alreadyApplied).push(migration.name);
  }

  const local = new Set(migrations.map((migration) => migration.name));
  const ledger = await driver.run(readLedger);
  report.unknown.push(...ledger.map((row) => row.migration_name).filter((name) => !local.has(name)));
  return report;
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checksumOf, migrate, MigrationError, readMigrations, type MigrationFile } from './migrator.ts';
import { openDatabase } from './database.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/test-database.ts';

const migration = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: checksumOf(sql) });

describe.each(testDatabaseKinds)('migrator on %s', (kind) => {
  let database: TestDatabase;

  const tableNames = () => database.sql.run((c) => c.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`));
  const ledger = () =>
    database.sql.run((c) =>
      c.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.sql.run((c) => c.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
  });

  it('applies every migration of the project to an empty database and records it as Prisma does', async () => {
    const files = readMigrations();
    const report = await migrate(database.sql, files);

    expect(report.applied).toEqual(files.map((file) => file.name));
    expect((await tableNames()).map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['_prisma_migrations', 'region', 'office', 'program', 'campaign', 'metric', 'observation', 'source', 'partner_village']),
    );
    const rows = await ledger();
    expect(rows.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(files.map((file) => [file.name, file.checksum, 1]));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it('does nothing when run again', async () => {
    await migrate(database.sql);
    const before = await ledger();
    const report = await migrate(database.sql);
    expect(report.applied).toEqual([]);
    expect(report.alreadyApplied).toHaveLength(before.length);
    expect(await ledger()).toEqual(before);
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const original = migration('20260101000000_a', 'CREATE TABLE a (id int);');
    await migrate(database.sql, [original]);
    const tampered = migration('20260101000000_a', 'CREATE TABLE a (id bigint);');

    const error = await migrate(database.sql, [tampered]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/20260101000000_a was modified after it was applied/);
    expect((error as MigrationError).migration).toBe('20260101000000_a');
  });

  it('accepts a file whose line endings were converted by git', async () => {
    await migrate(database.sql, [migration('20260101000000_a', 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n')]);
    const crlf = migration('20260101000000_a', 'CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n');
    await expect(migrate(database.sql, [crlf])).resolves.toMatchObject({ applied: [] });
  });

  it('leaves no trace of a migration that fails part-way, and applies the fixed file later', async () => {
    await migrate(database.sql, [migration('20260101000000_a', 'CREATE TABLE a (id int);')]);
    const broken = migration('20260102000000_b', 'CREATE TABLE b (id int); INSERT INTO b VALUES (1); SELECT 1 / 0;');

    await expect(migrate(database.sql, [migration('20260101000000_a', 'CREATE TABLE a (id int);'), broken])).rejects.toThrow(
      /20260102000000_b failed and was rolled back: division by zero/,
    );
    expect((await tableNames()).map((t) => t.tablename)).not.toContain('b');
    expect((await ledger()).map((row) => row.migration_name)).toEqual(['20260101000000_a']);

    const fixed = migration('20260102000000_b', 'CREATE TABLE b (id int); INSERT INTO b VALUES (1);');
    const report = await migrate(database.sql, [migration('20260101000000_a', 'CREATE TABLE a (id int);'), fixed]);
    expect(report.applied).toEqual(['20260102000000_b']);
  });

  it('reports migrations recorded in the database that the folder does not have', async () => {
    await migrate(database.sql, [migration('20260101000000_a', 'CREATE TABLE a (id int);')]);
    const report = await migrate(database.sql, []);
    expect(report.unknown).toEqual(['20260101000000_a']);
  });
});

describe.skipIf(!testDatabaseKinds.includes('postgresql'))('migrator under a short statement timeout (PostgreSQL)', () => {
  it('lets a migration run longer than the timeout meant for requests', async () => {
    const database = await createTestDatabase('postgresql');
    // 400 ms to connect, so statements are cut after 2.4 s; the sleeps below take 3 s.
    const shortTimeouts = await openDatabase({ databaseUrl: database.url, timeoutMs: 400 });
    try {
      await expect(shortTimeouts.sql.run((c) => c.exec('SELECT pg_sleep(3)'))).rejects.toThrow(/timeout/i);
      const report = await migrate(shortTimeouts.sql, [migration('20990101000000_slow_rebuild', 'SELECT pg_sleep(3); CREATE TABLE rebuilt (id int);')]);
      expect(report.applied).toEqual(['20990101000000_slow_rebuild']);
      const tables = await shortTimeouts.sql.run((c) => c.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE tablename = 'rebuilt'`));
      expect(tables).toEqual([{ tablename: 'rebuilt' }]);
      // The lifted timeout stayed inside the migration's transaction.
      await expect(shortTimeouts.sql.run((c) => c.exec('SELECT pg_sleep(3)'))).rejects.toThrow(/timeout/i);
    } finally {
      await shortTimeouts.close();
      await database.close();
    }
  });
});

import type { Database } from './database.ts';
import { migrate, type MigrationReport } from './migrator.ts';
import { seedReferenceData } from './seed/seed-reference.ts';

/** Brings a database up to date: pending migrations, then the reference data if it is missing. */
export async function prepareDatabase(database: Database): Promise<{ migrations: MigrationReport; seeded: boolean }> {
  const migrations = await migrate(database.sql);
  const { seeded } = await seedReferenceData(database.prisma);
  return { migrations, seeded };
}

/** Drops every table and type, leaving an empty `public` schema. */
export async function dropEverything(database: Database): Promise<void> {
  await database.sql.run((connection) => connection.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
}

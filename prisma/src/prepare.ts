import { syncCatalogue, type CatalogueReport } from './catalogue-sync.ts';
import type { Database } from './database.ts';
import { migrate, type MigrationReport } from './migrator.ts';
import { catalogue as shippedCatalogue, type Catalogue } from './seed/catalog.ts';
import { seedReferenceData } from './seed/seed-reference.ts';

const unchanged: CatalogueReport = { added: [], updated: [], removed: [] };

/**
 * Brings a database up to date: pending migrations, then the reference data if it is missing, else
 * the catalogue as this release ships it (refused, with a CatalogueError, when recorded figures
 * depend on what it would remove or change).
 */
export async function prepareDatabase(
  database: Database,
  options: { catalogue?: Catalogue } = {},
): Promise<{ migrations: MigrationReport; seeded: boolean; catalogue: CatalogueReport }> {
  const wanted = options.catalogue ?? shippedCatalogue;
  const migrations = await migrate(database.sql);
  const { seeded } = await seedReferenceData(database.prisma, wanted);
  const catalogue = seeded ? unchanged : await syncCatalogue(database.prisma, wanted);
  return { migrations, seeded, catalogue };
}

/** Drops every table and type, leaving an empty `public` schema. */
export async function dropEverything(database: Database): Promise<void> {
  await database.sql.run((connection) => connection.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
}

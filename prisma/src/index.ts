export { openDatabase, type Database, type DatabaseKind, type DatabaseOptions } from './database.ts';
export { migrate, readMigrations, checksumOf, MigrationError, type MigrationFile, type MigrationReport } from './migrator.ts';
export { type SqlConnection, type SqlDriver } from './sql-driver.ts';
export { seedReferenceData, isSeeded } from './seed/seed-reference.ts';
export { prepareDatabase, dropEverything } from './prepare.ts';
export { databaseOptionsFromEnv, describeDatabase } from './config.ts';
export { loadSynthetic, deleteSynthetic, type SyntheticSummary } from './synthetic/load.ts';
export { scales, isScaleName, type ScaleName } from './synthetic/scales.ts';
export { createTestDatabase, testDatabaseKinds, type TestDatabase } from './testing/test-database.ts';

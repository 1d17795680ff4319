import { openDatabase, type Database } from '../database.ts';
import { databaseOptionsFromEnv, describeDatabase } from '../config.ts';

/** Opens the configured database, runs `work`, closes it, and exits non-zero with a plain message on error. */
export async function runWithDatabase(work: (database: Database) => Promise<void>): Promise<void> {
  const options = databaseOptionsFromEnv();
  let database: Database | undefined;
  try {
    database = await openDatabase(options);
    console.log(`Database: ${describeDatabase(options)}`);
    await work(database);
  } catch (error) {
    console.error(error instanceof Error ? `Error: ${error.message}` : error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

// `pnpm pantau keys|sources|import|operations ...`: partner keys, sources, bulk imports and keys' registered operations from the command line,
// against the database the environment names (as `pnpm start` uses it).
import { databaseOptionsFromEnv, describeDatabase, openDatabase, prepareDatabase, type Database } from '@pantau/prisma';
import { commands, runCommand, usage, UsageError } from './pantau-commands.ts';

const argv = process.argv.slice(2);
let database: Database | undefined;
try {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(usage);
  } else {
    if (!commands.includes(argv[0] as (typeof commands)[number])) throw new UsageError(argv[0] ? `Unknown command "${argv[0]}"` : 'No command given');
    const options = databaseOptionsFromEnv();
    database = await openDatabase(options);
    console.error(`Database: ${describeDatabase(options)}`);
    await prepareDatabase(database);
    process.exitCode = await runCommand(database, argv, { out: (line) => console.log(line), err: (line) => console.error(line) });
  }
} catch (error) {
  console.error(error instanceof UsageError ? `${error.message}\n\n${usage}` : `Error: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database?.close();
}

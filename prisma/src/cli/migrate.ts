import { migrate } from '../migrator.ts';
import { runWithDatabase } from './run-cli.ts';

await runWithDatabase(async (database) => {
  const report = await migrate(database.sql);
  for (const name of report.applied) console.log(`Applied ${name}`);
  if (report.applied.length === 0) console.log(`Up to date (${report.alreadyApplied.length} migrations applied earlier)`);
  for (const name of report.unknown) console.warn(`Warning: ${name} is recorded in the database but missing from prisma/migrations`);
});

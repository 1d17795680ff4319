import { dropEverything, prepareDatabase } from '../prepare.ts';
import { runWithDatabase } from './run-cli.ts';

await runWithDatabase(async (database) => {
  await dropEverything(database);
  const { migrations } = await prepareDatabase(database);
  console.log(`Reset: dropped everything, applied ${migrations.applied.length} migrations and seeded the reference data`);
});

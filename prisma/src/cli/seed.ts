import { parseArgs } from 'node:util';
import { prepareDatabase } from '../prepare.ts';
import { loadSynthetic } from '../synthetic/load.ts';
import { isScaleName, scales } from '../synthetic/scales.ts';
import { runWithDatabase } from './run-cli.ts';

const usage = 'Usage: pnpm db:seed [--synthetic [--scale small|medium|large] [--seed N]]';
const { values } = parseArgs({
  options: {
    synthetic: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const scale = values.scale;
const seed = Number(values.seed);
if (!isScaleName(scale)) {
  console.error(`--scale must be one of ${Object.keys(scales).join(', ')} (got "${scale}")\n${usage}`);
  process.exit(2);
}
if (!Number.isSafeInteger(seed)) {
  console.error(`--seed must be a whole number (got "${values.seed}")\n${usage}`);
  process.exit(2);
}

await runWithDatabase(async (database) => {
  const { seeded, catalogue } = await prepareDatabase(database);
  console.log(seeded ? 'Seeded geography, catalog and article figures' : 'Reference data already present: nothing re-seeded');
  for (const [change, entries] of Object.entries(catalogue)) if (entries.length > 0) console.log(`Catalogue: ${change} ${entries.join(', ')}`);
  if (!values.synthetic) return;
  const started = Date.now();
  const summary = await loadSynthetic(database, scale, seed);
  console.log(
    `Synthetic data (scale ${summary.scale}, seed ${summary.seed}): ${summary.offices} offices, ` +
      `${summary.partnerVillages} partner villages, ${summary.observations} observations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

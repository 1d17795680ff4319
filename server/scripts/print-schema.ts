import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printContract } from '../src/schema/index.ts';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
writeFileSync(target, printContract());
console.log(`Wrote ${target}`);

// Runs `prisma generate` on machines where Prisma cannot download its native schema engine.
// The `prisma-client` generator writes a TypeScript client that runs on a driver adapter and never
// needs the schema engine, but the CLI looks for one before it starts: any existing file will do.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);

const result = spawnSync(process.execPath, [prismaCli, 'generate'], { cwd: packageDir, env, stdio: 'inherit' });
process.exit(result.status ?? 1);

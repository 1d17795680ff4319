import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: the browser tests load the built bundle, so bring it up to date with the current sources. */
export default function buildWidgets(): void {
  // Vitest sets NODE_ENV=test, which would make Vite pick Lit's development build: the tests load what `pnpm start` serves.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(process.execPath, ['--import', 'tsx', 'widgets/scripts/build-if-changed.ts'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit', env });
}

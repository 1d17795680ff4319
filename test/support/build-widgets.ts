import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Vitest global setup: the browser tests load the built bundle, so build it from the current sources once per run. */
export default function buildWidgets(): void {
  execFileSync('pnpm', ['--silent', '--filter', '@pantau/widgets', 'build'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}

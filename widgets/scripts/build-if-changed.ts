// Builds the widgets only when what they are built from has changed since the last build:
// `pnpm install`, every `pnpm start` and every `pnpm test` call this, so a second start does not
// rebuild. `--force` builds whatever the fingerprint says (`pnpm build:widgets`).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgetsDir = fileURLToPath(new URL('..', import.meta.url));
const repositoryDir = join(widgetsDir, '..');
/** Everything the bundles and docs pages are made from; `dist/` holds the fingerprint of the last build. */
const inputs = [
  'widgets/src',
  'widgets/vite',
  'widgets/scripts/build-docs.ts',
  'widgets/scripts/manifest.ts',
  'widgets/scripts/widget-folders.ts',
  'widgets/scripts/versioned-release.ts',
  'widgets/scripts/static-imports.ts',
  'widgets/scripts/embed-snippets.ts',
  'widgets/custom-elements-manifest.config.mjs',
  'widgets/vite.config.ts',
  'widgets/package.json',
  'schema/operations',
  'schema/words',
  'schema/choropleth',
  'pnpm-lock.yaml',
];
const fingerprintFile = join(widgetsDir, 'dist', '.sources-sha256');

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => (name.endsWith('.test.ts') ? [] : filesUnder(join(path, name))));
}

export function sourcesFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap((input) => filesUnder(join(repositoryDir, input)))) {
    hash.update(relative(repositoryDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const fingerprint = sourcesFingerprint();
const built = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8').trim() : '';
if (built === fingerprint && !process.argv.includes('--force')) {
  console.log('Widgets are up to date with their sources: not rebuilt');
} else {
  execFileSync('pnpm', ['--silent', '--filter', '@pantau/widgets', 'build'], { cwd: repositoryDir, stdio: 'inherit' });
  writeFileSync(fingerprintFile, `${fingerprint}\n`);
}

// After each build: a release of the bundles under a content-derived id, kept beside earlier ones so
// a page that pinned an older id (and its integrity hash) keeps working after an upgrade, and the
// chart specs compiled to Vega JSON and the widgets' words for the server's snapshots (the server reads
// files, never our code).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { staticImports } from './static-imports.ts';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { compile, type TopLevelSpec } from 'vega-lite';
import { labels, vegaLocales } from '../src/core/i18n.ts';

const widgetsDir = fileURLToPath(new URL('..', import.meta.url));

/** What `dist/release.json` and `<releases>/<id>/release.json` hold. */
export interface ReleaseManifest {
  /** 12 hex digits of the SHA-256 of every file of the release: the same bundles, the same id. */
  id: string;
  /** `sha384-…` Subresource Integrity value of every JavaScript file, by path inside the release. */
  integrity: Record<string, string>;
  /** Every chunk each entry loads through static imports, for `<link rel="modulepreload" integrity>`. */
  imports: Record<string, string[]>;
}

function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(root, path) : [relative(root, path)];
    });
}

export const subresourceIntegrity = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Copies the JavaScript of `dist` (bundles, chunks, source maps) to `<releasesDir>/<id>/` with its
 * manifest, unless that release exists already, and writes the manifest to `dist/release.json`.
 */
export function publishRelease(dist: string, releasesDir: string): ReleaseManifest {
  const files = filesUnder(dist).filter((file) => /\.js(\.map)?$/.test(file));
  const hash = createHash('sha256');
  const integrity: Record<string, string> = {};
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    hash.update(file).update('\0').update(bytes).update('\0');
    if (file.endsWith('.js')) integrity[file] = subresourceIntegrity(bytes);
  }
  const entries = files.filter((file) => /^[^/]+\.js$/.test(file));
  const imports = Object.fromEntries(entries.map((entry) => [entry, [...staticImports(dist, entry)].sort()]));
  const manifest: ReleaseManifest = { id: hash.digest('hex').slice(0, 12), integrity, imports };
  const target = join(releasesDir, manifest.id);
  if (!existsSync(join(target, 'release.json'))) {
    for (const file of files) {
      mkdirSync(join(target, file, '..'), { recursive: true });
      cpSync(join(dist, file), join(target, file));
    }
  }
  // Written last: a release with its manifest is complete.
  writeFileSync(join(target, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dist, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** `src/specs/<name>.vl.json` compiled to `dist/specs/<name>.vg.json`, as the widgets import them with `?vega`. */
export function writeVegaSpecs(dist: string): string[] {
  const source = join(widgetsDir, 'src/specs');
  mkdirSync(join(dist, 'specs'), { recursive: true });
  return readdirSync(source)
    .filter((name) => name.endsWith('.vl.json'))
    .map((name) => {
      const spec = compile(JSON.parse(readFileSync(join(source, name), 'utf8')) as TopLevelSpec).spec;
      const out = `specs/${name.replace(/\.vl\.json$/, '.vg.json')}`;
      writeFileSync(join(dist, out), JSON.stringify(spec));
      return out;
    });
}

/**
 * The map's shapes as GeoJSON features for the server's map snapshots: `specs/geo/provinces.json`
 * and one `specs/geo/regencies-<province>.json` per province file.
 */
export function writeGeography(dist: string): void {
  const map = join(widgetsDir, 'src/map');
  const decode = (file: string, object: string) => {
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
    const geometry = topology.objects[object];
    return geometry ? JSON.stringify((feature(topology, geometry) as unknown as { features: unknown[] }).features) : '[]';
  };
  mkdirSync(join(dist, 'specs/geo'), { recursive: true });
  writeFileSync(join(dist, 'specs/geo/provinces.json'), decode(join(map, 'indonesia.topo.json'), 'provinces'));
  for (const name of readdirSync(join(map, 'regencies')).filter((n) => /^\d{2}\.topo\.json$/.test(n))) {
    writeFileSync(join(dist, `specs/geo/regencies-${name.slice(0, 2)}.json`), decode(join(map, 'regencies', name), 'regencies'));
  }
}

/** What `dist/labels.json` holds: every label the widgets show and their Vega locales, for the server's pictures. */
export interface WidgetWords {
  labels: Record<string, Record<'id' | 'en', string>>;
  vegaLocales: typeof vegaLocales;
}

/** The widgets' words (src/core/i18n.ts) as data, so the server draws the same words without importing widget code. */
export function writeWidgetWords(dist: string): void {
  const words: WidgetWords = { labels, vegaLocales };
  writeFileSync(join(dist, 'labels.json'), `${JSON.stringify(words, null, 2)}\n`);
}

/** Where releases accumulate; `PANTAU_WIDGET_RELEASES_DIR` points elsewhere (keep it across deploys). */
export const defaultReleasesDir = join(widgetsDir, 'releases');

/** Vite plugin: publishes the release and writes the compiled specs once the bundles are on disk. */
export function versionedRelease(releasesDir = process.env.PANTAU_WIDGET_RELEASES_DIR || defaultReleasesDir): Plugin {
  return {
    name: 'pantau-versioned-release',
    apply: 'build',
    closeBundle() {
      const dist = join(widgetsDir, 'dist');
      writeVegaSpecs(dist);
      writeGeography(dist);
      writeWidgetWords(dist);
      const { id } = publishRelease(dist, releasesDir);
      console.log(`Release ${id} in ${relative(widgetsDir, releasesDir) || releasesDir}/`);
    },
  };
}

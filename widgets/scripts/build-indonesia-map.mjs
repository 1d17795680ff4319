#!/usr/bin/env node
// Builds the map geometry the widgets bundle, from the boundaries in ../shared/geodata/
// (Cahya DSN's `wilayah_boundaries`, MIT License, Kemendagri codes as of Kepmendagri
// No. 100.1.1-6117 Tahun 2022: all 38 provinces and 514 regencies).
//
//   widgets/src/map/indonesia.topo.json         38 provinces + the country outline (national view)
//   widgets/src/map/regencies/<code>.topo.json  one province's regencies, loaded on demand
//   widgets/src/map/regencies.topo.json         all 514 regencies (national regency view, on demand)
//
// Run on demand, never at install:   pnpm --filter @pantau/widgets build:map
// The outputs are committed; the script fails when a code is missing, duplicated or unknown.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as server from 'topojson-server';
import * as simplifier from 'topojson-simplify';
import * as client from 'topojson-client';

const widgetsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryDir = join(widgetsDir, '..');
const sourceDir = process.env.PANTAU_GEODATA_DIR ?? join(repositoryDir, '..', 'shared', 'geodata', 'wilayah_boundaries');
const outDir = join(widgetsDir, 'src', 'map');

// Simplification: keep this share of the removable points, drop rings smaller than this many
// square degrees (1° ≈ 111 km), quantise to this grid over each file's bounding box.
const NATIONAL = { keep: 0.06, minRingArea: 0.003, quantization: 1e4, maxBytes: 150_000 };
const PROVINCIAL = { keep: 0.25, minRingArea: 0.00003, quantization: 1e4, maxBytes: 60_000 };
const ALL_REGENCIES = { keep: 0.05, minRingArea: 0.00003, quantization: 1e4, maxBytes: 400_000 };

const PROVINCE_COUNT = 38;
const REGENCY_COUNT = 514;

function fail(message) {
  console.error(`build-indonesia-map: ${message}`);
  process.exit(1);
}

/** One dump row: `('<code>','<name>',<lat>,<lng>,'<MultiPolygon or Polygon of [lat, lng]>')`. */
const ROW = /^\s*\(\s*'(\d{2}(?:\.\d{2})?)'\s*,\s*'((?:[^'\\]|\\.|'')*)'\s*,\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*,\s*'(\[.*\])'\s*\)\s*[,;]?\s*$/;

function readRows(folder) {
  const rows = [];
  for (const file of readdirSync(join(sourceDir, folder))
    .filter((name) => name.endsWith('.sql'))
    .sort()) {
    const lines = readFileSync(join(sourceDir, folder, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (!/^\s*\('/.test(line)) return;
      const match = ROW.exec(line);
      if (!match) fail(`${folder}/${file}:${index + 1} is not a boundary row`);
      const [, code, name, , , path] = match;
      rows.push({ code, name: name.replace(/\\'|''/g, "'"), coordinates: JSON.parse(path) });
    });
  }
  return rows;
}

/** Depth of nesting down to a point: 3 for a Polygon's rings, 4 for a MultiPolygon. */
const depth = (value) => (Array.isArray(value) ? 1 + depth(value[0]) : 0);
const flip = (ring) => ring.map(([lat, lng]) => [lng, lat]);

function toFeature({ code, name, coordinates }, properties) {
  const levels = depth(coordinates);
  const nested = levels === 4 ? coordinates : levels === 3 ? [coordinates] : fail(`${code} ${name}: unexpected geometry nesting ${levels}`);
  const polygons = nested.flatMap((polygon) => separateIslands(polygon.map(flip)));
  // GeoJSON order ([lng, lat]); d3-geo wants exterior rings clockwise, so rewind each ring.
  const multi = polygons.map((polygon) => polygon.map((ring, i) => orient(ring, i === 0)));
  return { type: 'Feature', id: code, properties: { code, name, ...properties }, geometry: { type: 'MultiPolygon', coordinates: multi } };
}

/** Whether `point` lies inside `ring` (even-odd rule, plane coordinates). */
function inside([x, y], ring) {
  let within = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

/**
 * The source lists some islands as further rings of their regency's polygon (96.01 Sorong: 28 of
 * them). Wound as holes outside their exterior they make d3-geo fill the whole globe, so a ring that
 * does not lie within the first becomes a polygon of its own.
 */
function separateIslands([exterior, ...rest]) {
  const holes = rest.filter((ring) => inside(ring[0], exterior));
  const islands = rest.filter((ring) => !inside(ring[0], exterior)).map((ring) => [ring]);
  return [[exterior, ...holes], ...islands];
}

/** Indices of the arcs a (Multi)Polygon geometry uses; `~i` marks arc i reversed. */
const arcsOf = (geometry) => (geometry.arcs ?? []).flat(2).map((i) => (i < 0 ? ~i : i));

/** Signed area in plane coordinates; d3-geo treats clockwise (negative here) rings as exteriors. */
function orient(ring, exterior) {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) area += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  const clockwise = area < 0;
  return clockwise === exterior ? ring : [...ring].reverse();
}

function checkCodes(rows, expected, what) {
  const seen = new Set();
  for (const row of rows) {
    if (seen.has(row.code)) fail(`${what} ${row.code} appears twice`);
    seen.add(row.code);
  }
  if (seen.size !== expected) fail(`expected ${expected} ${what}, found ${seen.size}`);
}

function buildTopology(objects, { keep, minRingArea, quantization, maxBytes }, outline, file) {
  const simplified = (protectedCodes) => {
    let topology = simplifier.presimplify(server.topology(objects));
    // A small city inside one regency shares a single arc with it, which simplification would
    // shrink to a point: the arcs of such places keep every point.
    for (const collection of Object.values(topology.objects)) {
      for (const geometry of collection.geometries)
        if (protectedCodes.has(geometry.properties.code)) for (const arc of arcsOf(geometry)) for (const point of topology.arcs[arc]) point[2] = Infinity;
    }
    topology = simplifier.simplify(topology, simplifier.quantile(topology, keep));
    return simplifier.filter(topology, simplifier.filterWeight(topology, minRingArea));
  };
  const lostCodes = (topology) =>
    Object.entries(objects).flatMap(([name, collection]) => {
      const kept = new Set((topology.objects[name].geometries ?? []).filter((g) => g.type).map((g) => g.properties.code));
      return collection.features.filter((f) => !kept.has(f.properties.code)).map((f) => f.properties.code);
    });
  let topology = simplified(new Set());
  const lost = lostCodes(topology);
  if (lost.length) {
    topology = simplified(new Set(lost));
    if (lostCodes(topology).length) fail(`${file}: simplification removed every ring of ${lostCodes(topology).join(', ')}`);
  }
  if (outline) {
    const merged = client.mergeArcs(topology, topology.objects[outline].geometries);
    topology.objects.outline = { type: 'GeometryCollection', geometries: [{ ...merged, properties: { name: 'Indonesia' } }] };
  }
  topology = client.quantize(topology, quantization);
  const json = JSON.stringify({
    ...topology,
    metadata: { source: 'wilayah_boundaries by Cahya DSN (MIT License)', codes: 'properties.code is the Kemendagri code', generator: 'widgets/scripts/build-indonesia-map.mjs' },
  });
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) fail(`${file} is ${bytes} bytes, over its budget of ${maxBytes}: simplify more`);
  const path = join(outDir, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${json}\n`);
  return { file: relative(repositoryDir, path), bytes, gzipBytes: gzipSync(`${json}\n`).length };
}

const provinces = readRows('prov');
const regencies = readRows('kab');
checkCodes(provinces, PROVINCE_COUNT, 'provinces');
checkCodes(regencies, REGENCY_COUNT, 'regencies');
const provinceCodes = new Set(provinces.map((p) => p.code));
for (const regency of regencies) if (!provinceCodes.has(regency.code.slice(0, 2))) fail(`regency ${regency.code} belongs to no province`);

const sizes = [];
const byCode = (a, b) => a.code.localeCompare(b.code);
sizes.push(buildTopology({ provinces: { type: 'FeatureCollection', features: provinces.sort(byCode).map((p) => toFeature(p)) } }, NATIONAL, 'provinces', 'indonesia.topo.json'));
const regencyFeatures = regencies.sort(byCode).map((r) => toFeature(r, { province: r.code.slice(0, 2) }));
sizes.push(buildTopology({ regencies: { type: 'FeatureCollection', features: regencyFeatures } }, ALL_REGENCIES, null, 'regencies.topo.json'));
for (const province of provinceCodes) {
  const features = regencyFeatures.filter((f) => f.properties.province === province);
  sizes.push(buildTopology({ regencies: { type: 'FeatureCollection', features } }, PROVINCIAL, null, `regencies/${province}.topo.json`));
}

const upstream = readFileSync(join(sourceDir, 'UPSTREAM_COMMIT'), 'utf8').trim();
const licence = readFileSync(join(sourceDir, 'LICENSE'), 'utf8').trim();
const total = (files) => files.reduce((sum, { bytes }) => sum + bytes, 0);
const provincial = sizes.filter(({ file }) => file.includes('/regencies/'));
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const provinceNames = new Map(provinces.map((p) => [p.code, p.name]));
const holds = (file) =>
  file.endsWith('indonesia.topo.json')
    ? '38 provinces and the country outline (bundled with the map widget)'
    : file.endsWith('/regencies.topo.json')
      ? 'all 514 regencies (loaded on demand)'
      : `the regencies of ${provinceNames.get(file.slice(-12, -10))} (loaded on demand when the map zooms to it)`;
writeFileSync(
  join(outDir, 'LICENSE.md'),
  `# Map geometry: source and licence

The files in this folder are derived from **wilayah_boundaries** by **Cahya DSN** (MIT License,
upstream commit \`${upstream.split(' ')[0]}\`): the boundaries of Indonesia's 38 provinces and 514
regencies and cities, keyed by their Kemendagri codes (Kepmendagri No. 100.1.1-6117 Tahun 2022).
\`widgets/scripts/build-indonesia-map.mjs\` flips the source's [lat, lng] points to GeoJSON order,
simplifies and quantises them, and checks every code.

Sizes in kB of 1000 bytes, raw and gzip (zlib's default level, as a server compresses them):

| file | holds | raw | gzip |
| --- | --- | --- | --- |
${sizes.map(({ file, bytes, gzipBytes }) => `| \`${file.replace('widgets/src/map/', '')}\` | ${holds(file)} | ${kB(bytes)} | ${kB(gzipBytes)} |`).join('\n')}

Regenerate with \`pnpm --filter @pantau/widgets build:map\`.

## Licence of the source data

\`\`\`
${licence}
\`\`\`
`,
);
for (const { file, bytes } of sizes.slice(0, 2)) console.log(`wrote ${file}: ${(bytes / 1000).toFixed(1)} kB`);
console.log(
  `wrote ${provincial.length} provincial regency files: ${(total(provincial) / 1000).toFixed(1)} kB in all, largest ${(Math.max(...provincial.map((s) => s.bytes)) / 1000).toFixed(1)} kB`,
);

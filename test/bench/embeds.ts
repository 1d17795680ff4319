// Embed figures, for `pnpm bench` (run.ts calls `embedFigures` on the benchmark server and
// `seededEmbedFigures`) and on their own with `pnpm bench:embeds` (the seeded data): gzip weight of
// one and of all widgets, how soon a reader sees the picture and the drawn chart (headless
// Chromium, cold cache, the iframe embed page), and how long the server takes to draw snapshots.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { widgetSizes } from '@pantau/widgets/scripts/report-size';
import { launchChromium } from '../support/browser.ts';
import { startServerProcess } from '../support/server-process.ts';

const RUNS = 5;
/** The widget each figure is taken on, and its attributes. */
const widgets: Record<string, string> = {
  'metric-chart': 'metric=passports_issued&group-by=passport_type&granularity=YEAR&include-synthetic',
  'metric-tile': 'metric=passports_issued&include-synthetic',
  'campaign-totals': 'campaign=hbi-76-2026',
  'tppo-coverage': 'include-synthetic',
  'desa-binaan-map': 'include-synthetic',
};

export interface SnapshotTimes {
  svgDrawnMs: number;
  pngDrawnMs: number;
  svgCachedMs: number;
  svgBytes: number;
}

export interface EmbedFigures {
  oneWidgetGzip: number;
  allWidgetsGzip: number;
  mapGeometryGzip: number;
  /** `/embed/metric-chart`, cold cache: its snapshot on screen, then the element's chart drawn (ms after navigation). */
  firstPictureMs: number;
  firstChartMs: number;
  snapshots: Record<string, SnapshotTimes>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed(url: string): Promise<{ ms: number; cache: string | null; bytes: number }> {
  const started = performance.now();
  const answer = await fetch(url);
  const bytes = (await answer.arrayBuffer()).byteLength;
  if (answer.status !== 200) throw new Error(`${url}: HTTP ${answer.status}`);
  return { ms: performance.now() - started, cache: answer.headers.get('x-pantau-cache'), bytes };
}

/** Snapshot render times, median of RUNS: a new heading each run, so the data is asked for and drawn anew. */
async function snapshotTimes(base: string, widget: string, attributes: string): Promise<SnapshotTimes> {
  const svg: number[] = [];
  const png: number[] = [];
  const cached: number[] = [];
  let svgBytes = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const url = `${base}/snapshot/${widget}`;
    const heading = `run-${run}-${Date.now()}`;
    const drawn = await timed(`${url}.svg?${attributes}&heading=${heading}`);
    if (drawn.cache !== 'miss') throw new Error(`${widget}: expected a drawn snapshot`);
    svg.push(drawn.ms);
    svgBytes = drawn.bytes;
    cached.push((await timed(`${url}.svg?${attributes}&heading=${heading}`)).ms);
    png.push((await timed(`${url}.png?${attributes}&heading=${heading}-png`)).ms);
  }
  return { svgDrawnMs: median(svg), pngDrawnMs: median(png), svgCachedMs: median(cached), svgBytes };
}

/** Every figure on the server at `base`, whatever data it holds. */
export async function embedFigures(base: string): Promise<EmbedFigures> {
  const { oneWidgetGzip, allWidgetsGzip, mapGeometryGzip } = widgetSizes();
  const snapshots: Record<string, SnapshotTimes> = {};
  for (const [widget, attributes] of Object.entries(widgets)) {
    try {
      snapshots[widget] = await snapshotTimes(base, widget, attributes);
    } catch (error) {
      // A widget the data cannot draw (no such campaign in it) leaves its row empty, not the whole bench.
      console.warn(`Snapshot of ${widget} not measured: ${(error as Error).message}`);
    }
  }
  const browser = await launchChromium();
  const picture: number[] = [];
  const chart: number[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/embed/metric-chart?${widgets['metric-chart']}&heading=first-${run}-${Date.now()}`, { waitUntil: 'commit' });
      const shown = await page.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>('img[slot="snapshot"]');
        return image?.complete && image.naturalWidth > 0 ? performance.now() : false;
      });
      picture.push((await shown.jsonValue()) as number);
      await page.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 60_000 });
      chart.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { oneWidgetGzip, allWidgetsGzip, mapGeometryGzip, firstPictureMs: median(picture), firstChartMs: median(chart), snapshots };
}

/** The figures on the seeded data: a fresh PGlite database as `pnpm start` makes it (seed and the small synthetic set). */
export async function seededEmbedFigures(): Promise<EmbedFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-embeds-'));
  const server = await startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_RATE_LIMIT_BURST: '1000000000', PANTAU_RATE_LIMIT_PER_SECOND: '1000000000' }, 300_000);
  try {
    return await embedFigures(server.url);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** The figures as Markdown tables, `label` naming the data they were taken on. */
export function embedTables(figures: Record<string, EmbedFigures>): string {
  const sets = Object.entries(figures);
  const first = sets[0]?.[1];
  const lines = [
    `| widget JavaScript (gzip) | measured | target |`,
    `| --- | ---: | ---: |`,
    `| heaviest single widget | ${first ? kB(first.oneWidgetGzip) : '–'} | ≤ 150 kB |`,
    `| all five widgets | ${first ? kB(first.allWidgetsGzip) : '–'} | ≤ 250 kB |`,
    `| map geometry (provinces, loaded with the map; regencies on demand) | ${first ? kB(first.mapGeometryGzip) : '–'} | counted apart |`,
    '',
    `| /embed/metric-chart, headless Chromium, cold cache, median of ${RUNS} | ${sets.map(([label]) => label).join(' | ')} |`,
    `| --- | ${sets.map(() => '---:').join(' | ')} |`,
    `| snapshot on screen | ${sets.map(([, f]) => ms(f.firstPictureMs)).join(' | ')} |`,
    `| chart drawn by the element | ${sets.map(([, f]) => ms(f.firstChartMs)).join(' | ')} |`,
    '',
    `| snapshot render, median of ${RUNS} | ${sets.flatMap(([label]) => [`SVG drawn, ${label}`, `PNG drawn, ${label}`, `SVG cached, ${label}`]).join(' | ')} |`,
    `| --- | ${sets.flatMap(() => ['---:', '---:', '---:']).join(' | ')} |`,
    ...Object.keys(widgets).map(
      (widget) =>
        `| ${widget} | ${sets.flatMap(([, f]) => [f.snapshots[widget]?.svgDrawnMs, f.snapshots[widget]?.pngDrawnMs, f.snapshots[widget]?.svgCachedMs].map((v) => ms(v ?? NaN))).join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('Starting the server on a fresh PGlite database (seed and the small synthetic set, as `pnpm start`)');
  console.log(`\n${embedTables({ 'seeded data': await seededEmbedFigures() })}`);
}

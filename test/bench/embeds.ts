// `pnpm bench:embeds`: how long the server takes to draw each widget's snapshot (SVG and PNG, drawn
// anew and from the cache), and how soon a reader sees a chart on the seeded data (headless
// Chromium, cold cache): the iframe embed page's first chart and an <img> snapshot's first paint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { startServerProcess } from '../support/server-process.ts';

const RUNS = 5;
const widgets: Record<string, string> = {
  'metric-chart': 'metric=passports_issued&group-by=passport_type&granularity=YEAR&region=53',
  'campaign-totals': 'campaign=hbi-76-2026',
  'tppo-coverage': 'include-synthetic',
  'desa-binaan-map': 'include-synthetic',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function timed(url: string): Promise<{ ms: number; cache: string | null; bytes: number }> {
  const started = performance.now();
  const answer = await fetch(url);
  const bytes = (await answer.arrayBuffer()).byteLength;
  if (answer.status !== 200) throw new Error(`${url}: HTTP ${answer.status}`);
  return { ms: performance.now() - started, cache: answer.headers.get('x-pantau-cache'), bytes };
}

const dataDir = mkdtempSync(join(tmpdir(), 'pantau-bench-embeds-'));
console.log('Starting the server on a fresh PGlite database (seed and the small synthetic set, as `pnpm start`)');
const server = await startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_RATE_LIMIT_BURST: '1000000000', PANTAU_RATE_LIMIT_PER_SECOND: '1000000000' }, 300_000);
const browser = await launchChromium();
try {
  console.log(`\nSnapshot render time, median of ${RUNS} (drawn: a new heading each run, so the data is asked for and drawn again)\n`);
  console.log('| widget | SVG drawn | PNG drawn | SVG from cache | SVG size |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [widget, attributes] of Object.entries(widgets)) {
    const svg: number[] = [];
    const png: number[] = [];
    const cached: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const base = `${server.url}/snapshot/${widget}`;
      const drawn = await timed(`${base}.svg?${attributes}&heading=run-${run}`);
      if (drawn.cache !== 'miss') throw new Error(`${widget}: expected a drawn snapshot`);
      svg.push(drawn.ms);
      bytes = drawn.bytes;
      cached.push((await timed(`${base}.svg?${attributes}&heading=run-${run}`)).ms);
      png.push((await timed(`${base}.png?${attributes}&heading=png-${run}`)).ms);
    }
    console.log(`| ${widget} | ${ms(median(svg))} | ${ms(median(png))} | ${ms(median(cached))} | ${(bytes / 1000).toFixed(1)} kB |`);
  }

  const firstPaint = async (path: string, ready: (page: Page) => Promise<unknown>) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}heading=first-${run}`);
      await ready(page);
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  };
  const embedChart = await firstPaint(`/embed/metric-chart?${widgets['metric-chart']}`, (page) =>
    page.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 30_000 }),
  );
  // An image page of our own: the snapshot is the first thing a reader without our script sees.
  const snapshotShown = await firstPaint(`/snapshot/metric-chart.svg?${widgets['metric-chart']}`, (page) =>
    page.locator('svg .role-mark').first().waitFor({ state: 'attached', timeout: 30_000 }),
  );
  console.log(`\nFirst chart on the seeded data, headless Chromium, cold cache, median of ${RUNS}\n`);
  console.log('| page | first chart |');
  console.log('| --- | ---: |');
  console.log(`| /embed/metric-chart (iframe page, the element draws) | ${ms(embedChart)} |`);
  console.log(`| /snapshot/metric-chart.svg (drawn by the server, no script) | ${ms(snapshotShown)} |`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease, type ReleaseManifest } from '@pantau/widgets/scripts/versioned-release';
import { chromiumMissing, launchChromium, watchPage } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const widgetsDist = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));
const metricChart = { metric: 'passports_issued', 'group-by': 'passport_type', granularity: 'YEAR', region: '53' };
const query = (attributes: Record<string, string>) => new URLSearchParams(attributes).toString();
const element = (tag: string, attributes: Record<string, string>) =>
  `<${tag} ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ')}></${tag}>`;
/** The lines of every `<text class="…">` of an SVG snapshot, joined by spaces, entities decoded as a browser shows them. */
const textOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>(.*?)</text>`, 'g'))]
    .map((m) => [...(m[1] ?? '').matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' '))
    .join(' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Widgets on sites that run none of our script, or pin the script they run: snapshot images, the
 * iframe embed page with its resizing snippet, oEmbed, and releases the browser checks by integrity.
 */
describe.skipIf(chromiumMissing)('embeds in Chromium, on a host page of another origin under a strict CSP', () => {
  let dataDir: string;
  let releasesDir: string;
  let release: ReleaseManifest;
  let server: ServerProcess;
  let browser: Browser;
  /** A ministry's CMS on its own origin: `/<n>` serves `pages[n]` under that page's CSP. */
  let host: Server;
  let hostOrigin: string;
  const pages: { html: string; csp: string }[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-embeds-'));
    releasesDir = mkdtempSync(join(tmpdir(), 'pantau-releases-'));
    // The release the current build published, as a deployment keeps it.
    release = publishRelease(mkdtempCopy(widgetsDist), releasesDir);
    host = createServer((request, response) => {
      const page = pages[Number((request.url ?? '/').slice(1))];
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...(page ? { 'content-security-policy': page.csp } : {}) });
      response.end(page?.html ?? '');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    [server, browser] = await Promise.all([startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_SYNTHETIC: 'none', PANTAU_WIDGET_RELEASES_DIR: releasesDir }), launchChromium()]);
  });
  afterAll(async () => {
    await new Promise((resolve) => host?.close(resolve));
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(releasesDir, { recursive: true, force: true });
  });

  function mkdtempCopy(dir: string): string {
    const copy = mkdtempSync(join(tmpdir(), 'pantau-dist-'));
    cpSync(dir, copy, { recursive: true });
    return copy;
  }

  /** The strict policy a careful CMS sets: scripts, frames, images and data only from the Pantau server. */
  const strictPolicy = () =>
    `default-src 'none'; script-src ${server.url}; connect-src ${server.url}; img-src ${server.url} data:; frame-src ${server.url}; style-src 'self'; base-uri 'none'; object-src 'none'`;

  async function hostPage(body: string, head = '') {
    pages.push({
      html: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>CMS</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`,
      csp: strictPolicy(),
    });
    const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const watch = await watchPage(page);
    await page.goto(`${hostOrigin}/${pages.length - 1}`);
    return { page, ...watch, close: () => context.close() };
  }

  const cspReportsIn = (frame: Frame) => frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

  it("draws snapshot images with the element's title and source line, in both languages, loadable by <img>", async () => {
    for (const language of ['id', 'en'] as const) {
      const attributes = { ...metricChart, lang: language };
      const svg = await (await fetch(`${server.url}/snapshot/metric-chart.svg?${query(attributes)}`)).text();
      const { page, problems, violations, close } = await hostPage(
        `${element('pantau-metric-chart', attributes)}<img id="svg" alt="" src="${server.url}/snapshot/metric-chart.svg?${query(attributes)}"><img id="png" alt="" src="${server.url}/snapshot/metric-chart.png?${query({ ...attributes, width: '1200' })}">`,
        `<script type="module" src="${server.url}/widgets/pantau-metric-chart.js"></script>`,
      );
      const widget = page.locator('pantau-metric-chart');
      await widget.locator('.chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
      expect(textOf(svg, 'title')).toBe(words(await widget.locator('h2').innerText()));
      expect(textOf(svg, 'title')).toBe(language === 'id' ? 'Paspor diterbitkan' : 'Passports issued');
      expect(textOf(svg, 'source')).toBe(words(await widget.locator('figcaption').innerText()));
      expect(textOf(svg, 'source')).toBe(language === 'id' ? 'Sumber: ANTARA, 26 Jan 2026' : 'Source: ANTARA, 26 Jan 2026');
      expect(textOf(svg, 'subtitle')).toBe(words(await widget.locator('header .subtitle').innerText()));
      const sizes = await page.evaluate(() =>
        Promise.all(
          ['svg', 'png'].map(async (id) => {
            const image = document.getElementById(id) as HTMLImageElement;
            await image.decode();
            return image.naturalWidth;
          }),
        ),
      );
      expect(sizes).toEqual([640, 1200]);
      expect(problems).toEqual([]);
      await expect(violations()).resolves.toEqual([]);
      await close();
    }
  });

  it('resizes the iframe of the oEmbed snippet to its page when the data table is toggled, with no CSP violation on either side', async () => {
    const pageUrl = `${server.url}/embed/metric-chart?${query(metricChart)}`;
    const answer = await fetch(`${server.url}/oembed?${query({ url: pageUrl, format: 'json' })}`);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const oembed = (await answer.json()) as { type: string; version: string; html: string; width: number; height: number };
    expect([oembed.type, oembed.version, oembed.width]).toEqual(['rich', '1.0', 640]);
    expect(oembed.height).toBeGreaterThan(100);
    const { page, problems, violations, close } = await hostPage(`<h1>Berita</h1>${oembed.html}<p>Teks berikutnya.</p>`);
    const frame = page.frameLocator('iframe');
    await frame.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    const inner = page.frames().find((f) => f.url().startsWith(`${server.url}/embed/`));
    if (!inner) throw new Error('The embed page did not load in the iframe');
    /** The iframe's height attribute and the height of the page inside it. */
    const heights = async () => [Number(await page.locator('iframe').getAttribute('height')), await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height))];
    await expect
      .poll(
        async () => {
          const [frameHeight, content] = await heights();
          return frameHeight === content;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const [withChart] = await heights();
    await frame.getByRole('button', { name: 'Tampilkan tabel' }).click();
    await frame.locator('pantau-metric-chart table').waitFor();
    await expect
      .poll(
        async () => {
          const [frameHeight, content] = await heights();
          return frameHeight !== withChart && frameHeight === content;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await frame.getByRole('button', { name: 'Tampilkan grafik' }).click();
    await expect.poll(async () => (await heights())[0], { timeout: 15_000 }).toBe(withChart);
    // The embed page names its oEmbed answer for CMSes that discover it.
    const discovery = await inner.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute('href');
    expect(await (await fetch(discovery ?? '')).json()).toEqual(oembed);
    expect(problems).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    await expect(cspReportsIn(inner)).resolves.toEqual([]);
    await close();
  });

  it('answers oEmbed with 404 for an address that is not one of its widgets', async () => {
    for (const url of ['https://example.org/embed/metric-chart', `${server.url}/widgets/`, `${server.url}/embed/pie-chart`]) {
      const answer = await fetch(`${server.url}/oembed?${query({ url, format: 'json' })}`);
      expect(answer.status, url).toBe(404);
    }
  });

  it('keeps a pinned release working after an upgrade, immutable, and the browser refuses it once tampered with', async () => {
    const entry = 'pantau-metric-chart.js';
    // As the docs pages give it: a modulepreload per chunk, then the entry, each with its hash.
    const tag = (id: string, file: string, kind: 'preload' | 'script') =>
      kind === 'preload'
        ? `<link rel="modulepreload" href="${server.url}/widgets/v/${id}/${file}" integrity="${release.integrity[file] ?? ''}" crossorigin="anonymous">`
        : `<script type="module" src="${server.url}/widgets/v/${id}/${file}" integrity="${release.integrity[file] ?? ''}" crossorigin="anonymous"></script>`;
    const chunks = release.imports[entry] ?? [];
    expect(chunks.length).toBeGreaterThan(0);
    const pinned = (id: string) => `${chunks.map((chunk) => tag(id, chunk, 'preload')).join('')}${tag(id, entry, 'script')}`;
    // An upgrade: the next build (one bundle changed) publishes beside the current release.
    const next = mkdtempCopy(widgetsDist);
    appendFileSync(join(next, 'pantau-widgets.js'), '\n// next release\n');
    const upgraded = publishRelease(next, releasesDir);
    expect(upgraded.id).not.toBe(release.id);
    for (const id of [release.id, upgraded.id]) {
      const file = await fetch(`${server.url}/widgets/v/${id}/${entry}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const served = Buffer.from(await (await fetch(`${server.url}/widgets/v/${release.id}/${entry}`)).arrayBuffer());
    expect(`sha384-${createHash('sha384').update(served).digest('base64')}`).toBe(release.integrity[entry]);
    expect((await fetch(`${server.url}/widgets/${entry}`)).headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');
    expect((await fetch(`${server.url}/widgets/pantau-tppo-coverage.js`)).headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');

    const intact = await hostPage(element('pantau-metric-chart', metricChart), pinned(release.id));
    await intact.page.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    expect(intact.problems).toEqual([]);
    await intact.close();

    // Tampered with on the server or a CDN: first a chunk the entry imports, then the entry itself.
    for (const file of [chunks[chunks.length - 1] ?? '', entry]) {
      const path = join(releasesDir, release.id, file);
      const original = readFileSync(path);
      appendFileSync(path, '\nwindow.__pantauTampered = 1;\n');
      const tampered = await hostPage(element('pantau-metric-chart', metricChart), pinned(release.id));
      await expect.poll(() => tampered.problems.some((p) => /integrity/i.test(p)), { timeout: 15_000 }).toBe(true);
      expect(
        await tampered.page.evaluate(() => [Boolean(customElements.get('pantau-metric-chart')), (window as unknown as { __pantauTampered?: number }).__pantauTampered ?? null]),
        file,
      ).toEqual([false, null]);
      await tampered.close();
      writeFileSync(path, original);
    }
  });
});

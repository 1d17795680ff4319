import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, watchPage } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { expectedDrawing, type DrawnWidget } from '../support/widget-figures.ts';

const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const placeholder = 'https://YOUR-PANTAU-SERVER';

/** What a snippet puts on the page: our elements (with our script), a snapshot picture, or an embed page in an iframe. */
type SnippetKind = 'elements' | 'picture' | 'iframe';

const kindOf = (html: string): SnippetKind => (/<iframe\b/.test(html) ? 'iframe' : /<pantau-|<script type="module"/.test(html) ? 'elements' : 'picture');
/** The README's pinned-release block shows the shape (`<id>`, `sha384-…`); the docs pages give the real one, pasted below. */
const isShapeOnly = (html: string) => html.includes('/<id>/') || html.includes('sha384-…');

interface Snippet {
  /** Where the reader finds it. */
  readonly from: string;
  readonly html: string;
}

/**
 * Every HTML snippet of the README: its ```html blocks, and each element of the widget table as
 * written, plus once with each attribute the row offers beside it (`province="53"`).
 */
function readmeSnippets(): Snippet[] {
  const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((match, index) => ({ from: `README html block ${index + 1}`, html: match[1] ?? '' }));
  // The table's elements go with the script line of the README's two-line snippet.
  const script = /<script type="module" src="[^"]+"><\/script>/.exec(blocks[0]?.html ?? '')?.[0] ?? '';
  const rows = readme.split('\n').filter((line) => line.startsWith('| `<pantau-'));
  const elements = rows.flatMap((row) => {
    const cell = row.split('|')[1] ?? '';
    const [element, ...extras] = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    const tag = /^<([a-z-]+)/.exec(element ?? '')?.[1];
    if (!element || !tag) return [];
    const variants = [element, ...extras.filter((extra) => /^[a-z-]+="[^"]*"$/.test(extra)).map((extra) => element.replace(/>$/, ` ${extra}>`))];
    return variants.map((variant) => ({ from: `README element table: ${variant}`, html: `${script}\n${variant}</${tag}>` }));
  });
  return [...blocks, ...elements];
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** Every snippet the docs pages give to copy (`<pre><code>`), from the index and each page it links. */
async function docsSnippets(server: string): Promise<Snippet[]> {
  const index = await (await fetch(`${server}/widgets/`)).text();
  const pages = ['/widgets/', ...new Set([...index.matchAll(/href="(\/widgets\/[a-z0-9-]+\.html)"/g)].map((match) => match[1] ?? ''))];
  const snippets: Snippet[] = [];
  for (const path of pages) {
    const page = path === '/widgets/' ? index : await (await fetch(`${server}${path}`)).text();
    for (const match of page.matchAll(/<pre><code>([\s\S]*?)<\/code><\/pre>/g)) snippets.push({ from: `docs page ${path}`, html: unescapeHtml(match[1] ?? '') });
  }
  return snippets;
}

/**
 * A newcomer's first hour as a web team: every snippet the README and the docs pages give, pasted
 * as written into a page on another origin (a ministry CMS with the strict CSP the docs ask for),
 * against a server started as `pnpm start` starts it. Each must draw its chart with the figures
 * the articles report, and break no CSP rule.
 */
describe.skipIf(chromiumMissing)('every documented snippet draws when pasted into a host page', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let host: Server;
  let hostOrigin: string;
  const pages: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-snippets-'));
    host = createServer((request, response) => {
      const page = pages[Number((request.url ?? '/').slice(1))];
      response.writeHead(page === undefined ? 404 : 200, {
        'content-type': 'text/html; charset=utf-8',
        // What the docs pages say a host needs: the Pantau server for scripts and data, nothing inline.
        'content-security-policy': `default-src 'self'; script-src 'self' ${server.url}; style-src 'self'; connect-src ${server.url}; img-src 'self' data: blob: ${server.url}; frame-src ${server.url}`,
      });
      response.end(page ?? '');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
    // The default configuration, as `pnpm start` runs it on a new database: seeded, with flagged synthetic data.
    [server, browser] = await Promise.all([startServerProcess({ PANTAU_DATA_DIR: dataDir }, 300_000), launchChromium()]);
    // A first start loads the synthetic set too: minutes when the whole suite shares two cores.
  }, 330_000);
  afterAll(async () => {
    await new Promise((resolve) => host?.close(resolve));
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Pastes `snippet` into a new host page and reads every widget it holds once each has drawn. */
  async function paste(snippet: Snippet) {
    const markup = snippet.html.replaceAll(placeholder, server.url);
    pages.push(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>${markup}</body></html>`);
    const context = await browser.newContext();
    const page = await context.newPage();
    const { problems, violations } = await watchPage(page);
    await page.goto(`${hostOrigin}/${pages.length - 1}`);
    const tags = [...markup.matchAll(/<(pantau-[a-z-]+)/g)].map((match) => match[1] ?? '');
    const widgets: DrawnWidget[] = [];
    for (const [index, tag] of tags.entries()) {
      const element = page.locator(tag).nth(index - tags.slice(0, index).filter((other) => other !== tag).length);
      // The metric tile draws no chart: it is done when its figure is no longer busy.
      const done = tag === 'pantau-metric-tile' ? 'figure[aria-busy="false"]' : 'svg .role-mark > *';
      await page.waitForFunction(
        ([el, selector]) => (el as Element | null)?.shadowRoot?.querySelector(selector as string) != null,
        [await element.elementHandle(), done] as const,
        { timeout: 60_000 },
      );
      const marks = await element.evaluate((el) => el.shadowRoot?.querySelectorAll('svg .role-mark > *').length ?? 0);
      const card = await element.locator('figure').innerText();
      const tableButton = element.getByRole('button', { name: 'Tampilkan tabel' });
      let table = '';
      if ((await tableButton.count()) > 0) {
        await tableButton.click();
        table = await element.locator('table').innerText();
      }
      const attributes = await element.evaluate((el) => Object.fromEntries([...el.attributes].map((attribute) => [attribute.name, attribute.value])));
      widgets.push({ tag, attributes, marks, card, table });
    }
    const definedTags = await page.evaluate(() =>
      ['pantau-campaign-totals', 'pantau-metric-chart', 'pantau-metric-tile', 'pantau-tppo-coverage', 'pantau-desa-binaan-map'].filter((tag) => customElements.get(tag)),
    );
    const result = { widgets, definedTags, problems: [...problems], violations: await violations(), pictures: await drawnPictures(page), frames: await drawnFrames(page) };
    await context.close();
    return result;
  }

  /** Width of each snapshot picture once loaded (0 when the browser could not draw it). */
  async function drawnPictures(page: Page): Promise<number[]> {
    const images = page.locator('img');
    const widths: number[] = [];
    for (let i = 0; i < (await images.count()); i += 1) {
      const image = images.nth(i);
      await image.evaluate((img: HTMLImageElement) => img.decode().catch(() => undefined));
      widths.push(await image.evaluate((img: HTMLImageElement) => img.naturalWidth));
    }
    return widths;
  }

  /** For each iframe: how many chart marks the embed page's element drew. */
  async function drawnFrames(page: Page): Promise<number[]> {
    // What the embed page's element drew: chart marks, or 1 for the metric tile once its figure is shown.
    const countMarks = () => {
      const element = document.querySelector('pantau-metric-chart, pantau-metric-tile, pantau-campaign-totals, pantau-tppo-coverage, pantau-desa-binaan-map');
      if (element?.localName === 'pantau-metric-tile') return element.shadowRoot?.querySelector('figure[aria-busy="false"]') ? 1 : 0;
      return element?.shadowRoot?.querySelectorAll('svg .role-mark > *').length ?? 0;
    };
    const marks: number[] = [];
    for (const frame of page.frames().filter((f) => f !== page.mainFrame())) {
      await frame.waitForFunction(countMarks, undefined, { timeout: 60_000 });
      marks.push(await frame.evaluate(countMarks));
    }
    return marks;
  }

  /** Checks what a pasted picture or iframe snippet drew; true when `snippet` was one. */
  function checkedAsEmbed(snippet: Snippet, drawn: { pictures: number[]; frames: number[] }): boolean {
    const kind = kindOf(snippet.html);
    if (kind === 'picture') expect(drawn.pictures.length > 0 && drawn.pictures.every((width) => width > 0), `${snippet.from}: picture drawn`).toBe(true);
    if (kind === 'iframe') expect(drawn.frames.length > 0 && drawn.frames.every((marks) => marks > 0), `${snippet.from}: embed page drawn`).toBe(true);
    return kind !== 'elements';
  }

  it('finds every snippet: the README’s two-line snippet and element table, and each docs page’s', async () => {
    const readmeFound = readmeSnippets();
    const froms = readmeFound.map((snippet) => snippet.from);
    expect(froms).toContain('README html block 1');
    // One row per element of the manifest, each pasted as the README writes it.
    expect(froms.filter((from) => from.startsWith('README element table: '))).toHaveLength(5);
    const docsFound = await docsSnippets(server.url);
    expect(docsFound.length).toBeGreaterThanOrEqual(5);
    for (const snippet of docsFound.filter((found) => kindOf(found.html) === 'elements')) expect(snippet.html).toContain(`src="${server.url}/widgets/`);
    // Each shape-only README block has its real counterpart on the docs pages.
    if (readmeFound.some((snippet) => isShapeOnly(snippet.html))) expect(docsFound.some((snippet) => snippet.html.includes(`${server.url}/widgets/v/`))).toBe(true);
  });

  it('draws each README snippet with the reported figures, real data only, and no CSP violation', async () => {
    for (const snippet of readmeSnippets().filter((found) => !isShapeOnly(found.html))) {
      const { widgets, problems, violations, ...drawn } = await paste(snippet);
      expect(violations, snippet.from).toEqual([]);
      if (checkedAsEmbed(snippet, drawn)) continue;
      expect(widgets.length, snippet.from).toBeGreaterThan(0);
      for (const widget of widgets) {
        const expected = expectedDrawing(widget);
        expect(widget.marks, `${snippet.from}: marks`).toBeGreaterThanOrEqual(expected.minMarks);
        if (expected.marks !== undefined) expect(widget.marks, `${snippet.from}: marks`).toBe(expected.marks);
        for (const figure of expected.shows) expect(`${widget.card}\n${widget.table}`, `${snippet.from}: ${figure}`).toContain(figure);
        // No snippet of the README asks for synthetic data, so none is shown or flagged.
        expect(widget.card, snippet.from).not.toContain('Data sintetis');
      }
      expect(violations, snippet.from).toEqual([]);
      expect(problems, snippet.from).toEqual([]);
    }
  }, 600_000);

  it('draws each docs-page snippet, flagging the synthetic data those ask for, and no CSP violation', async () => {
    for (const snippet of await docsSnippets(server.url)) {
      const { widgets, definedTags, problems, violations, ...drawn } = await paste(snippet);
      expect(violations, snippet.from).toEqual([]);
      if (checkedAsEmbed(snippet, drawn)) continue;
      // The index page's snippet is the script alone: it defines every widget.
      if (widgets.length === 0)
        expect(definedTags, snippet.from).toEqual(['pantau-campaign-totals', 'pantau-metric-chart', 'pantau-metric-tile', 'pantau-tppo-coverage', 'pantau-desa-binaan-map']);
      for (const widget of widgets) {
        const expected = expectedDrawing(widget);
        expect(widget.marks, `${snippet.from}: marks`).toBeGreaterThanOrEqual(expected.minMarks);
        if (expected.marks !== undefined) expect(widget.marks, `${snippet.from}: marks`).toBe(expected.marks);
        for (const figure of expected.shows) expect(`${widget.card}\n${widget.table}`, `${snippet.from}: ${figure}`).toContain(figure);
        if (expected.synthetic) expect(widget.card, snippet.from).toContain('Data sintetis');
        else expect(widget.card, snippet.from).not.toContain('Data sintetis');
      }
      expect(violations, snippet.from).toEqual([]);
      expect(problems, snippet.from).toEqual([]);
    }
  }, 600_000);
});

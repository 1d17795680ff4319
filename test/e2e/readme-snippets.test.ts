import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchPage } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { expectedDrawing, type DrawnWidget } from '../support/widget-figures.ts';

const chromiumMissing = !existsSync(process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium') && !process.env.CI;
const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const placeholder = 'https://YOUR-PANTAU-SERVER';

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
        'content-security-policy': `default-src 'self'; script-src 'self' ${server.url}; style-src 'self'; connect-src ${server.url}; img-src 'self' data: blob:`,
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
      await page.waitForFunction((el) => (el?.shadowRoot?.querySelectorAll('svg .role-mark > *').length ?? 0) > 0, await element.elementHandle(), { timeout: 60_000 });
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
      ['pantau-campaign-totals', 'pantau-metric-chart', 'pantau-tppo-coverage', 'pantau-desa-binaan-map'].filter((tag) => customElements.get(tag)),
    );
    const result = { widgets, definedTags, problems: [...problems], violations: await violations() };
    await context.close();
    return result;
  }

  it('finds every snippet: the README’s two-line snippet and element table, and each docs page’s', async () => {
    const readmeFound = readmeSnippets();
    expect(readmeFound.map((snippet) => snippet.from)).toEqual(
      expect.arrayContaining([
        'README html block 1',
        'README element table: <pantau-tppo-coverage>',
        'README element table: <pantau-tppo-coverage province="53">',
        'README element table: <pantau-desa-binaan-map>',
      ]),
    );
    const docsFound = await docsSnippets(server.url);
    expect(docsFound.length).toBeGreaterThanOrEqual(5);
    for (const snippet of docsFound) expect(snippet.html).toContain(`src="${server.url}/widgets/`);
  });

  it('draws each README snippet with the reported figures, real data only, and no CSP violation', async () => {
    for (const snippet of readmeSnippets()) {
      const { widgets, problems, violations } = await paste(snippet);
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
      const { widgets, definedTags, problems, violations } = await paste(snippet);
      // The index page's snippet is the script alone: it defines every widget.
      if (widgets.length === 0) expect(definedTags, snippet.from).toEqual(['pantau-campaign-totals', 'pantau-metric-chart', 'pantau-tppo-coverage', 'pantau-desa-binaan-map']);
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

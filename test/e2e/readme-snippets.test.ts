import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser.ts';
import { docsSnippets, isShapeOnly, kindOf, readmeSnippets, type Snippet } from '../support/documented-snippets.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { pasteSnippet, startSnippetHost, type SnippetHost } from '../support/snippet-host.ts';
import { expectedDrawing } from '../support/widget-figures.ts';

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
  let host: SnippetHost;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-snippets-'));
    host = await startSnippetHost(() => server.url);
    // The default configuration, as `pnpm start` runs it on a new database: seeded, with flagged synthetic data.
    [server, browser] = await Promise.all([startServerProcess({ PANTAU_DATA_DIR: dataDir }, 300_000), launchChromium()]);
    // A first start loads the synthetic set too: minutes when the whole suite shares two cores.
  }, 330_000);
  afterAll(async () => {
    await host?.close();
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

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
      const { widgets, problems, violations, ...drawn } = await pasteSnippet(host, browser, snippet);
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
      const { widgets, definedTags, problems, violations, ...drawn } = await pasteSnippet(host, browser, snippet);
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

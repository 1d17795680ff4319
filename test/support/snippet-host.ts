import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { watchPage } from './browser.ts';
import { placeholder, type Snippet } from './documented-snippets.ts';
import { expectedDrawing, type DrawnWidget } from './widget-figures.ts';

/** A web page on another origin (a ministry CMS) that serves each pasted snippet under the strict CSP the docs ask for. */
export interface SnippetHost {
  /** The Pantau server the snippets point at. */
  serverUrl(): string;
  /** Serves `html` as a new page and gives its address. */
  show(html: string): string;
  close(): Promise<void>;
}

export async function startSnippetHost(serverUrl: () => string): Promise<SnippetHost> {
  const pages: string[] = [];
  const host = createServer((request, response) => {
    const page = pages[Number((request.url ?? '/').slice(1))];
    const server = serverUrl();
    response.writeHead(page === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
      // What the docs pages say a host needs: the Pantau server for scripts and data, nothing inline.
      'content-security-policy': `default-src 'self'; script-src 'self' ${server}; style-src 'self'; connect-src ${server}; img-src 'self' data: blob: ${server}; frame-src ${server}`,
    });
    response.end(page ?? '');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(host.address() as AddressInfo).port}`;
  return {
    serverUrl,
    show: (html) => `${origin}/${pages.push(html) - 1}`,
    close: () => new Promise<void>((resolve) => host.close(() => resolve())),
  };
}

/** Pastes `snippet` into a new host page and reads every widget it holds once each has drawn. */
export async function pasteSnippet(host: SnippetHost, browser: Browser, snippet: Snippet) {
  const markup = snippet.html.replaceAll(placeholder, host.serverUrl());
  const address = host.show(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>${markup}</body></html>`);
  const context = await browser.newContext();
  const page = await context.newPage();
  const { problems, violations } = await watchPage(page);
  await page.goto(address);
  const tags = [...markup.matchAll(/<(pantau-[a-z-]+)/g)].map((match) => match[1] ?? '');
  const widgets: DrawnWidget[] = [];
  for (const [index, tag] of tags.entries()) {
    const element = page.locator(tag).nth(index - tags.slice(0, index).filter((other) => other !== tag).length);
    // The metric tile draws no chart: it is done when its figure is no longer busy. A chart is done when
    // it has drawn the marks it promises: a zoomed map draws again once its regencies' shapes arrive.
    const done = tag === 'pantau-metric-tile' ? 'figure[aria-busy="false"]' : 'svg .role-mark > *';
    const attributesNow = await element.evaluate((el) => Object.fromEntries([...el.attributes].map((attribute) => [attribute.name, attribute.value])));
    const promised = Math.max(1, expectedDrawing({ tag, attributes: attributesNow }).minMarks);
    await page.waitForFunction(
      ([el, selector, least]) => ((el as Element | null)?.shadowRoot?.querySelectorAll(selector as string).length ?? 0) >= (least as number),
      [await element.elementHandle(), done, tag === 'pantau-metric-tile' ? 1 : promised] as const,
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

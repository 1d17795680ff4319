// A ministry's CMS on an origin of its own, under a strict CSP, beside a Pantau server with its own
// releases directory: what the embed tests (test/e2e/embed*.test.ts) put widgets on.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Frame, Page } from 'playwright-core';
import { publishRelease, type ReleaseManifest } from '@pantau/widgets/scripts/versioned-release';
import { launchChromium, suiteStartMs, watchPage } from './browser.ts';
import { startServerProcess, type ServerProcess } from './server-process.ts';

export const widgetsDist = fileURLToPath(new URL('../../widgets/dist/', import.meta.url));
export const metricChart = { metric: 'passports_issued', 'group-by': 'passport_type', granularity: 'YEAR', region: '53' };
export const query = (attributes: Record<string, string>) => new URLSearchParams(attributes).toString();
export const element = (tag: string, attributes: Record<string, string>, inner = '') =>
  `<${tag} ${Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ')}>${inner}</${tag}>`;
/** The lines of every `<text class="…">` of an SVG snapshot, joined by spaces, entities decoded as a browser shows them. */
export const textOf = (svg: string, className: string) =>
  [...svg.matchAll(new RegExp(`<text class="${className}"[^>]*>(.*?)</text>`, 'g'))]
    .map((m) => [...(m[1] ?? '').matchAll(/<tspan[^>]*>(.*?)<\/tspan>/g)].map((t) => t[1]).join(' '))
    .join(' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
export const words = (text: string) => text.replace(/\s+/g, ' ').trim();
export const cspReportsIn = (frame: Frame) => frame.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

/** A copy of `dir` in a fresh temporary directory. */
export function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'pantau-dist-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export interface HostPage {
  page: Page;
  problems: string[];
  violations: () => Promise<string[]>;
  close: () => Promise<void>;
}

export interface EmbedHost {
  server: ServerProcess;
  browser: Browser;
  releasesDir: string;
  /** The release the current build published, as a deployment keeps it. */
  release: ReleaseManifest;
  /** Opens a host page with `body` (and `head`) under the strict policy, watching its errors and CSP violations. */
  hostPage(body: string, head?: string): Promise<HostPage>;
  stop(): Promise<void>;
}

export async function startEmbedHost(): Promise<EmbedHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-embeds-'));
  const releasesDir = mkdtempSync(join(tmpdir(), 'pantau-releases-'));
  const release = publishRelease(copyOf(widgetsDist), releasesDir);
  const pages: { html: string; csp: string }[] = [];
  const host = createServer((request, response) => {
    const page = pages[Number((request.url ?? '/').slice(1))];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...(page ? { 'content-security-policy': page.csp } : {}) });
    response.end(page?.html ?? '');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  const [server, browser] = await Promise.all([
    startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_SYNTHETIC: 'none', PANTAU_WIDGET_RELEASES_DIR: releasesDir }, suiteStartMs),
    launchChromium(),
  ]);
  // The strict policy a careful CMS sets: scripts, frames, images and data only from the Pantau server.
  const csp = `default-src 'none'; script-src ${server.url}; connect-src ${server.url}; img-src ${server.url} data:; frame-src ${server.url}; style-src 'self'; base-uri 'none'; object-src 'none'`;
  return {
    server,
    browser,
    releasesDir,
    release,
    async hostPage(body, head = '') {
      pages.push({
        html: `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>CMS</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`,
        csp,
      });
      const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      const watch = await watchPage(page);
      await page.goto(`${hostOrigin}/${pages.length - 1}`);
      return { page, ...watch, close: () => context.close() };
    },
    async stop() {
      await new Promise((resolve) => host.close(resolve));
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(releasesDir, { recursive: true, force: true });
    },
  };
}

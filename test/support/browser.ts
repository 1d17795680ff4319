import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page, type Response } from 'playwright-core';
import { startServerProcess, type ServerProcess } from './server-process.ts';

/** Outside CI a machine without Debian's Chromium skips the browser tests; CI installs it and always runs them. */
export const chromiumMissing = !existsSync(process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium') && !process.env.CI;

/** Debian's Chromium, headless; Playwright's own browser download is not available here. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.PANTAU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Records what a page should never do: CSP violations, console errors and uncaught exceptions.
 * Call before the page navigates; `violations()` reads the CSP reports collected in the page.
 */
export async function watchPage(page: Page): Promise<{ problems: string[]; violations: () => Promise<string[]> }> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return { problems, violations: () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []) };
}

export interface OpenedPage {
  page: Page;
  response: Response | null;
  problems: string[];
  violations: () => Promise<string[]>;
  close: () => Promise<void>;
}

/** An element as the server's custom-elements manifest lists it. */
export interface ServedElement {
  tag: string;
  /** Whether it draws a chart (it fires `pantau-render`). */
  charts: boolean;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Runs before the page navigates, e.g. to listen to its requests. */
  beforeNavigate?: (page: Page) => void;
}

export interface BrowserSuite {
  server: ServerProcess;
  browser: Browser;
  dataDir: string;
  /** Opens `path` on the Pantau server in a fresh context that watches for problems. */
  open(path: string, options?: OpenOptions): Promise<OpenedPage>;
  /** Opens `html` as a page of a ministry's CMS on another origin (`localhost`, not the server's `127.0.0.1`). */
  openHostPage(html: string, options?: OpenOptions): Promise<OpenedPage>;
  /** The elements the server's `/widgets/custom-elements.json` lists. */
  elements(): Promise<ServedElement[]>;
  stop(): Promise<void>;
}

/**
 * How long a suite's server may take to migrate, seed and listen: a guard against a hung start, not
 * a speed check (on a machine shared by several test runs a cold start has taken over 90 s).
 * Give `beforeAll` `suiteStartMs + 60_000` for the suite's own preparation on top.
 */
export const suiteStartMs = 240_000;

export interface SuiteOptions {
  /** Server environment besides its data directory. */
  env?: Record<string, string>;
  /** Fills the data directory before the server starts. */
  prepare?: (dataDir: string) => Promise<void>;
}

/**
 * The server as `pnpm start` runs it on a data directory of its own, Chromium, and a second local
 * HTTP server for host pages: pages on a public origin may not reach loopback (Local Network Access).
 */
export async function startBrowserSuite(options: SuiteOptions = {}): Promise<BrowserSuite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pantau-browser-'));
  const pages: string[] = [];
  const host = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(pages[Number((request.url ?? '/').slice(1))] ?? '');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
  await options.prepare?.(dataDir);
  const [server, browser] = await Promise.all([startServerProcess({ PANTAU_DATA_DIR: dataDir, ...options.env }, suiteStartMs), launchChromium()]);

  async function openUrl(url: string, { viewport = { width: 1100, height: 900 }, colorScheme = 'light', beforeNavigate }: OpenOptions = {}): Promise<OpenedPage> {
    const context = await browser.newContext({ viewport, colorScheme });
    const page = await context.newPage();
    const { problems, violations } = await watchPage(page);
    beforeNavigate?.(page);
    const response = await page.goto(url);
    return { page, response, problems, violations, close: () => context.close() };
  }

  return {
    server,
    browser,
    dataDir,
    open: (path, open) => openUrl(`${server.url}${path}`, open),
    openHostPage: (html, open) => openUrl(`${hostOrigin}/${pages.push(html) - 1}`, open),
    async elements() {
      const manifest = (await (await fetch(`${server.url}/widgets/custom-elements.json`)).json()) as {
        modules: { declarations?: { tagName?: string; events?: { name: string }[] }[] }[];
      };
      return manifest.modules
        .flatMap((module) => module.declarations ?? [])
        .flatMap((declaration) => (declaration.tagName ? [{ tag: declaration.tagName, charts: Boolean(declaration.events?.some((event) => event.name === 'pantau-render')) }] : []))
        .sort((a, b) => a.tag.localeCompare(b.tag));
    },
    async stop() {
      await new Promise((resolve) => host.close(resolve));
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

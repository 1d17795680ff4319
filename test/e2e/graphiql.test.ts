import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchChromium, watchPage } from '../support/browser.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** The README's analyst examples: its GraphQL blocks that open with a `#` title. */
const readmeExampleCount = [...readFileSync(new URL('../../README.md', import.meta.url), 'utf8').matchAll(/```graphql\n#/g)].length;

describe.skipIf(chromiumMissing)('GraphiQL at /graphql, offline, under the strict CSP', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-graphiql-'));
    [server, browser] = await Promise.all([startServerProcess({ PANTAU_DATA_DIR: dataDir, PANTAU_SYNTHETIC: 'none' }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('renders with every other origin cut off, runs the first README example and shows 20000 coconut seedlings', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 4000 } });
    const origin = new URL(server.url).origin;
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      if (new URL(route.request().url()).origin === origin) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const { problems, violations } = await watchPage(page);

    const response = await page.goto(`${server.url}/graphql`);
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);

    // The README's analyst examples are the tabs; the first (Hari Bakti Imigrasi ke-76) is open.
    await page.locator('.graphiql-tab').first().waitFor({ timeout: 30_000 });
    expect(readmeExampleCount).toBeGreaterThan(0);
    await expect(page.locator('.graphiql-tab').count()).resolves.toBe(readmeExampleCount);
    await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('Hari Bakti Imigrasi ke-76');

    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 30_000 }).toMatch(/"key": "coconut_seedlings",[^}]*}[^}]*?"value": "20000"/);

    expect(elsewhere).toEqual([]);
    await expect(violations()).resolves.toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves its assets with a content hash, a year of caching and an ETag that answers 304', async () => {
    const html = await (await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    const script = /src="(\/graphiql\/graphiql-[0-9a-f]{16}\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const first = await fetch(`${server.url}${script}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const again = await fetch(`${server.url}${script}`, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/graphiql/nothing.js`)).status).toBe(404);
  });
});

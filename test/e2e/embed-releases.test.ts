import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishRelease } from '@pantau/widgets/scripts/versioned-release';
import { chromiumMissing, suiteStartMs } from '../support/browser.ts';
import { copyOf, element, metricChart, startEmbedHost, widgetsDist, type EmbedHost } from '../support/embed-host.ts';

/** Pinned releases: immutable, kept after an upgrade, and refused by the browser through `integrity` once tampered with. */
describe.skipIf(chromiumMissing)('pinned widget releases in Chromium, on a host page under a strict CSP', () => {
  let env: EmbedHost;
  beforeAll(async () => {
    env = await startEmbedHost();
  }, suiteStartMs + 60_000);
  afterAll(async () => {
    await env?.stop();
  });

  it('keeps a pinned release working after an upgrade, immutable, and the browser refuses it once tampered with', async () => {
    const entry = 'pantau-metric-chart.js';
    // As the docs pages give it: a modulepreload per chunk, then the entry, each with its hash.
    const tag = (id: string, file: string, kind: 'preload' | 'script') =>
      kind === 'preload'
        ? `<link rel="modulepreload" href="${env.server.url}/widgets/v/${id}/${file}" integrity="${env.release.integrity[file] ?? ''}" crossorigin="anonymous">`
        : `<script type="module" src="${env.server.url}/widgets/v/${id}/${file}" integrity="${env.release.integrity[file] ?? ''}" crossorigin="anonymous"></script>`;
    const chunks = env.release.imports[entry] ?? [];
    expect(chunks.length).toBeGreaterThan(0);
    const pinned = (id: string) => `${chunks.map((chunk) => tag(id, chunk, 'preload')).join('')}${tag(id, entry, 'script')}`;
    // An upgrade: the next build (one bundle changed) publishes beside the current release.
    const next = copyOf(widgetsDist);
    appendFileSync(join(next, 'pantau-widgets.js'), '\n// next release\n');
    const upgraded = publishRelease(next, env.releasesDir);
    expect(upgraded.id).not.toBe(env.release.id);
    for (const id of [env.release.id, upgraded.id]) {
      const file = await fetch(`${env.server.url}/widgets/v/${id}/${entry}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    const served = Buffer.from(await (await fetch(`${env.server.url}/widgets/v/${env.release.id}/${entry}`)).arrayBuffer());
    expect(`sha384-${createHash('sha384').update(served).digest('base64')}`).toBe(env.release.integrity[entry]);
    expect((await fetch(`${env.server.url}/widgets/${entry}`)).headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');
    expect((await fetch(`${env.server.url}/widgets/pantau-tppo-coverage.js`)).headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=300');

    const intact = await env.hostPage(element('pantau-metric-chart', metricChart), pinned(env.release.id));
    await intact.page.locator('pantau-metric-chart .chart svg .role-mark').first().waitFor({ state: 'attached', timeout: 45_000 });
    expect(intact.problems).toEqual([]);
    await intact.close();

    // Tampered with on the server or a CDN: first a chunk the entry imports, then the entry itself.
    for (const file of [chunks[chunks.length - 1] ?? '', entry]) {
      const path = join(env.releasesDir, env.release.id, file);
      const original = readFileSync(path);
      appendFileSync(path, '\nwindow.__pantauTampered = 1;\n');
      const tampered = await env.hostPage(element('pantau-metric-chart', metricChart), pinned(env.release.id));
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

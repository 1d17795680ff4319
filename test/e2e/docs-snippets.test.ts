import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRefusedServer, startServerProcess, type ServerProcess } from '../support/server-process.ts';

/** A GET over real HTTP with any Host header (fetch will not send a made-up one). */
function get(base: string, path: string, host?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const sent = request(url, { headers: host === undefined ? {} : { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

const snippetOf = (html: string) => /<pre><code>&#60;script type=&#34;module&#34; src=&#34;([^&]*)&#34;/.exec(html)?.[1];

describe('docs pages name the server that serves them', () => {
  const dirs: string[] = [];
  let plain: ServerProcess;
  let proxied: ServerProcess;

  beforeAll(async () => {
    const dir = () => {
      const made = mkdtempSync(join(tmpdir(), 'pantau-docs-'));
      dirs.push(made);
      return made;
    };
    [plain, proxied] = await Promise.all([
      startServerProcess({ PANTAU_DATA_DIR: dir(), PANTAU_SYNTHETIC: 'none' }),
      startServerProcess({ PANTAU_DATA_DIR: dir(), PANTAU_SYNTHETIC: 'none', PANTAU_PUBLIC_ORIGIN: 'https://pantau.example.go.id' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([plain?.stop(), proxied?.stop()]);
    for (const made of dirs) rmSync(made, { recursive: true, force: true });
  });

  it("gives the server's own origin in every snippet, varying by Host", async () => {
    const origin = new URL(plain.url).origin;
    const page = await get(plain.url, '/widgets/pantau-campaign-totals.html');
    expect(page.status).toBe(200);
    expect(snippetOf(page.body)).toBe(`${origin}/widgets/pantau-campaign-totals.js`);
    expect(page.body).not.toContain('YOUR-PANTAU-SERVER');
    expect(page.headers.vary).toBe('Host');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const index = await get(plain.url, '/widgets/');
    expect(snippetOf(index.body)).toBe(`${origin}/widgets/pantau-widgets.js`);
    const again = await get(plain.url, '/widgets/index.html', 'docs.internal:8080');
    expect(snippetOf(again.body)).toBe('http://docs.internal:8080/widgets/pantau-widgets.js');
  });

  it('gives PANTAU_PUBLIC_ORIGIN when it is set, whatever the Host', async () => {
    const page = await get(proxied.url, '/widgets/pantau-metric-chart.html', 'internal-name:4000');
    expect(snippetOf(page.body)).toBe('https://pantau.example.go.id/widgets/pantau-metric-chart.js');
    expect(page.body).not.toContain('internal-name');
    expect(page.headers.vary).toBeUndefined();
  });

  it('refuses a Host header that is not a host name, so nothing of it reaches the page', async () => {
    const hostile = 'evil.example"><script>alert(1)</script>';
    const page = await get(plain.url, '/widgets/pantau-tppo-coverage.html', hostile);
    expect(page.status).toBe(400);
    expect(page.body).not.toContain('<script>');
  });

  it('refuses to start with a PANTAU_PUBLIC_ORIGIN that is not an origin, naming the variable', async () => {
    const refused = await runRefusedServer({ PANTAU_DATA_DIR: 'memory://', PANTAU_PUBLIC_ORIGIN: 'https://pantau.example.go.id/widgets' });
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/PANTAU_PUBLIC_ORIGIN must be an origin/);
  });

  it('leaves the widget bundles as built', async () => {
    const bundle = await get(plain.url, '/widgets/pantau-widgets.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers['content-type']).toMatch(/javascript/);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { htmlPageHeaders, strictContentSecurityPolicy } from './static-files.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** The README's analyst examples: the ```graphql blocks of "For analysts" that open with a `#` title. */
export function readmeExampleQueries(readmePath = here('../../../README.md')): string[] {
  let readme: string;
  try {
    readme = readFileSync(readmePath, 'utf8');
  } catch {
    return [];
  }
  const section = readme.split(/^## /m).find((part) => part.startsWith('For analysts')) ?? '';
  return [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? '').filter((block) => block.startsWith('#'));
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * GraphiQL 3 (CodeMirror 5) from the installed packages, under the strict CSP: no CDN, no inline
 * script or style. Its CSS inlines fonts as data: URLs, which `font-src 'self'` refuses, so each
 * font becomes a file of its own. Every asset is named by its content hash and cached for a year.
 */
export function createGraphiQL(endpoint: string) {
  const assets = new Map<string, Asset>();
  const add = (name: string, body: Buffer, type: string): string => {
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
    const dot = name.lastIndexOf('.');
    const path = `/graphiql/${name.slice(0, dot)}-${hash}${name.slice(dot)}`;
    assets.set(path, { body, type, etag: `"${hash}"` });
    return path;
  };
  const graphiql = packageDir('graphiql');
  const css = readFileSync(join(graphiql, 'graphiql.min.css'), 'utf8').replace(/url\(data:font\/(woff2|woff|ttf);base64,([A-Za-z0-9+/=]+)\)/g, (_, kind: string, data: string) => {
    const types: Record<string, string> = { woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf' };
    return `url(${add(`font.${kind}`, Buffer.from(data, 'base64'), types[kind] ?? 'application/octet-stream')})`;
  });
  const js = 'text/javascript; charset=utf-8';
  const scripts = [
    add('react.js', readFileSync(join(packageDir('react'), 'umd/react.production.min.js')), js),
    add('react-dom.js', readFileSync(join(packageDir('react-dom'), 'umd/react-dom.production.min.js')), js),
    add('graphiql.js', readFileSync(join(graphiql, 'graphiql.min.js')), js),
    add('boot.js', readFileSync(here('graphiql/boot.js')), js),
  ];
  const styles = [add('graphiql.css', Buffer.from(css), 'text/css; charset=utf-8'), add('page.css', readFileSync(here('graphiql/page.css')), 'text/css; charset=utf-8')];
  const examples = readmeExampleQueries();
  const config = JSON.stringify({ endpoint, tabs: examples.length > 0 ? examples : ['{\n  campaigns(first: 5) {\n    nodes { slug name }\n  }\n}\n'] });
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Pantau GraphQL</title>
<link rel="icon" href="data:,">
${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="pantau-graphiql-config">${config.replace(/</g, '\\u003c')}</script>
${scripts.map((src) => `<script src="${escapeHtml(src)}"></script>`).join('\n')}
</body>
</html>
`;

  return {
    /** Browsers asking for HTML at the endpoint get GraphiQL, as Yoga decides it. */
    wantsPage: (request: IncomingMessage) => request.method === 'GET' && (request.headers.accept ?? '').includes('text/html'),
    sendPage(response: ServerResponse) {
      response.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': strictContentSecurityPolicy,
        ...htmlPageHeaders,
      });
      response.end(page);
    },
    /** Sends the asset at `pathname`; false when there is none. */
    sendAsset(request: IncomingMessage, response: ServerResponse, pathname: string): boolean {
      const asset = assets.get(pathname);
      if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
      const headers = { 'content-type': asset.type, etag: asset.etag, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' };
      if (request.headers['if-none-match'] === asset.etag) {
        response.writeHead(304, headers);
        response.end();
      } else {
        response.writeHead(200, { ...headers, 'content-length': asset.body.length });
        response.end(request.method === 'HEAD' ? undefined : asset.body);
      }
      return true;
    },
  };
}

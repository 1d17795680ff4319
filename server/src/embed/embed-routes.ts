import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import type { CachedResponse } from '../cache/response-cache.ts';
import { htmlPageHeaders, strictContentSecurityPolicy } from '../http/static-files.ts';
import { embedPage, embedWidth } from './embed-page.ts';
import { oembedAnswer, readOembedRequest } from './oembed.ts';
import type { WidgetModel } from './picture.ts';
import { originOf } from './request-origin.ts';
import { createSnapshotCache } from './snapshot-cache.ts';
import { createSnapshotRenderer, SnapshotRefusal, type GraphQLFetch } from './snapshot-renderer.ts';
import { readAttributes, type Attributes } from './widget-attributes.ts';
import { widgetModels } from './widget-catalogue.ts';

export interface EmbedRoutesOptions {
  /** The built widgets: the compiled chart specs and map shapes are read from its `specs/`. */
  widgetsDir: string;
  /** Seconds snapshots and embed pages may be reused, as the persisted GETs. */
  maxAgeSeconds: number;
  maxBytes?: number;
  clock?: () => number;
  /** The origin snippets name (`PANTAU_PUBLIC_ORIGIN`); unset: the request's Host. */
  publicOrigin?: string;
}

/** The embed page may be framed by any site (that is its purpose); otherwise the policy of every page. */
const embedPagePolicy = strictContentSecurityPolicy.replace("frame-ancestors 'self'", 'frame-ancestors *');
/** An SVG opened on its own runs nothing and loads nothing. */
const imagePolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *";
const widthRule = { width: { values: 'a whole number of pixels from 320 to 2000', valid: (v: string) => /^\d{3,4}$/.test(v) && Number(v) >= 320 && Number(v) <= 2000 } };
const assetTypes: Record<string, string> = { 'host.js': 'text/javascript; charset=utf-8', 'frame.js': 'text/javascript; charset=utf-8', 'embed.css': 'text/css; charset=utf-8' };
const assets = new Map(Object.keys(assetTypes).map((name) => [name, readFileSync(new URL(`./assets/${name}`, import.meta.url))]));

/** The chunks each bundle of the widgets build imports (its `release.json`), for the embed page's preload hints. */
function chunkLists(widgetsDir: string): (entry: string) => string[] {
  let imports: Record<string, string[]> | null = null;
  return (entry) => {
    try {
      imports ??= (JSON.parse(readFileSync(join(widgetsDir, 'release.json'), 'utf8')) as { imports: Record<string, string[]> }).imports;
    } catch {
      // A build without a release (none published yet): the page loads its chunks through the script alone.
      imports = {};
    }
    return imports[entry] ?? [];
  };
}

/** What a drawn SVG entry says of itself: the title it shows and its height in pixels. */
const titleOf = (svg: CachedResponse) => decodeURIComponent(svg.headers['x-pantau-title'] ?? '');
const heightOf = (svg: CachedResponse) => Number(svg.headers['x-pantau-height'] ?? 480);

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  response.end(JSON.stringify(body));
}

/** `/snapshot/<widget>.svg|png`, `/embed/<widget>`, `/embed/<asset>` and `/oembed`: widgets without our script. */
export async function createEmbedRoutes(database: Database, fetch: GraphQLFetch, options: EmbedRoutesOptions) {
  const renderer = createSnapshotRenderer(database, fetch, options.widgetsDir);
  const chunksOf = chunkLists(options.widgetsDir);
  const cache = await createSnapshotCache(database, options);
  const cacheControl = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`;

  /** The SVG of a widget at `width`, from the cache or drawn; its picture comes along on a miss only. */
  const svgOf = (model: WidgetModel, attributes: Attributes, width: number, context: { req: IncomingMessage; res: ServerResponse }) =>
    cache.get(`svg|${model.name}|${width}|${JSON.stringify(attributes.given)}`, async () => {
      const { svg, picture } = await renderer.svg(model, attributes, width, context);
      const height = Number(/^<svg[^>]*\sheight="(\d+)"/.exec(svg)?.[1] ?? 0);
      return {
        body: Buffer.from(svg),
        headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'x-pantau-title': encodeURIComponent(picture.title), 'x-pantau-height': String(height) },
      };
    });

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    entry: { body: Buffer; headers: Readonly<Record<string, string>>; etag: string },
    hit: boolean,
    extra: Record<string, string>,
  ) {
    const headers = { ...entry.headers, ...extra, etag: entry.etag, 'cache-control': cacheControl, 'x-pantau-cache': hit ? 'hit' : 'miss', 'x-content-type-options': 'nosniff' };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(entry.body.length) }).end(request.method === 'HEAD' ? undefined : entry.body);
  }

  async function snapshot(request: IncomingMessage, response: ServerResponse, model: WidgetModel, format: 'svg' | 'png', params: URLSearchParams) {
    const read = readAttributes(params, model.attributes, widthRule);
    if ('problems' in read) return sendJson(response, 400, { error: read.problems.join('; '), problems: read.problems });
    const width = Number(read.attributes.own.get('width') ?? embedWidth);
    const context = { req: request, res: response };
    const { entry, hit } =
      format === 'svg'
        ? await svgOf(model, read.attributes, width, context)
        : await cache.get(`png|${model.name}|${width}|${JSON.stringify(read.attributes.given)}`, async () => {
            const svg = await svgOf(model, read.attributes, width, context);
            return {
              body: await renderer.png(svg.entry.body.toString('utf8')),
              headers: { 'content-type': 'image/png', 'x-pantau-title': svg.entry.headers['x-pantau-title'] ?? '' },
            };
          });
    send(request, response, entry, hit, {
      'access-control-allow-origin': '*',
      'content-security-policy': imagePolicy,
      'content-disposition': `inline; filename="${model.name}.${format}"`,
    });
  }

  async function page(request: IncomingMessage, response: ServerResponse, model: WidgetModel, params: URLSearchParams, origin: string) {
    const read = readAttributes(params, model.attributes);
    if ('problems' in read) return sendJson(response, 400, { error: read.problems.join('; '), problems: read.problems });
    const context = { req: request, res: response };
    const { entry, hit } = await cache.get(`page|${origin}|${model.name}|${JSON.stringify(read.attributes.given)}`, async () => {
      const { entry: svg } = await svgOf(model, read.attributes, embedWidth, context);
      const body = embedPage(origin, model, read.attributes, titleOf(svg), heightOf(svg), chunksOf(`${model.tag}.js`)).value;
      return { body: Buffer.from(body), headers: { 'content-type': 'text/html; charset=utf-8' } };
    });
    send(request, response, entry, hit, { ...htmlPageHeaders, 'content-security-policy': embedPagePolicy });
  }

  async function oembed(request: IncomingMessage, response: ServerResponse, params: URLSearchParams, origin: string) {
    const read = readOembedRequest(params, origin);
    if ('error' in read) return sendJson(response, read.status, { error: read.error });
    const { model, attributes, maxWidth, maxHeight } = read.request;
    const width = Math.max(320, Math.min(maxWidth ?? embedWidth, 2000));
    const context = { req: request, res: response };
    const { entry: svg } = await svgOf(model, attributes, width, context);
    const height = Math.min(heightOf(svg), maxHeight ?? Infinity);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': cacheControl, 'access-control-allow-origin': '*' });
    response.end(JSON.stringify(oembedAnswer(origin, read.request, titleOf(svg), width, height, options.maxAgeSeconds)));
  }

  return {
    stop: cache.stop,
    cache: cache.cache,
    owns: (pathname: string) => pathname === '/oembed' || pathname.startsWith('/snapshot/') || pathname.startsWith('/embed/'),
    async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response
          .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify({ error: `${url.pathname} answers GET and HEAD only` }));
        return;
      }
      const asset = /^\/embed\/([a-z]+\.(?:js|css))$/.exec(url.pathname)?.[1];
      const body = asset ? assets.get(asset) : undefined;
      if (asset && body) {
        response
          .writeHead(200, {
            'content-type': assetTypes[asset] ?? 'text/plain',
            'cache-control': 'public, max-age=300',
            'access-control-allow-origin': '*',
            'x-content-type-options': 'nosniff',
          })
          .end(request.method === 'HEAD' ? undefined : body);
        return;
      }
      const origin = originOf(request, options.publicOrigin);
      if (!origin) return sendJson(response, 400, { error: 'Host header is not a host name with an optional port' });
      try {
        const snap = /^\/snapshot\/([a-z-]+)\.(svg|png)$/.exec(url.pathname);
        const embed = /^\/embed\/([a-z-]+)$/.exec(url.pathname);
        const model = widgetModels.get(snap?.[1] ?? embed?.[1] ?? '');
        if (url.pathname === '/oembed') await oembed(request, response, url.searchParams, origin);
        else if (model && snap) await snapshot(request, response, model, snap[2] as 'svg' | 'png', url.searchParams);
        else if (model) await page(request, response, model, url.searchParams, origin);
        else sendJson(response, 404, { error: `No widget at ${url.pathname}; widgets: ${[...widgetModels.keys()].join(', ')}` });
      } catch (error) {
        if (!(error instanceof SnapshotRefusal)) throw error;
        sendJson(response, error.status, { error: error.message });
      }
    },
  };
}

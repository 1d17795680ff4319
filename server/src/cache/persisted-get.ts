import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import { ResponseCache } from './response-cache.ts';

/** The channel the audit-log trigger announces every accepted change on (migration `change_feed`). */
export const changeChannel = 'pantau_changes';

export interface PersistedGetOptions {
  /** Seconds browsers and CDNs may reuse an answer; they may serve it stale for as long again while revalidating. */
  maxAgeSeconds: number;
}

type Fetch = (request: Request, serverContext: { req: IncomingMessage; res: ServerResponse }) => Promise<Response>;

/** `key` for an anonymous persisted GET, or null when the request is anything else (those go to Yoga as usual). */
function cacheKey(request: IncomingMessage, url: URL): string | null {
  if (request.method !== 'GET' || request.headers.authorization || !request.headers['x-pantau-client']) return null;
  const extensions = url.searchParams.get('extensions');
  if (!extensions || url.searchParams.has('query')) return null;
  try {
    const hash = (JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery?.sha256Hash;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return null;
    const variables = url.searchParams.get('variables') ?? '{}';
    return `${hash}:${JSON.stringify(JSON.parse(variables))}:${url.searchParams.get('operationName') ?? ''}`;
  } catch {
    return null;
  }
}

/**
 * Answers repeated anonymous persisted GET operations from memory, before Yoga runs: `ETag` and
 * `304`, `Cache-Control: public` for browsers and CDNs. Keyed callers never share entries (they are
 * never cached). Every accepted change, on any instance, empties the cache through PostgreSQL NOTIFY.
 */
export async function createPersistedGetCache(database: Database, fetch: Fetch, options: PersistedGetOptions) {
  const cache = new ResponseCache();
  const stop = await database.subscribe(changeChannel, () => cache.clear());
  const cacheControl = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`;

  function send(request: IncomingMessage, response: ServerResponse, entry: { body: Buffer; contentType: string; etag: string }, hit: boolean) {
    const headers = { 'content-type': entry.contentType, etag: entry.etag, 'cache-control': cacheControl, 'x-pantau-cache': hit ? 'hit' : 'miss', vary: 'Accept, Authorization' };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(entry.body.length) }).end(entry.body);
  }

  return {
    cache,
    stop,
    /** True when the request was answered here (from the cache, or by Yoga and then cached). */
    async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
      const key = cacheKey(request, url);
      if (!key) return false;
      // Yoga answers in one of two media types, chosen by Accept: key by that choice, not the raw header.
      const fullKey = `${(request.headers.accept ?? '').includes('application/graphql-response+json') ? 'graphql-response' : 'json'}|${key}`;
      const hit = cache.get(fullKey, options.maxAgeSeconds * 1000);
      if (hit) {
        send(request, response, hit, true);
        return true;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
      const answer = await fetch(new Request(`http://pantau.internal${url.pathname}${url.search}`, { method: 'GET', headers }), { req: request, res: response });
      const body = Buffer.from(await answer.arrayBuffer());
      const contentType = answer.headers.get('content-type') ?? 'application/json';
      const cacheable = answer.status === 200 && !body.includes('"errors"');
      if (!cacheable) {
        response.writeHead(answer.status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body);
        return true;
      }
      send(request, response, cache.set(fullKey, body, contentType), false);
      return true;
    },
  };
}

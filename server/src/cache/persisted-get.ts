import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { Database } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { ResponseCache, type CachedResponse } from './response-cache.ts';

/** The channel the audit-log trigger announces every accepted change on (migration `change_feed`). */
export const changeChannel = 'pantau_changes';

export interface PersistedGetOptions {
  /** Seconds browsers and CDNs may reuse an answer; they may serve it stale for as long again while revalidating. */
  maxAgeSeconds: number;
  /** Bytes the cache holds at most (`PANTAU_CACHE_MAX_BYTES`). @default 64 MiB */
  maxBytes?: number;
  /** Milliseconds, for entry ages. @default Date.now */
  clock?: () => number;
  /** The persisted operations, by hash. @default loadPersistedOperations() */
  operations?: ReadonlyMap<string, string>;
}

type Fetch = (request: Request, serverContext: { req: IncomingMessage; res: ServerResponse }) => Promise<Response>;

/** The variables each persisted operation declares: the only ones that may make a cache key. */
function declaredVariables(operations: ReadonlyMap<string, string>): Map<string, ReadonlySet<string>> {
  const declared = new Map<string, ReadonlySet<string>>();
  for (const [hash, document] of operations) {
    const definitions = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    declared.set(hash, new Set(definitions.flatMap((d) => d.variableDefinitions?.map((v) => v.variable.name.value) ?? [])));
  }
  return declared;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` share an entry. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The key of an anonymous persisted GET: the operation's hash, its declared variables and the
 * operation name. Null when the request is anything else, or names an unknown operation, or sends a
 * variable the operation does not declare: those go to Yoga, which answers (404, 400) and caches nothing.
 */
function cacheKey(request: IncomingMessage, url: URL, declared: Map<string, ReadonlySet<string>>): string | null {
  if (request.method !== 'GET' || request.headers.authorization || !request.headers['x-pantau-client']) return null;
  const extensions = url.searchParams.get('extensions');
  if (!extensions || url.searchParams.has('query')) return null;
  try {
    const hash = (JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery?.sha256Hash;
    const names = typeof hash === 'string' ? declared.get(hash) : undefined;
    if (typeof hash !== 'string' || !names) return null;
    const variables: unknown = JSON.parse(url.searchParams.get('variables') ?? '{}');
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return null;
    if (Object.keys(variables).some((name) => !names.has(name))) return null;
    return `${hash}:${canonical(variables)}:${url.searchParams.get('operationName') ?? ''}`;
  } catch {
    return null;
  }
}

/**
 * Answers repeated anonymous persisted GET operations from memory, before Yoga runs: `ETag` and
 * `304`, `Cache-Control: public` for browsers and CDNs. Keyed callers never share entries (they are
 * never cached). Identical misses arriving together run once: the others wait for that answer.
 * Every accepted change, on any instance, empties the cache through PostgreSQL NOTIFY.
 */
export async function createPersistedGetCache(database: Database, fetch: Fetch, options: PersistedGetOptions) {
  const cache = new ResponseCache({ ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}), ...(options.clock ? { now: options.clock } : {}) });
  const declared = declaredVariables(options.operations ?? loadPersistedOperations());
  const inFlight = new Map<string, Promise<CachedResponse | null>>();
  /** Requests that waited for an identical one's answer instead of running (for the metrics). */
  const stats = { singleFlightWaits: 0 };
  const stop = await database.subscribe(changeChannel, () => cache.clear());
  const cacheControl = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`;

  function send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, hit: boolean) {
    const headers = { ...entry.headers, etag: entry.etag, 'cache-control': cacheControl, 'x-pantau-cache': hit ? 'hit' : 'miss', vary: 'Accept, Authorization' };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(entry.body.length) }).end(entry.body);
  }

  /** Runs the request through Yoga; caches a clean 200, else answers it as Yoga did (every header kept) and shares nothing. */
  async function compute(request: IncomingMessage, response: ServerResponse, url: URL, key: string): Promise<CachedResponse | null> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) if (typeof value === 'string') headers.set(name, value);
    const answer = await fetch(new Request(`http://pantau.internal${url.pathname}${url.search}`, { method: 'GET', headers }), { req: request, res: response });
    const body = Buffer.from(await answer.arrayBuffer());
    const answered: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length') answered[name] = value;
    });
    if (answer.status !== 200 || body.includes('"errors"')) {
      response.writeHead(answer.status, { ...answered, 'cache-control': 'no-store' }).end(body);
      return null;
    }
    const entry = cache.set(key, body, answered);
    send(request, response, entry, false);
    return entry;
  }

  return {
    cache,
    stats,
    stop,
    /** True when the request was answered here (from the cache, or by Yoga and then cached). */
    async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
      const key = cacheKey(request, url, declared);
      if (!key) return false;
      // Yoga answers in one of two media types, chosen by Accept: key by that choice, not the raw header.
      const fullKey = `${(request.headers.accept ?? '').includes('application/graphql-response+json') ? 'graphql-response' : 'json'}|${key}`;
      const hit = cache.get(fullKey, options.maxAgeSeconds * 1000);
      if (hit) {
        send(request, response, hit, true);
        return true;
      }
      const pending = inFlight.get(fullKey);
      if (pending) {
        stats.singleFlightWaits += 1;
        const shared = await pending;
        if (shared) {
          send(request, response, shared, true);
          return true;
        }
        // The first answer was not shareable (an error, or that caller's own 429): this one runs on its own.
        await compute(request, response, url, fullKey);
        return true;
      }
      const computation = compute(request, response, url, fullKey);
      inFlight.set(fullKey, computation.catch(() => null));
      try {
        await computation;
      } finally {
        inFlight.delete(fullKey);
      }
      return true;
    },
  };
}

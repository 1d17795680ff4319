import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { changeChannel, parseChange } from './change-scope.ts';
import { persistedKeys } from './persisted-key.ts';
import { readScopeOf, verdictOf } from './read-scope.ts';
import { RecomputeAhead } from './recompute-ahead.ts';
import { SingleFlight } from './single-flight.ts';
import { ResponseCache, type CachedResponse, type Replay } from './response-cache.ts';
import { ChangeLog } from './change-log.ts';

export { changeChannel } from './change-scope.ts';

export interface PersistedGetOptions {
  /** Seconds browsers, CDNs and this cache may reuse an answer; they may serve it stale while revalidating. */
  maxAgeSeconds: number;
  /** Seconds an answer a change made out of date may still be served while its new one is computed. @default 10 */
  staleSeconds?: number;
  /** Bytes the cache holds at most (`PANTAU_CACHE_MAX_BYTES`). @default 64 MiB */
  maxBytes?: number;
  /** Answers recomputed ahead at once after a change. @default 2 */
  recomputeConcurrency?: number;
  /** Milliseconds, for entry ages. @default Date.now */
  clock?: () => number;
  /** The persisted operations, by hash. @default loadPersistedOperations() */
  operations?: ReadonlyMap<string, string>;
  /** Runs revalidations and recomputations, which have no client to charge. @default the `fetch` argument */
  background?: Fetch;
}

type ServerContext = { req: IncomingMessage; res: ServerResponse } | Record<string, never>;
type Fetch = (request: Request, serverContext: ServerContext) => Promise<Response>;

/** A request's answer as Yoga gave it, with whether it may be shared. */
interface Answer {
  status: number;
  body: Buffer;
  headers: Record<string, string>;
  entry: CachedResponse | null;
}

/** The headers that choose the answer: Accept picks the media type; the client header passes the CSRF check. */
function replayOf(request: IncomingMessage, url: URL): Replay {
  const headers: Record<string, string> = {};
  for (const name of ['accept', 'x-pantau-client']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  return { path: `${url.pathname}${url.search}`, headers };
}

/**
 * Answers repeated anonymous persisted GET operations from memory, before Yoga runs: `ETag` and
 * `304`, `Cache-Control: public` for browsers and CDNs. Keyed callers never share entries (they are
 * never cached). Identical misses arriving together run once: the others wait for that answer.
 * Every accepted change, on any instance, arrives through PostgreSQL NOTIFY and makes out of date the
 * answers that read what it touched; those are served stale (at most `staleSeconds`) and recomputed
 * ahead in the background.
 */
export async function createPersistedGetCache(database: Database, fetch: Fetch, options: PersistedGetOptions) {
  const staleSeconds = options.staleSeconds ?? 10;
  const clock = options.clock ?? Date.now;
  const cache = new ResponseCache({
    maxAgeMs: options.maxAgeSeconds * 1000,
    staleMs: staleSeconds * 1000,
    now: clock,
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  const keyOf = persistedKeys(options.operations ?? loadPersistedOperations());
  const background = options.background ?? fetch;
  const flights = new SingleFlight<Answer>();
  const stats = { singleFlightWaits: 0 };
  const changes = new ChangeLog();
  const events = new EventEmitter<{ invalidated: [keys: string[]]; recomputed: [key: string] }>();
  // Browsers and CDNs keep their own stale window; `staleSeconds` bounds only this cache's.
  const cacheControl = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`;

  /** Runs the request through Yoga and caches a clean 200; a change that arrived meanwhile stores it already stale. */
  async function compute(run: Fetch, key: string, replay: Replay, variables: Record<string, unknown>, context: ServerContext): Promise<Answer> {
    const since = changes.position;
    const request = new Request(`http://pantau.internal${replay.path}`, { method: 'GET', headers: replay.headers });
    const answer = await run(request, context);
    const body = Buffer.from(await answer.arrayBuffer());
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-length') headers[name] = value;
    });
    const verdict = verdictOf(request);
    if (answer.status !== 200 || !verdict?.cacheable) return { status: answer.status, body, headers, entry: null };
    const scope = readScopeOf(variables, verdict);
    const outdated = changes.touchedSince(since, scope);
    const entry = cache.set(key, { body, headers, scope, replay }, outdated);
    if (outdated) ahead.add({ key, replay, variables });
    return { status: 200, body, headers, entry };
  }

  const ahead = new RecomputeAhead(options.recomputeConcurrency ?? 2, async ({ key, replay, variables }) => {
    const { answer } = flights.run(key, () => compute(background, key, replay, variables, {}));
    await answer.catch(() => undefined);
    events.emit('recomputed', key);
  });

  const stop = await database.subscribe(changeChannel, (payload) => {
    const change = parseChange(payload);
    changes.record(change);
    const touched = cache.invalidate(change);
    for (const { key, replay } of touched) ahead.add({ key, replay, variables: variablesOf(replay) });
    events.emit(
      'invalidated',
      touched.map((t) => t.key),
    );
  });

  function send(request: IncomingMessage, response: ServerResponse, entry: CachedResponse, state: 'hit' | 'miss' | 'stale') {
    const headers = { ...entry.headers, etag: entry.etag, 'cache-control': cacheControl, 'x-pantau-cache': state, vary: 'Accept, Authorization' };
    if (request.headers['if-none-match'] === entry.etag) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': String(entry.body.length) }).end(entry.body);
  }

  /** An answer that may not be shared goes back as Yoga gave it, every header kept. */
  function sendThrough(response: ServerResponse, answer: Answer) {
    response.writeHead(answer.status, { ...answer.headers, 'cache-control': 'no-store' }).end(answer.body);
  }

  return {
    cache,
    events,
    /** Requests that waited for an identical one's answer instead of running (for the metrics). */
    stats,
    /** Recomputations ahead waiting or running (for the metrics). */
    get recomputationsPending() {
      return ahead.pending;
    },
    /** Resolves once every recomputation started by changes so far has finished. */
    idle: () => ahead.idle(),
    async stop() {
      await stop();
      await ahead.idle();
    },
    /** True when the request was answered here (from the cache, or by Yoga and then cached). */
    async handle(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
      const parsed = keyOf(request, url);
      if (!parsed) return false;
      const { key, variables } = parsed;
      const found = cache.get(key);
      if (found) {
        send(request, response, found.entry, found.fresh ? 'hit' : 'stale');
        if (!found.fresh) flights.run(key, () => compute(background, key, found.entry.replay, variables, {})).answer.catch(() => undefined);
        return true;
      }
      const replay = replayOf(request, url);
      const context = { req: request, res: response };
      const first = flights.run(key, () => compute(fetch, key, replay, variables, context));
      if (first.shared) stats.singleFlightWaits += 1;
      const answer = await first.answer;
      if (answer.entry) send(request, response, answer.entry, first.shared ? 'hit' : 'miss');
      else if (!first.shared) sendThrough(response, answer);
      // The first answer was not shareable (an error, or that caller's own 429): this one runs on its own.
      else sendThrough(response, await compute(fetch, key, replay, variables, context));
      return true;
    },
  };
}

function variablesOf(replay: Replay): Record<string, unknown> {
  return JSON.parse(new URL(replay.path, 'http://pantau.internal').searchParams.get('variables') ?? '{}') as Record<string, unknown>;
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Database } from '@pantau/prisma';
import { defaultLimits, type ProtectionLimits } from '../protection/limits.ts';
import { createPantauYoga, type PantauYogaOptions } from '../yoga.ts';
import { buildVillageMapsAhead } from '../analytics/village-map-ahead.ts';
import { createPersistedGetCache } from '../cache/persisted-get.ts';
import { QueryQueue } from '../cache/query-queue.ts';
import { createEmbedRoutes } from '../embed/embed-routes.ts';
import { CallerGate, type Admission } from '../protection/caller-gate.ts';
import { sharedRateLimiterOf } from '../protection/rate-limit-shared.ts';
import { applyCors } from './cors.ts';
import { createCallerExecutor } from '../exports/execute-as-caller.ts';
import { serveExport } from './export.ts';
import { serveStructure } from '../sdmx/structure-route.ts';
import { checkHealth, checkReadiness } from './health.ts';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { observe, type ObservabilityOptions } from '../observability/index.ts';
import { createGraphiQL } from './graphiql-page.ts';
import { docsPages } from './docs-origin.ts';
import { serveSourcePage } from './source-route.ts';
import { staticFolder } from './static-files.ts';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * Refuses bodies over the limit, from their declared length, before Yoga reads a byte. Keyed
 * multipart imports get the larger upload limit.
 */
function bodyTooLarge(request: IncomingMessage, response: ServerResponse, limits: ProtectionLimits, admission: Admission): boolean {
  const multipart = (request.headers['content-type'] ?? '').startsWith('multipart/form-data') && admission.caller.kind === 'key';
  const limit = multipart ? limits.maxUploadBytes : limits.maxBodyBytes;
  const refuse = () => {
    if (!response.headersSent) sendJson(response, 413, { errors: [{ message: `Request body larger than ${limit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    request.resume();
  };
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    refuse();
    return true;
  }
  // A body of unknown length could be any size: ask for the length instead of counting a stream.
  if (request.headers['transfer-encoding'] && !request.headers['content-length']) {
    sendJson(response, 411, { errors: [{ message: 'Send a Content-Length header with the request body', extensions: { code: 'LENGTH_REQUIRED' } }] });
    request.resume();
    return true;
  }
  return false;
}

export interface RequestHandlerOptions extends PantauYogaOptions {
  /** Seconds anonymous persisted GET answers may be reused by browsers, CDNs and the server's own cache. @default 60 */
  cacheMaxAgeSeconds?: number;
  /** Seconds a cached answer that a change made out of date may still be served while it is recomputed. @default 10 */
  cacheStaleSeconds?: number;
  /** The built widgets (`pnpm --filter @pantau/widgets build`), served under `/widgets/`. */
  widgetsDir?: string;
  /** The demo ministry page and its assets, served at `/` and `/demo/`. */
  demoDir?: string;
  /** The origin the docs pages' snippets name (`PANTAU_PUBLIC_ORIGIN`); unset: the request's Host. */
  publicOrigin?: string;
  /** Every published release of the widgets, served under `/widgets/v/<id>/`. @default widgets/releases (`PANTAU_WIDGET_RELEASES_DIR`) */
  widgetReleasesDir?: string;
  /** Metrics, request log lines and spans (README: "For operators"). @default metrics only */
  observability?: ObservabilityOptions;
  /** Where the token buckets live: this instance's memory, or the shared PostgreSQL (one budget across instances). @default 'memory' */
  rateLimitStore?: 'memory' | 'database';
  /** Build the partner-village maps' columns at start and again after each catalogue change, before anyone asks (`pnpm start` does). @default false */
  buildMapsAhead?: boolean;
}

const repositoryPath = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));

/** Serves `handler`'s folder under `prefix`, as if the request had been made to the folder itself. */
async function underPrefix(prefix: string, request: IncomingMessage, response: ServerResponse, handler: (rq: IncomingMessage, rs: ServerResponse) => Promise<boolean>) {
  const original = request.url ?? '/';
  Object.assign(request, { originalUrl: original, url: original.slice(prefix.length) || '/' });
  try {
    return await handler(request, response);
  } finally {
    request.url = original;
  }
}

/** Routes requests to Pantau's endpoints; `close` stops listening for changes. */
export async function createRequestHandler(database: Database, options: RequestHandlerOptions = {}) {
  const limits = options.limits ?? defaultLimits;
  const shared = options.rateLimitStore === 'database' ? sharedRateLimiterOf(database, limits, options.clock) : null;
  const gate = new CallerGate(database, { limits, ...(options.clock ? { clock: options.clock } : {}), ...(shared ? { limiter: shared } : {}) });
  const queue = options.queue ?? new QueryQueue();
  const observing = { logger: options.observability?.logger ?? null, tracing: options.observability?.tracing ?? false };
  const yoga = createPantauYoga(database, { ...options, gate, queue, ...observing });
  // Revalidations and recomputations ahead serve every visitor, so no visitor's tokens pay for them.
  const unlimited = { ...limits, rateLimitBurst: Number.MAX_SAFE_INTEGER, rateLimitPerSecond: Number.MAX_SAFE_INTEGER };
  const backgroundYoga = createPantauYoga(database, { ...options, limits: unlimited, gate: new CallerGate(database, { limits: unlimited }), queue });
  const persistedGets = await createPersistedGetCache(database, (request, context) => Promise.resolve(yoga.fetch(request, context)), {
    background: (request, context) => Promise.resolve(backgroundYoga.fetch(request, context)),
    maxAgeSeconds: options.cacheMaxAgeSeconds ?? 60,
    maxBytes: limits.cacheMaxBytes,
    ...(options.cacheStaleSeconds !== undefined ? { staleSeconds: options.cacheStaleSeconds } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  /** Every route that does work pays one token at the door, before it does any; the answer is null when refused (429 sent). */
  const admit = async (request: IncomingMessage, response: ServerResponse): Promise<Admission | null> => {
    const { admission, wait } = await gate.admit(request);
    if (wait === 0) return admission;
    response.writeHead(429, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(wait) });
    response.end(JSON.stringify({ errors: [{ message: `Too many requests: try again in ${wait} s`, extensions: { code: 'RATE_LIMITED' } }] }));
    request.resume();
    return null;
  };
  const executeAsCaller = createCallerExecutor(yoga, gate, options.log ?? console);
  const widgetsDir = options.widgetsDir ?? repositoryPath('widgets/dist');
  const widgets = staticFolder(widgetsDir, { maxAgeSeconds: 300 });
  const docs = docsPages(widgetsDir, options.publicOrigin);
  const releases = staticFolder(options.widgetReleasesDir ?? (process.env.PANTAU_WIDGET_RELEASES_DIR || repositoryPath('widgets/releases')), {
    maxAgeSeconds: 300,
    immutable: true,
  });
  const embeds = await createEmbedRoutes(database, (request, context) => Promise.resolve(yoga.fetch(request, context)), {
    widgetsDir,
    maxAgeSeconds: options.cacheMaxAgeSeconds ?? 60,
    maxBytes: limits.cacheMaxBytes,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
  });
  const graphiql = createGraphiQL(yoga.graphqlEndpoint);
  const demo = staticFolder(options.demoDir ?? repositoryPath('widgets/demo'), { maxAgeSeconds: 300 });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    // A target such as `//[` is no URL at all: the client's mistake, not a fault.
    const target = URL.canParse(request.url ?? '/', 'http://localhost') ? new URL(request.url ?? '/', 'http://localhost') : null;
    if (!target) {
      sendJson(response, 400, { error: `The request target is not a valid URL path: ${JSON.stringify(request.url)}` });
      return;
    }
    const { pathname } = target;
    if (pathname === '/health') {
      const report = await checkHealth(database);
      sendJson(response, report.status === 'ok' ? 200 : 503, report);
      return;
    }
    if (pathname === '/health/live') {
      sendJson(response, 200, { status: 'live' });
      return;
    }
    if (pathname === '/health/ready') {
      const report = await checkReadiness(database);
      sendJson(response, report.status === 'ready' ? 200 : 503, report);
      return;
    }
    if (pathname === yoga.graphqlEndpoint && graphiql.wantsPage(request)) {
      graphiql.sendPage(response);
      return;
    }
    if (pathname.startsWith('/graphiql/') && graphiql.sendAsset(request, response, pathname)) return;
    if (pathname === yoga.graphqlEndpoint) {
      if (applyCors(request, response, limits)) return;
      const admission = await admit(request, response);
      if (!admission || bodyTooLarge(request, response, limits, admission)) return;
      if (await persistedGets.handle(request, response, new URL(request.url ?? '/', 'http://localhost'))) return;
      await yoga.handle(request, response);
      return;
    }
    if (pathname.startsWith('/export/')) {
      if (applyCors(request, response, limits) || !(await admit(request, response))) return;
      await serveExport(request, response, new URL(request.url ?? '/', 'http://localhost'), executeAsCaller);
      return;
    }
    if (pathname.startsWith('/sdmx/structure/')) {
      if (applyCors(request, response, limits) || !(await admit(request, response))) return;
      await serveStructure(database, request, response, target, () => new Date());
      return;
    }
    if (pathname === '/sources' || pathname.startsWith('/sources/')) {
      if (await admit(request, response)) await serveSourcePage(database, request, response, target);
      return;
    }
    if (embeds.owns(pathname)) {
      if (!(await admit(request, response))) return;
      await embeds.handle(request, response, target);
      return;
    }
    if (pathname.startsWith('/widgets/v/')) {
      if (await underPrefix('/widgets/v', request, response, releases)) return;
    } else if (pathname === '/widgets' || pathname.startsWith('/widgets/')) {
      if (await docs(request, response, pathname)) return;
      if (await underPrefix('/widgets', request, response, widgets)) return;
    } else if (pathname === '/' || pathname.startsWith('/demo/')) {
      if (await underPrefix(pathname === '/' ? '' : '/demo', request, response, demo)) return;
    }
    sendJson(response, 404, { error: `No resource at ${pathname}` });
  };
  const observed = await observe(handle, { database, answers: persistedGets, gate, operations: loadPersistedOperations() }, options.observability);
  const logger = options.observability?.logger;
  const stopMapsAhead = options.buildMapsAhead
    ? await buildVillageMapsAhead(database, (error) => logger?.warn({ err: error }, 'Building the partner-village map ahead failed; it is built when asked for'))
    : null;
  const close = async () => {
    await Promise.all([persistedGets.stop(), embeds.stop(), observed.stop(), shared?.stop(), stopMapsAhead?.()]);
  };
  return { handle: observed.handle, close, cache: persistedGets.cache, snapshotCache: embeds.cache, persistedGets, gate, queue, metrics: observed.metrics };
}

import { randomUUID } from 'node:crypto';
import { createServer, maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { describeDatabase, loadSynthetic, openDatabase, prepareDatabase, type Database } from '@pantau/prisma';
import type { ServerConfig } from './config.ts';
import { createRequestHandler } from './http/app.ts';
import { createLogger } from './observability/logger.ts';
import { listenForScrapes } from './observability/metrics-endpoint.ts';

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly database: Database;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>;
}

/**
 * Node's HTTP parser refuses a request it cannot read (a raw byte in the target, a header too large)
 * with an empty 400 or 431; the client gets to read why instead.
 */
function answerMalformedRequest(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    error: tooLarge ? `The request headers are larger than ${maxHeaderSize} bytes` : `Malformed HTTP request (${error.code ?? 'unreadable'}): check the request line and headers`,
  });
  // A HEAD answer has no body, whatever its length says.
  const head = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`);
}

/** Opens and prepares the database, then serves HTTP on the configured port. */
export async function startServer(
  config: ServerConfig,
  logger = createLogger({ level: config.observability.logLevel, pretty: config.observability.logPretty }),
): Promise<RunningServer> {
  const log = (line: string) => logger.info(line);
  const database = await openDatabase(config.database);
  log(`Database: ${describeDatabase(config.database)}`);
  const { migrations, seeded, catalogue } = await prepareDatabase(database);
  for (const name of migrations.applied) log(`Applied migration ${name}`);
  for (const [change, entries] of Object.entries(catalogue)) if (entries.length > 0) log(`Catalogue: ${change} ${entries.join(', ')}`);
  log(seeded ? 'Seeded geography, catalog and article figures' : 'Reference data already present: nothing re-seeded');
  if (seeded && config.syntheticOnFirstStart !== 'none') {
    const summary = await loadSynthetic(database, config.syntheticOnFirstStart, 1);
    log(`Loaded flagged synthetic data (scale ${summary.scale}): ${summary.observations} observations`);
  }

  const { metrics: withMetrics, tracing, metricsPort, metricsHost } = config.observability;
  const handler = await createRequestHandler(database, {
    trace: config.trace,
    limits: config.limits,
    publicOrigin: config.publicOrigin,
    rateLimitStore: config.rateLimitStore,
    buildMapsAhead: true,
    observability: { metrics: withMetrics, logger: config.observability.logLevel === 'silent' ? null : logger, tracing },
  });
  const server = createServer((request, response) => {
    handler.handle(request, response).catch((error: unknown) => {
      // The id the request was logged under (settled by observe-requests.ts), so cause and request line meet.
      const given = request.headers['x-request-id'];
      const requestId = typeof given === 'string' ? given : randomUUID();
      logger.error({ reqId: requestId, err: error }, `[${requestId}] Unexpected error outside GraphQL at ${request.method ?? ''} ${request.url?.split('?')[0] ?? ''}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      // The shape of every other error Pantau answers, so a client reads a fault before GraphQL (such as
      // checking a key while the database is down) the same way as one inside it.
      response.end(JSON.stringify({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] }));
    });
  });
  server.on('clientError', answerMalformedRequest);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  const scrapes = handler.metrics && metricsPort !== undefined ? await listenForScrapes(handler.metrics, metricsPort, metricsHost) : null;
  if (scrapes) log(`Metrics for Prometheus at ${scrapes.url} (no key needed on this port)`);

  return {
    url,
    server,
    database,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      if (scrapes) {
        scrapes.server.closeAllConnections();
        await new Promise<void>((resolve) => scrapes.server.close(() => resolve()));
      }
      await handler.close();
      await database.close();
    },
  };
}

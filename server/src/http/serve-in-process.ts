import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@pantau/prisma';
import { createRequestHandler, type RequestHandlerOptions } from './app.ts';

/** Pantau's request handler on a free local port, as `start.ts` serves it, for tests over real HTTP. */
export async function serveInProcess(database: Database, options: RequestHandlerOptions = {}) {
  const handler = await createRequestHandler(database, options);
  const server = createServer((request, response) => {
    handler.handle(request, response).catch((error: unknown) => {
      console.error('Unhandled request error', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Internal server error' }));
    });
  });
  // Tests pause between requests (bulk inserts, ANALYZE): a keep-alive socket the server closes at
  // that moment would reset the next fetch, so keep idle sockets longer than any pause.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await handler.close();
    },
  };
}

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@pantau/prisma';
import { createRequestHandler, type RequestHandlerOptions } from './app.ts';

/** Pantau's request handler on a free local port, as `start.ts` serves it, for tests over real HTTP. */
export async function serveInProcess(database: Database, options: RequestHandlerOptions = {}) {
  const handler = await createRequestHandler(database, options);
  const server = createServer((request, response) => void handler.handle(request, response));
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

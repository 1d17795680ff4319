import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@pantau/prisma';
import { createRequestHandler, type RequestHandlerOptions } from '../http/app.ts';

/** Tests only: the real request handler on a real port (0: any free one), in this process. */
export async function listenForTest(database: Database, options: RequestHandlerOptions) {
  const handler = await createRequestHandler(database, { log: { error: () => undefined }, ...options });
  const server = createServer((request, response) => void handler.handle(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    handler,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handler.close();
    },
  };
}

export type TestServer = Awaited<ReturnType<typeof listenForTest>>;

/** A clock that moves only when told to. */
export function manualClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import { createPantauYoga, type PantauYogaOptions } from '../yoga.ts';
import { checkHealth } from './health.ts';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/** Routes requests to Pantau's endpoints. */
export function createRequestHandler(database: Database, options: PantauYogaOptions = {}) {
  const yoga = createPantauYoga(database, options);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/health') {
      const report = await checkHealth(database);
      sendJson(response, report.status === 'ok' ? 200 : 503, report);
      return;
    }
    if (pathname === yoga.graphqlEndpoint) {
      await yoga.handle(request, response);
      return;
    }
    sendJson(response, 404, { error: `No resource at ${pathname}` });
  };
}

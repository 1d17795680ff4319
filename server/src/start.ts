import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeDatabase, loadSynthetic, openDatabase, prepareDatabase, type Database } from '@pantau/prisma';
import type { ServerConfig } from './config.ts';
import { createRequestHandler } from './http/app.ts';

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  readonly database: Database;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens and prepares the database, then serves HTTP on the configured port. */
export async function startServer(config: ServerConfig, log: (line: string) => void = console.log): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  log(`Database: ${describeDatabase(config.database)}`);
  const { migrations, seeded } = await prepareDatabase(database);
  for (const name of migrations.applied) log(`Applied migration ${name}`);
  log(seeded ? 'Seeded geography, catalog and article figures' : 'Reference data already present: nothing re-seeded');
  if (seeded && config.syntheticOnFirstStart !== 'none') {
    const summary = await loadSynthetic(database, config.syntheticOnFirstStart, 1);
    log(`Loaded flagged synthetic data (scale ${summary.scale}): ${summary.observations} observations`);
  }

  const handler = await createRequestHandler(database, { trace: config.trace, limits: config.limits, publicOrigin: config.publicOrigin });
  const server = createServer((request, response) => {
    handler.handle(request, response).catch((error: unknown) => {
      console.error('Unhandled request error', error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Internal server error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  return {
    url,
    server,
    database,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await handler.close();
      await database.close();
    },
  };
}

import { CatalogueError } from '@pantau/prisma';
import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './start.ts';

try {
  const running = await startServer(loadConfig());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight requests, then closing the database`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Announced only once the handlers are in place: a supervisor may signal as soon as it reads this.
  console.log(`Pantau is ready at ${running.url} (health: ${running.url}/health)`);
} catch (error) {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof CatalogueError ? error.message : error);
  process.exit(1);
}

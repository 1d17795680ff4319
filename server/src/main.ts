import { startTracing, tracingConfigured } from './observability/tracing.ts';

// Tracing starts before anything loads `pg` (its instrumentation patches the module as it loads), so
// the server's modules are imported only after it.
const tracing = tracingConfigured(process.env) ? await startTracing() : null;
const { ConfigError, loadConfig } = await import('./config.ts');
const { startServer } = await import('./start.ts');
const { createLogger } = await import('./observability/logger.ts');
const { CatalogueError } = await import('@pantau/prisma');

try {
  const config = loadConfig();
  const logger = createLogger({ level: config.observability.logLevel, pretty: config.observability.logPretty });
  const running = await startServer(config, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: finishing in-flight requests, then closing the database`);
    running
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Announced only once the handlers are in place: a supervisor may signal as soon as it reads this.
  logger.info(`Pantau is ready at ${running.url} (health: ${running.url}/health)`);
} catch (error) {
  // Plain text, not a JSON line: the logger's own configuration may be what is wrong.
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error instanceof CatalogueError ? error.message : error);
  process.exit(1);
}

import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import type { YogaLogger } from 'graphql-yoga';
import { currentRequestScope } from './request-scope.ts';
import { lineBlockOutput, type LineBlockOutput } from './line-block-output.ts';

export type LogLevel = Level | 'silent';
export const logLevels: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerOptions {
  /** `PANTAU_LOG_LEVEL`. @default 'info' */
  level?: LogLevel;
  /** Human-readable lines through pino-pretty (only when it is installed). @default false */
  pretty?: boolean;
  /** Where the JSON lines go; tests pass a stream they read. @default standard output */
  destination?: DestinationStream;
}

let standardOutputBlocks: LineBlockOutput | null = null;

/**
 * Standard output, written in blocks (line-block-output.ts) rather than with a write per line: one
 * output for the process, written out synchronously when it exits.
 */
function standardOutput(): DestinationStream {
  if (!standardOutputBlocks) {
    const output = lineBlockOutput(1);
    process.on('exit', () => output.flushSync());
    standardOutputBlocks = output;
  }
  return standardOutputBlocks;
}

/**
 * One JSON object per line. Every line written while a request is served carries its `reqId`, so an
 * error's cause and the request's own line are found together.
 */
export function createLogger({ level = 'info', pretty = false, destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { service: 'pantau' },
    // Milliseconds since the epoch (pino's own): formatting an ISO date on every line costs more.
    timestamp: pino.stdTimeFunctions.epochTime,
    mixin: () => {
      const scope = currentRequestScope();
      return scope ? { reqId: scope.requestId } : {};
    },
  };
  if (pretty) {
    try {
      return pino({ ...options, transport: { target: 'pino-pretty' } });
    } catch {
      const logger = pino(options, destination ?? standardOutput());
      logger.warn('PANTAU_LOG_PRETTY asks for pino-pretty, which is not installed: logging JSON lines');
      return logger;
    }
  }
  return pino(options, destination ?? standardOutput());
}

/** Yoga's own messages, at their level, through the same logger. */
export function yogaLoggerOf(logger: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const cause = args.find((arg) => arg instanceof Error);
      const text = args
        .filter((arg) => arg !== cause)
        .map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)))
        .join(' ');
      if (cause) logger[level]({ err: cause }, text);
      else logger[level](text);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The `log` the masked-error plugin writes to: the message, and the cause as a serialised `err`. */
export function errorLogOf(logger: Logger): Pick<Console, 'error'> {
  return {
    error: (message: unknown, cause?: unknown) => {
      if (cause === undefined) logger.error(String(message));
      else logger.error({ err: cause instanceof Error ? cause : { message: String(cause) } }, String(message));
    },
  };
}

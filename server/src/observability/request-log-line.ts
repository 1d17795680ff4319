import { pino, type DestinationStream, type Logger } from 'pino';

/** What one request's log line says. */
export interface RequestLine {
  /** A sane request id (request-scope.ts): word characters, dots, colons and dashes, nothing to escape. */
  reqId: string;
  method: string | undefined;
  route: string;
  path: string;
  operation: string | null;
  /** The API key's name, never its secret. */
  key: string | null;
  status: number;
  /** The client went away before the answer was written. */
  aborted: boolean;
  cache: string | null;
  durationMs: number;
  sqlStatements: number;
}

/**
 * JSON text of a field's value. Routes, methods, operations, key names and most paths repeat from
 * request to request, so their quoted forms are kept (emptied when full, so the memo stays small).
 */
function quotedValues(capacity = 1_000): (value: string | null | undefined) => string {
  const known = new Map<string, string>();
  return (value) => {
    if (value === null || value === undefined) return 'null';
    let quoted = known.get(value);
    if (quoted === undefined) {
      if (known.size >= capacity) known.clear();
      known.set(value, (quoted = JSON.stringify(value)));
    }
    return quoted;
  };
}

/**
 * Writes each request's line as pino writes a line (its level numbers, epoch `time`, the logger's
 * bindings, `msg` last) to the logger's own destination, at `info`, or `error` for a 5xx. Built as one
 * template string instead of through pino's serialiser, which cost a warm cached read more than all
 * its metrics together (pnpm bench:observability).
 */
export function requestLineWriter(logger: Logger): (line: RequestLine) => void {
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym] as DestinationStream;
  const bindings = JSON.stringify(logger.bindings()).slice(1, -1);
  const prefix = bindings ? `,${bindings}` : '';
  const json = quotedValues();
  return (line) => {
    const level = line.status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    stream.write(
      `{"level":${logger.levels.values[level]},"time":${Date.now()}${prefix},"reqId":"${line.reqId}","method":${json(line.method)},"route":${json(line.route)},"path":${json(line.path)},"operation":${json(line.operation)},"key":${json(line.key)},"status":${line.status}${line.aborted ? ',"aborted":true' : ''},"cache":${json(line.cache)},"durationMs":${line.durationMs},"sqlStatements":${line.sqlStatements},"msg":"request"}\n`,
    );
  };
}

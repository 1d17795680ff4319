import { pino, type DestinationStream, type Logger } from 'pino';
import { boundedMemo } from './bounded-memo.ts';

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
 * Writes each request's line as pino writes a line (its level numbers, epoch `time`, the logger's
 * bindings, `msg` last) to the logger's own destination, at `info`, or `error` for a 5xx. Built as one
 * template string instead of through pino's serialiser, which cost a warm cached read more than all
 * its metrics together (pnpm bench:observability).
 */
export function requestLineWriter(logger: Logger): (line: RequestLine) => void {
  const stream = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym] as DestinationStream;
  const bindings = JSON.stringify(logger.bindings()).slice(1, -1);
  const prefix = bindings ? `,${bindings}` : '';
  // Routes, methods, operations, key names and most paths repeat from request to request.
  const quote = boundedMemo((value) => JSON.stringify(value));
  const json = (value: string | null | undefined) => (value === null || value === undefined ? 'null' : quote(value));
  // A widget's reads come one after another with the same fields but the id, time and duration: the
  // middle of the line is built again only when one of them changes.
  let last: RequestLine | null = null;
  let middle = '';
  const sameMiddle = (line: RequestLine) =>
    last !== null &&
    line.method === last.method &&
    line.route === last.route &&
    line.path === last.path &&
    line.operation === last.operation &&
    line.key === last.key &&
    line.status === last.status &&
    line.aborted === last.aborted &&
    line.cache === last.cache;
  return (line) => {
    const level = line.status >= 500 ? 'error' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    if (!sameMiddle(line)) {
      middle = `","method":${json(line.method)},"route":${json(line.route)},"path":${json(line.path)},"operation":${json(line.operation)},"key":${json(line.key)},"status":${line.status}${line.aborted ? ',"aborted":true' : ''},"cache":${json(line.cache)},"durationMs":`;
      last = line;
    }
    stream.write(
      `{"level":${logger.levels.values[level]},"time":${Date.now()}${prefix},"reqId":"${line.reqId}${middle}${line.durationMs},"sqlStatements":${line.sqlStatements},"msg":"request"}\n`,
    );
  };
}

import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { requestLineWriter, type RequestLine } from './request-log-line.ts';

const line: RequestLine = {
  reqId: 'ops-1',
  method: 'GET',
  route: 'other',
  path: '/"quoted"\n\u2028path',
  operation: null,
  key: 'partner "ntt"',
  status: 200,
  aborted: false,
  cache: null,
  durationMs: 1.25,
  sqlStatements: 0,
};

function written(level: 'info' | 'error', status: number, aborted = false) {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (text: string) => void lines.push(text) } });
  requestLineWriter(logger)({ ...line, status, aborted });
  logger.info('a pino line');
  return lines;
}

describe('the request log line', () => {
  it('is one JSON line with pino’s fields, whatever a caller put in the path or a key’s name', () => {
    const [request, pinoLine] = written('info', 200);
    expect(request?.endsWith('}\n')).toBe(true);
    expect(request?.split('\n')).toHaveLength(2);
    const parsed = JSON.parse(request ?? '') as Record<string, unknown>;
    expect(parsed).toEqual({ level: 30, time: expect.any(Number), service: 'pantau', ...line, aborted: undefined, msg: 'request' });
    expect(Object.keys(parsed)).not.toContain('aborted');
    // The same fields pino itself writes, in the same order, so one parser reads both.
    const pinoFields = Object.keys(JSON.parse(pinoLine ?? '') as object);
    expect(Object.keys(parsed).slice(0, 3)).toEqual(pinoFields.slice(0, 3));
  });

  it('says when the client went away, and writes a 5xx at error, which an error level still keeps', () => {
    expect(JSON.parse(written('info', 200, true)[0] ?? '')).toMatchObject({ aborted: true, level: 30 });
    expect(JSON.parse(written('error', 503)[0] ?? '')).toMatchObject({ status: 503, level: 50 });
    expect(written('error', 200)).toEqual([]);
  });

  it('gives each line its own fields when they change from one request to the next', () => {
    const lines: string[] = [];
    const write = requestLineWriter(createLogger({ level: 'info', destination: { write: (text: string) => void lines.push(text) } }));
    const sent: RequestLine[] = [
      { ...line, reqId: 'a', path: '/graphql', route: '/graphql', operation: 'PantauCampaignTotals', cache: 'hit' },
      { ...line, reqId: 'b', path: '/graphql', route: '/graphql', operation: 'PantauCampaignTotals', cache: 'hit', durationMs: 0.5 },
      { ...line, reqId: 'c', path: '/graphql', route: '/graphql', operation: 'PantauTppoCoverage', cache: 'miss', sqlStatements: 3 },
      { ...line, reqId: 'd', path: '/graphql', route: '/graphql', operation: 'PantauTppoCoverage', cache: 'miss', status: 404 },
      { ...line, reqId: 'e', aborted: true },
      { ...line, reqId: 'f' },
    ];
    for (const request of sent) write(request);
    const parsed = lines.map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(parsed).toEqual(sent.map((request) => ({ level: 30, time: expect.any(Number), service: 'pantau', ...request, aborted: request.aborted || undefined, msg: 'request' })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { loadPersistedOperations } from '@pantau/schema/persisted-operations';
import { createApiKey } from '@pantau/server/auth';
import { createLogger, type LogLevel } from '@pantau/server/observability/logger';
import { listenForTest, type TestServer } from '@pantau/server/testing';
import { runRefusedServer, startServerProcess } from '../support/server-process.ts';

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  err?: { message: string; stack: string };
  [field: string]: unknown;
}

const [chartHash] = [...loadPersistedOperations()].find(([, text]) => text.includes('query PantauMetricChart')) ?? [];

/** A server whose JSON log lines the test reads, as a log pipeline would. */
async function loggedServer(database: TestDatabase, level: LogLevel = 'info') {
  const lines: LogLine[] = [];
  const logger = createLogger({ level, destination: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } });
  const server = await listenForTest(database, { trace: true, observability: { logger } });
  return { server, lines, ofRequest: (id: string) => lines.filter((line) => line.reqId === id) };
}

describe.each(testDatabaseKinds)('request log lines on %s', (kind) => {
  let database: TestDatabase;
  let secret = '';
  let logged: Awaited<ReturnType<typeof loggedServer>>;
  let server: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    secret = (await createApiKey(database, { name: 'ops-log-reader', scopes: ['READ_RESTRICTED'] })).secret;
    logged = await loggedServer(database);
    server = logged.server;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const ask = (requestId: string, query: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers }, body: JSON.stringify({ query }) });

  it('writes one line per request with its id, operation, key name, status, duration and SQL statements, never the secret', async () => {
    const answer = await ask('ops-0001', '{ campaign(slug: "hbi-76-2026") { slug } }', { authorization: `Bearer ${secret}` });
    const body = (await answer.json()) as { data: unknown; extensions: { trace: { sqlStatements: number } } };
    expect(body.data).toEqual({ campaign: { slug: 'hbi-76-2026' } });
    // The operation's own statement (the trace counts execution only), and before it the key's lookup.
    expect(body.extensions.trace.sqlStatements).toBe(1);
    const lines = logged.ofRequest('ops-0001');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      service: 'pantau',
      method: 'POST',
      route: '/graphql',
      path: '/graphql',
      operation: 'adhoc',
      key: 'ops-log-reader',
      status: 200,
      cache: null,
      sqlStatements: 2,
    });
    expect(lines[0]?.durationMs).toEqual(expect.any(Number));
    expect(JSON.stringify(logged.lines)).not.toContain(secret);
    expect(JSON.stringify(logged.lines)).not.toContain(secret.slice(7, 30));
  });

  it('names a persisted operation and its cache answer; a request without a sane id gets a new one', async () => {
    const url = `${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chartHash } }))}&variables=${encodeURIComponent('{"metric":"passports_issued"}')}`;
    for (const id of ['ops-0002', 'ops-0003']) expect((await fetch(url, { headers: { 'x-pantau-client': 'log-test', 'x-request-id': id } })).status).toBe(200);
    expect(logged.ofRequest('ops-0002')).toEqual([expect.objectContaining({ operation: 'PantauMetricChart', key: null, cache: 'miss', status: 200 })]);
    // Computed: its execution's statements are counted, though the widget read entered no scope at the door.
    expect(logged.ofRequest('ops-0002')[0]?.sqlStatements).toBeGreaterThan(0);
    // Answered from memory: not one statement.
    expect(logged.ofRequest('ops-0003')).toEqual([expect.objectContaining({ operation: 'PantauMetricChart', cache: 'hit', sqlStatements: 0 })]);
    await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'not a sane id; DROP TABLE' } });
    const live = logged.lines.filter((line) => line.path === '/health/live');
    expect(live).toHaveLength(1);
    expect(live[0]?.reqId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a masked error with its cause under the request id the caller was given', async () => {
    await database.sql.run((sql) => sql.exec('ALTER TABLE campaign RENAME TO campaign_away'));
    try {
      const answer = await ask('ops-0004', '{ campaign(slug: "hbi-76-2026") { slug } }');
      expect(answer.status).toBe(500);
      const body = (await answer.json()) as { errors: { message: string; extensions: { requestId: string } }[] };
      expect(body.errors).toEqual([
        expect.objectContaining({ message: 'Unexpected error.', extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', requestId: 'ops-0004' }) }),
      ]);
    } finally {
      await database.sql.run((sql) => sql.exec('ALTER TABLE campaign_away RENAME TO campaign'));
    }
    const [cause, request] = logged.ofRequest('ops-0004');
    expect(cause).toMatchObject({ level: 50, msg: '[ops-0004] Unexpected error at campaign:' });
    // The cause the caller never sees: the database's own complaint, with its stack.
    expect(cause?.err?.message).toMatch(/campaign/);
    expect(cause?.err?.stack).toEqual(expect.any(String));
    expect(request).toMatchObject({ level: 50, msg: 'request', status: 500, operation: 'adhoc' });
  });

  it('writes at the level asked for: at error, a 200 leaves no line', async () => {
    const quiet = await loggedServer(database, 'error');
    try {
      expect((await fetch(`${quiet.server.url}/health/live`, { headers: { 'x-request-id': 'ops-0005' } })).status).toBe(200);
      expect(quiet.lines).toEqual([]);
    } finally {
      await quiet.server.close();
    }
  });
});

describe('the server process logs JSON lines', () => {
  it('writes every line as JSON, keeping the start-up and shutdown messages as they read', async () => {
    const server = await startServerProcess({ PANTAU_DATA_DIR: 'memory://', PANTAU_SYNTHETIC: 'none', PANTAU_LOG_LEVEL: 'debug' });
    expect((await fetch(`${server.url}/health/ready`, { headers: { 'x-request-id': 'ops-0006' } })).status).toBe(200);
    await server.waitForOutput(/"reqId":"ops-0006"/);
    expect(await server.stop()).toBe(0);
    const lines = server
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LogLine);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('Seeded geography, catalog and article figures');
    expect(messages.some((msg) => /^Pantau is ready at http:\/\/127\.0\.0\.1:\d+ \(health: /.test(msg))).toBe(true);
    expect(messages).toContain('SIGTERM received: finishing in-flight requests, then closing the database');
    expect(lines.find((line) => line.reqId === 'ops-0006')).toMatchObject({ msg: 'request', route: '/health', path: '/health/ready', status: 200 });
  });

  it('refuses a PANTAU_LOG_LEVEL it does not know, naming the variable', async () => {
    const { code, output } = await runRefusedServer({ PANTAU_DATA_DIR: 'memory://', PANTAU_LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(output).toContain('Configuration error: PANTAU_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")');
  });
});

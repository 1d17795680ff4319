import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openDatabase, readMigrations, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { runRefusedServer, startServerProcess } from '../support/server-process.ts';

/**
 * A JSON POST sent with `Expect: 100-continue`: `continued` resolves when the server has read the
 * headers and asks for the body, which goes out only when `sendBody()` is called.
 */
function postWhenContinued(url: string, body: string) {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue', connection: 'close' },
  });
  const continued = new Promise<void>((resolve) => request.once('continue', () => resolve()));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (message) => {
      let text = '';
      message.setEncoding('utf8');
      message.on('data', (chunk: string) => (text += chunk));
      message.once('end', () => resolve({ status: message.statusCode ?? 0, body: text }));
    });
  });
  request.flushHeaders();
  return { continued, sendBody: () => request.end(body), response };
}

describe.each(testDatabaseKinds)('pnpm start on %s', (kind) => {
  let dataDir: string;
  let postgres: TestDatabase | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pantau-start-'));
    if (kind === 'postgresql') {
      postgres = await createTestDatabase('postgresql');
      env = { DATABASE_URL: postgres.url ?? '', PANTAU_SYNTHETIC: 'small' };
    } else {
      env = { PANTAU_DATA_DIR: dataDir, PANTAU_SYNTHETIC: 'small' };
    }
  });
  afterAll(async () => {
    await postgres?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const countRows = async () => {
    const database = await openDatabase(kind === 'postgresql' ? { databaseUrl: env.DATABASE_URL } : { dataDir });
    try {
      return { observations: await database.prisma.observation.count(), sources: await database.prisma.source.count() };
    } finally {
      await database.close();
    }
  };

  it('migrates and seeds an empty database, reports health, and stops cleanly on SIGTERM', async () => {
    const server = await startServerProcess(env);
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: { kind, ready: true, migrations: readMigrations().length } });
    expect(server.output()).toMatch(/Applied migration \d+_init/);
    expect(server.output()).toContain('Seeded geography, catalog and article figures');
    expect(await server.stop()).toBe(0);
  });

  it('re-seeds nothing on the second start with the same data', async () => {
    const before = await countRows();
    const server = await startServerProcess(env);
    expect(server.output()).toContain('Reference data already present: nothing re-seeded');
    expect(server.output()).not.toContain('Applied migration');
    expect(await server.stop()).toBe(0);
    expect(await countRows()).toEqual(before);
  });

  it('answers GraphQL over GET with a trace when PANTAU_TRACE=1, and finishes an in-flight request on SIGTERM', async () => {
    const server = await startServerProcess({ ...env, PANTAU_TRACE: '1' });
    const query = encodeURIComponent('{ campaign(slug: "hbi-76-2026") { slug } }');
    const response = await fetch(`${server.url}/graphql?query=${query}`, { headers: { accept: 'application/graphql-response+json', 'x-pantau-client': 'e2e-test' } });
    const body = (await response.json()) as { data: unknown; extensions: { trace: { sqlStatements: number; dbTimeMs: number } } };
    expect(body.data).toEqual({ campaign: { slug: 'hbi-76-2026' } });
    expect(body.extensions.trace.sqlStatements).toBe(1);
    expect(body.extensions.trace.dbTimeMs).toBeGreaterThan(0);

    // The request is in flight for certain: the server has read its headers (it answered
    // `100 Continue`) and waits for the body, which is sent only after the server has begun to stop.
    const inFlight = postWhenContinued(
      `${server.url}/graphql`,
      JSON.stringify({ query: '{ tppoCoverage(level: REGENCY, includeSynthetic: true) { national { partnerVillages } } }' }),
    );
    await inFlight.continued;
    const stopped = server.stop();
    await server.waitForOutput(/SIGTERM received/);
    inFlight.sendBody();
    const answer = await inFlight.response;
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { data: { tppoCoverage: { national: { partnerVillages: number } } } }).data.tppoCoverage.national.partnerVillages).toBeGreaterThan(0);
    expect(await stopped).toBe(0);
  });
});

describe('configuration', () => {
  it('refuses an invalid PORT with a message naming the variable', async () => {
    const { code, output } = await runRefusedServer({ PORT: 'eighty', PANTAU_DATA_DIR: 'memory://' });
    expect(code).toBe(1);
    expect(output).toContain('Configuration error: PORT must be a whole number from 0 to 65535 (got "eighty")');
  });

  it('refuses a PANTAU_TRACE that is not a flag', async () => {
    const { code, output } = await runRefusedServer({ PANTAU_TRACE: 'yes please', PANTAU_DATA_DIR: 'memory://' });
    expect(code).toBe(1);
    expect(output).toContain('PANTAU_TRACE must be 1/true or 0/false (got "yes please")');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', async () => {
    const { code, output } = await runRefusedServer({ DATABASE_URL: 'mysql://localhost/pantau' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL must be a PostgreSQL URL');
  });
});

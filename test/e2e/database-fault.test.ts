import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, prepareDatabase } from '@pantau/prisma';
import { createApiKey } from '@pantau/server/auth';
import { canRunPrivatePostgres, createPrivatePostgres } from '../support/private-postgres.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const TIMEOUT_MS = 1_000;
const port = 20_000 + (process.pid % 20_000);

/**
 * PostgreSQL disappears under a running server and comes back. The server must answer every request,
 * anonymous or keyed alike, with a masked error that names no host, port or driver and carries a
 * request id, stay up, and recover by itself. How fast it answers is the database timeout's job
 * (`PANTAU_DB_TIMEOUT_MS`) and is not asserted here: the fetch guard only ends a hung request.
 */
describe.skipIf(!canRunPrivatePostgres)('a PostgreSQL outage under a running server', () => {
  const postgres = createPrivatePostgres(port);
  let server: ServerProcess;
  let key = '';

  const ask = async (withKey = false) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(withKey ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query: '{ campaign(slug: "hbi-76-2026") { slug } }' }),
      signal: AbortSignal.timeout(60_000),
    });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    postgres.start();
    const database = await openDatabase({ databaseUrl: postgres.url });
    await prepareDatabase(database);
    key = (await createApiKey(database, { name: 'partner-during-outage', scopes: ['READ_RESTRICTED'] })).secret;
    await database.close();
    server = await startServerProcess({ DATABASE_URL: postgres.url, PANTAU_DB_TIMEOUT_MS: String(TIMEOUT_MS), PANTAU_SYNTHETIC: 'none' });
  });
  afterAll(async () => {
    await server?.stop();
    postgres.remove();
  });

  it('answers anonymous and keyed requests alike with a masked error while the database is down, and recovers when it returns', async () => {
    expect(JSON.parse((await ask()).text)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
    expect(JSON.parse((await ask(true)).text)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });

    postgres.stop();
    for (const withKey of [false, true, false, true]) {
      const down = await ask(withKey);
      expect(down.status, down.text).toBe(500);
      expect(JSON.parse(down.text)).toMatchObject({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }] });
      expect(down.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${port}|ECONNREFUSED|postgres|prisma|pg`, 'i'));
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: { kind: 'postgresql', ready: false, migrations: 0 } });

    postgres.start();
    // Until the pool reconnects, asking again (paced, not timed) gets the masked error.
    let recovered = (await ask()).text;
    while (!recovered.includes('hbi-76-2026')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      recovered = (await ask()).text;
    }
    expect(JSON.parse(recovered)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('answers anonymous and keyed requests alike while the database is frozen, and goes on when it thaws', async () => {
    expect(JSON.parse((await ask(true)).text)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
    postgres.freeze();
    try {
      const [anonymous, keyed] = await Promise.all([ask(false), ask(true)]);
      for (const frozen of [anonymous, keyed]) {
        expect(frozen.status, frozen.text).toBe(500);
        expect(JSON.parse(frozen.text)).toMatchObject({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } }] });
      }
    } finally {
      postgres.thaw();
    }
    let thawed = (await ask(true)).text;
    while (!thawed.includes('hbi-76-2026')) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      thawed = (await ask(true)).text;
    }
    expect(JSON.parse(thawed)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
  });
});

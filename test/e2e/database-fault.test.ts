import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunPrivatePostgres, createPrivatePostgres } from '../support/private-postgres.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';

const TIMEOUT_MS = 1_000;
const port = 20_000 + (process.pid % 20_000);

/**
 * PostgreSQL disappears under a running server and comes back. The server must answer every request
 * within its database timeout plus a second, with a masked error that names no host, port or driver,
 * stay up, and recover by itself.
 */
describe.skipIf(!canRunPrivatePostgres)('a PostgreSQL outage under a running server', () => {
  const postgres = createPrivatePostgres(port);
  let server: ServerProcess;

  const ask = async () => {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ campaign(slug: "hbi-76-2026") { slug } }' }),
    });
    return { status: response.status, text: await response.text(), ms: performance.now() - started };
  };

  beforeAll(async () => {
    postgres.start();
    server = await startServerProcess({ DATABASE_URL: postgres.url, PANTAU_DB_TIMEOUT_MS: String(TIMEOUT_MS), PANTAU_SYNTHETIC: 'none' });
  });
  afterAll(async () => {
    await server?.stop();
    postgres.remove();
  });

  it('answers in time with a masked error while the database is down, and recovers when it returns', async () => {
    expect(JSON.parse((await ask()).text)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });

    postgres.stop();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const down = await ask();
      expect(down.ms).toBeLessThan(TIMEOUT_MS + 1_000);
      expect(down.status).toBe(500);
      expect(JSON.parse(down.text)).toMatchObject({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(down.text).not.toMatch(new RegExp(`127\\.0\\.0\\.1|${port}|ECONNREFUSED|postgres|prisma|pg`, 'i'));
    }
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable', database: { kind: 'postgresql', ready: false, migrations: 0 } });

    postgres.start();
    let recovered = '';
    for (let attempt = 0; attempt < 30 && !recovered.includes('hbi-76-2026'); attempt += 1) {
      recovered = (await ask()).text;
      if (!recovered.includes('hbi-76-2026')) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(JSON.parse(recovered)).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

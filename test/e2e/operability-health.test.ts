import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, readMigrations, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { listenForTest, type TestServer } from '@pantau/server/testing';

describe.each(testDatabaseKinds)('liveness and readiness on %s', (kind) => {
  let database: TestDatabase;
  let server: TestServer;
  const shipped = readMigrations().map((migration) => migration.name);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await listenForTest(database, {});
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const get = async (path: string) => {
    const answer = await fetch(`${server.url}${path}`);
    return { status: answer.status, body: (await answer.json()) as unknown };
  };

  it('is live and ready once every migration this build ships is applied; /health answers as before', async () => {
    expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'live' } });
    expect(await get('/health/ready')).toEqual({
      status: 200,
      body: { status: 'ready', databases: [{ role: 'primary', kind, answers: true, migrationsApplied: shipped.length, migrationsExpected: shipped.length, missing: [] }] },
    });
    expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', database: { kind, ready: true, migrations: shipped.length } } });
  });

  it('is not ready while a migration is missing, but stays live (and /health keeps its meaning: the database answers)', async () => {
    const last = shipped.at(-1) ?? '';
    const [row] = await database.sql.run((sql) => sql.query<Record<string, unknown>>('DELETE FROM "_prisma_migrations" WHERE migration_name = $1 RETURNING *', [last]));
    try {
      expect(await get('/health/ready')).toEqual({
        status: 503,
        body: {
          status: 'unavailable',
          databases: [{ role: 'primary', kind, answers: true, migrationsApplied: shipped.length - 1, migrationsExpected: shipped.length, missing: [last] }],
        },
      });
      expect((await get('/health/live')).status).toBe(200);
      expect(await get('/health')).toEqual({ status: 200, body: { status: 'ok', database: { kind, ready: true, migrations: shipped.length - 1 } } });
    } finally {
      const columns = Object.keys(row ?? {});
      await database.sql.run((sql) =>
        sql.query(
          `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
          columns.map((c) => row?.[c]),
        ),
      );
    }
    expect((await get('/health/ready')).status).toBe(200);
  });
});

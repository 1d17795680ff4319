import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../database.ts';

/**
 * The databases every database-backed test runs on: PGlite always, PostgreSQL as well when
 * `PANTAU_TEST_DATABASE_URL` names a server where the role may create databases.
 */
export const testDatabaseKinds: readonly DatabaseKind[] = process.env.PANTAU_TEST_DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export interface TestDatabase extends Database {
  /** Empties every table except the migration ledger. */
  truncateAll(): Promise<void>;
  /** PostgreSQL only: the URL of this test's private database. */
  readonly url: string | undefined;
}

function adminUrl(): string {
  const url = process.env.PANTAU_TEST_DATABASE_URL;
  if (!url) throw new Error('PANTAU_TEST_DATABASE_URL is not set');
  return url;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database of the given kind, private to the calling test file. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  let url: string | undefined;
  let dropDatabase: () => Promise<void> = async () => {};
  if (kind === 'postgresql') {
    const name = `pantau_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const parsed = new URL(adminUrl());
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    dropDatabase = async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
  }
  const database = await openDatabase({ databaseUrl: url, dataDir: 'memory://', poolSize: 4 });
  return {
    ...database,
    url,
    async truncateAll() {
      await database.sql.run(async (connection) => {
        const tables = await connection.query<{ name: string }>(
          `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
        );
        if (tables.length > 0) await connection.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
      });
    },
    async close() {
      await database.close();
      await dropDatabase();
    },
  };
}

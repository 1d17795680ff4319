import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/** A database session: the migrator, seeders and bulk loaders speak SQL through it. */
export interface SqlConnection {
  /**
   * Runs one or more statements without parameters (simple query protocol). `unbounded` lifts the
   * statement timeout for this call: migrations that rebuild a table must not be cut off by the
   * timeout meant for requests.
   */
  exec(sql: string, options?: { unbounded?: boolean }): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDriver {
  /** Runs `work` outside any transaction: each statement commits on its own. */
  run<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction on one session, rolling back on any error. */
  transaction<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
}

function pgliteConnection(db: PGlite | Transaction): SqlConnection {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
  };
}

/** PGlite is one session shared with Prisma; its transaction lock keeps other callers out meanwhile. */
export function pgliteDriver(db: PGlite): SqlDriver {
  const connection = pgliteConnection(db);
  return {
    run: (work) => work(connection),
    transaction: (work) => db.transaction((tx) => work(pgliteConnection(tx))),
  };
}

/** Long enough for any migration; node-postgres reads 0 as "use the pool's timeout". */
const UNBOUNDED_MS = 24 * 60 * 60 * 1000;

function pgConnection(client: pg.PoolClient): SqlConnection {
  return {
    async exec(sql, { unbounded = false } = {}) {
      if (!unbounded) {
        await client.query(sql);
        return;
      }
      // The server's timeout is lifted for the enclosing transaction only, the client's for this call
      // (`query_timeout` is read by node-postgres but missing from its types).
      await client.query("SELECT set_config('statement_timeout', '0', true)");
      await client.query({ text: sql, query_timeout: UNBOUNDED_MS } as pg.QueryConfig);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query(sql, [...params]);
      return result.rows as Row[];
    },
  };
}

export function postgresDriver(pool: pg.Pool): SqlDriver {
  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      return await work(client);
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      // A session that failed may be mid-transaction or dead: never hand it out again.
      client.release(broken);
    }
  }
  return {
    run: (work) => withClient((client) => work(pgConnection(client))),
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(pgConnection(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
  };
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

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
  /**
   * Streams text in COPY's text format (one line per row, tab-separated, `\N` for null) into `target`,
   * e.g. `observation (metric_id, value)`: PostgreSQL reads it through COPY FROM STDIN, PGlite through
   * COPY FROM '/dev/blob' (one statement per few megabytes, so the file is never held whole).
   */
  copyFrom(target: string, text: AsyncIterable<string> | Iterable<string>): Promise<void>;
}

export interface SqlDriver {
  /** Runs `work` outside any transaction: each statement commits on its own. */
  run<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction on one session, rolling back on any error. */
  transaction<T>(work: (connection: SqlConnection) => Promise<T>): Promise<T>;
}

/** How much COPY text PGlite is handed per statement. */
const PGLITE_COPY_BYTES = 4 * 1024 * 1024;

function pgliteConnection(db: PGlite | Transaction): SqlConnection {
  return {
    async exec(sql) {
      await db.exec(sql);
    },
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<Row>(sql, [...params]);
      return result.rows;
    },
    async copyFrom(target, text) {
      let parts: string[] = [];
      let size = 0;
      const flush = async () => {
        if (size === 0) return;
        await db.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob(parts) });
        parts = [];
        size = 0;
      };
      for await (const chunk of text) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= PGLITE_COPY_BYTES) await flush();
      }
      await flush();
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
    async copyFrom(target, text) {
      await pipeline(Readable.from(text), client.query(copyFromStdin(`COPY ${target} FROM STDIN`)));
    },
  };
}

export function postgresDriver(pool: pg.Pool): SqlDriver {
  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    // A checked-out client has no listener of the pool's: its server going away must fail the work, not the process.
    const onError = () => void (broken = true);
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      broken = true;
      throw error;
    } finally {
      client.removeListener('error', onError);
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

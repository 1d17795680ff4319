import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { observeAdapter, QueryObservers, type QueryListener } from './query-observer.ts';
import { pgliteDriver, postgresDriver, type SqlDriver } from './sql-driver.ts';
import { openReadReplicas, type OpenedReplicas, type ReadReplicas } from './replicas/read-replicas.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface DatabaseOptions {
  /** `postgresql://…` selects PostgreSQL; absent selects the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` (or absent) keeps everything in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL only: the most connections the pool opens. @default 10 */
  poolSize?: number;
  /**
   * PostgreSQL only: how long to wait for a connection, and for any one statement, in milliseconds
   * (node-postgres waits forever by default). @default 5000 for connecting, 6 × this for statements
   */
  timeoutMs?: number;
  /** PostgreSQL only: streaming replicas of `databaseUrl` that serve reads (`DATABASE_REPLICA_URLS`). @default none */
  replicaUrls?: readonly string[];
  /** Milliseconds a replica may lag before reads skip it (`PANTAU_REPLICA_MAX_LAG_MS`). @default 5000 */
  replicaMaxLagMs?: number;
  /** Milliseconds between checks of each replica's replay position. @default 250 */
  replicaCheckMs?: number;
}

/** One open database: the Prisma client for queries and a raw SQL driver for migrations and bulk work. */
export interface Database {
  readonly kind: DatabaseKind;
  readonly prisma: PrismaClient;
  readonly sql: SqlDriver;
  /**
   * Calls `listener` with each PostgreSQL NOTIFY on `channel`, from any process using this database,
   * and with `null` after the feed reconnected (notifications may have been missed meanwhile).
   * Resolves to the function that stops listening.
   */
  subscribe(channel: string, listener: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** Calls `listener` after every statement the Prisma client sends; returns the function that stops it. */
  observeQueries(listener: QueryListener): () => void;
  /** The connection pool now (PostgreSQL; PGlite is one session): open, idle, and callers waiting for one. */
  connections(): { open: number; idle: number; waiting: number } | null;
  /** The read replicas, when configured: `replicas.forRead(...)` is where a read goes. Null on a replica itself. */
  readonly replicas: ReadReplicas | null;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (!options.databaseUrl) return openPglite(options.dataDir);
  const { replicaUrls = [], replicaMaxLagMs = 5_000, replicaCheckMs = 250 } = options;
  return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.timeoutMs ?? 5_000, { urls: replicaUrls, maxLagMs: replicaMaxLagMs, checkMs: replicaCheckMs });
}

async function openPglite(dataDir = 'memory://'): Promise<Database> {
  let unlock = () => {};
  if (!dataDir.includes('://')) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const observers = new QueryObservers();
  const prisma = new PrismaClient({ adapter: observeAdapter(new PrismaPGlite(pglite), observers) });
  return {
    kind: 'pglite',
    prisma,
    observeQueries: (listener) => observers.add(listener),
    subscribe: (channel, listener) => pglite.listen(channel, listener),
    connections: () => null,
    replicas: null,
    sql: pgliteDriver(pglite),
    async close() {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

// Connecting gives up after `timeoutMs`; a statement after six times that (imports run long ones), so a
// dead or unreachable server turns into an error in bounded time instead of a request that hangs.
const poolOptions = (connectionString: string, max: number, timeoutMs: number): pg.PoolConfig => ({
  connectionString,
  max,
  connectionTimeoutMillis: timeoutMs,
  query_timeout: timeoutMs * 6,
  statement_timeout: timeoutMs * 6,
  keepAlive: true,
});

async function openPostgres(
  connectionString: string,
  max: number,
  timeoutMs: number,
  replicaOptions: { urls: readonly string[]; maxLagMs: number; checkMs: number },
): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(connectionString)) {
    throw new Error('DATABASE_URL must start with postgresql:// (got a value with another scheme)');
  }
  const pool = new pg.Pool(poolOptions(connectionString, max, timeoutMs));
  // An idle client losing its server must not crash the process; the next query reports the fault.
  pool.on('error', () => undefined);
  const observers = new QueryObservers();
  const prisma = new PrismaClient({ adapter: observeAdapter(new PrismaPg(pool), observers) });
  const sql = postgresDriver(pool);
  let opened: OpenedReplicas | null = null;
  const database: Database = {
    kind: 'postgresql',
    prisma,
    observeQueries: (listener) => observers.add(listener),
    // A notification arrives after its change committed: the replicas learn of it before the listener.
    subscribe: (channel, listener) =>
      listenOnPostgres(
        connectionString,
        channel,
        (payload) => {
          opened?.heardChange();
          listener(payload);
        },
        timeoutMs,
      ),
    connections: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    get replicas() {
      return opened?.replicas ?? null;
    },
    sql,
    async close() {
      await opened?.close();
      await prisma.$disconnect();
      await pool.end();
    },
  };
  if (replicaOptions.urls.length > 0) {
    opened = await openReadReplicas({ database, pool, sql, observers }, { ...replicaOptions, poolOptions: (url) => poolOptions(url, max, timeoutMs) });
  }
  return database;
}

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other work). When the server
 * goes away the feed reconnects, with backoff, and tells the listener with `null`.
 */
async function listenOnPostgres(connectionString: string, channel: string, listener: (payload: string | null) => void, timeoutMs: number) {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Channel names are lower-case identifiers (got "${channel}")`);
  let stopped = false;
  let client: pg.Client | null = null;
  let delay = 250;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
    next.on('notification', (message) => listener(message.payload ?? ''));
    next.on('error', () => undefined);
    next.on('end', () => {
      if (stopped) return;
      client = null;
      setTimeout(() => void reconnect(), delay);
    });
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    client = next;
    delay = 250;
  };
  const reconnect = async (): Promise<void> => {
    if (stopped) return;
    try {
      await connect();
      listener(null);
    } catch {
      delay = Math.min(delay * 2, 10_000);
      setTimeout(() => void reconnect(), delay);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}

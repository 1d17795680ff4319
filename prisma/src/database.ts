import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { observeAdapter, QueryObservers, type QueryListener } from './query-observer.ts';
import { pgliteDriver, postgresDriver, type SqlDriver } from './sql-driver.ts';

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
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10, options.timeoutMs ?? 5_000) : openPglite(options.dataDir);
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

async function openPostgres(connectionString: string, max: number, timeoutMs: number): Promise<Database> {
  if (!/^postgres(ql)?:\/\//.test(connectionString)) {
    throw new Error('DATABASE_URL must start with postgresql:// (got a value with another scheme)');
  }
  // Connecting gives up after `timeoutMs`; a statement after six times that (imports run long ones), so a
  // dead or unreachable server turns into an error in bounded time instead of a request that hangs.
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs * 6, statement_timeout: timeoutMs * 6, keepAlive: true });
  // An idle client losing its server must not crash the process; the next query reports the fault.
  pool.on('error', () => undefined);
  const observers = new QueryObservers();
  const prisma = new PrismaClient({ adapter: observeAdapter(new PrismaPg(pool), observers) });
  return {
    kind: 'postgresql',
    prisma,
    observeQueries: (listener) => observers.add(listener),
    subscribe: (channel, listener) => listenOnPostgres(connectionString, channel, listener, timeoutMs),
    connections: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    sql: postgresDriver(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
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

import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/client.ts';
import type { Database } from '../database.ts';
import { observeAdapter, type QueryObservers } from '../query-observer.ts';
import { postgresDriver, type SqlDriver } from '../sql-driver.ts';
import { failoverAdapter, failoverDriver } from './failover.ts';
import type { Lsn } from './lsn.ts';
import { ReplicaSet, type ReplicaStatus } from './replica-set.ts';

/** Reads sent to streaming replicas (`DATABASE_REPLICA_URLS`), writes and fresh reads to the primary. */
export interface ReadReplicas {
  /** Milliseconds a replica may lag before reads skip it (`PANTAU_REPLICA_MAX_LAG_MS`). */
  readonly maxLagMs: number;
  /** Milliseconds between checks of each replica's replay position. */
  readonly checkMs: number;
  /**
   * The database a read should use when it must see every write up to `floor` (a primary WAL
   * position, e.g. of the caller's last write) and every change heard so far: a serving replica that
   * has replayed them, else the primary itself.
   */
  forRead(floor: Lsn | null): Database;
  /** The primary's WAL position now; a write committed before the call is visible wherever it is replayed. */
  primaryPosition(): Promise<Lsn>;
  /** Each replica at its last check. */
  status(): ReplicaStatus[];
  /** Checks every replica now and returns the result. */
  check(): Promise<ReplicaStatus[]>;
}

export interface PrimaryParts {
  readonly database: Database;
  readonly pool: pg.Pool;
  readonly sql: SqlDriver;
  readonly observers: QueryObservers;
}

export interface ReplicaOptions {
  readonly urls: readonly string[];
  readonly maxLagMs: number;
  readonly checkMs: number;
  readonly poolOptions: (connectionString: string) => pg.PoolConfig;
}

export const replicaName = (url: string) => {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
};

/**
 * Opens a pool per replica. Each replica is a `Database` whose statements fall back to the primary
 * when the replica fails them; the primary's statement observers see both.
 */
export interface OpenedReplicas {
  readonly replicas: ReadReplicas;
  /** Tells the replicas a change was committed (its notification arrived). */
  heardChange(): void;
  close(): Promise<void>;
}

export async function openReadReplicas(primary: PrimaryParts, options: ReplicaOptions): Promise<OpenedReplicas> {
  const members = options.urls.map((url) => {
    const pool = new pg.Pool(options.poolOptions(url));
    pool.on('error', () => undefined);
    const own = postgresDriver(pool);
    const onFault = (error: unknown) => set.fault(reader, error);
    const prisma = new PrismaClient({ adapter: observeAdapter(failoverAdapter(new PrismaPg(pool), new PrismaPg(primary.pool), onFault), primary.observers) });
    const reader: Database = {
      kind: 'postgresql',
      prisma,
      sql: failoverDriver(own, primary.sql, onFault),
      // A standby cannot LISTEN; changes are announced by the primary.
      subscribe: (channel, listener) => primary.database.subscribe(channel, listener),
      observeQueries: (listener) => primary.observers.add(listener),
      connections: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      replicas: null,
      close: async () => {
        await prisma.$disconnect();
        await pool.end();
      },
    };
    return { name: replicaName(url), reader, sql: own };
  });
  const set: ReplicaSet<Database> = new ReplicaSet(primary.sql, members, { maxLagMs: options.maxLagMs, checkMs: options.checkMs });
  await set.check();
  const replicas: ReadReplicas = {
    maxLagMs: options.maxLagMs,
    checkMs: options.checkMs,
    forRead: (floor) => set.readerFor(floor) ?? primary.database,
    primaryPosition: () => set.primaryPosition(),
    status: () => set.status(),
    check: () => set.check(),
  };
  return {
    replicas,
    heardChange: () => set.heardChange(),
    close: async () => {
      set.close();
      await Promise.all(members.map((m) => m.reader.close()));
    },
  };
}

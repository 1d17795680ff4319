import { readMigrations, type Database, type ReplicaStatus } from '@pantau/prisma';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { kind: Database['kind']; ready: boolean; migrations: number };
  /** Only with `DATABASE_REPLICA_URLS`: each read replica at its last check (README: "Scale-out"). */
  replicas?: ReplicaStatus[];
}

/** `/health/ready`: whether this instance should be sent traffic, and each database it serves from. */
export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  databases: (
    | { role: 'primary'; kind: Database['kind']; answers: boolean; migrationsApplied: number; migrationsExpected: number; missing: string[] }
    | ({ role: 'replica'; kind: 'postgresql' } & ReplicaStatus)
  )[];
}

/** Replicas never make an instance unready: while none serves, reads go to the primary. */
const replicaEntries = (database: Database) => (database.replicas?.status() ?? []).map((status) => ({ role: 'replica' as const, kind: 'postgresql' as const, ...status }));

let shipped: string[] | undefined;
/** The migrations this build ships, read from disk once. */
const shippedMigrations = () => (shipped ??= readMigrations().map((migration) => migration.name));

async function appliedMigrations(database: Database): Promise<string[]> {
  const rows = await database.sql.run((connection) =>
    connection.query<{ name: string }>('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL'),
  );
  return rows.map((row) => row.name);
}

const replicasOf = (database: Database) => (database.replicas ? { replicas: database.replicas.status() } : {});

/** Whether the database answers and how many migrations it has applied (`/health`, unchanged since 0.1). */
export async function checkHealth(database: Database): Promise<HealthReport> {
  try {
    const applied = await appliedMigrations(database);
    return { status: 'ok', database: { kind: database.kind, ready: true, migrations: applied.length }, ...replicasOf(database) };
  } catch {
    return { status: 'unavailable', database: { kind: database.kind, ready: false, migrations: 0 }, ...replicasOf(database) };
  }
}

/**
 * Ready only when the database answers and has every migration this build ships: an instance started
 * against a database another version migrated (or none) is taken out of rotation, not sent traffic.
 */
export async function checkReadiness(database: Database, expected: readonly string[] = shippedMigrations()): Promise<ReadinessReport> {
  let applied: string[] | null;
  try {
    applied = await appliedMigrations(database);
  } catch {
    applied = null;
  }
  const missing = applied ? expected.filter((name) => !applied.includes(name)) : [...expected];
  const primary = {
    role: 'primary' as const,
    kind: database.kind,
    answers: applied !== null,
    migrationsApplied: applied?.length ?? 0,
    migrationsExpected: expected.length,
    missing,
  };
  return { status: applied && missing.length === 0 ? 'ready' : 'unavailable', databases: [primary, ...replicaEntries(database)] };
}

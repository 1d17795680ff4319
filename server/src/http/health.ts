import type { Database } from '@pantau/prisma';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: { kind: Database['kind']; ready: boolean; migrations: number };
}

/** Whether the database answers and how many migrations it has applied. */
export async function checkHealth(database: Database): Promise<HealthReport> {
  try {
    const [row] = await database.sql.run((connection) =>
      connection.query<{ migrations: number }>(
        'SELECT count(*)::int AS migrations FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      ),
    );
    return { status: 'ok', database: { kind: database.kind, ready: true, migrations: row?.migrations ?? 0 } };
  } catch {
    return { status: 'unavailable', database: { kind: database.kind, ready: false, migrations: 0 } };
  }
}

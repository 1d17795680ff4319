import type { Database, SqlConnection } from '@pantau/prisma';
import type { Prisma } from '@pantau/prisma/client';

/**
 * Runs one parameterised statement and returns its rows: the one way the write path speaks SQL,
 * whether inside a Prisma transaction, an import's raw transaction, or outside any.
 */
export type Statements = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>;

export const prismaStatements =
  (client: Database['prisma'] | Prisma.TransactionClient): Statements =>
  (sql, params) =>
    client.$queryRawUnsafe(sql, ...params);

export const connectionStatements =
  (connection: SqlConnection): Statements =>
  (sql, params) =>
    connection.query(sql, params);

/** JSON text for a jsonb parameter: dates as ISO strings, decimals as their exact text, bigints as text. */
export const jsonText = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

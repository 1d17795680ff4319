import type { Database } from '@pantau/prisma';
import type { Caller } from '../auth/api-keys.ts';

/** The offices a key limited to one office may write for: that office and every office under it. Null: no limit. */
export async function writableOfficeIds(database: Database, caller: Caller): Promise<Set<number> | null> {
  if (caller.kind !== 'key' || caller.officeId === null || caller.scopes.includes('ADMIN')) return null;
  const rows = await database.prisma.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE unit(id) AS (SELECT ${caller.officeId}::int UNION SELECT o.id FROM office o JOIN unit ON o.parent_id = unit.id)
    SELECT id FROM unit`;
  return new Set(rows.map((row) => row.id));
}

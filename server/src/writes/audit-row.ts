import type { Caller } from '../auth/api-keys.ts';
import type { Statements } from './statements.ts';
import { jsonText } from './statements.ts';

/** What the audit log records about a change besides who made it. */
export interface AuditFacts {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  fileHash?: string | null;
  inserted?: number;
  updated?: number;
  deleted?: number;
  rejected?: number;
}

/** Who made a change: the idempotency key space (`key:<id>`), the name the audit log shows, and the key's id. */
export function actorOf(caller: Caller): { actor: string; name: string; apiKeyId: number | null } {
  if (caller.kind === 'key') return { actor: `key:${caller.id}`, name: caller.name, apiKeyId: caller.id };
  return { actor: caller.kind, name: caller.kind, apiKeyId: null };
}

/** The one audit row of a change, written in the change's transaction so it commits or rolls back with it. */
export async function writeAuditRow(statements: Statements, caller: Caller, idempotencyKey: string | null, facts: AuditFacts): Promise<void> {
  const { name, apiKeyId } = actorOf(caller);
  await statements(
    `INSERT INTO audit_log (api_key_id, actor, action, entity, entity_id, idempotency_key, before, after, file_hash, inserted, updated, deleted, rejected)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10, $11, $12, $13)`,
    [
      apiKeyId,
      name,
      facts.action,
      facts.entity,
      facts.entityId ?? null,
      idempotencyKey,
      jsonText(facts.before),
      jsonText(facts.after),
      facts.fileHash ?? null,
      facts.inserted ?? 0,
      facts.updated ?? 0,
      facts.deleted ?? 0,
      facts.rejected ?? 0,
    ],
  );
}

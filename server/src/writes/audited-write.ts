import { createHash } from 'node:crypto';
import type { Database } from '@pantau/prisma';
import type { Prisma } from '@pantau/prisma/client';
import type { Caller } from '../auth/api-keys.ts';
import { conflict, invalidInput } from './invalid-input.ts';

export type Transaction = Prisma.TransactionClient;

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

export interface WriteRequest {
  /** e.g. `observation.create`: a retried key must name the same operation and payload. */
  operation: string;
  payload: unknown;
  idempotencyKey?: string | null | undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with keys sorted, so the same payload always hashes the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export function actorOf(caller: Caller): { actor: string; name: string; apiKeyId: number | null } {
  if (caller.kind === 'key') return { actor: `key:${caller.id}`, name: caller.name, apiKeyId: caller.id };
  return { actor: caller.kind, name: caller.kind, apiKeyId: null };
}

const toJson = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as Prisma.InputJsonValue));

/** The rule for every `idempotencyKey`: 1 to 200 printable ASCII characters, e.g. a UUID. */
export const idempotencyKeyRule = 'must be 1 to 200 printable ASCII characters (letters, digits, spaces and punctuation), e.g. a UUID';

/** Refuses a malformed key (400) before anything is looked up or written; null or absent means no key. */
export function checkIdempotencyKey(key: string | null | undefined): void {
  if (key === null || key === undefined) return;
  if (!/^[\x20-\x7e]{1,200}$/.test(key)) throw invalidInput([{ field: 'idempotencyKey', rule: `${idempotencyKeyRule} (got ${key.length} characters${key.length > 0 ? ` starting "${key.slice(0, 20).replace(/[^\x20-\x7e]/g, '?')}"` : ''})` }]);
}

/**
 * Runs one change in one transaction with exactly one audit row. With an idempotency key, a retry of
 * the same request returns the first answer without writing again; the same key with another payload
 * is refused. Two concurrent requests with one key: the second's unique-key insert waits for the first
 * and fails, its transaction rolls back, and it returns the first answer.
 */
export async function auditedWrite<Result>(
  database: Database,
  caller: Caller,
  request: WriteRequest,
  work: (tx: Transaction) => Promise<{ result: Result; audit: AuditFacts }>,
): Promise<Result> {
  const { actor, name, apiKeyId } = actorOf(caller);
  const key = request.idempotencyKey ?? null;
  checkIdempotencyKey(request.idempotencyKey);
  const requestHash = sha256(canonical({ operation: request.operation, payload: request.payload }));

  const replay = async (): Promise<Result | undefined> => {
    if (!key) return undefined;
    const existing = await database.prisma.idempotencyRecord.findUnique({ where: { actor_key: { actor, key } } });
    if (!existing) return undefined;
    if (existing.requestHash !== requestHash || existing.operation !== request.operation) {
      throw conflict(`\`idempotencyKey\` "${key}" was already used for a different request (${existing.operation}); use a new key for a new request`, { argument: 'idempotencyKey' });
    }
    return existing.response as Result;
  };

  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await database.prisma.$transaction(
      async (tx) => {
        const { result, audit } = await work(tx);
        await tx.auditEntry.create({
          data: {
            apiKeyId,
            actor: name,
            action: audit.action,
            entity: audit.entity,
            entityId: audit.entityId ?? null,
            idempotencyKey: key,
            before: toJson(audit.before ?? undefined),
            after: toJson(audit.after ?? undefined),
            fileHash: audit.fileHash ?? null,
            inserted: audit.inserted ?? 0,
            updated: audit.updated ?? 0,
            deleted: audit.deleted ?? 0,
            rejected: audit.rejected ?? 0,
          },
        });
        if (key) await tx.idempotencyRecord.create({ data: { actor, key, operation: request.operation, requestHash, response: toJson(result) ?? {} } });
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Lost the race for this idempotency key: the winner's answer is the answer.
    if (key && (error as { code?: string }).code === 'P2002') {
      const winner = await replay();
      if (winner !== undefined) return winner;
    }
    throw error;
  }
}

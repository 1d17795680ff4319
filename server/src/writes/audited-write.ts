import type { Database } from '@pantau/prisma';
import type { Prisma } from '@pantau/prisma/client';
import type { Caller } from '../auth/api-keys.ts';
import { actorOf, writeAuditRow, type AuditFacts } from './audit-row.ts';
import { checkIdempotencyKey, idempotently, recordAnswer, requestHashOf } from './idempotency.ts';
import { prismaStatements } from './statements.ts';

export type Transaction = Prisma.TransactionClient;

export interface WriteRequest {
  /** e.g. `observation.create`: a retried key must name the same operation and payload. */
  operation: string;
  payload: unknown;
  idempotencyKey?: string | null | undefined;
}

/**
 * Runs one single-record change in one Prisma transaction with exactly one audit row, at most once
 * per idempotency key (see `idempotently`).
 */
export async function auditedWrite<Result>(
  database: Database,
  caller: Caller,
  request: WriteRequest,
  work: (tx: Transaction) => Promise<{ result: Result; audit: AuditFacts }>,
): Promise<Result> {
  checkIdempotencyKey(request.idempotencyKey);
  const key = request.idempotencyKey ?? null;
  const claim = key ? { actor: actorOf(caller).actor, key, operation: request.operation } : null;
  const requestHash = requestHashOf(request.operation, request.payload);
  const refusal = (operation: string) => `\`idempotencyKey\` "${key}" was already used for a different request (${operation}); use a new key for a new request`;
  return idempotently(prismaStatements(database.prisma), { claim, requestHash: () => requestHash, refusal }, () =>
    database.prisma.$transaction(
      async (tx) => {
        const { result, audit } = await work(tx);
        await writeAuditRow(prismaStatements(tx), caller, key, audit);
        if (claim) await recordAnswer(prismaStatements(tx), claim, requestHash, result);
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    ),
  );
}

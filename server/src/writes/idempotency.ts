import { createHash } from 'node:crypto';
import { conflict, invalidInput } from '../schema/errors.ts';
import type { Statements } from './statements.ts';
import { jsonText } from './statements.ts';

/** The rule for every `idempotencyKey`: 1 to 200 printable ASCII characters, e.g. a UUID. */
export const idempotencyKeyRule = 'must be 1 to 200 printable ASCII characters (letters, digits, spaces and punctuation), e.g. a UUID';

/** Refuses a malformed key (400) before anything is looked up or written; null or absent means no key. */
export function checkIdempotencyKey(key: string | null | undefined): void {
  if (key === null || key === undefined) return;
  if (!/^[\x20-\x7e]{1,200}$/.test(key))
    throw invalidInput([
      {
        field: 'idempotencyKey',
        rule: `${idempotencyKeyRule} (got ${key.length} characters${key.length > 0 ? ` starting "${key.slice(0, 20).replace(/[^\x20-\x7e]/g, '?')}"` : ''})`,
      },
    ]);
}

/** A request made under an idempotency key: whose key space, the key, and what was asked. */
export interface IdempotencyClaim {
  actor: string;
  key: string;
  operation: string;
}

/** SHA-256 of the operation and its payload as JSON with keys sorted, so the same request always hashes the same. */
export function requestHashOf(operation: string, payload: unknown): string {
  const canonical = JSON.stringify({ operation, payload }, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
  return createHash('sha256').update(canonical).digest('hex');
}

interface StoredAnswer {
  operation: string;
  request_hash: string;
  response: unknown;
}

async function storedAnswer(statements: Statements, claim: IdempotencyClaim): Promise<StoredAnswer | undefined> {
  const rows = await statements<StoredAnswer>('SELECT operation, request_hash, response FROM idempotency_record WHERE actor = $1 AND idempotency_key = $2', [
    claim.actor,
    claim.key,
  ]);
  return rows[0];
}

/** Stores the answer in the change's own transaction; a second writer of the same key fails on the unique key. */
export async function recordAnswer(statements: Statements, claim: IdempotencyClaim, requestHash: string, response: unknown): Promise<void> {
  await statements('INSERT INTO idempotency_record (actor, idempotency_key, operation, request_hash, response) VALUES ($1, $2, $3, $4, $5::jsonb)', [
    claim.actor,
    claim.key,
    claim.operation,
    requestHash,
    jsonText(response) ?? '{}',
  ]);
}

/** A unique-key violation, as Prisma (P2002, or P2010 for raw SQL) or PostgreSQL (23505) reports it. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, meta, message } = error as { code?: string; meta?: { code?: string }; message?: string };
  return code === 'P2002' || code === '23505' || meta?.code === '23505' || (code === 'P2010' && /23505|unique constraint/i.test(message ?? ''));
}

export interface IdempotentRequest<Result> {
  /** Null when the request carries no key: it runs every time. */
  claim: IdempotencyClaim | null;
  /** The request's hash; an import hashes its file, so it is asked for only when an answer is stored. */
  requestHash: () => Promise<string> | string;
  /** The 409 message when the key was used for another request (`operation`: the one it was used for). */
  refusal: (operation: string) => string;
  /** Marks a stored answer as replayed. @default the answer as stored */
  replayed?: (stored: Result) => Result;
}

/**
 * Runs a change at most once per idempotency key. A retry of the same request returns the first
 * answer without writing; the same key with another request is refused (409). Two concurrent
 * requests with one key: the second's `recordAnswer` waits for the first and fails on the unique
 * key, its transaction rolls back, and it returns the first answer.
 */
export async function idempotently<Result>(statements: Statements, request: IdempotentRequest<Result>, change: () => Promise<Result>): Promise<Result> {
  const { claim } = request;
  const replay = async (): Promise<Result | undefined> => {
    if (!claim) return undefined;
    const stored = await storedAnswer(statements, claim);
    if (!stored) return undefined;
    if (stored.operation !== claim.operation || stored.request_hash !== (await request.requestHash()))
      throw conflict(request.refusal(stored.operation), { argument: 'idempotencyKey' });
    const answer = stored.response as Result;
    return request.replayed ? request.replayed(answer) : answer;
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await change();
  } catch (error) {
    // A concurrent request with the key may have won: its write makes ours fail on the idempotency
    // key, or on the figure's natural key (refused as already stored); either way it answered first.
    if (claim) {
      const winner = await replay();
      if (winner !== undefined) return winner;
    }
    throw error;
  }
}

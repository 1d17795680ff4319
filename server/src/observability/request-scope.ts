import { AsyncLocalStorage } from 'node:async_hooks';

/** What one HTTP request's log line and metrics are made of, filled in as the request goes. */
export interface RequestScope {
  readonly requestId: string;
  /** The persisted operation's name, `adhoc` for a document sent as text, or null outside GraphQL. */
  operation: string | null;
  /** The API key's name (never its secret), or null for an anonymous caller. */
  keyName: string | null;
  /** Statements the Prisma client sent for this request. */
  sqlStatements: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** Runs `work` as the request `scope`; everything it awaits (Yoga, DataLoader batches, SQL) sees the same scope. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The scope of the request being served here, or undefined outside one (an in-process `yoga.fetch`, start-up). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** The caller's `x-request-id` when it is a sane token, so logs can be joined with theirs. */
export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value);
}

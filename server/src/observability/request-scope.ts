import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { IdleStorage } from '../idle-storage.ts';

/** What one HTTP request's log line and metrics are made of, filled in as the request goes. */
export interface RequestScope {
  readonly requestId: string;
  /** The persisted operation's name, `adhoc` for a document sent as text, or null outside GraphQL. */
  operation: string | null;
  /** The API key's name (never its secret), or null for an anonymous caller. */
  keyName: string | null;
  /** Statements the Prisma client sent for this request. */
  sqlStatements: number;
  /** Whether awaited work should find this scope (the log wants statement counts and errors' ids). */
  readonly followsAsync: boolean;
  /** The request was answered: work it left running no longer follows its scope. */
  answered: boolean;
}

const scopes = new IdleStorage<RequestScope>();
// A property of the request rather than a WeakMap entry: a weak entry a request costs the garbage
// collector more than the rest of the scope (pnpm bench:observability).
const scopeOfRequest = Symbol('pantau.requestScope');
type ScopedRequest = IncomingMessage & { [scopeOfRequest]?: RequestScope };

/**
 * The scopes being followed now, until their request is answered: each holds the storage on (a warm
 * cached read follows none, so it pays no promise hooks).
 */
const followed = new Set<RequestScope>();

function follow<T>(scope: RequestScope, work: () => T): T {
  if (scope.answered) return work();
  if (!followed.has(scope)) {
    followed.add(scope);
    scopes.hold();
  }
  return scopes.run(scope, work);
}

/**
 * Runs `work` as the request `scope`. With `followAsync`, everything it awaits (Yoga, DataLoader
 * batches, SQL) finds the scope too, which the log needs (statement counts, errors' request ids);
 * otherwise only code holding the request does, which is all the metrics need. A request may
 * instead enter it later with `followRequestScope`; either way `releaseRequestScope` ends it.
 */
export function runInRequestScope<T>(request: IncomingMessage, scope: RequestScope, followAsync: boolean, work: () => T): T {
  (request as ScopedRequest)[scopeOfRequest] = scope;
  return followAsync ? follow(scope, work) : work();
}

/** Runs `work` so that what it awaits finds `scope`, unless it already does. */
export function followRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.getStore() === scope ? work() : follow(scope, work);
}

/** The request was answered: work it left running no longer finds its scope once no other is followed. */
export function releaseRequestScope(scope: RequestScope): void {
  scope.answered = true;
  if (followed.delete(scope)) scopes.release();
}

/** The scope of the request Yoga's server context holds (`req`), else of the request being served here. */
export function requestScopeOf(serverContext: unknown): RequestScope | undefined {
  const request = (serverContext as { req?: ScopedRequest } | undefined)?.req;
  return request?.[scopeOfRequest] ?? scopes.getStore();
}

/** The scope of the request being served here, or undefined outside one (an in-process `yoga.fetch`, start-up). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/**
 * A new request id in the shape of a UUID: random for this process, then a count of its requests.
 * Unique across processes as a random UUID is, at a fraction of the cost of one per request.
 */
export function requestIdSequence(): () => string {
  const processPart = randomUUID().slice(0, 24);
  let issued = 0;
  return () => {
    issued += 1;
    return processPart + issued.toString(16).padStart(12, '0');
  };
}

/** The caller's `x-request-id` when it is a sane token, so logs can be joined with theirs. */
export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value);
}

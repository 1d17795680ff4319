import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';

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
}

const scopes = new AsyncLocalStorage<RequestScope>();
const byRequest = new WeakMap<IncomingMessage, RequestScope>();

/**
 * Runs `work` as the request `scope`. With `followAsync`, everything it awaits (Yoga, DataLoader
 * batches, SQL) finds the scope too, which the log needs (statement counts, errors' request ids);
 * otherwise only code holding the request does, which is all the metrics need. On Node 20 a scope
 * that follows awaits is copied onto every promise made under it (async hooks), so it is paid only
 * when logging, and a request may instead enter it later with `followRequestScope`.
 */
export function runInRequestScope<T>(request: IncomingMessage, scope: RequestScope, followAsync: boolean, work: () => T): T {
  byRequest.set(request, scope);
  return followAsync ? scopes.run(scope, work) : work();
}

/** Runs `work` so that what it awaits finds `scope`, unless it already does. */
export function followRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.getStore() === scope ? work() : scopes.run(scope, work);
}

/** The scope of the request Yoga's server context holds (`req`), else of the request being served here. */
export function requestScopeOf(serverContext: unknown): RequestScope | undefined {
  const request = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  return (request && byRequest.get(request)) ?? scopes.getStore();
}

/** The scope of the request being served here, or undefined outside one (an in-process `yoga.fetch`, start-up). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** The caller's `x-request-id` when it is a sane token, so logs can be joined with theirs. */
export function isSaneRequestId(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,100}$/.test(value);
}

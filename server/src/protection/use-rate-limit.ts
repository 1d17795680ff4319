import type { IncomingMessage } from 'node:http';
import { Kind, visit, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { CallerGate } from './caller-gate.ts';
import { refused } from './refusal.ts';

export interface RateLimitOptions {
  /** Who is calling and their token buckets, shared with the HTTP layer. */
  gate: CallerGate;
  /** The bucket size: a request costing more could never pass. @default 120 */
  burst?: number;
}

/** 1 for the request plus 1 for every aliased field (`__typename` too): aliases multiply work as batching would. */
export function requestCost(document: DocumentNode): number {
  let aliases = 0;
  visit(document, { Field: (field) => void (field.alias ? (aliases += 1) : undefined) });
  return 1 + aliases;
}

/**
 * Settles who the request is from as it arrives (reusing the HTTP layer's answer), then charges each
 * parsed document its cost before validation: the HTTP layer took one token at the door, this takes
 * the rest. A request that costs more than the burst is refused with 400, not a Retry-After it could
 * never satisfy.
 */
export function useRateLimit({ gate, burst = 120 }: RateLimitOptions): Plugin {
  return {
    async onRequest({ request, serverContext }) {
      await gate.enter(request, (serverContext as { req?: IncomingMessage } | undefined)?.req);
    },
    onParse({ context }) {
      return ({ result }) => {
        if (!result || result instanceof Error || !('kind' in result) || result.kind !== Kind.DOCUMENT) return;
        const cost = requestCost(result);
        if (cost > burst)
          throw refused(400, `This request costs ${cost} tokens (1 plus 1 per aliased field), more than the rate limit's burst of ${burst}, so it could never pass: split it`, {
            limit: 'rateLimitBurst',
          });
        const wait = gate.charge((context as unknown as { request: Request }).request, cost);
        if (wait > 0) throw refused(429, `Too many requests: try again in ${wait} s (each aliased field counts as a request)`, {}, { 'Retry-After': String(wait) });
      };
    },
  };
}

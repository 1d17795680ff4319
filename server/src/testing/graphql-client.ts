import { expect } from 'vitest';
import type { createPantauYoga } from '../yoga.ts';

export type GraphQLResult = { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };

/** POSTs documents to an in-process Yoga (no port) as a test's caller: `query` gives the whole result, `ok` the data and fails on any error. */
export function graphqlClient(yoga: () => ReturnType<typeof createPantauYoga>) {
  async function query(document: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResult> {
    const response = await yoga().fetch('http://pantau.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return (await response.json()) as GraphQLResult;
  }
  async function ok(document: string, variables: Record<string, unknown> = {}) {
    const result = await query(document, variables);
    expect(result.errors, document).toBeUndefined();
    return result.data as Record<string, any>;
  }
  return { query, ok };
}

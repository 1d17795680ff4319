import fc from 'fast-check';
import type { FuzzKeys } from './fuzz-server.ts';
import type { RawRequest } from './raw-http.ts';

/** One family of hostile requests; `weight` is its share of the runs. */
export interface Target {
  name: string;
  weight: number;
  request: fc.Arbitrary<RawRequest>;
}

export type Headers = [string, string][];
export const json = (body: unknown) => JSON.stringify(body);
export const graphqlAccept = fc.constantFrom('application/graphql-response+json', 'application/json', 'application/graphql-response+json, application/json;q=0.9', '*/*');

/** The keys a request may carry: mutations mostly keyed, queries mostly anonymous. */
export function withKey(keys: FuzzKeys, keyed: boolean | undefined): fc.Arbitrary<Headers> {
  if (keyed)
    return fc.constantFrom<Headers>([['authorization', `Bearer ${keys.admin}`]], [['authorization', `Bearer ${keys.ntt}`]], [['authorization', `Bearer ${keys.reader}`]], []);
  return fc.constantFrom<Headers>([], [], [['authorization', `Bearer ${keys.reader}`]]);
}

export const post = (body: string, headers: Headers, accept: string): RawRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: [['content-type', 'application/json'], ['accept', accept], ...headers],
  body,
});

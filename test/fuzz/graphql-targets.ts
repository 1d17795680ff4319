import fc from 'fast-check';
import { nastyJson, nastyString, queryValue } from './arbitraries.ts';
import { operations } from './corpus.ts';
import type { FuzzKeys } from './fuzz-server.ts';
import { graphqlAccept, json, post, withKey, type Headers, type Target } from './fuzz-target.ts';
import { hostileDocument, mutateValue } from './hostile-documents.ts';

const operation = fc.constantFrom(...operations);

export function graphqlVariables(keys: FuzzKeys): Target {
  return {
    name: 'GraphQL variables: wrong types, huge numbers, NUL, lone surrogates',
    weight: 5,
    request: operation.chain((op) =>
      fc
        .tuple(mutateValue(op.variables), withKey(keys, op.keyed), graphqlAccept)
        .map(([variables, headers, accept]) => post(json({ query: op.document, variables }), headers, accept)),
    ),
  };
}

export function graphqlDocuments(keys: FuzzKeys): Target {
  return {
    name: 'GraphQL documents: mutated, random, hostile literals and variable defaults',
    weight: 5,
    request: fc
      .tuple(hostileDocument, operation, withKey(keys, true), graphqlAccept, fc.option(fc.oneof(nastyString, fc.constant('Op')), { nil: undefined }))
      .map(([document, op, headers, accept, operationName]) => post(json({ query: document, variables: op.variables, operationName }), headers, accept)),
  };
}

export function nonGraphqlBodies(): Target {
  return {
    name: 'JSON bodies that are not GraphQL requests',
    weight: 2,
    request: fc
      .tuple(
        fc.oneof(
          nastyJson.map(json),
          fc.record({ query: nastyJson, variables: nastyJson, operationName: nastyJson, extensions: nastyJson }, { requiredKeys: [] }).map(json),
          nastyString,
          fc.constantFrom(
            '',
            '{',
            '[{"query":"{__typename}"},{"query":"{__typename}"}]',
            '{"query":"{__typename}"',
            '\u0000',
            'null',
            '"{ __typename }"',
            '{"query":{"kind":"Document"}}',
          ),
        ),
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-16',
          'application/graphql',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/graphql+json',
        ),
        graphqlAccept,
      )
      .map(([body, contentType, accept]) => ({
        method: 'POST',
        path: '/graphql',
        headers: [
          ['content-type', contentType],
          ['accept', accept],
          ['x-pantau-client', 'fuzz'],
        ],
        body,
      })),
  };
}

export function getQueryStrings(): Target {
  return {
    name: 'GET /graphql query strings',
    weight: 3,
    request: fc
      .tuple(
        fc.array(
          fc.tuple(
            fc.constantFrom('query', 'variables', 'operationName', 'extensions', 'query', 'x'),
            fc.oneof(
              queryValue,
              nastyJson.map((v) => encodeURIComponent(json(v) ?? '').replace(/%ED%[AB][0-9A-F]%[89AB][0-9A-F]/g, '')),
              fc.constant(encodeURIComponent('{"persistedQuery":{"version":1,"sha256Hash":"' + 'a'.repeat(64) + '"}}')),
              fc.constant(encodeURIComponent('{ offices(first: 1) { totalCount } }')),
            ),
          ),
          { maxLength: 5 },
        ),
        fc.constantFrom<Headers>([['x-pantau-client', 'fuzz']], []),
        graphqlAccept,
      )
      .map(([params, headers, accept]) => ({ method: 'GET', path: `/graphql?${params.map(([k, v]) => `${k}=${v}`).join('&')}`, headers: [...headers, ['accept', accept]] })),
  };
}

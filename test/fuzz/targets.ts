import fc from 'fast-check';
import { looseEncode, nastyJson, nastyNumber, nastyString, queryValue } from './arbitraries.ts';
import { operations, tokens } from './corpus.ts';
import type { FuzzKeys } from './fuzz-server.ts';
import { headerSafe, type RawRequest } from './raw-http.ts';

/** One family of hostile requests; `weight` is its share of the runs. */
export interface Target {
  name: string;
  weight: number;
  request: fc.Arbitrary<RawRequest>;
}

type Headers = [string, string][];
const json = (body: unknown) => JSON.stringify(body);
const graphqlAccept = fc.constantFrom('application/graphql-response+json', 'application/json', 'application/graphql-response+json, application/json;q=0.9', '*/*');

/** A whole value replaced, or one leaf deep inside it: wrong types, huge numbers, NUL, lone surrogates. */
function mutateValue(value: unknown): fc.Arbitrary<unknown> {
  const replaceWhole = nastyJson;
  if (value === null || typeof value !== 'object') return replaceWhole;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replaceWhole;
  return fc.oneof(
    replaceWhole,
    fc.integer({ min: 0, max: entries.length - 1 }).chain((index) => {
      const [key, inner] = entries[index] as readonly [string, unknown];
      return mutateValue(inner).map((mutated) => {
        if (Array.isArray(value)) return value.map((v, i) => (i === index ? mutated : v));
        return { ...(value as Record<string, unknown>), [key]: mutated };
      });
    }),
    // A field of its own that the input type does not declare.
    fc.tuple(nastyString, nastyJson).map(([key, extra]) => (Array.isArray(value) ? [...value, extra] : { ...(value as Record<string, unknown>), [key]: extra })),
  );
}

/** A document cut, spliced or salted with tokens: mostly invalid, sometimes valid in a new way. */
const mutatedDocument = fc.constantFrom(...operations.map((o) => o.document)).chain((document) =>
  fc.oneof(
    fc.tuple(fc.nat(document.length), fc.nat(40)).map(([at, length]) => document.slice(0, at) + document.slice(at + length)),
    fc.tuple(fc.nat(document.length), fc.constantFrom(...tokens)).map(([at, token]) => `${document.slice(0, at)} ${token} ${document.slice(at)}`),
    fc.tuple(fc.nat(document.length), nastyString).map(([at, text]) => `${document.slice(0, at)}${text}${document.slice(at)}`),
    fc.tuple(fc.nat(document.length), fc.constantFrom(...tokens)).map(([, token]) => document.replace(/\b(first|last|limit): \$?\w+/, `$1: ${token}`)),
    fc.constantFrom(
      document.replace(/"hbi-76-2026"|\$slug/g, '"\\u0000"'),
      document.replace(/\(first: \$first/, '(first: 100000'),
      document.replaceAll('{', '{ ... on Query {').replace(/}$/, '}}'),
    ),
  ),
);

const randomDocument = fc.array(fc.constantFrom(...tokens), { maxLength: 60 }).map((parts) => parts.join(' '));

/** Literal arguments in place of variables, with hostile literal values. */
const literalDocument = fc
  .tuple(
    fc.constantFrom('offices', 'observations', 'regions', 'campaigns', 'sources', 'metrics'),
    fc.constantFrom('first', 'last', 'after', 'before'),
    fc.oneof(
      nastyNumber.map(String),
      nastyString.map((s) => JSON.stringify(s)),
    ),
  )
  .map(([field, argument, literal]) => `{ ${field}(${argument}: ${literal}) { totalCount } }`);

const variableDefaults = fc
  .tuple(
    fc.constantFrom('Int', 'Int!', 'String', 'Float', 'Boolean', '[Int]'),
    fc.oneof(
      nastyNumber.map(String),
      nastyString.map((s) => JSON.stringify(s)),
      fc.constant('null'),
    ),
  )
  .map(([type, literal]) => `query($n: ${type} = ${literal}) { offices(first: $n) { totalCount } }`);

function withKey(keys: FuzzKeys, keyed: boolean | undefined): fc.Arbitrary<Headers> {
  if (keyed)
    return fc.constantFrom<Headers>([['authorization', `Bearer ${keys.admin}`]], [['authorization', `Bearer ${keys.ntt}`]], [['authorization', `Bearer ${keys.reader}`]], []);
  return fc.constantFrom<Headers>([], [], [['authorization', `Bearer ${keys.reader}`]]);
}

const post = (body: string, headers: Headers, accept: string): RawRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: [['content-type', 'application/json'], ['accept', accept], ...headers],
  body,
});

export function targets(keys: FuzzKeys): Target[] {
  const operation = fc.constantFrom(...operations);
  return [
    {
      name: 'GraphQL variables: wrong types, huge numbers, NUL, lone surrogates',
      weight: 5,
      request: operation.chain((op) =>
        fc
          .tuple(mutateValue(op.variables), withKey(keys, op.keyed), graphqlAccept)
          .map(([variables, headers, accept]) => post(json({ query: op.document, variables }), headers, accept)),
      ),
    },
    {
      name: 'GraphQL documents: mutated, random, hostile literals and variable defaults',
      weight: 5,
      request: fc
        .tuple(
          fc.oneof(mutatedDocument, randomDocument, literalDocument, variableDefaults),
          operation,
          withKey(keys, true),
          graphqlAccept,
          fc.option(fc.oneof(nastyString, fc.constant('Op')), { nil: undefined }),
        )
        .map(([document, op, headers, accept, operationName]) => post(json({ query: document, variables: op.variables, operationName }), headers, accept)),
    },
    {
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
    },
    {
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
    },
    {
      name: 'export query strings',
      weight: 4,
      request: fc
        .tuple(
          fc.constantFrom('csv', 'json', 'sdmx.csv', 'xml', ''),
          fc.array(
            fc.tuple(
              fc.constantFrom('metric', 'groupBy', 'granularity', 'regionCode', 'officeCode', 'program', 'campaign', 'from', 'to', 'includeSynthetic', 'metric', 'x'),
              fc.oneof(
                queryValue,
                fc.constantFrom('passports_issued', 'passport_type', 'province,regency,region,office,program,campaign', 'YEAR', 'day', '53', '2025-01-01', 'true'),
                fc.array(fc.constantFrom('province', 'passport_type', 'x', ''), { maxLength: 150 }).map((g) => g.join(',')),
              ),
            ),
            { maxLength: 8 },
          ),
          withKey(keys, false),
        )
        .map(([format, params, headers]) => ({ method: 'GET', path: `/export/metric-series.${format}?${params.map(([k, v]) => `${k}=${v}`).join('&')}`, headers })),
    },
    {
      name: 'static and source paths, bad percent-encoding, traversal',
      weight: 3,
      request: fc
        .tuple(
          fc.constantFrom('/sources/', '/widgets/', '/demo/', '/', '/export/', '/graphql/', '/health/', '//', '/widgets', ''),
          fc.array(
            fc.oneof(
              nastyString.map(looseEncode),
              fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e', '%2f', '%00', '%C0%AF', 'pantau-widgets.js', 'index.html', '[', '//[', '@', '?', '#', ';'),
            ),
            { maxLength: 5 },
          ),
          fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'),
        )
        .map(([prefix, segments, method]) => ({ method, path: `${prefix}${segments.join('/')}` || '/' })),
    },
    {
      name: 'headers: Authorization, Content-Type, Accept, request id, huge values',
      weight: 3,
      request: fc
        .tuple(
          fc.constantFrom('/graphql', '/export/metric-series.csv?metric=passports_issued', '/health', '/sources/antara-20260126-ntt-passports-2025', '/widgets/'),
          fc.constantFrom('GET', 'POST'),
          fc.array(
            fc.tuple(
              fc.constantFrom(
                'authorization',
                'content-type',
                'accept',
                'x-request-id',
                'x-pantau-client',
                'origin',
                'if-none-match',
                'accept-encoding',
                'range',
                'x-forwarded-for',
                'cookie',
              ),
              fc.oneof(
                nastyString.map(headerSafe),
                fc.constantFrom(
                  'Bearer',
                  'Bearer ',
                  'bearer  x',
                  'Basic YTpi',
                  `Bearer ${keys.admin} extra`,
                  `Bearer ${keys.admin.slice(0, -1)}`,
                  'Bearer pantau_' + 'A'.repeat(43),
                  'multipart/form-data',
                  'multipart/form-data; boundary=',
                  'application/json; charset=latin1',
                  'text/html',
                  'application/graphql-response+json;q=0',
                  'bytes=5-1',
                  'x'.repeat(12_000),
                ),
                nastyString.map((s) => `Bearer ${headerSafe(s)}`),
              ),
            ),
            { minLength: 1, maxLength: 4 },
          ),
        )
        .map(([path, method, headers]) => ({ method, path, headers, body: method === 'POST' ? json({ query: '{ offices(first: 1) { totalCount } }' }) : undefined })),
    },
    {
      name: 'multipart bodies: broken boundaries, missing or hostile map and operations',
      weight: 3,
      request: fc
        .tuple(
          fc.constantFrom('b0undary', 'x'),
          fc.constantFrom('b0undary', 'other', '', '"b0undary"'),
          fc.option(
            fc.oneof(
              nastyString,
              fc.constant(json({ query: 'mutation($file: File!) { importObservations(file: $file) { rows } }', variables: { file: null } })),
              nastyJson.map(json),
            ),
            { nil: undefined },
          ),
          fc.option(
            fc.oneof(
              nastyString,
              fc.constantFrom(
                json({ 0: ['variables.file'] }),
                json({ 0: ['variables.nope.deep'] }),
                json({ 0: ['variables'] }),
                json({ 0: 'variables.file' }),
                json({ 1: ['variables.file'] }),
                json([]),
              ),
              nastyJson.map(json),
            ),
            { nil: undefined },
          ),
          fc.option(fc.oneof(nastyString, fc.constant('metric,value\npassports_issued,1\n')), { nil: undefined }),
          fc.boolean(),
          fc.constantFrom(keys.admin, keys.ntt, ''),
        )
        .map(([declared, used, operations, map, file, terminate, key]) => {
          const part = (name: string, content: string, filename?: string) =>
            `--${used}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}\r\n${filename ? 'Content-Type: text/csv\r\n' : ''}\r\n${content}\r\n`;
          const body = `${operations === undefined ? '' : part('operations', operations)}${map === undefined ? '' : part('map', map)}${file === undefined ? '' : part('0', file, 'figures.csv')}${terminate ? `--${used}--\r\n` : ''}`;
          const headers: Headers = [
            ['content-type', `multipart/form-data; boundary=${declared}`],
            ['x-pantau-client', 'fuzz'],
            ['accept', 'application/graphql-response+json'],
          ];
          if (key) headers.push(['authorization', `Bearer ${key}`]);
          return { method: 'POST', path: '/graphql', headers, body };
        }),
    },
  ];
}

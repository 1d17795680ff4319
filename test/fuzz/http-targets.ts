import fc from 'fast-check';
import { looseEncode, nastyString, queryValue } from './arbitraries.ts';
import type { FuzzKeys } from './fuzz-server.ts';
import { json, withKey, type Target } from './fuzz-target.ts';
import { headerSafe } from './raw-http.ts';

export function exportQueryStrings(keys: FuzzKeys): Target {
  return {
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
  };
}

export function staticPaths(): Target {
  return {
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
  };
}

export function hostileHeaders(keys: FuzzKeys): Target {
  return {
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
  };
}

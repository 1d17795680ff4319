import fc from 'fast-check';
import { nastyJson, nastyString } from './arbitraries.ts';
import type { FuzzKeys } from './fuzz-server.ts';
import { json, type Headers, type Target } from './fuzz-target.ts';

export function multipartBodies(keys: FuzzKeys): Target {
  return {
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
  };
}

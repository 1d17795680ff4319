import type { FuzzKeys } from './fuzz-server.ts';
import type { Target } from './fuzz-target.ts';
import { getQueryStrings, graphqlDocuments, graphqlVariables, nonGraphqlBodies } from './graphql-targets.ts';
import { exportQueryStrings, hostileHeaders, staticPaths } from './http-targets.ts';
import { multipartBodies } from './multipart-target.ts';

export type { Target };

/** Every family of hostile requests, in the order the runs draw from them. */
export function targets(keys: FuzzKeys): Target[] {
  return [
    graphqlVariables(keys),
    graphqlDocuments(keys),
    nonGraphqlBodies(),
    getQueryStrings(),
    exportQueryStrings(keys),
    staticPaths(),
    hostileHeaders(keys),
    multipartBodies(keys),
  ];
}

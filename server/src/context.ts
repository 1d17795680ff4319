import type { Database } from '@pantau/prisma';
import { createLoaders, type Loaders } from './loaders.ts';

/** Everything a resolver may use, created afresh for each request so caches never leak between callers. */
export interface GraphQLContext {
  readonly database: Database;
  readonly requestId: string;
  readonly loaders: Loaders;
}

export function createContext(database: Database, requestId: string): GraphQLContext {
  return { database, requestId, loaders: createLoaders(database) };
}

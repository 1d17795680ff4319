import type { Database } from '@pantau/prisma';
import { hasScope, type Caller } from './auth/api-keys.ts';
import { createLoaders, type Loaders } from './loaders.ts';

/** What the caller may do, as Pothos' scope-auth plugin reads it. */
export interface AuthScopes {
  public: boolean;
  readRestricted: boolean;
  writeObservations: boolean;
  admin: boolean;
}

/** Everything a resolver may use, created afresh for each request so caches never leak between callers. */
export interface GraphQLContext {
  readonly database: Database;
  readonly requestId: string;
  readonly loaders: Loaders;
  readonly caller: Caller;
  readonly scopes: AuthScopes;
}

export function createContext(database: Database, requestId: string, caller: Caller = { kind: 'anonymous' }): GraphQLContext {
  const scopes = { public: true, readRestricted: hasScope(caller, 'READ_RESTRICTED'), writeObservations: hasScope(caller, 'WRITE_OBSERVATIONS'), admin: hasScope(caller, 'ADMIN') };
  return { database, requestId, loaders: createLoaders(database), caller, scopes };
}

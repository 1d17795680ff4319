import type { IncomingMessage } from 'node:http';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** The variables each persisted operation declares: the only ones that may make a cache key. */
function declaredVariables(operations: ReadonlyMap<string, string>): Map<string, ReadonlySet<string>> {
  const declared = new Map<string, ReadonlySet<string>>();
  for (const [hash, document] of operations) {
    const definitions = parse(document).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    declared.set(hash, new Set(definitions.flatMap((d) => d.variableDefinitions?.map((v) => v.variable.name.value) ?? [])));
  }
  return declared;
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{"b":2,"a":1}` share an entry. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Keys anonymous persisted GETs by the operation's hash, its declared variables, the operation name
 * and the media type Yoga will answer in (chosen by Accept). The key is null when the request is
 * anything else, names an unknown operation, or sends a variable the operation does not declare:
 * those go to Yoga, which answers (404, 400) and caches nothing.
 */
export function persistedKeys(operations: ReadonlyMap<string, string>) {
  const declared = declaredVariables(operations);
  return (request: IncomingMessage, url: URL): { key: string; variables: Record<string, unknown> } | null => {
    if (request.method !== 'GET' || request.headers.authorization || !request.headers['x-pantau-client']) return null;
    const extensions = url.searchParams.get('extensions');
    if (!extensions || url.searchParams.has('query')) return null;
    try {
      const hash = (JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } }).persistedQuery?.sha256Hash;
      const names = typeof hash === 'string' ? declared.get(hash) : undefined;
      if (typeof hash !== 'string' || !names) return null;
      const variables: unknown = JSON.parse(url.searchParams.get('variables') ?? '{}');
      if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) return null;
      if (Object.keys(variables).some((name) => !names.has(name))) return null;
      const media = (request.headers.accept ?? '').includes('application/graphql-response+json') ? 'graphql-response' : 'json';
      return { key: `${media}|${hash}:${canonical(variables)}:${url.searchParams.get('operationName') ?? ''}`, variables: variables as Record<string, unknown> };
    } catch {
      return null;
    }
  };
}

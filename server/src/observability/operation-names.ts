import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** A metric label for any operation that is not one of schema/operations: its name is the caller's to choose. */
export const adhocOperation = 'adhoc';

/** Each persisted operation's name, by its SHA-256: the only operation names a metric label may take. */
export function persistedOperationNames(operations: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const [hash, document] of operations) {
    const definition = parse(document).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    names.set(hash, definition?.name?.value ?? 'anonymous');
  }
  return names;
}

/** The persisted hash a GraphQL request names in its `extensions`, as a GET's search parameter or a POST's body field. */
export function persistedHashOf(extensions: unknown): string | null {
  try {
    const parsed: unknown = typeof extensions === 'string' ? JSON.parse(extensions) : extensions;
    const hash = (parsed as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
    return typeof hash === 'string' ? hash : null;
  } catch {
    return null;
  }
}

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/** Where the widgets' operations live: the API's contract, like `schema.graphql`. */
export const operationsDir = new URL('./operations/', import.meta.url);

/** The id a persisted operation is sent by: SHA-256 of its file, byte for byte (Apollo's `persistedQuery.sha256Hash`). */
export function operationHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** Every operation in `schema/operations/`, by hash: the server's persisted-operation store. */
export function loadPersistedOperations(dir: URL = operationsDir): Map<string, string> {
  const store = new Map<string, string>();
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()) {
    const document = readFileSync(new URL(name, dir), 'utf8');
    store.set(operationHash(document), document);
  }
  return store;
}

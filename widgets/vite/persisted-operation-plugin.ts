import type { Plugin } from 'vite';
import { operationHash } from '@pantau/schema/persisted-operations';
import { queryImportPlugin } from './query-import-plugin.ts';

/**
 * `import operation from '@pantau/schema/operations/x.graphql?persisted'` yields `{ hash, document }`,
 * hashed at build time exactly as the server hashes its store, so widgets send ids, not documents.
 */
export function persistedOperations(): Plugin {
  return queryImportPlugin('pantau-persisted-operations', '.graphql', '?persisted', (document) => `export default ${JSON.stringify({ hash: operationHash(document), document })};`);
}

import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { operationHash } from '@pantau/schema/persisted-operations';

const suffix = '?persisted';

/**
 * `import operation from '@pantau/schema/operations/x.graphql?persisted'` yields `{ hash, document }`,
 * hashed at build time exactly as the server hashes its store, so widgets send ids, not documents.
 */
export function persistedOperations(): Plugin {
  return {
    name: 'pantau-persisted-operations',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(`.graphql${suffix}`)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${suffix}` : null;
    },
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      const document = readFileSync(file, 'utf8');
      return `export default ${JSON.stringify({ hash: operationHash(document), document })};`;
    },
  };
}

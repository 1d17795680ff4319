import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * A Vite plugin for imports such as `./file.ext?suffix`: the file is read at build time and turned
 * into a module's source by `transform` (which never ships to browsers itself).
 */
export function queryImportPlugin(name: string, extension: string, suffix: string, transform: (text: string) => string): Plugin {
  return {
    name,
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(`${extension}${suffix}`)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${suffix}` : null;
    },
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      return transform(readFileSync(file, 'utf8'));
    },
  };
}

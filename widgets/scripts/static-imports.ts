// The chunks a built module loads through static `import`/`export … from` statements, minified or not;
// dynamic `import("…")` (the map's province shapes) is left out: it loads on demand.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const staticImport = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*(?:as\s+[\w$]+)?)?\s*(?:from)?\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Paths (relative to `dist`) of every file `file` loads through static imports, followed through each chunk. */
export function staticImports(dist: string, file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(dist, file), 'utf8');
  for (const match of code.matchAll(staticImport)) {
    const imported = relative(dist, join(dist, file, '..', match[1] ?? ''));
    if (seen.has(imported)) continue;
    seen.add(imported);
    staticImports(dist, imported, seen);
  }
  return seen;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { cuts, type Cut } from './vega-cuts.ts';

const categoricalSchemes = [
  'schemeAccent',
  'schemeCategory10',
  'schemeDark2',
  'schemeObservable10',
  'schemePaired',
  'schemePastel1',
  'schemePastel2',
  'schemeSet1',
  'schemeSet2',
  'schemeSet3',
];
const schemesOnly = '\0pantau-categorical-schemes';

/** A scheme's colours as d3-scale-chromatic's module writes them: `var Set1 = colors("e41a1c…")`, exported `as schemeSet1`. */
function schemeColours(code: string, name: string): string[] {
  const local = new RegExp(`([\\w$]+) as ${name}\\b`).exec(code)?.[1];
  const hex = local ? new RegExp(`var ${local.replace(/\$/g, '\\$')} = colors\\("([0-9a-f]+)"\\)`).exec(code)?.[1] : undefined;
  if (!hex) throw new Error(`d3-scale-chromatic: ${name} not found`);
  return hex.match(/.{6}/g)?.map((colour) => `#${colour}`) ?? [];
}

const cutPrefix = '\0pantau-cut:';

/** `cut.module` as `cut.importer` gets it: the kept exports of `file`, and for every other export a function that throws when called. */
function cutModule(cut: Cut, file: string, names: readonly string[]): string {
  const from = JSON.stringify(file);
  const lines = names.map((name) => {
    if (cut.keep.includes(name)) return `export { ${name} } from ${from};`;
    const standIn = `/* @__PURE__ */ leftOut('${name === 'default' ? cut.module : name}')`;
    return name === 'default' ? `export default ${standIn};` : `export const ${name} = ${standIn};`;
  });
  const fail = `(name) => () => { throw new Error(name + ' is not in the Pantau widgets runtime'); }`;
  // A factory's stand-in returns a generator whose every setter returns it, so `arc().startAngle(…)` still loads.
  const factory = `(name) => () => { const shape = new Proxy(fail(name), { get: () => () => shape }); return shape; }`;
  return [`const fail = ${fail};`, `const leftOut = ${cut.factories ? factory : 'fail'};`, ...lines].join('\n');
}

/**
 * Trims Vega for the widgets' bundle. `vega-transforms/src/Filter.js` resolves to that module of
 * the installed package, which its `exports` map hides: each transform package's build is one
 * module that defines every transform through calls a bundler must keep, so importing the build
 * ships all of them and importing the source modules ships only those the specs use. The packages
 * that register what they import are cut the same way: each of `cuts` (vega-cuts.ts) hands its
 * importer the exports the specs use and stand-ins for the rest, and vega-scale gets the ten
 * categorical colour schemes it imports from d3-scale-chromatic, copied at build time, without the
 * module's colour ramps. `vega-runtime.test.ts` checks that no spec needs what is cut.
 */
export function vegaSourceModules(): Plugin {
  let chromaticFile: string | null = null;
  /** The real file of each cut module, by the cut's id. */
  const cutFiles = new Map<string, { cut: Cut; file: string }>();
  return {
    name: 'pantau-vega-source-modules',
    enforce: 'pre',
    async resolveId(source, importer) {
      const cut = cuts.find((c) => c.module === source && importer?.includes(c.importer));
      if (cut) {
        const real = await this.resolve(source, importer, { skipSelf: true });
        if (!real) return null;
        const id = `${cutPrefix}${cut.importer}:${real.id}`;
        cutFiles.set(id, { cut, file: real.id });
        return id;
      }
      if (source === 'd3-scale-chromatic' && importer?.includes('/vega-scale/')) {
        chromaticFile = (await this.resolve(source, importer, { skipSelf: true }))?.id ?? null;
        return schemesOnly;
      }
      const match = /^(vega-[a-z-]+)\/src\/(.+)$/.exec(source);
      if (!match) return null;
      const name = match[1] ?? '';
      const entry = await this.resolve(name, importer, { skipSelf: true });
      if (!entry) return null;
      // The entry is the package's build (`build/x.js`) or, rewritten by another plugin, its `index.js`.
      const root = entry.id.slice(0, entry.id.lastIndexOf(`/${name}/`) + name.length + 2);
      return join(root, 'src', match[2] ?? '');
    },
    async load(id) {
      const cut = cutFiles.get(id);
      if (cut) return cutModule(cut.cut, cut.file, (await this.load({ id: cut.file })).exports ?? []);
      if (id === schemesOnly) {
        if (!chromaticFile) return null;
        const code = readFileSync(chromaticFile, 'utf8');
        return categoricalSchemes.map((name) => `export const ${name} = ${JSON.stringify(schemeColours(code, name))};`).join('\n');
      }
      return null;
    },
  };
}

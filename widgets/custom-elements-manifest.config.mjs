// The custom-elements manifest (dist/custom-elements.json), generated from the elements' JSDoc: it
// drives the docs pages (scripts/build-docs.ts) and the README's element table.

/** Keeps each element's `@example` snippet, which the analyzer drops, for its docs page. */
function examples() {
  const found = new Map();
  return {
    name: 'pantau-examples',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text === 'example' && typeof tag.comment === 'string') found.set(node.name.text, tag.comment.trim());
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (found.has(declaration.name)) declaration.example = found.get(declaration.name);
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.d.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [examples()],
};

// The custom-elements manifest (dist/custom-elements.json), generated from the elements' JSDoc: it
// drives the docs pages (scripts/build-docs.ts) and the README's element table.

/**
 * Keeps each element's `@example` snippet, which the analyzer drops, for its docs page, and leaves out
 * what the analyzer takes for API but is not: reactive state (no attribute name of its own) and the
 * event name `emit(name, ...)` forwards.
 */
function pantauDocs() {
  const found = new Map();
  return {
    name: 'pantau-docs',
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
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((attribute) => /^[a-z-]+$/.test(attribute.name));
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.description);
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
  plugins: [pantauDocs()],
};

/**
 * What each element's documentation page and the README's element table say, read from the
 * custom-elements manifest (dist/custom-elements.json), which the analyzer generates from the
 * elements' JSDoc: attributes, events, CSS parts and custom properties, and an example.
 */
export interface WidgetDoc {
  tag: string;
  /** The element's own script in dist/, e.g. `pantau-metric-chart.js`. */
  file: string;
  summary: string;
  description: string;
  example: string;
  attributes: { name: string; values: string; defaultValue: string; meaning: string; shared: boolean }[];
  events: { name: string; meaning: string }[];
  cssParts: { name: string; meaning: string }[];
  cssProperties: { name: string; meaning: string }[];
}

/** Stands for the server's origin; the Pantau server replaces it with its own when it serves a page (server/src/http/docs-origin.ts). */
export const serverOrigin = 'https://YOUR-PANTAU-SERVER';

interface Described {
  name: string;
  description?: string;
}

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  example?: string;
  attributes?: (Described & { type?: { text: string }; default?: string; inheritedFrom?: { name: string } })[];
  events?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}

export interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const described = (items: Described[] = []) => items.filter((item) => item.description).map((item) => ({ name: item.name, meaning: item.description ?? '' }));

/** Every element in the manifest, sorted by tag. */
export function widgetDocs(manifest: Manifest): WidgetDoc[] {
  return manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration): declaration is Declaration & { tagName: string } => Boolean(declaration.customElement && declaration.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName))
    .map((declaration) => ({
      tag: declaration.tagName,
      file: `${declaration.tagName}.js`,
      summary: declaration.summary ?? '',
      description: (declaration.description ?? '').replace(/\s+/g, ' ').trim(),
      example: declaration.example ?? `<${declaration.tagName}></${declaration.tagName}>`,
      // Only real attributes: internal state has no lower-case attribute name.
      attributes: (declaration.attributes ?? [])
        .filter((attribute) => /^[a-z-]+$/.test(attribute.name) && attribute.description)
        .map((attribute) => ({
          name: attribute.name,
          values: attribute.type?.text ?? '',
          defaultValue: attribute.default ?? '',
          meaning: attribute.description ?? '',
          shared: Boolean(attribute.inheritedFrom),
        })),
      events: described(declaration.events),
      cssParts: described(declaration.cssParts),
      cssProperties: described(declaration.cssProperties),
    }));
}

/** The README's table of elements: tag, the attributes of its own, and what it shows. */
export function readmeElementTable(docs: readonly WidgetDoc[]): string {
  const rows = docs.map((doc) => {
    const own = doc.attributes.filter((a) => !a.shared).map((a) => `\`${a.name}\``);
    // The element as its example writes it, on the published figures only (the README promises no synthetic data).
    const element = doc.example.replace(/\s+include-synthetic(="[^"]*")?/g, '');
    return `| \`${element}\` | ${own.join(', ') || '–'} | ${doc.summary} |`;
  });
  return ['| element | its own attributes | shows |', '| --- | --- | --- |', ...rows].join('\n');
}

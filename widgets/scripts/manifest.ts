// The custom-elements manifest of the last build, and the element docs read from it.
import { readFileSync } from 'node:fs';
import { widgetDocs, type Manifest, type WidgetDoc } from '../src/docs/catalogue.ts';

export const manifestFile = new URL('../dist/custom-elements.json', import.meta.url);

export function builtWidgetDocs(): WidgetDoc[] {
  return widgetDocs(JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest);
}

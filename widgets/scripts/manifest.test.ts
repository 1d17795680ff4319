import { describe, expect, it } from 'vitest';
import { builtWidgetDocs } from './manifest.ts';
import { widgetEntries } from './widget-folders.ts';

// The test run builds the widgets first (test/support/build-widgets.ts), manifest included.
describe('the custom-elements manifest the docs are made from', () => {
  const docs = builtWidgetDocs();

  it('has one element per element folder, each with a summary, an example and its own script', () => {
    expect(docs.map((doc) => doc.tag)).toEqual(widgetEntries().map((entry) => entry.tag));
    for (const doc of docs) {
      expect(doc.summary, doc.tag).not.toBe('');
      expect(doc.example, doc.tag).toMatch(new RegExp(`^<${doc.tag}[ >]`));
      expect(doc.file).toBe(`${doc.tag}.js`);
    }
  });

  it('gives every element the shared attributes, events, parts and custom properties from the JSDoc', () => {
    for (const doc of docs) {
      expect(
        doc.attributes.filter((a) => a.shared).map((a) => a.name),
        doc.tag,
      ).toEqual(['endpoint', 'theme', 'include-synthetic', 'heading']);
      expect(
        doc.events.map((e) => e.name),
        doc.tag,
      ).toEqual(expect.arrayContaining(['pantau-load', 'pantau-error']));
      expect(
        doc.cssParts.map((p) => p.name),
        doc.tag,
      ).toEqual(expect.arrayContaining(['figure', 'title', 'badge', 'source']));
      expect(
        doc.cssProperties.map((p) => p.name),
        doc.tag,
      ).toContain('--pantau-accent');
    }
  });

  it('documents the charts’ render event and toolbar, and the tile’s own attributes and parts', () => {
    const chart = docs.find((doc) => doc.tag === 'pantau-metric-chart');
    expect(chart?.events.map((e) => e.name)).toContain('pantau-render');
    expect(chart?.cssParts.map((p) => p.name)).toContain('toolbar');
    const tile = docs.find((doc) => doc.tag === 'pantau-metric-tile');
    expect(tile?.attributes.filter((a) => !a.shared).map((a) => [a.name, a.defaultValue])).toEqual([
      ['metric', "''"],
      ['granularity', "'YEAR'"],
      ['region', 'null'],
      ['period', 'null'],
    ]);
    expect(tile?.cssParts.map((p) => p.name)).toEqual(expect.arrayContaining(['value', 'period', 'change']));
    expect(tile?.events.map((e) => e.name)).not.toContain('pantau-render');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Vega from 'vega';
import type { Config, Spec, View } from 'vega';
import type { Geography, Picture, SpecName } from './picture.ts';
import { vegaLocaleOf, type Language } from './words.ts';

/** The card colours of the widgets' light and dark themes (widgets/src/core/styles.ts). */
export const palettes = {
  light: { background: '#ffffff', text: '#1d2733', muted: '#56616e', grid: '#d5dbe1', accent: '#0b5cab', highlight: '#c2410c', surface: '#f3f5f8' },
  dark: { background: '#141b23', text: '#e8edf2', muted: '#a9b4c0', grid: '#34404d', accent: '#6cb4ff', highlight: '#ffa366', surface: '#1d2631' },
} as const;
export type Palette = (typeof palettes)[keyof typeof palettes];

/** The font the pictures name; resvg falls back to an installed sans-serif face. */
export const pictureFont = 'DejaVu Sans, Verdana, Arial, sans-serif';

function themeConfig(colors: Palette): Config {
  return {
    font: pictureFont,
    axis: { labelColor: colors.muted, titleColor: colors.text, gridColor: colors.grid, domainColor: colors.grid, tickColor: colors.grid, labelFontSize: 12 },
    legend: { labelColor: colors.text, titleColor: colors.text },
    title: { color: colors.text },
    range: { category: [colors.accent, colors.highlight, '#2a9d8f', '#e9c46a', '#8d6cab', '#e76f51', '#577590', '#90be6d'] },
    signals: [
      { name: 'accentColor', value: colors.accent },
      { name: 'highlightColor', value: colors.highlight },
      { name: 'mutedColor', value: colors.muted },
      { name: 'gridColor', value: colors.grid },
    ],
  } as Config;
}

/**
 * The compiled specs and map shapes the widgets build writes to `widgets/dist/specs/` (see
 * widgets/scripts/versioned-release.ts), read as files: the server never imports widget code.
 */
export function loadChartAssets(widgetsDir: string) {
  const specs = new Map<SpecName, Spec>();
  const regencies = new Map<string, Geography['provinces']>();
  const read = (path: string): unknown => JSON.parse(readFileSync(join(widgetsDir, 'specs', path), 'utf8'));
  let provinces: Geography['provinces'] | null = null;
  const geography: Geography = {
    get provinces() {
      provinces ??= read('geo/provinces.json') as Geography['provinces'];
      return provinces;
    },
    regenciesOf(province) {
      if (!/^\d{2}$/.test(province)) return [];
      if (!regencies.has(province)) {
        try {
          regencies.set(province, read(`geo/regencies-${province}.json`) as Geography['provinces']);
        } catch {
          // No file for that code: the province's own outline is drawn, as the element does.
          regencies.set(province, []);
        }
      }
      return regencies.get(province) ?? [];
    },
  };
  return {
    geography,
    spec(name: SpecName): Spec {
      let spec = specs.get(name);
      if (!spec) {
        spec = read(`${name}.vg.json`) as Spec;
        specs.set(name, spec);
      }
      return spec;
    },
  };
}

export type ChartAssets = ReturnType<typeof loadChartAssets>;

/** Vega takes a second to load: the server loads it with the first snapshot, not at start. */
let vega: Promise<typeof Vega> | null = null;

/** The picture's chart as an SVG document of `width` pixels, drawn by Vega in Node (no DOM, no canvas). */
export async function chartSvg(
  assets: ChartAssets,
  chart: NonNullable<Picture['chart']>,
  width: number,
  language: Language,
  colors: Palette,
): Promise<{ svg: string; width: number; height: number }> {
  vega ??= import('vega');
  const { parse, View: VegaView } = await vega;
  const view: View = new VegaView(parse(assets.spec(chart.spec), themeConfig(colors)), {
    renderer: 'none',
    // Vega takes d3 locale definitions here (its typings claim formatter objects).
    locale: vegaLocaleOf(language),
  } as unknown as ConstructorParameters<typeof VegaView>[1]);
  try {
    view.background('transparent');
    for (const [name, values] of Object.entries(chart.datasets)) view.data(name, values as object[]);
    view.width(width);
    if (chart.height !== undefined) view.height(chart.height);
    await view.runAsync();
    const svg = await view.toSVG();
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: Number(size?.[1] ?? width), height: Number(size?.[2] ?? chart.height ?? 260) };
  } finally {
    view.finalize();
  }
}

import type { Config, Spec, View } from 'vega';
import { parse, View as VegaView } from './vega-runtime.ts';
import { expressionInterpreter } from 'vega-interpreter';
import { vegaLocales, type Language } from './i18n.ts';

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  highlight: string;
  background: string;
  font: string;
}

/** The widget's colours as Vega config (exported for the runtime's test, which parses every spec with it). */
export function themeConfig(colors: ChartColors): Config {
  return {
    font: colors.font,
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

export interface ChartOptions {
  spec: Spec;
  datasets: Record<string, readonly object[]>;
  width: number;
  height?: number;
  language: Language;
  colors: ChartColors;
  tooltip: (handler: unknown, event: MouseEvent | undefined, item: unknown, value: unknown) => void;
  description: string;
}

/**
 * A Vega view drawn as SVG without eval: expressions are parsed to ASTs and run by vega-interpreter,
 * so the widgets work under `script-src 'self'`. Numbers and dates follow the widget's language.
 */
export async function renderChart(container: HTMLElement, options: ChartOptions): Promise<View> {
  const runtime = parse(options.spec, themeConfig(options.colors), { ast: true });
  const view = new VegaView(runtime, {
    renderer: 'svg',
    container,
    hover: true,
    expr: expressionInterpreter,
    // Vega takes d3 locale definitions here (its typings claim formatter objects).
    locale: vegaLocales[options.language],
    tooltip: options.tooltip,
  } as unknown as ConstructorParameters<typeof VegaView>[1]);
  // Vega-Lite bakes a white background into compiled specs; the widget's card colour shows through instead.
  view.background('transparent');
  for (const [name, values] of Object.entries(options.datasets)) view.data(name, values as object[]);
  view.width(options.width);
  if (options.height !== undefined) view.height(options.height);
  view.description(options.description);
  await view.runAsync();
  return view;
}

/** Height of one row in the bar charts of `specs/bars.vl.json`, which take their height from the widget. */
export const BAR_ROW_PX = 24;

/** The colours in force on `element` (its `--_*` properties, set from the theme and the `--pantau-*` ones). */
export function readChartColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return {
    text: read('--_fg'),
    muted: read('--_muted'),
    grid: read('--_border'),
    accent: read('--_accent'),
    highlight: read('--_highlight'),
    background: read('--_bg'),
    font: style.fontFamily,
  };
}

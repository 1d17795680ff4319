/** What each widget's documentation page says: attributes, events, CSS properties and a snippet. */
export interface WidgetDoc {
  tag: string;
  file: string;
  summary: string;
  attributes: { name: string; values: string; meaning: string }[];
  example: string;
}

/** Stands for the server's origin; the Pantau server replaces it with its own when it serves a page (server/src/http/docs-origin.ts). */
export const serverOrigin = 'https://YOUR-PANTAU-SERVER';

export const sharedAttributes: WidgetDoc['attributes'] = [
  { name: 'lang', values: '`id` (default) or `en`', meaning: 'Language of labels, numbers (`20.000` / `20,000`) and dates. Without it the widget follows the nearest `lang` attribute, then the page’s.' },
  { name: 'theme', values: '`auto` (default), `light`, `dark`', meaning: '`auto` follows the host page (a `dark` class, `data-theme` or `data-bs-theme` on `html` or `body`, then `color-scheme`), then the reader’s system setting, live.' },
  { name: 'endpoint', values: 'URL', meaning: 'GraphQL endpoint. Default: `/graphql` on the server the script was loaded from.' },
  { name: 'include-synthetic', values: 'boolean attribute', meaning: 'Also show synthetic demo data; a “Data sintetis” badge then says so.' },
  { name: 'heading', values: 'text', meaning: 'Replaces the default title.' },
];

export const events = [
  { name: 'pantau-load', detail: '`{ rows }`', meaning: 'Data arrived; `rows` are the rows of the data table.' },
  { name: 'pantau-render', detail: 'none', meaning: 'The chart was drawn.' },
  { name: 'pantau-error', detail: '`{ message }`', meaning: 'Loading failed; the widget shows its error state with a retry button.' },
];

export const cssProperties = [
  { name: '--pantau-font-family', meaning: 'Font of text and chart labels (default: the system UI font).' },
  { name: '--pantau-font-size', meaning: 'Base font size (default 14px).' },
  { name: '--pantau-background', meaning: 'Card background.' },
  { name: '--pantau-surface', meaning: 'Background of tiles and buttons.' },
  { name: '--pantau-text', meaning: 'Main text colour.' },
  { name: '--pantau-muted', meaning: 'Secondary text and axis labels.' },
  { name: '--pantau-border', meaning: 'Borders and grid lines.' },
  { name: '--pantau-accent', meaning: 'Bars, points, links and focus rings.' },
  { name: '--pantau-highlight', meaning: 'Priority regions, lower bounds and the synthetic-data badge.' },
  { name: '--pantau-radius', meaning: 'Corner radius of the card.' },
];

export const widgetDocs: WidgetDoc[] = [
  {
    tag: 'pantau-campaign-totals',
    file: 'pantau-campaign-totals.js',
    summary: 'A campaign’s headline figures as tiles (a lower bound reads “lebih dari 500”) and one metric split by office or region as bars.',
    attributes: [
      { name: 'campaign', values: 'slug, e.g. `hbi-76-2026`', meaning: 'Required. The campaign (the `campaigns` GraphQL query lists the slugs).' },
      { name: 'group-by', values: '`office` (default) or `region`', meaning: 'How the bar chart splits the figure.' },
      { name: 'metric', values: 'metric key, e.g. `coconut_seedlings`', meaning: 'The metric in the chart; default: the one with the most parts. Readers can switch it.' },
    ],
    example: '<pantau-campaign-totals campaign="hbi-76-2026"></pantau-campaign-totals>',
  },
  {
    tag: 'pantau-metric-chart',
    file: 'pantau-metric-chart.js',
    summary: 'Any metric over time, split by place, office, program, campaign or a dimension such as passport type, as bars or lines.',
    attributes: [
      { name: 'metric', values: 'metric key, e.g. `passports_issued`', meaning: 'Required.' },
      { name: 'group-by', values: 'comma-separated: `province`, `regency`, `office`, `program`, `campaign` or a dimension key', meaning: 'One series per combination.' },
      { name: 'granularity', values: '`DAY`, `MONTH`, `QUARTER`, `YEAR` (default)', meaning: 'Width of the periods.' },
      { name: 'region', values: 'Kemendagri code, e.g. `53`', meaning: 'Only figures for this region and what lies inside it.' },
      { name: 'from', values: 'ISO date', meaning: 'Only periods ending on or after this day.' },
      { name: 'to', values: 'ISO date', meaning: 'Only periods starting on or before this day.' },
      { name: 'type', values: '`bar` (default) or `line`', meaning: 'Chart type.' },
    ],
    example: '<pantau-metric-chart metric="passports_issued" group-by="passport_type" granularity="YEAR" region="53"></pantau-metric-chart>',
  },
  {
    tag: 'pantau-tppo-coverage',
    file: 'pantau-tppo-coverage.js',
    summary: 'Desa Binaan and Pimpasa coverage per province, or per regency of one province, sorted, TPPO-prevention priorities marked, with the ratios’ definitions one click away and the national figures the ministry reported.',
    attributes: [{ name: 'province', values: 'two-digit code, e.g. `53`', meaning: 'Show that province’s regencies instead of all provinces.' }],
    example: '<pantau-tppo-coverage include-synthetic></pantau-tppo-coverage>',
  },
  {
    tag: 'pantau-desa-binaan-map',
    file: 'pantau-desa-binaan-map.js',
    summary: 'Map of the 38 provinces of Indonesia (wilayah_boundaries by Cahya DSN, MIT License; bundled: no tiles, no third-party requests) with the Desa Binaan Imigrasi as points and TPPO-prevention priority provinces highlighted.',
    attributes: [{ name: 'province', values: 'two-digit code, e.g. `53`', meaning: 'Zoom to one province, drawn with its regencies (loaded on demand).' }],
    example: '<pantau-desa-binaan-map include-synthetic province="53"></pantau-desa-binaan-map>',
  },
];

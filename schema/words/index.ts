// The words both the widgets and the server's pictures show: one table, so a label reads the same
// in a widget and in its snapshot. Plain data and Intl only, no DOM and no Node, so either side may import it.
export { type Language, locales } from './language.ts';
export { formatDate, formatNumber, formatPercent, formatPeriod } from './format.ts';
export { vegaLocales } from './vega-locales.ts';
export { labels, t, type LabelKey } from './labels.ts';
export { escapeXml, wrapText } from './svg-text.ts';
export { lookupIn, type LabelTable } from './label-table.ts';

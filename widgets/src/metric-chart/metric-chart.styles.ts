import { widgetStyles } from '../core/styles.ts';

/** The shared card, axis and table styles; the chart itself is drawn by Vega. */
export const metricChartStyles = [widgetStyles];

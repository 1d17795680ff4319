import { kpiStyles, widgetStyles } from '../core/styles.ts';

/** The card, the headline tiles and the metric picker. */
export const campaignTotalsStyles = [widgetStyles, kpiStyles];

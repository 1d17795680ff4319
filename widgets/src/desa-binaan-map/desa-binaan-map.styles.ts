import { kpiStyles, widgetStyles } from '../core/styles.ts';

/** The card, the reported figures and the legend of points and priority provinces. */
export const desaBinaanMapStyles = [widgetStyles, kpiStyles];

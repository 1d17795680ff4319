import { kpiStyles, widgetStyles } from '../core/styles.ts';

/** The card, the national tiles, the priority legend and the definitions. */
export const tppoCoverageStyles = [widgetStyles, kpiStyles];

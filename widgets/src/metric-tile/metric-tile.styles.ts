import { css } from 'lit';
import { widgetStyles } from '../core/styles.ts';

/** The card with one large number, its unit, period and change line. */
export const metricTileStyles = [
  widgetStyles,
  css`
    .tile { margin: 12px 0 0; }
    .tile p { margin: 0; }
    .tile-value { font-size: 2.4em; font-weight: 700; line-height: 1.15; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
    .tile-qualifier { font-size: 0.45em; font-weight: 600; color: var(--_muted); }
    .tile-unit { display: block; font-size: 0.45em; font-weight: 600; line-height: 1.4; }
    .tile-period { color: var(--_muted); }
    .tile .tile-change { margin-top: 4px; font-weight: 600; }
    .tile-change[data-direction='up'] { color: var(--_accent); }
    .tile-change[data-direction='down'] { color: var(--_highlight); }
  `,
];

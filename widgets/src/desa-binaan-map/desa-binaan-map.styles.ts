import { css } from 'lit';
import { kpiStyles, widgetStyles } from '../core/styles.ts';

/** The legend's shades mix the accent into the card as the map's fill opacity does (`shade-<percent>`). */
const mapStyles = css`
  .legend .shades { flex-basis: 100%; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
  .legend .shades ul { display: contents; list-style: none; }
  .legend .shades li { display: inline-flex; align-items: center; }
  .legend-title { color: var(--_fg); font-weight: 600; }
  .swatch.shade-5 { background: color-mix(in srgb, var(--_accent) 5%, var(--_bg)); outline: 1px solid var(--_border); }
  .swatch.shade-30 { background: color-mix(in srgb, var(--_accent) 30%, var(--_bg)); }
  .swatch.shade-35 { background: color-mix(in srgb, var(--_accent) 35%, var(--_bg)); }
  .swatch.shade-45 { background: color-mix(in srgb, var(--_accent) 45%, var(--_bg)); }
  .swatch.shade-50 { background: color-mix(in srgb, var(--_accent) 50%, var(--_bg)); }
  .swatch.shade-60 { background: color-mix(in srgb, var(--_accent) 60%, var(--_bg)); }
  .swatch.shade-70 { background: color-mix(in srgb, var(--_accent) 70%, var(--_bg)); }
  .swatch.shade-90 { background: color-mix(in srgb, var(--_accent) 90%, var(--_bg)); }
  .swatch.shade-none { background: color-mix(in srgb, var(--_muted) 25%, var(--_bg)); outline: 1px dashed var(--_muted); }
  .swatch.outline { background: transparent; outline: 2px solid var(--_highlight); outline-offset: -2px; }
  .swatch.point.shared { width: 14px; height: 14px; }
  .map-credit { margin: 4px 0 0; color: var(--_muted); font-size: 0.75em; }
  .map-actions { margin-top: 6px; }
  .map-target { position: absolute; z-index: 1; padding: 0; margin: 0; border: 0; background: transparent; pointer-events: none; border-radius: 4px; }
  .map-target:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
`;

/** The card, the reported figures, the legend of shades, points and priority provinces, and the keyboard targets. */
export const desaBinaanMapStyles = [widgetStyles, kpiStyles, mapStyles];

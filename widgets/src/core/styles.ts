import { css } from 'lit';

/**
 * Shared look of every widget. Lit adopts these as constructed stylesheets, which a strict
 * `style-src 'self'` allows. Hosts theme widgets through the documented custom properties.
 */
/** The dark palette, for a widget whose theme resolves to dark (`host-theme.ts`). */
const darkColours = css`
  --_bg: var(--pantau-background, #141b23);
  --_fg: var(--pantau-text, #e8edf2);
  --_muted: var(--pantau-muted, #a9b4c0);
  --_border: var(--pantau-border, #34404d);
  --_accent: var(--pantau-accent, #6cb4ff);
  --_highlight: var(--pantau-highlight, #ffa366);
  --_surface: var(--pantau-surface, #1d2631);
`;

export const widgetStyles = css`
  :host {
    --_bg: var(--pantau-background, #ffffff);
    --_fg: var(--pantau-text, #1d2733);
    --_muted: var(--pantau-muted, #56616e);
    --_border: var(--pantau-border, #d5dbe1);
    --_accent: var(--pantau-accent, #0b5cab);
    --_highlight: var(--pantau-highlight, #c2410c);
    --_surface: var(--pantau-surface, #f3f5f8);
    --_radius: var(--pantau-radius, 8px);
    display: block;
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    color: var(--_fg);
    font-family: var(--pantau-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--pantau-font-size, 14px);
    line-height: 1.45;
    contain: layout;
  }
  :host([data-pantau-theme='dark']) {
    color-scheme: dark;
    ${darkColours}
  }
  :host([hidden]) { display: none; }
  /* Until the figures are drawn, the snapshot shows and the card is laid out under it, unseen (snapshot-controller.ts). */
  :host([data-snapshot]) { position: relative; }
  :host([data-snapshot]) figure { position: absolute; inset: 0 0 auto 0; visibility: hidden; }
  :host(:not([data-snapshot])) slot[name='snapshot'] { display: none; }
  * { box-sizing: border-box; }
  figure { position: relative; margin: 0; padding: 16px; background: var(--_bg); border: 1px solid var(--_border); border-radius: var(--_radius); overflow: hidden; }
  header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; justify-content: space-between; }
  h2 { margin: 0; font-size: 1.15em; line-height: 1.3; overflow-wrap: anywhere; }
  .subtitle { margin: 2px 0 0; color: var(--_muted); font-size: 0.9em; overflow-wrap: anywhere; }
  .summary { margin: 6px 0 0; overflow-wrap: anywhere; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; background: var(--_highlight); color: var(--_bg); font-size: 0.8em; font-weight: 600; white-space: nowrap; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 6px; margin: 12px 0; }
  button, .button { font: inherit; font-size: 0.85em; color: var(--_fg); background: var(--_surface); border: 1px solid var(--_border); border-radius: 6px; padding: 4px 10px; cursor: pointer; }
  button:hover { border-color: var(--_accent); }
  button:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
  button[aria-pressed='true'] { background: var(--_accent); color: var(--_bg); border-color: var(--_accent); }
  .chart { position: relative; width: 100%; overflow-x: auto; }
  /* Room for the chart while it is drawn, no blank band under a short one once it is. */
  .chart:empty { min-height: 120px; }
  .chart svg { display: block; max-width: none; }
  .state { padding: 24px 8px; text-align: center; color: var(--_muted); }
  .state.error { color: var(--_highlight); }
  .state button { margin-top: 8px; }
  .table-wrap { width: 100%; overflow-x: auto; }
  table { width: 100%; border-collapse: collapse; font-size: 0.9em; }
  caption { text-align: start; color: var(--_muted); padding-bottom: 4px; }
  th, td { padding: 4px 8px; border-bottom: 1px solid var(--_border); text-align: start; vertical-align: top; overflow-wrap: anywhere; }
  td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
  figcaption { margin-top: 12px; color: var(--_muted); font-size: 0.85em; overflow-wrap: anywhere; }
  figcaption a { color: var(--_accent); }
  .synthetic-note { margin: 4px 0 0; }
  .tooltip { position: absolute; z-index: 2; max-width: min(280px, 90%); padding: 6px 8px; background: var(--_fg); color: var(--_bg); border-radius: 6px; font-size: 0.85em; pointer-events: none; overflow-wrap: anywhere; }
  .tooltip-key { opacity: 0.8; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** Headline tiles, legends and definitions, for the elements that show them. */
export const kpiStyles = css`
  .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; margin: 12px 0; }
  .kpi { padding: 10px 12px; background: var(--_surface); border-radius: 6px; min-width: 0; }
  .kpi-value { font-size: 1.6em; font-weight: 700; line-height: 1.2; overflow-wrap: anywhere; }
  .kpi-label { color: var(--_muted); font-size: 0.85em; overflow-wrap: anywhere; }
  .kpi-qualifier { font-size: 0.6em; font-weight: 600; color: var(--_muted); }
  details { margin: 8px 0; }
  summary { cursor: pointer; color: var(--_accent); }
  .legend { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 6px; color: var(--_muted); font-size: 0.85em; }
  .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-inline-end: 4px; background: var(--_highlight); vertical-align: middle; }
  .swatch.point { border-radius: 50%; background: var(--_accent); }
`;

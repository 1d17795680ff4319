/** `detail` of `pantau-load`: the rows of the widget's data table, as the API gave them. */
export interface PantauLoadDetail {
  rows: readonly unknown[];
}

/** `detail` of `pantau-error`: why loading failed, as the error state shows it. */
export interface PantauErrorDetail {
  message: string;
}

/** Every event a Pantau element fires, by name. */
export interface PantauEventMap {
  'pantau-load': CustomEvent<PantauLoadDetail>;
  'pantau-error': CustomEvent<PantauErrorDetail>;
  'pantau-render': CustomEvent<null>;
}

declare global {
  // Typed listeners: `widget.addEventListener('pantau-load', (event) => event.detail.rows)`.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PantauEventMap {}
}

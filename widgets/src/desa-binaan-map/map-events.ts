/** `detail` of `pantau-zoom`: the province the map zoomed to (Kemendagri code), or null for the national map. */
export interface PantauZoomDetail {
  province: string | null;
}

declare global {
  // Typed listeners: `map.addEventListener('pantau-zoom', (event) => event.detail.province)`.
  interface GlobalEventHandlersEventMap {
    'pantau-zoom': CustomEvent<PantauZoomDetail>;
  }
}

export {};

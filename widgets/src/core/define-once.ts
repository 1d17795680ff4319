/** Registers a custom element once, so two script tags for the same widgets do not throw. */
export function defineOnce(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}

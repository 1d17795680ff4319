/**
 * Vega tooltip handler of our own: vega-tooltip's default one injects an inline <style> that a strict
 * `style-src` blocks. Text goes in through textContent, so names from the data can never become markup.
 */
export function createTooltip(host: HTMLElement, layer: HTMLElement) {
  const box = document.createElement('div');
  box.className = 'tooltip';
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  layer.append(box);

  function handler(_handler: unknown, event: MouseEvent | undefined, _item: unknown, value: unknown): void {
    if (value === null || value === undefined || value === '' || !event) {
      box.hidden = true;
      return;
    }
    const entries = typeof value === 'object' ? Object.entries(value as Record<string, unknown>) : [['', value] as const];
    box.replaceChildren(
      ...entries.map(([key, text]) => {
        const line = document.createElement('div');
        if (key) {
          const name = document.createElement('span');
          name.className = 'tooltip-key';
          name.textContent = `${key}: `;
          line.append(name);
        }
        line.append(document.createTextNode(String(text)));
        return line;
      }),
    );
    box.hidden = false;
    const bounds = host.getBoundingClientRect();
    const x = Math.min(event.clientX - bounds.left + 12, Math.max(0, bounds.width - box.offsetWidth - 4));
    // CSSOM writes, not style attributes: allowed under a strict style-src.
    box.style.left = `${Math.max(0, x)}px`;
    box.style.top = `${event.clientY - bounds.top + 12}px`;
  }

  return { handler, hide: () => (box.hidden = true), remove: () => box.remove() };
}

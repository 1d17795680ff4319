import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type ThemeSetting = 'light' | 'dark' | 'auto';
export type Theme = 'light' | 'dark';

const systemDark = () => matchMedia('(prefers-color-scheme: dark)');

/** What a host page's element says about its theme: `dark`/`light`, or nothing. */
function themeOf(element: Element | null): Theme | null {
  if (!element) return null;
  for (const attribute of ['data-theme', 'data-bs-theme', 'data-color-scheme']) {
    const value = element.getAttribute(attribute)?.toLowerCase();
    if (value === 'dark' || value === 'light') return value;
  }
  if (element.classList.contains('dark') || element.classList.contains('dark-mode') || element.classList.contains('theme-dark')) return 'dark';
  if (element.classList.contains('light') || element.classList.contains('light-mode') || element.classList.contains('theme-light')) return 'light';
  return null;
}

/**
 * The theme `auto` resolves to for a widget: what the host page says (a `dark` class or a
 * `data-theme` / `data-bs-theme` on `body` or `html`, then the `color-scheme` of its parent),
 * else the reader's system setting.
 */
export function resolveTheme(widget: HTMLElement, setting: ThemeSetting): Theme {
  if (setting === 'light' || setting === 'dark') return setting;
  const declared = themeOf(document.body) ?? themeOf(document.documentElement);
  if (declared) return declared;
  // The parent's, because the widget sets its own `color-scheme` from the theme it resolves to.
  const scheme = getComputedStyle(widget.parentElement ?? document.documentElement).colorScheme.split(/\s+/);
  if (scheme.includes('dark') && !scheme.includes('light')) return 'dark';
  if (scheme.includes('light') && !scheme.includes('dark')) return 'light';
  return systemDark().matches ? 'dark' : 'light';
}

/**
 * Asks the host element to update whenever the page may have changed its look: the system's dark
 * setting, or a class, style or theme attribute on `html`, `body` or the widget itself (which is
 * also how hosts change the `--pantau-*` custom properties).
 */
export class HostThemeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;
  readonly #onSystemChange = () => this.#host.requestUpdate();
  #query: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => this.#host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    const attributeFilter = ['class', 'style', 'data-theme', 'data-bs-theme', 'data-color-scheme'];
    for (const element of [document.documentElement, document.body, this.#host]) if (element) this.#observer.observe(element, { attributes: true, attributeFilter });
    this.#query = systemDark();
    this.#query.addEventListener('change', this.#onSystemChange);
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
    this.#query?.removeEventListener('change', this.#onSystemChange);
    this.#query = null;
  }
}

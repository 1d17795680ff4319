import { MutationController } from '@lit-labs/observers/mutation-controller.js';
import type { ReactiveControllerHost } from 'lit';
import { languageOf, type Language } from './i18n.ts';

/**
 * The widget's language, kept current: its own `lang` attribute and the page's (`<html lang>`), each
 * watched by a MutationController that asks the host to update when it changes.
 */
export class LanguageController {
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    const config = { attributes: true, attributeFilter: ['lang'] };
    new MutationController(host, { config });
    new MutationController(host, { target: document.documentElement, config });
  }

  get value(): Language {
    return languageOf(this.#host);
  }
}

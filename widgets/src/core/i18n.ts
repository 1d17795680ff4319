// The labels, Vega locales and formatters live in @pantau/schema/words, which the server's pictures
// import too; only what needs the DOM stays here.
import type { Language } from '@pantau/schema/words';

export { formatDate, formatNumber, formatPercent, formatPeriod, labels, t, vegaLocales, type LabelKey, type Language } from '@pantau/schema/words';

/** The widget's own `lang`, else the nearest ancestor's, else the page's; anything not English is Indonesian. */
export function languageOf(element: Element): Language {
  const lang = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return lang.toLowerCase().startsWith('en') ? 'en' : 'id';
}

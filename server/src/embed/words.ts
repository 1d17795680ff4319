// The words a snapshot draws. The widgets' labels, Vega locales and formatters come from
// @pantau/schema/words, which the widgets import too; here only the words no element shows
// (filters in words, comparisons), which win over a widget label of the same id.
import { labels, vegaLocales, type LabelKey as WidgetLabelKey, type LabelTable, type Language } from '@pantau/schema/words';

export { formatDate, formatNumber, formatPercent, formatPeriod, type Language } from '@pantau/schema/words';

/** Words of the pictures that no element shows. */
const serverLabels = {
  granularity: { id: 'Periode', en: 'Periods' },
  groupedBy: { id: 'Dirinci menurut', en: 'Split by' },
  from: { id: 'Sejak', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  comparedWith: { id: 'dibanding', en: 'compared with' },
  sameAs: { id: 'sama dengan', en: 'same as' },
} as const satisfies LabelTable;

export type LabelKey = keyof typeof serverLabels | WidgetLabelKey;

/** d3 number and time locales for Vega, as the widgets use them, so axes read `20.000` in Indonesian. */
export const vegaLocaleOf = (language: Language) => vegaLocales[language];

export function t(key: LabelKey, language: Language): string {
  return key in serverLabels ? serverLabels[key as keyof typeof serverLabels][language] : labels[key as WidgetLabelKey][language];
}

/** A label fetched in both languages at once (`nameId`, `nameEn`). */
export interface Bilingual {
  nameId: string;
  nameEn: string;
}

export const nameIn = (value: Bilingual, language: Language) => (language === 'en' ? value.nameEn : value.nameId);

import { formatDate, t, type Language } from './i18n.ts';

/** Group keys of `metricSeries` in words; a dimension key is shown with its underscores as spaces. */
const groupWords: Record<string, Record<Language, string>> = {
  province: { id: 'provinsi', en: 'province' },
  regency: { id: 'kabupaten/kota', en: 'regency/city' },
  office: { id: 'kantor', en: 'office' },
  program: { id: 'program', en: 'programme' },
  campaign: { id: 'kampanye', en: 'campaign' },
  passport_type: { id: 'jenis paspor', en: 'passport type' },
};

export const groupName = (key: string, language: Language) => groupWords[key]?.[language] ?? key.replaceAll('_', ' ');

/** `sejak 1 Jan 2024` / `from 1 Jan 2024`, `sampai …`, for the dates a chart is limited to. */
export function rangeWords(from: string | null, to: string | null, language: Language): string[] {
  return [from && `${t('from', language)} ${formatDate(from, language)}`, to && `${t('to', language)} ${formatDate(to, language)}`].filter((part): part is string => Boolean(part));
}

/** The filters line under a chart's title: parts joined by ` · `, synthetic data named when it is included. */
export function filterLine(parts: readonly (string | false | null | undefined)[], includeSynthetic: boolean, language: Language): string {
  return [...parts, includeSynthetic && t('withSynthetic', language)].filter((part): part is string => Boolean(part)).join(' · ');
}

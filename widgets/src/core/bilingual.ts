import type { Language } from './i18n.ts';

/** A label fetched in both languages at once (`nameId: name(lang: ID) nameEn: name(lang: EN)`), so switching language needs no new request. */
export interface Bilingual {
  nameId: string;
  nameEn: string;
}

export function nameIn(value: Bilingual, language: Language): string {
  return language === 'en' ? value.nameEn : value.nameId;
}

/** Distinct sources by key, in first-seen order. */
export function uniqueSources<S extends { key: string }>(lists: readonly (readonly S[])[]): S[] {
  const byKey = new Map<string, S>();
  for (const list of lists) for (const source of list) if (!byKey.has(source.key)) byKey.set(source.key, source);
  return [...byKey.values()];
}

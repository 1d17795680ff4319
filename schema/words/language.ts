/** The two languages every label exists in; `id` (Bahasa Indonesia) is the default. */
export type Language = 'id' | 'en';

/** The Intl locale each language formats with. */
export const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

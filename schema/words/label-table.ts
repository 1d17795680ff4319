import type { Language } from './language.ts';

/** Words in both languages, by key. */
export type LabelTable = Record<string, Record<Language, string>>;

/** The function that reads a key of `table` in a language. */
export const lookupIn =
  <Table extends LabelTable>(table: Table) =>
  (key: keyof Table, language: Language): string =>
    (table[key] as Record<Language, string>)[language];

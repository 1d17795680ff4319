import { formatDate, type Language } from './i18n.ts';
import type { SourceRef } from './widget-data.ts';

/**
 * Each source's label in the source line: `ANTARA, 20 Jan 2026`; when two articles would read the
 * same (one publisher, one day), each is named by its title too, so the line names every article once.
 */
export function sourceLabels(sources: readonly SourceRef[], language: Language): string[] {
  const short = sources.map((s) => `${s.publisher}${s.publishedOn ? `, ${formatDate(s.publishedOn, language)}` : ''}`);
  return short.map((label, index) => (short.indexOf(label) !== short.lastIndexOf(label) ? `${label}: “${sources[index]?.title ?? ''}”` : label));
}

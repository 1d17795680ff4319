import { formatDate, type Language } from './i18n.ts';
import type { SourceRef } from './widget-data.ts';

/**
 * The sources the source line names, each with its label: `ANTARA, 20 Jan 2026`; when two articles
 * would read the same (one publisher, one day), each is named by its title too; records of one
 * article (same publisher, day and title) are named once, so the line names every article once.
 */
export function sourceLabels(sources: readonly SourceRef[], language: Language): { source: SourceRef; label: string }[] {
  const short = sources.map((s) => `${s.publisher}${s.publishedOn ? `, ${formatDate(s.publishedOn, language)}` : ''}`);
  const labels = sources.map((source, index) => {
    const label = short[index] ?? '';
    const titles = new Set(sources.filter((_, other) => short[other] === label).map((s) => s.title));
    return { source, label: titles.size > 1 ? `${label}: “${source.title}”` : label };
  });
  return labels.filter((entry, index) => labels.findIndex((other) => other.label === entry.label) === index);
}

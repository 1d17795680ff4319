import { toCsv, type Column } from './csv.ts';
import { t, type Language } from './i18n.ts';

export interface DownloadNaming {
  /** The element's tag, e.g. `pantau-metric-chart`. */
  tag: string;
  /** What the download holds besides the tag: metric, region, granularity, campaign… (empty ones are left out). */
  parts: readonly (string | null | undefined)[];
  /** The day it was drawn, ISO (`2026-12-02`). */
  date: string;
  synthetic: boolean;
  language: Language;
}

/**
 * `pantau-metric-chart_passports_issued_53_YEAR_2026-12-02.csv`, with `-sintetis` / `-synthetic` before
 * the extension when synthetic data is in it, so the file name alone says what the file holds.
 */
export function downloadName({ tag, parts, date, synthetic, language }: DownloadNaming, extension: string): string {
  const slug = (text: string) => text.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  const named = [tag, ...parts.filter((part): part is string => Boolean(part)), date].map(slug).filter(Boolean);
  return `${named.join('_')}${synthetic ? `-${t('syntheticFile', language)}` : ''}.${extension}`;
}

/** The text values of a request's variables, one level into objects and lists (a filter's region code). */
export function variableParts(variables: Record<string, unknown>): string[] {
  const texts = (value: unknown): string[] => (typeof value === 'string' ? [value] : []);
  return Object.values(variables).flatMap((value) =>
    typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value as Record<string, unknown>).flatMap(texts) : [],
  );
}

/** Saves `href` as `name` through a link clicked inside the widget's shadow root. */
export function saveAs(root: HTMLElement | ShadowRoot, name: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  root.append(link);
  link.click();
  link.remove();
}

/** Saves `text` as a file of `type` under `name`. */
export function saveText(root: HTMLElement | ShadowRoot, name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  saveAs(root, name, url);
  // The download has started by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the rows as CSV (raw values, not the formatted ones). */
export function saveCsv<Row>(root: HTMLElement | ShadowRoot, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  saveText(root, name, toCsv(columns, rows), 'text/csv;charset=utf-8');
}

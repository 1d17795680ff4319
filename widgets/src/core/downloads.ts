import { toCsv, type Column } from './csv.ts';

/** `pantau-metric-chart-passports_issued-YEAR.csv`: the tag and the request's text variables, safe as a file name. */
export function downloadName(tag: string, variables: Record<string, unknown>, extension: string): string {
  const id = Object.values(variables)
    .filter((v) => typeof v === 'string')
    .join('-');
  return `${tag}${id ? `-${id}` : ''}.${extension}`.replace(/[^\w.-]+/g, '_');
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

/** Saves the table's rows as CSV (raw values, not the formatted ones). */
export function saveCsv<Row>(root: HTMLElement | ShadowRoot, name: string, columns: readonly Column<Row>[], rows: readonly Row[]): void {
  const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }));
  saveAs(root, name, url);
  // The download has started by then; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

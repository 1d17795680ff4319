import type { Spec } from 'vega';
import type { RowFacts } from './csv-facts.ts';
import type { Column } from './csv.ts';
import type { Language } from './i18n.ts';

/** A source as the API returns it under `sources { ... }`. */
export interface SourceRef {
  key: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  kind: string;
}

/** What a widget shows, derived from its API answer in the current language. */
export interface WidgetData<Row> {
  rows: Row[];
  columns: Column<Row>[];
  sources: SourceRef[];
  synthetic: boolean;
  /** A subtitle line under the title (e.g. the campaign's dates). */
  subtitle?: string;
  /** Caption of the data table. */
  caption: string;
}

/** A chart as a pure spec function gives it: the compiled Vega spec, its datasets and what it shows. */
export interface ChartRequest {
  spec: Spec;
  datasets: Record<string, readonly object[]>;
  height?: number;
  /** Short text for screen readers: what the chart shows. */
  description: string;
}

/** What every spec function is told besides its rows. */
export interface SpecOptions {
  language: Language;
  /** Width of the chart in pixels. */
  width: number;
}

/** What a chart widget says in words about what it shows. */
export interface ChartWords<Row> {
  /** The active filters (region, period, programme…), shown under the title and in downloads. */
  filters: string;
  /** One sentence from the rows: shown under the title, the chart's accessible description, in downloads. */
  summary: string;
  /** Unit, lower-bound flag, synthetic flag and sources of a row, added to every CSV row. */
  facts: ((row: Row) => RowFacts) | null;
}

import type { Attributes, AttributeRules } from './widget-attributes.ts';
import type { Language } from './words.ts';

/** A source as the API returns it under `sources { ... }`. */
export interface SourceRef {
  key: string;
  publisher: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  kind: string;
}

/** The compiled chart specs the widgets build writes to `widgets/dist/specs/`. */
export type SpecName = 'bars' | 'series-bars' | 'series-line' | 'village-map';

/** Height of one bar in `bars`, as the widgets draw it (widgets/src/core/vega-view.ts). */
export const BAR_ROW_PX = 24;

/** What a snapshot draws: the element's title, figures, chart, sources and badge, in one language. */
export interface Picture {
  title: string;
  subtitle: string | null;
  /** The attributes that narrow the figures, in words (`Wilayah: Nusa Tenggara Timur · tahunan`). */
  filters: string;
  tiles: { value: string; label: string }[];
  /** A shaded map's legend: its title and classes, each a `percent` of the accent colour or, null, "no data". */
  legend?: { title: string; classes: { label: string; percent: number | null }[] } | null;
  chart: { spec: SpecName; datasets: Record<string, readonly object[]>; height?: number } | null;
  /** Shown instead of the chart (no rows), or under it (a map without points). */
  note: string | null;
  sources: SourceRef[];
  synthetic: boolean;
}

/** Names of places the picture needs but the answer lacks (a filter's region), looked up once. */
export type RegionNames = ReadonlyMap<string, string>;

/** Shapes a map draws, loaded from the widgets build; features as GeoJSON. */
export interface Geography {
  provinces: { properties: { code: string; name: string } }[];
  regenciesOf: (province: string) => { properties: { code: string; name: string } }[];
}

/** How one widget becomes a picture on the server: its attributes, its persisted operation and its drawing. */
export interface WidgetModel {
  /** The path segment (`metric-chart`) and the element (`pantau-metric-chart`). */
  name: string;
  tag: string;
  /** The file in schema/operations the element runs. */
  operation: string;
  attributes: AttributeRules;
  variables(attributes: Attributes): Record<string, unknown>;
  /** Region codes among the attributes whose names the filter line needs. */
  regionCodes(attributes: Attributes): string[];
  picture(answer: unknown, attributes: Attributes, context: { regionNames: RegionNames; width: number; geography: Geography }): Picture;
}

/** Distinct sources by key, in first-seen order. */
export function uniqueSources<S extends { key: string }>(lists: readonly (readonly S[])[]): S[] {
  const byKey = new Map<string, S>();
  for (const list of lists) for (const source of list) if (!byKey.has(source.key)) byKey.set(source.key, source);
  return [...byKey.values()];
}

export const joinFilters = (parts: (string | null | false | undefined)[]) => parts.filter((part): part is string => Boolean(part)).join(' · ');
export type { Language };

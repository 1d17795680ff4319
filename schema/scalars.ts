/** How a coordinate was placed, as in the `CoordinatePrecision` enum. */
export type PlacePrecision = 'VILLAGE' | 'REGENCY' | 'PROVINCE';

/**
 * The `PartnerVillageColumns` scalar (see its description in `schema.graphql`): one array per field,
 * point i described by entry i of each per-point array, repeated values stored once and referred to by index.
 */
export interface PartnerVillageColumns {
  count: number;
  villageCodes: string[];
  villageNames: string[];
  regency: number[];
  regencies: { codes: string[]; names: string[]; province: number[] };
  provinces: { codes: string[]; names: string[] };
  office: number[];
  offices: { codes: string[]; namesId: string[]; namesEn: string[] };
  designatedOn: (number | null)[];
  dates: string[];
  place: number[];
  places: { latitudes: number[]; longitudes: number[]; precision: PlacePrecision[] };
  synthetic: (0 | 1)[];
  source: number[];
}

/** One grouping of a `MetricSeriesColumns`: per row an index into its entries, or null when the row has no such group. */
export interface SeriesGroupColumn {
  key: string;
  value: (number | null)[];
  /** Region code, office code, programme key, campaign slug or dimension value. */
  codes: string[];
  namesId: string[];
  namesEn: string[];
}

/**
 * The `MetricSeriesColumns` scalar (see its description in `schema.graphql`): the rows of a series, one
 * array per field, row i described by entry i of each per-row array.
 */
export interface MetricSeriesColumns {
  count: number;
  period: number[];
  periods: string[];
  value: (string | null)[];
  suppressed: (0 | 1)[];
  isLowerBound: (0 | 1)[];
  synthetic: (0 | 1)[];
  observationCount: number[];
  sourceSet: number[];
  sourceSets: number[][];
  groups: SeriesGroupColumn[];
}

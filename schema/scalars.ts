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

/**
 * Pantau's SDMX artefacts: one dataflow and one data structure definition (DSD) per metric, all
 * maintained by agency PANTAU, their components taken from one concept scheme and coded by the
 * codelists of `codelists.ts`. The SDMX-CSV writer and the structure message both read the
 * components from here, so a file's columns are always its DSD's.
 */
export const agency = 'PANTAU';
/** Two-part (legacy) versions: the codelists grow with the catalogue, so the artefacts are mutable. */
export const version = '1.0';
/** The SDMX code for "all values of this dimension" (no breakdown by it). */
export const totalCode = '_T';
/** The SDMX code for "not applicable": the series is broken down by the dimension, but these figures have none. */
export const notApplicableCode = '_Z';
export const conceptSchemeId = 'CS_PANTAU';

export interface Names {
  id: string;
  en: string;
}

export interface CodedComponent {
  id: string;
  names: Names;
  codelist: string;
}

export interface UncodedComponent {
  id: string;
  names: Names;
  dataType: 'Decimal' | 'Boolean' | 'String' | 'ObservationalTimePeriod';
}

/** The dimensions every dataflow has, before the metric's own: a file's columns never change with `groupBy`. */
export const fixedDimensions: readonly CodedComponent[] = [
  { id: 'FREQ', names: { id: 'Frekuensi', en: 'Frequency' }, codelist: 'CL_FREQ' },
  { id: 'REF_AREA', names: { id: 'Wilayah', en: 'Reference area' }, codelist: 'CL_AREA' },
  { id: 'OFFICE', names: { id: 'Kantor', en: 'Office' }, codelist: 'CL_OFFICE' },
  { id: 'PROGRAMME', names: { id: 'Program', en: 'Programme' }, codelist: 'CL_PROGRAMME' },
  { id: 'CAMPAIGN', names: { id: 'Kampanye', en: 'Campaign' }, codelist: 'CL_CAMPAIGN' },
];

export const timeDimension: UncodedComponent = { id: 'TIME_PERIOD', names: { id: 'Periode waktu', en: 'Time period' }, dataType: 'ObservationalTimePeriod' };
export const measure: UncodedComponent = { id: 'OBS_VALUE', names: { id: 'Nilai observasi', en: 'Observation value' }, dataType: 'Decimal' };

export const unitAttribute: CodedComponent = { id: 'UNIT_MEASURE', names: { id: 'Satuan', en: 'Unit of measure' }, codelist: 'CL_UNIT' };
export const uncodedAttributes: readonly UncodedComponent[] = [
  { id: 'LOWER_BOUND', names: { id: 'Batas bawah ("lebih dari")', en: 'Lower bound ("more than")' }, dataType: 'Boolean' },
  { id: 'SYNTHETIC', names: { id: 'Data sintetis (bukan data kementerian)', en: 'Synthetic data (not ministry data)' }, dataType: 'Boolean' },
  { id: 'SOURCE', names: { id: 'Sumber (kunci, dipisah spasi)', en: 'Sources (keys, space-separated)' }, dataType: 'String' },
];

/**
 * Confidentiality as SDMX flags it, after the uncoded attributes: OBS_STATUS `C` (confidential) with
 * OBS_VALUE left empty, and CONF_STATUS from SDMX's CL_CONF_STATUS, `C` for a primary (small) cell
 * and `D` for a secondary (complementary) one; `A` and `F` for a figure shown.
 */
export const statusAttributes: readonly CodedComponent[] = [
  { id: 'OBS_STATUS', names: { id: 'Status observasi', en: 'Observation status' }, codelist: 'CL_OBS_STATUS' },
  { id: 'CONF_STATUS', names: { id: 'Status kerahasiaan', en: 'Confidentiality status' }, codelist: 'CL_CONF_STATUS' },
];

/** OBS_STATUS and CONF_STATUS of a row, from the rule that hid it (none when shown). */
export function statusCodes(rule: string | null | undefined): [string, string] {
  if (!rule) return ['A', 'F'];
  return ['C', rule === 'BELOW_THRESHOLD' ? 'C' : 'D'];
}

const dimensionNames: Record<string, Names> = {
  passport_type: { id: 'Jenis paspor', en: 'Passport type' },
  variety: { id: 'Varietas', en: 'Variety' },
  item: { id: 'Barang', en: 'Item' },
  office_type: { id: 'Jenis kantor', en: 'Office type' },
};

/** The component id of a metric's dimension key: `passport_type` is `PASSPORT_TYPE`, coded by `CL_PASSPORT_TYPE`. */
export function metricDimension(key: string): CodedComponent {
  const id = codeId(key).toUpperCase();
  const spaced = key.replaceAll('_', ' ');
  return { id, names: dimensionNames[key] ?? { id: spaced, en: spaced }, codelist: `CL_${id}` };
}

/** The dimensions of a metric's DSD in order; TIME_PERIOD comes after them. */
export function dimensionsOf(metric: { dimensions: readonly string[] }): CodedComponent[] {
  return [...fixedDimensions, ...metric.dimensions.map(metricDimension)];
}

export const dataflowId = (metricKey: string) => `DF_${codeId(metricKey).toUpperCase()}`;
export const dataStructureId = (metricKey: string) => `DSD_${codeId(metricKey).toUpperCase()}`;
/** `PANTAU:DF_PASSPORTS_ISSUED(1.0)`, the STRUCTURE_ID of SDMX-CSV. */
export const dataflowReference = (metricKey: string) => `${agency}:${dataflowId(metricKey)}(${version})`;

/** SDMX identifiers allow letters, digits, `_`, `@`, `$` and `-` only; anything else becomes `_`. */
export function codeId(text: string): string {
  return text.replace(/[^A-Za-z0-9_@$-]/g, '_');
}

/** A Kemendagri region code as an SDMX code: without its dots (`53.71` is `5371`, as Statistics Indonesia writes it). */
export function areaCode(regionCode: string): string {
  return codeId(regionCode.replaceAll('.', ''));
}

/** SDMX frequency of each granularity; TIME_PERIOD is already written in SDMX's format (`2025`, `2025-Q1`, `2025-01`, `2025-01-15`). */
export const frequencyOf: Record<string, string> = { YEAR: 'A', QUARTER: 'Q', MONTH: 'M', WEEK: 'W', DAY: 'D' };

export const urn = {
  dataStructure: (id: string) => `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${agency}:${id}(${version})`,
  dataflow: (id: string) => `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${agency}:${id}(${version})`,
  codelist: (id: string) => `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${agency}:${id}(${version})`,
  concept: (id: string) => `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${agency}:${conceptSchemeId}(${version}).${id}`,
};

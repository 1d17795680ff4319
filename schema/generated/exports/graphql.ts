/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Keeps only observations whose dimension `key` has `value`, or any of `values`. */
export type DimensionFilter = {
  /** Dimension key, e.g. `passport_type`. */
  key: string;
  /** Value to keep, e.g. `electronic`. */
  value?: string | null | undefined;
  /** Values to keep, any of them, e.g. `["electronic", "ordinary"]` (instead of `value`). */
  values?: Array<string> | null | undefined;
};

/** Width of the time buckets of a series. */
export type Granularity =
  | 'DAY'
  | 'MONTH'
  | 'QUARTER'
  /** ISO 8601 weeks, Monday to Sunday, labelled `2025-W03`; always read from the observations (weeks cut across the month rollups). */
  | 'WEEK'
  | 'YEAR';

/** Kind of ministry unit. */
export type OfficeType =
  /** Rumah Tahanan Negara (Rutan) */
  | 'DETENTION_HOUSE'
  /** Direktorat Jenderal (Imigrasi or Pemasyarakatan) */
  | 'DIRECTORATE_GENERAL'
  /** Rumah Detensi Imigrasi (Rudenim) */
  | 'IMMIGRATION_DETENTION_CENTER'
  /** Kantor Imigrasi (Kanim) */
  | 'IMMIGRATION_OFFICE'
  /** Lembaga Pembinaan Khusus Anak (LPKA) */
  | 'JUVENILE_CORRECTIONAL_INSTITUTION'
  /** Kementerian Imigrasi dan Pemasyarakatan */
  | 'MINISTRY'
  /** Balai Pemasyarakatan (Bapas) */
  | 'PAROLE_OFFICE'
  /** Politeknik Pengayoman Indonesia */
  | 'POLYTECHNIC'
  /** Lembaga Pemasyarakatan (Lapas) */
  | 'PRISON'
  /** Kantor Wilayah Direktorat Jenderal Pemasyarakatan (Kanwil Ditjenpas) */
  | 'REGIONAL_OFFICE_CORRECTIONS'
  /** Kantor Wilayah Direktorat Jenderal Imigrasi (Kanwil Ditjenim) */
  | 'REGIONAL_OFFICE_IMMIGRATION';

/** Narrows the observations of a series. A list keeps observations matching any of its items; different fields must all hold. */
export type SeriesFilter = {
  /** Campaign slug. */
  campaign?: string | null | undefined;
  /** Dimension values to keep, e.g. passport_type = electronic. */
  dimensions?: Array<DimensionFilter> | null | undefined;
  /** Only periods ending on or after this day. */
  from?: string | null | undefined;
  /** Office code. */
  officeCode?: string | null | undefined;
  /** Several office codes, any of them (instead of `officeCode`). */
  officeCodes?: Array<string> | null | undefined;
  /** Only figures reported by offices of these types, e.g. `[IMMIGRATION_OFFICE]`. */
  officeTypes?: Array<OfficeType> | null | undefined;
  /** Program key. */
  program?: string | null | undefined;
  /** Several program keys, any of them (instead of `program`). */
  programs?: Array<string> | null | undefined;
  /** Region code; matches the region and everything in it (offices count by their own region). */
  regionCode?: string | null | undefined;
  /** Several region codes, any of them, e.g. `["53", "52"]` (instead of `regionCode`). */
  regionCodes?: Array<string> | null | undefined;
  /** Only periods starting on or before this day. */
  to?: string | null | undefined;
};

/** What kind of document a source is. */
export type SourceKind =
  /** A published dataset. */
  | 'DATASET'
  /** A news article reporting the figure. */
  | 'NEWS_ARTICLE'
  /** Pantau’s synthetic-data generator (demo and load-test data, not ministry data). */
  | 'SYNTHETIC';

/** Why a cell is suppressed. */
export type SuppressionRule =
  /** Above zero and below the metric’s threshold. */
  | 'BELOW_THRESHOLD'
  /** Hidden so that a suppressed cell cannot be worked out from a total and the cells shown. */
  | 'COMPLEMENTARY'
  /** One observation of a sensitive metric: shown only inside suppressed tables (`metricSeries`), since any single figure could be subtracted from a shown total. */
  | 'SINGLE_OBSERVATION';

/** What a metric counts. */
export type Unit =
  /** kegiatan / activities */
  | 'ACTIVITY'
  /** dokumen / documents */
  | 'DOCUMENT'
  /** jenis barang / kinds of items */
  | 'ITEM_KIND'
  /** kantor / offices */
  | 'OFFICE'
  /** petugas / officers */
  | 'OFFICER'
  /** paket / packages */
  | 'PACKAGE'
  /** orang / people */
  | 'PERSON'
  /** program / programs */
  | 'PROGRAM'
  /** bibit / seedlings */
  | 'SEEDLING'
  /** desa / villages */
  | 'VILLAGE';

export type PantauMetricSeriesExportQueryVariables = Exact<{
  metric: string;
  groupBy?: Array<string> | string | null | undefined;
  granularity?: Granularity | null | undefined;
  filter?: SeriesFilter | null | undefined;
  includeSynthetic?: boolean | null | undefined;
  asOf?: string | null | undefined;
}>;


export type PantauMetricSeriesExportQuery = { metricSeries: { granularity: Granularity, groupBy: Array<string>, metric: { key: string, unit: Unit, dimensions: Array<string>, nameEn: string, nameId: string, unitEn: string }, rows: Array<{ period: string, periodStart: string, periodEnd: string, value: string | null, suppressed: boolean, isLowerBound: boolean, synthetic: boolean, suppression: { rule: SuppressionRule, threshold: number } | null, sources: Array<{ key: string }>, dimensions: Array<{ key: string, value: string }>, province: { code: string } | null, regency: { code: string } | null, region: { code: string } | null, office: { code: string } | null, program: { key: string } | null, campaign: { slug: string } | null }>, total: { value: string | null, suppressed: boolean, isLowerBound: boolean, synthetic: boolean, suppression: { rule: SuppressionRule, threshold: number } | null, sources: Array<{ key: string, kind: SourceKind, publisher: string, title: string, publishedOn: string | null, url: string | null, licence: string | null, claim: string }> } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PantauMetricSeriesExportDocument = new TypedDocumentString(`
    query PantauMetricSeriesExport($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean, $asOf: DateTime) {
  metricSeries(
    metric: $metric
    groupBy: $groupBy
    granularity: $granularity
    filter: $filter
    includeSynthetic: $includeSynthetic
    asOf: $asOf
  ) {
    metric {
      key
      nameEn: name(lang: EN)
      nameId: name(lang: ID)
      unit
      unitEn: unitLabel(lang: EN)
      dimensions
    }
    granularity
    groupBy
    rows {
      period
      periodStart
      periodEnd
      value
      suppressed
      suppression {
        rule
        threshold
      }
      isLowerBound
      synthetic
      sources {
        key
      }
      dimensions {
        key
        value
      }
      province {
        code
      }
      regency {
        code
      }
      region {
        code
      }
      office {
        code
      }
      program {
        key
      }
      campaign {
        slug
      }
    }
    total {
      value
      suppressed
      suppression {
        rule
        threshold
      }
      isLowerBound
      synthetic
      sources {
        key
        kind
        publisher
        title
        publishedOn
        url
        licence
        claim(lang: EN)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PantauMetricSeriesExportQuery, PantauMetricSeriesExportQueryVariables>;
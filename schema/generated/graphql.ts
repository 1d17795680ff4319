/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { MetricSeriesColumns, PartnerVillageColumns } from '../scalars.ts';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The regions a coverage table has one row for. */
export type CoverageLevel =
  /** One row per provinsi. */
  | 'PROVINCE'
  /** One row per kabupaten/kota (regency or city). */
  | 'REGENCY';

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

export type PantauCampaignTotalsQueryVariables = Exact<{
  slug: string;
  includeSynthetic?: boolean | null | undefined;
}>;


export type PantauCampaignTotalsQuery = { campaignTotals: { campaign: { slug: string, startsOn: string, endsOn: string, nameId: string, nameEn: string }, metrics: Array<{ value: string | null, isLowerBound: boolean, synthetic: boolean, unitId: string, unitEn: string, metric: { key: string, nameId: string, nameEn: string }, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }>, byOffice: Array<{ value: string | null, isLowerBound: boolean, synthetic: boolean, office: { code: string, nameId: string, nameEn: string } | null }>, byRegion: Array<{ value: string | null, isLowerBound: boolean, synthetic: boolean, region: { code: string, name: string } | null }> }> } };

export type PantauDesaBinaanMapQueryVariables = Exact<{
  province?: string | null | undefined;
  includeSynthetic?: boolean | null | undefined;
  level?: CoverageLevel | null | undefined;
  withCoverage?: boolean | null | undefined;
}>;


export type PantauDesaBinaanMapQuery = { partnerVillageMap: { synthetic: boolean, columns: PartnerVillageColumns, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }>, priorities: Array<{ region: { code: string, name: string }, source: { key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind } }> }, reportedVillages: { total: { value: string | null, isLowerBound: boolean, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> } | null }, reportedPimpasa: { total: { value: string | null, isLowerBound: boolean, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> } | null }, coverage?: { regions: Array<{ partnerVillages: number, coverageRatio: string | null, synthetic: boolean, region: { code: string, name: string }, pimpasaOfficers: { value: string | null, isLowerBound: boolean, observationCount: number }, tppoActivities: { value: string | null, isLowerBound: boolean, observationCount: number }, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> }> } };

export type PantauMetricChartQueryVariables = Exact<{
  metric: string;
  groupBy?: Array<string> | string | null | undefined;
  granularity?: Granularity | null | undefined;
  filter?: SeriesFilter | null | undefined;
  includeSynthetic?: boolean | null | undefined;
}>;


export type PantauMetricChartQuery = { metricSeries: { columns: MetricSeriesColumns, metric: { key: string, nameId: string, nameEn: string, unitId: string, unitEn: string }, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }>, total: { value: string | null, isLowerBound: boolean, synthetic: boolean, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> } | null } };

export type PantauMetricTileQueryVariables = Exact<{
  metric: string;
  granularity?: Granularity | null | undefined;
  filter?: SeriesFilter | null | undefined;
  includeSynthetic?: boolean | null | undefined;
}>;


export type PantauMetricTileQuery = { metricSeries: { metric: { key: string, nameId: string, nameEn: string, unitId: string, unitEn: string }, rows: Array<{ period: string, value: string | null, isLowerBound: boolean, synthetic: boolean, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> }> } };

export type PantauTppoCoverageQueryVariables = Exact<{
  level?: CoverageLevel | null | undefined;
  province?: string | null | undefined;
  includeSynthetic?: boolean | null | undefined;
}>;


export type PantauTppoCoverageQuery = { tppoCoverage: { regions: Array<{ villages: number, partnerVillages: number, partnerVillagesWithPimpasa: number, coverageRatio: string | null, pimpasaCoverageRatio: string | null, isPriority: boolean, synthetic: boolean, region: { code: string, name: string }, pimpasaOfficers: { value: string | null, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> }, tppoActivities: { value: string | null, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> }, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> }>, national: { villages: number, partnerVillages: number, coverageRatio: string | null, synthetic: boolean, reportedPartnerVillages: { value: string | null, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> } | null, reportedPimpasaOfficers: { value: string | null, sources: Array<{ key: string, publisher: string, title: string, publishedOn: string | null, url: string | null, kind: SourceKind }> } | null } } };

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

export const PantauCampaignTotalsDocument = new TypedDocumentString(`
    query PantauCampaignTotals($slug: String!, $includeSynthetic: Boolean) {
  campaignTotals(slug: $slug, includeSynthetic: $includeSynthetic) {
    campaign {
      slug
      nameId: name(lang: ID)
      nameEn: name(lang: EN)
      startsOn
      endsOn
    }
    metrics {
      metric {
        key
        nameId: name(lang: ID)
        nameEn: name(lang: EN)
      }
      value
      isLowerBound
      synthetic
      unitId: unitLabel(lang: ID)
      unitEn: unitLabel(lang: EN)
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
      byOffice {
        office {
          code
          nameId: name(lang: ID)
          nameEn: name(lang: EN)
        }
        value
        isLowerBound
        synthetic
      }
      byRegion {
        region {
          code
          name
        }
        value
        isLowerBound
        synthetic
      }
    }
  }
}
    `, {"hash":"03cf5f4f628ba193087340b31758dc4ca8ac1e57339d22b5d86ec4ffe64a3700"}) as unknown as TypedDocumentString<PantauCampaignTotalsQuery, PantauCampaignTotalsQueryVariables>;
export const PantauDesaBinaanMapDocument = new TypedDocumentString(`
    query PantauDesaBinaanMap($province: String, $includeSynthetic: Boolean, $level: CoverageLevel = PROVINCE, $withCoverage: Boolean = false) {
  partnerVillageMap(provinceCode: $province, includeSynthetic: $includeSynthetic) {
    synthetic
    columns
    sources {
      key
      publisher
      title
      publishedOn
      url
      kind
    }
    priorities {
      region {
        code
        name
      }
      source {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
  reportedVillages: metricSeries(metric: "partner_villages") {
    total {
      value
      isLowerBound
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
  reportedPimpasa: metricSeries(metric: "pimpasa_officers") {
    total {
      value
      isLowerBound
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
  coverage: tppoCoverage(
    level: $level
    provinceCode: $province
    includeSynthetic: $includeSynthetic
  ) @include(if: $withCoverage) {
    regions {
      region {
        code
        name
      }
      partnerVillages
      coverageRatio
      synthetic
      pimpasaOfficers {
        value
        isLowerBound
        observationCount
      }
      tppoActivities {
        value
        isLowerBound
        observationCount
      }
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
}
    `, {"hash":"90e5b35b6e97ccfc9fef0d50dbed9682f03baf9404769d77eabbe2d42b1ea537"}) as unknown as TypedDocumentString<PantauDesaBinaanMapQuery, PantauDesaBinaanMapQueryVariables>;
export const PantauMetricChartDocument = new TypedDocumentString(`
    query PantauMetricChart($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean) {
  metricSeries(
    metric: $metric
    groupBy: $groupBy
    granularity: $granularity
    filter: $filter
    includeSynthetic: $includeSynthetic
  ) {
    metric {
      key
      nameId: name(lang: ID)
      nameEn: name(lang: EN)
      unitId: unitLabel(lang: ID)
      unitEn: unitLabel(lang: EN)
    }
    columns
    sources {
      key
      publisher
      title
      publishedOn
      url
      kind
    }
    total {
      value
      isLowerBound
      synthetic
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
}
    `, {"hash":"0690a08ca922d9dc66f0f0f9ce581eb29ef8f1eaad245426948d33969479bcb7"}) as unknown as TypedDocumentString<PantauMetricChartQuery, PantauMetricChartQueryVariables>;
export const PantauMetricTileDocument = new TypedDocumentString(`
    query PantauMetricTile($metric: String!, $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean) {
  metricSeries(
    metric: $metric
    granularity: $granularity
    filter: $filter
    includeSynthetic: $includeSynthetic
  ) {
    metric {
      key
      nameId: name(lang: ID)
      nameEn: name(lang: EN)
      unitId: unitLabel(lang: ID)
      unitEn: unitLabel(lang: EN)
    }
    rows {
      period
      value
      isLowerBound
      synthetic
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
  }
}
    `, {"hash":"65d06b888bd0b384c26731c91015400222b1cf056c72a6d2b675e741550b832f"}) as unknown as TypedDocumentString<PantauMetricTileQuery, PantauMetricTileQueryVariables>;
export const PantauTppoCoverageDocument = new TypedDocumentString(`
    query PantauTppoCoverage($level: CoverageLevel, $province: String, $includeSynthetic: Boolean) {
  tppoCoverage(
    level: $level
    provinceCode: $province
    includeSynthetic: $includeSynthetic
  ) {
    regions {
      region {
        code
        name
      }
      villages
      partnerVillages
      partnerVillagesWithPimpasa
      coverageRatio
      pimpasaCoverageRatio
      pimpasaOfficers {
        value
        sources {
          key
          publisher
          title
          publishedOn
          url
          kind
        }
      }
      tppoActivities {
        value
        sources {
          key
          publisher
          title
          publishedOn
          url
          kind
        }
      }
      isPriority
      synthetic
      sources {
        key
        publisher
        title
        publishedOn
        url
        kind
      }
    }
    national {
      villages
      partnerVillages
      coverageRatio
      synthetic
      reportedPartnerVillages {
        value
        sources {
          key
          publisher
          title
          publishedOn
          url
          kind
        }
      }
      reportedPimpasaOfficers {
        value
        sources {
          key
          publisher
          title
          publishedOn
          url
          kind
        }
      }
    }
  }
}
    `, {"hash":"322c784fcf7b8f97256ac74c7b90cae48250494a108085db937991a43b78f72c"}) as unknown as TypedDocumentString<PantauTppoCoverageQuery, PantauTppoCoverageQueryVariables>;
/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query PantauMetricSeriesExport($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean, $asOf: DateTime) {\n  metricSeries(\n    metric: $metric\n    groupBy: $groupBy\n    granularity: $granularity\n    filter: $filter\n    includeSynthetic: $includeSynthetic\n    asOf: $asOf\n  ) {\n    metric {\n      key\n      nameEn: name(lang: EN)\n      nameId: name(lang: ID)\n      unit\n      unitEn: unitLabel(lang: EN)\n      dimensions\n    }\n    granularity\n    groupBy\n    rows {\n      period\n      periodStart\n      periodEnd\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n      }\n      dimensions {\n        key\n        value\n      }\n      province {\n        code\n      }\n      regency {\n        code\n      }\n      region {\n        code\n      }\n      office {\n        code\n      }\n      program {\n        key\n      }\n      campaign {\n        slug\n      }\n    }\n    total {\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n        kind\n        publisher\n        title\n        publishedOn\n        url\n        licence\n        claim(lang: EN)\n      }\n    }\n  }\n}": typeof types.PantauMetricSeriesExportDocument,
};
const documents: Documents = {
    "query PantauMetricSeriesExport($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean, $asOf: DateTime) {\n  metricSeries(\n    metric: $metric\n    groupBy: $groupBy\n    granularity: $granularity\n    filter: $filter\n    includeSynthetic: $includeSynthetic\n    asOf: $asOf\n  ) {\n    metric {\n      key\n      nameEn: name(lang: EN)\n      nameId: name(lang: ID)\n      unit\n      unitEn: unitLabel(lang: EN)\n      dimensions\n    }\n    granularity\n    groupBy\n    rows {\n      period\n      periodStart\n      periodEnd\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n      }\n      dimensions {\n        key\n        value\n      }\n      province {\n        code\n      }\n      regency {\n        code\n      }\n      region {\n        code\n      }\n      office {\n        code\n      }\n      program {\n        key\n      }\n      campaign {\n        slug\n      }\n    }\n    total {\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n        kind\n        publisher\n        title\n        publishedOn\n        url\n        licence\n        claim(lang: EN)\n      }\n    }\n  }\n}": types.PantauMetricSeriesExportDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PantauMetricSeriesExport($metric: String!, $groupBy: [String!], $granularity: Granularity, $filter: SeriesFilter, $includeSynthetic: Boolean, $asOf: DateTime) {\n  metricSeries(\n    metric: $metric\n    groupBy: $groupBy\n    granularity: $granularity\n    filter: $filter\n    includeSynthetic: $includeSynthetic\n    asOf: $asOf\n  ) {\n    metric {\n      key\n      nameEn: name(lang: EN)\n      nameId: name(lang: ID)\n      unit\n      unitEn: unitLabel(lang: EN)\n      dimensions\n    }\n    granularity\n    groupBy\n    rows {\n      period\n      periodStart\n      periodEnd\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n      }\n      dimensions {\n        key\n        value\n      }\n      province {\n        code\n      }\n      regency {\n        code\n      }\n      region {\n        code\n      }\n      office {\n        code\n      }\n      program {\n        key\n      }\n      campaign {\n        slug\n      }\n    }\n    total {\n      value\n      suppressed\n      suppression {\n        rule\n        threshold\n      }\n      isLowerBound\n      synthetic\n      sources {\n        key\n        kind\n        publisher\n        title\n        publishedOn\n        url\n        licence\n        claim(lang: EN)\n      }\n    }\n  }\n}"): typeof import('./graphql').PantauMetricSeriesExportDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

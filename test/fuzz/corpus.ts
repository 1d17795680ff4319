import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mutationOperations } from './mutation-operations.ts';

export { tokens } from './lexer-tokens.ts';

/** A valid operation and variables it accepts: the starting points that inputs are mutated from. */
export interface Operation {
  document: string;
  variables: Record<string, unknown>;
  /** Mutations are sent with the admin key; queries anonymously, keyed or not. */
  keyed?: boolean;
}

const operationsDir = fileURLToPath(new URL('../../schema/operations/', import.meta.url));
const widgetOperations: Operation[] = readdirSync(operationsDir)
  .filter((name) => name.endsWith('.graphql'))
  .map((name) => ({
    document: readFileSync(`${operationsDir}${name}`, 'utf8'),
    variables: {
      metric: 'passports_issued',
      groupBy: ['passport_type'],
      granularity: 'YEAR',
      filter: { regionCode: '53' },
      includeSynthetic: true,
      slug: 'hbi-76-2026',
      provinceCode: '53',
      level: 'PROVINCE',
    },
  }));

export const operations: Operation[] = [
  ...widgetOperations,
  {
    document:
      'query($first: Int, $after: String, $region: String, $types: [OfficeType!]) { offices(first: $first, after: $after, filter: { regionCode: $region, type: $types }) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id code name(lang: EN) region { code name } observations(limit: 2) { value } } } } }',
    variables: { first: 5, after: null, region: '36', types: ['IMMIGRATION_OFFICE'] },
  },
  { document: 'query($id: ID!) { node(id: $id) { id __typename ... on Observation { value published } } }', variables: { id: 'T2JzZXJ2YXRpb246MQ==' } },
  { document: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: ['T2JzZXJ2YXRpb246MQ==', 'T2ZmaWNlOjE='] } },
  {
    document:
      'query($first: Int, $last: Int, $before: String, $filter: ObservationFilter) { observations(first: $first, last: $last, before: $before, filter: $filter) { totalCount edges { node { value periodStart metric { key } } } } }',
    variables: { first: 3, filter: { metric: 'passports_issued', from: '2025-01-01', to: '2025-12-31', includeUnpublished: false } },
  },
  {
    document: 'query($filter: RegionFilter, $first: Int) { regions(filter: $filter, first: $first) { totalCount edges { node { code name } } } }',
    variables: { filter: { code: '53', level: 'REGENCY', search: 'Kupang' }, first: 10 },
  },
  {
    document: 'query($filter: CampaignFilter) { campaigns(filter: $filter) { edges { node { slug startsOn } } } }',
    variables: { filter: { from: '2026-01-01', to: '2026-12-31' } },
  },
  {
    document: 'query($filter: PartnerVillageFilter) { partnerVillages(filter: $filter, first: 3) { totalCount } }',
    variables: { filter: { regionCode: '53', officeCode: 'kanim-kupang' } },
  },
  {
    document: 'query($theme: ProgramTheme, $kind: SourceKind) { programs(theme: $theme) { totalCount } sources(kind: $kind) { totalCount } metrics { edges { node { key } } } }',
    variables: { theme: 'TPPO_PREVENTION', kind: 'NEWS_ARTICLE' },
  },
  {
    document: 'query($filter: AuditFilter) { auditLog(filter: $filter, first: 2) { totalCount } }',
    variables: { filter: { action: 'observation.create', from: '2026-01-01' } },
    keyed: true,
  },
  ...mutationOperations,
];

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

const observationInput = {
  metric: 'passports_issued',
  value: '610',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  officeCode: 'kanwil-ditjenim-ntt',
  regionCode: '53',
  source: 'fuzz-report',
  dimensions: [{ key: 'passport_type', value: 'ordinary' }],
};

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
  {
    document: 'mutation($input: ObservationInput!, $key: String) { createObservation(input: $input, idempotencyKey: $key) { observation { id value } } }',
    variables: { input: observationInput, key: 'fuzz-1' },
    keyed: true,
  },
  {
    document: 'mutation($id: ID!, $input: ObservationInput!) { updateObservation(id: $id, input: $input) { observation { id } } }',
    variables: { id: 'T2JzZXJ2YXRpb246MQ==', input: observationInput },
    keyed: true,
  },
  {
    document: 'mutation($id: ID!, $key: String) { deleteObservation(id: $id, idempotencyKey: $key) { deletedId } }',
    variables: { id: 'T2JzZXJ2YXRpb246OTk5OTk5', key: 'fuzz-delete' },
    keyed: true,
  },
  { document: 'mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }', variables: { ids: ['T2JzZXJ2YXRpb246OTk5OTk5'] }, keyed: true },
  {
    document: 'mutation($input: SourceInput!) { createSource(input: $input) { source { key } } }',
    variables: { input: { key: 'fuzz-source', kind: 'DATASET', publisher: 'P', title: 'T', url: 'https://example.org/x', publishedOn: '2026-01-02', claimId: 'c', claimEn: 'c' } },
    keyed: true,
  },
  {
    document: 'mutation($input: CampaignInput!) { createCampaign(input: $input) { campaign { slug } } }',
    variables: {
      input: {
        slug: 'fuzz-campaign',
        nameId: 'n',
        nameEn: 'n',
        startsOn: '2026-01-01',
        endsOn: '2026-01-02',
        programs: [],
        participatingOffices: ['kanwil-ditjenim-ntt'],
        participatingRegions: ['53'],
      },
    },
    keyed: true,
  },
  {
    document: 'mutation($input: PartnerVillageInput!) { createPartnerVillage(input: $input) { partnerVillage { id } } }',
    variables: { input: { villageCode: '53.71.01.1001', officeCode: 'kanim-kupang', pimpasaCount: 1, source: 'fuzz-report' } },
    keyed: true,
  },
];

/** Lexer tokens of the kinds our documents use, for documents assembled at random. */
export const tokens = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '=',
  '!',
  '$',
  '...',
  '@',
  '|',
  '&',
  ',',
  'query',
  'mutation',
  'subscription',
  'fragment',
  'on',
  'schema',
  'type',
  'null',
  'true',
  'false',
  '__typename',
  '__schema',
  '__type',
  'types',
  'name',
  'fields',
  '@include(if: true)',
  '@skip(if: $x)',
  '@deprecated',
  'offices',
  'observations',
  'metricSeries',
  'node',
  'nodes',
  'campaign',
  'campaignTotals',
  'tppoCoverage',
  'regions',
  'createObservation',
  'deleteSource',
  'first',
  'last',
  'after',
  'id',
  'ids',
  'edges',
  'totalCount',
  'code',
  'value',
  'metric',
  'rows',
  'filter',
  'input',
  'idempotencyKey',
  '1',
  '-1',
  '0',
  '100000',
  '2147483648',
  '1e309',
  '0.5',
  '"x"',
  '""',
  '"\\u0000"',
  '"\\uD800"',
  '"""block"""',
  '"unterminated',
  'YEAR',
  'EN',
  'PROVINCE',
  '$first',
  '$id',
  'Int',
  'String!',
  'ID!',
  '[ID!]!',
  '#comment\n',
  '\u0000',
  '\uD800',
  '\t',
  '\n',
];

import type { Operation } from './corpus.ts';

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

/** The write operations, sent with the admin key. */
export const mutationOperations: Operation[] = [
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

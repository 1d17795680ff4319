import { MAX_PAGE_SIZE } from '../schema/pagination.ts';

/**
 * The most items each list input takes, by schema coordinate (`Type.field.argument` for arguments,
 * `InputType.field` for input fields). Lists not named here take `defaultMaxListItems`.
 */
export const maxListItems: Readonly<Record<string, number>> = {
  'Query.nodes.ids': MAX_PAGE_SIZE,
  'Mutation.publishObservations.ids': MAX_PAGE_SIZE,
  'Query.metricSeries.groupBy': 10,
  'SeriesFilter.dimensions': 20,
  'SeriesFilter.officeTypes': 20,
  'OfficeFilter.type': 20,
  'ObservationInput.dimensions': 20,
  'CampaignInput.participatingOffices': MAX_PAGE_SIZE,
  'CampaignInput.participatingRegions': MAX_PAGE_SIZE,
  'CampaignInput.programs': 100,
};

export const defaultMaxListItems = 100;
